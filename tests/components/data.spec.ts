import * as assert from "assert";
import { BACKUP_BUCKETS } from "../../components/backup-store";
import {
    bucketPolicy,
    lifecycleRules,
    writerPolicy,
} from "../../components/backup-store/documents";
import { X509Certificate } from "node:crypto";
import { CONFIG_KEYS } from "../../config/schema";
import { parse } from "yaml";
import { RDS_CA_IDENTIFIER, rdsCaBundle } from "../../components/postgres/ca-bundle";
import {
    parameterGroupFamily,
    rdsIdentifier,
    replicaRefusals,
    replicaZones,
} from "../../components/postgres/settings";
import { nodeZones, replicationGroupId } from "../../components/redis/settings";
import { InventoryResource } from "../../offline/inventory";
import { PlanMocks } from "../../offline/mock-values";
import { byName, ofType, planned, STACKS } from "../support/harness";

describe("PostgreSQL settings RDS enforces", () => {
    it("derives the parameter group family from the engine's major version", () => {
        assert.strictEqual(parameterGroupFamily("17"), "postgres17");
        assert.strictEqual(parameterGroupFamily("16.4"), "postgres16");
        for (const bad of ["9.6", "abc", "17.x", ""])
            assert.throws(() => parameterGroupFamily(bad), /not a PostgreSQL engine version/, bad);
    });
    it("accepts exactly the majors the configuration schema accepts (one statement of the range)", () => {
        for (const version of ["13", "14", "17.6", "19", "20"]) {
            const bySchema = CONFIG_KEYS.postgresEngineVersion.schema.safeParse(version).success;
            const bySettings = (() => {
                try {
                    parameterGroupFamily(version);
                    return true;
                } catch {
                    return false;
                }
            })();
            assert.strictEqual(bySettings, bySchema, version);
            assert.strictEqual(bySchema, version !== "13" && version !== "20", version);
        }
    });
    it("builds identifiers RDS accepts and refuses the ones it would not", () => {
        assert.strictEqual(rdsIdentifier("Chain-Platform-prod", "pg"), "chain-platform-prod-pg");
        assert.throws(() => rdsIdentifier("x".repeat(61), "pg"), /is 64 characters; RDS allows 63/);
        assert.throws(() => rdsIdentifier("1platform", "pg"), /must start with a letter/);
        assert.throws(() => rdsIdentifier("plat_form", "pg"), /only letters, digits and hyphens/);
        assert.throws(() => rdsIdentifier("platform-", "pg"), /two hyphens/);
        assert.throws(() => rdsIdentifier("platform", "pg-"), /end with a hyphen/);
    });
    it("puts each replica in its own zone, never the primary's", () => {
        assert.deepStrictEqual(replicaZones(["a", "b", "c", "d"], 2), ["b", "c"]);
        assert.throws(() => replicaZones(["a", "b"], 2), /2 replicas need 3 zones/);
    });
    it("names the settings RDS refuses on a same-region replica", () => {
        assert.deepStrictEqual(
            replicaRefusals({ replicateSourceDb: "primary", instanceClass: "db.t4g.large" }),
            [],
        );
        assert.deepStrictEqual(
            replicaRefusals({
                replicateSourceDb: "primary",
                dbSubnetGroupName: "g",
                username: "admin",
            }).map((m) => m.split(":")[0]),
            ["username", "dbSubnetGroupName"],
        );
        assert.deepStrictEqual(replicaRefusals({ instanceClass: "db.t4g.large" }), [
            "replicateSourceDb: a replica names its source",
        ]);
    });
});

describe("PostgreSQL clients verify the server", () => {
    const certificates = (pem: string) =>
        pem
            .split(/(?<=-----END CERTIFICATE-----)\n?/)
            .filter((c) => c.trim())
            .map((c) => new X509Certificate(c));
    it("carries the root of the pinned CA in the stack's region, and refuses a CA or region it has no root for", () => {
        const roots = certificates(rdsCaBundle("eu-west-1"));
        assert.ok(roots.length > 0);
        for (const root of roots) {
            assert.match(root.subject, /CN=Amazon RDS eu-west-1 Root CA RSA2048 G1/);
            assert.ok(root.ca && root.checkIssued(root), "a self-signed root");
        }
        assert.throws(
            () => rdsCaBundle("eu-west-1", "rds-ca-2019"),
            /not an RDS certificate authority with a per-region root/,
        );
        assert.throws(
            () => rdsCaBundle("xx-nowhere-1"),
            /no valid root "Amazon RDS xx-nowhere-1 Root CA RSA2048 G1"/,
        );
        assert.throws(
            () => rdsCaBundle("eu-west-1", RDS_CA_IDENTIFIER, new Date("2062-01-01")),
            /no valid root/,
            "an expired root is not carried",
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: every instance is signed by the pinned CA, and every client namespace carries that region's bundle`, () => {
            const inventory = planned(stack);
            for (const db of ofType(inventory, "aws:rds/instance:Instance"))
                assert.strictEqual(db.inputs.caCertIdentifier, RDS_CA_IDENTIFIER, db.name);
            const bundles = ofType(inventory, "kubernetes:core/v1:ConfigMap").filter(
                (c) => (c.inputs.metadata as { name: string }).name === "rds-ca",
            );
            assert.deepStrictEqual(
                bundles.map((c) => (c.inputs.metadata as { namespace: string }).namespace).sort(),
                ["backups", "database-users", "monitoring"],
            );
            for (const bundle of bundles) {
                // Read from the certificates themselves: the root of the pinned CA for this stack's region, self-signed, valid for years.
                const roots = certificates(
                    (bundle.inputs.data as Record<string, string>)["ca.pem"]!,
                );
                assert.strictEqual(roots.length, 1);
                assert.match(
                    roots[0]!.subject,
                    new RegExp(`CN=Amazon RDS ${inventory.region} Root CA RSA2048 G1`),
                );
                assert.ok(roots[0]!.ca && roots[0]!.checkIssued(roots[0]!));
                assert.ok(
                    new Date(roots[0]!.validTo).getTime() > Date.now() + 5 * 365 * 86_400_000,
                );
            }
        });
    }
});

describe("the API servers verify the database too", () => {
    for (const stack of STACKS) {
        it(`${stack}: the roots are written beside the settings and mounted into the container`, () => {
            const inventory = planned(stack);
            const servers = ofType(inventory, "aws:ec2/instance:Instance").filter((r) =>
                /^app-\d+$/.test(r.name),
            );
            assert.ok(servers.length > 0);
            for (const server of servers) {
                const userData = parse(String(server.inputs.userData)) as {
                    write_files: { path: string; content: string }[];
                };
                const file = (p: string) =>
                    userData.write_files.find((f) => f.path === p)?.content ?? "";
                assert.match(
                    file("/etc/platform-api/settings.env"),
                    /^DATABASE_SSLMODE=verify-full\nDATABASE_SSLROOTCERT=\/etc\/platform-api\/rds-ca\.pem$/m,
                );
                const roots = file("/etc/platform-api/rds-ca.pem")
                    .split(/(?<=-----END CERTIFICATE-----)\n?/)
                    .filter((c) => c.trim());
                assert.strictEqual(roots.length, 1, server.name);
                assert.match(
                    new X509Certificate(roots[0]!).subject,
                    new RegExp(`CN=Amazon RDS ${inventory.region} Root CA RSA2048 G1`),
                );
                assert.match(
                    file("/etc/systemd/system/platform-api.service"),
                    /--volume \/etc\/platform-api\/rds-ca\.pem:\/etc\/platform-api\/rds-ca\.pem:ro/,
                );
            }
        });
    }
});

describe("Redis settings ElastiCache enforces", () => {
    it("builds replication group ids of at most 40 characters", () => {
        assert.strictEqual(
            replicationGroupId("chain-platform-prod", "redis"),
            "chain-platform-prod-redis",
        );
        assert.throws(
            () => replicationGroupId("a-very-long-project-name-for-staging", "redis"),
            /1–40/,
        );
        assert.throws(() => replicationGroupId("9lives"), /starting with a letter/);
    });
    it("spreads nodes over zones, primary first", () => {
        assert.deepStrictEqual(nodeZones(["a", "b", "c", "d"], 3), ["a", "b", "c"]);
        assert.deepStrictEqual(nodeZones(["a", "b"], 3), ["a", "b", "a"]);
    });
});

describe("backup documents", () => {
    it("keeps the seeds' retention: daily 30 d, 4-hourly 7 d, weekly 12 w, monthly 12 m, colder storage where it pays", () => {
        const rules = lifecycleRules("postgres");
        const byPrefix = Object.fromEntries(rules.map((r) => [r.filter.prefix, r]));
        assert.strictEqual(byPrefix["postgres/daily/"]!.expiration!.days, 30);
        assert.strictEqual(byPrefix["postgres/incremental/"]!.expiration!.days, 7);
        assert.strictEqual(byPrefix["postgres/weekly/"]!.expiration!.days, 84);
        assert.strictEqual(byPrefix["postgres/monthly/"]!.expiration!.days, 365);
        for (const rule of rules) {
            for (const t of rule.transitions ?? []) {
                assert.ok(
                    t.days >= 30 && t.days < rule.expiration!.days,
                    `${rule.id}: transition at ${t.days} d`,
                );
            }
        }
        assert.deepStrictEqual(byPrefix[""]!.noncurrentVersionExpiration, { noncurrentDays: 7 });
    });
    it("scopes a writer to its own prefix and the backups key", () => {
        const doc = writerPolicy("arn:aws:s3:::dumps", "postgres", "arn:aws:kms:us-east-1:1:key/k");
        const objectResources = doc.Statement.filter(
            (s) =>
                String(s.Action).includes("PutObject") ||
                (Array.isArray(s.Action) && s.Action.includes("s3:PutObject")),
        ).map((s) => s.Resource);
        assert.deepStrictEqual(objectResources, ["arn:aws:s3:::dumps/postgres/*"]);
        assert.ok(
            !JSON.stringify(doc).includes('"s3:*"') &&
                !JSON.stringify(doc).includes('"arn:aws:s3:::dumps/*"'),
        );
    });
    it("denies requests without TLS 1.2", () => {
        const doc = bucketPolicy("arn:aws:s3:::b");
        assert.ok(
            doc.Statement.some(
                (s) =>
                    s.Effect === "Deny" &&
                    JSON.stringify(s.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}',
            ),
        );
    });
});

for (const stack of STACKS) {
    const expected =
        stack === "prod"
            ? {
                  replicas: 2,
                  retention: 14,
                  protection: true,
                  multiAz: true,
                  redisNodes: 3,
                  snapshots: 14,
                  objectLock: true,
                  replicaRegion: "us-west-2",
              }
            : {
                  replicas: 1,
                  retention: 7,
                  protection: false,
                  multiAz: false,
                  redisNodes: 2,
                  snapshots: 3,
                  objectLock: false,
                  replicaRegion: undefined,
              };

    describe(`data tier of ${stack}`, () => {
        const outputs = () =>
            planned(stack).outputs as {
                kmsKeyArns: Record<string, string>;
                securityGroupIds: Record<string, string>;
                privateSubnetIds: string[];
                availabilityZones: string[];
            };
        const instances = () => ofType(planned(stack), "aws:rds/instance:Instance");
        const primary = () => instances().find((i) => i.inputs.replicateSourceDb === undefined)!;
        const replicas = () => instances().filter((i) => i.inputs.replicateSourceDb !== undefined);

        it(`declares a primary and ${expected.replicas} replica(s), each replica in its own zone, none in the primary's`, () => {
            assert.strictEqual(instances().length, 1 + expected.replicas);
            const zones = replicas().map((r) => r.inputs.availabilityZone as string);
            assert.strictEqual(new Set(zones).size, expected.replicas);
            const primaryZone = outputs().availabilityZones[0];
            assert.ok(
                !zones.includes(primaryZone!),
                `a replica shares the primary's zone ${primaryZone}`,
            );
            assert.strictEqual(primary().inputs.multiAz, expected.multiAz);
            // RDS refuses a zone on a Multi-AZ instance; a single-AZ primary is pinned to the first zone.
            assert.strictEqual(
                primary().inputs.availabilityZone,
                expected.multiAz ? undefined : primaryZone,
            );
            for (const replica of replicas()) {
                assert.strictEqual(replica.inputs.replicateSourceDb, primary().inputs.identifier);
                assert.deepStrictEqual(replicaRefusals(replica.inputs), [], replica.name);
            }
        });
        it("encrypts storage and Performance Insights with the data key and keeps the password out of Pulumi", () => {
            const data = outputs().kmsKeyArns.data;
            const p = primary().inputs;
            assert.deepStrictEqual(
                [
                    p.storageEncrypted,
                    p.kmsKeyId,
                    p.performanceInsightsEnabled,
                    p.performanceInsightsKmsKeyId,
                ],
                [true, data, true, data],
            );
            assert.deepStrictEqual(
                [p.manageMasterUserPassword, p.masterUserSecretKmsKeyId],
                [true, outputs().kmsKeyArns.secrets],
            );
            assert.ok(
                instances().every(
                    (i) => i.inputs.password === undefined && i.inputs.publiclyAccessible === false,
                ),
            );
            assert.ok(replicas().every((r) => r.inputs.performanceInsightsKmsKeyId === data));
        });
        it(`forces TLS with a parameter group of the engine's family, keeps ${expected.retention} days of backups, protects as the environment needs`, () => {
            const group = ofType(planned(stack), "aws:rds/parameterGroup:ParameterGroup")[0]!;
            assert.strictEqual(
                group.inputs.family,
                parameterGroupFamily(primary().inputs.engineVersion as string),
            );
            assert.ok(
                (group.inputs.parameters as { name: string; value: string }[]).some(
                    (x) => x.name === "rds.force_ssl" && x.value === "1",
                ),
            );
            assert.ok(instances().every((i) => i.inputs.parameterGroupName === group.inputs.name));
            const p = primary().inputs;
            assert.strictEqual(p.backupRetentionPeriod, expected.retention);
            assert.strictEqual(p.deletionProtection, expected.protection);
            assert.strictEqual(p.skipFinalSnapshot, !expected.protection);
            assert.strictEqual(p.finalSnapshotIdentifier !== undefined, expected.protection);
            assert.deepStrictEqual(p.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
            assert.ok(instances().every((i) => (i.inputs.identifier as string).length <= 63));
        });
        it("admits PostgreSQL only through the postgres security group, in private subnets, on the port map's port", () => {
            assert.ok(
                instances().every(
                    (i) =>
                        JSON.stringify(i.inputs.vpcSecurityGroupIds) ===
                            JSON.stringify([outputs().securityGroupIds.postgres]) &&
                        i.inputs.port === 5432,
                ),
            );
            assert.deepStrictEqual(
                ofType(planned(stack), "aws:rds/subnetGroup:SubnetGroup")[0]!.inputs.subnetIds,
                outputs().privateSubnetIds,
            );
        });

        it(`runs Redis with ${expected.redisNodes} nodes, encrypted at rest and in transit, with an auth token from random kept secret`, () => {
            const group = ofType(
                planned(stack),
                "aws:elasticache/replicationGroup:ReplicationGroup",
            )[0]!.inputs;
            assert.strictEqual(group.numCacheClusters, expected.redisNodes);
            assert.deepStrictEqual(
                [group.automaticFailoverEnabled, group.multiAzEnabled],
                [expected.multiAz, expected.multiAz],
            );
            assert.deepStrictEqual(
                [
                    group.atRestEncryptionEnabled,
                    group.kmsKeyId,
                    group.transitEncryptionEnabled,
                    group.authToken,
                ],
                [true, outputs().kmsKeyArns.data, true, "[secret]"],
            );
            assert.strictEqual(group.snapshotRetentionLimit, expected.snapshots);
            assert.deepStrictEqual(
                [group.port, group.securityGroupIds],
                [6379, [outputs().securityGroupIds.redis]],
            );
            assert.strictEqual(
                new Set(group.preferredCacheClusterAzs as string[]).size,
                expected.redisNodes,
            );
            const secretVersion = ofType(
                planned(stack),
                "aws:secretsmanager/secretVersion:SecretVersion",
            )[0]!;
            assert.strictEqual(secretVersion.inputs.secretString, "[secret]");
            assert.strictEqual(
                ofType(planned(stack), "aws:secretsmanager/secret:Secret")[0]!.inputs.kmsKeyId,
                outputs().kmsKeyArns.secrets,
            );
        });
        it("never writes the generated auth token into the plan", () => {
            const mock = new PlanMocks("us-east-1").newResource({
                type: "random:index/randomPassword:RandomPassword",
                name: "redis-auth-token",
                inputs: { length: 64, special: false },
            });
            const token = mock.state.result as string;
            assert.strictEqual(token.length, 64);
            assert.ok(!JSON.stringify(planned(stack)).includes(token));
        });

        it("keeps three backup buckets, each SSE-KMS with the backups key, versioned, blocked, TLS-only, access-logged, lifecycled", () => {
            const inventory = planned(stack);
            const childOf = (bucket: InventoryResource, type: string) =>
                ofType(inventory, type).find((r) => r.parent === bucket.parent)!;
            const buckets = ofType(inventory, "aws:s3/bucket:Bucket").filter(
                (b) =>
                    !String(b.inputs.bucket).endsWith(expected.replicaRegion ?? "-none") &&
                    !String(b.inputs.bucket).includes("access-logs"),
            );
            assert.deepStrictEqual(
                buckets.map((b) => (b.inputs.tags as Record<string, string>).Purpose).sort(),
                Object.keys(BACKUP_BUCKETS).sort(),
            );
            for (const bucket of buckets) {
                const sse = childOf(
                    bucket,
                    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                ).inputs.rules as Record<string, Record<string, unknown>>[];
                assert.deepStrictEqual(sse[0]!.applyServerSideEncryptionByDefault, {
                    kmsMasterKeyId: outputs().kmsKeyArns.backups,
                    sseAlgorithm: "aws:kms",
                });
                assert.strictEqual(sse[0]!.bucketKeyEnabled, true);
                assert.deepStrictEqual(
                    childOf(bucket, "aws:s3/bucketVersioning:BucketVersioning").inputs
                        .versioningConfiguration,
                    { status: "Enabled" },
                );
                const block = childOf(
                    bucket,
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                ).inputs;
                assert.ok(
                    [
                        block.blockPublicAcls,
                        block.blockPublicPolicy,
                        block.ignorePublicAcls,
                        block.restrictPublicBuckets,
                    ].every((v) => v === true),
                );
                assert.match(
                    childOf(bucket, "aws:s3/bucketPolicy:BucketPolicy").inputs.policy as string,
                    /"aws:SecureTransport":"false"/,
                );
                assert.match(
                    childOf(bucket, "aws:s3/bucketLogging:BucketLogging").inputs
                        .targetBucket as string,
                    /s3-access-logs/,
                );
                const purpose = (bucket.inputs.tags as Record<string, string>)
                    .Purpose as keyof typeof BACKUP_BUCKETS;
                const rules = childOf(
                    bucket,
                    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                ).inputs.rules as { filter: { prefix: string }; expiration?: { days: number } }[];
                assert.deepStrictEqual(
                    rules
                        .filter((r) => r.expiration)
                        .map((r) => [r.filter.prefix, r.expiration!.days]),
                    lifecycleRules(BACKUP_BUCKETS[purpose].writer)
                        .filter((r) => r.expiration)
                        .map((r) => [r.filter.prefix, r.expiration!.days]),
                );
                const lock = ofType(
                    inventory,
                    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
                ).find((r) => r.parent === bucket.parent);
                assert.strictEqual(bucket.inputs.objectLockEnabled, expected.objectLock);
                assert.strictEqual(lock !== undefined, expected.objectLock);
                if (lock)
                    assert.deepStrictEqual(lock.inputs.rule, {
                        defaultRetention: { days: 7, mode: "GOVERNANCE" },
                    });
            }
        });
        it("gives each backup writer an IAM policy scoped to its prefix", () => {
            const policies = ofType(planned(stack), "aws:iam/policy:Policy").filter((p) =>
                String(p.inputs.name).includes("-writer"),
            );
            assert.strictEqual(policies.length, 3);
            for (const policy of policies) {
                const doc = JSON.parse(policy.inputs.policy as string) as {
                    Statement: { Resource: unknown }[];
                };
                const purpose = Object.entries(BACKUP_BUCKETS).find(([p]) =>
                    String(policy.inputs.name).includes(`-${p}-writer`),
                )!;
                assert.match(
                    JSON.stringify(doc.Statement[0]!.Resource),
                    new RegExp(`-${purpose[0]}-\\d+/${purpose[1].writer}/\\*"$`),
                );
            }
        });
        it(
            expected.replicaRegion
                ? `replicates every backup bucket to ${expected.replicaRegion}, encrypted with a key of that region`
                : "has no cross-region replica",
            () => {
                const inventory = planned(stack);
                const configs = ofType(
                    inventory,
                    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                );
                if (!expected.replicaRegion) {
                    assert.deepStrictEqual(configs, []);
                    return;
                }
                assert.strictEqual(configs.length, 3);
                const provider = ofType(inventory, "pulumi:providers:aws")[0]!;
                assert.strictEqual(provider.inputs.region, expected.replicaRegion);
                const replicaKey = byName(inventory, "backups-replica-key");
                for (const config of configs) {
                    const [rule] = config.inputs.rules as {
                        destination: {
                            bucket: string;
                            encryptionConfiguration: { replicaKmsKeyId: string };
                        };
                        sourceSelectionCriteria: unknown;
                    }[];
                    assert.match(
                        rule!.destination.bucket,
                        new RegExp(`-${expected.replicaRegion}$`),
                    );
                    assert.match(
                        rule!.destination.encryptionConfiguration.replicaKmsKeyId,
                        new RegExp(`^arn:aws:kms:${expected.replicaRegion}:`),
                    );
                    assert.deepStrictEqual(rule!.sourceSelectionCriteria, {
                        sseKmsEncryptedObjects: { status: "Enabled" },
                    });
                }
                assert.strictEqual(replicaKey.inputs.enableKeyRotation, true);
            },
        );
    });
}

describe("backup jobs write where their policy allows", () => {
    for (const stack of STACKS) {
        it(`${stack}: each dump job's bucket and prefix are the ones its role's writer policy allows`, () => {
            const inventory = planned(stack);
            const writer = ofType(inventory, "aws:iam/policy:Policy").find(
                (p) => p.name === "backups-dumps-writer",
            )!;
            const allowed = (
                JSON.parse(writer.inputs.policy as string) as {
                    Statement: { Sid: string; Resource: string }[];
                }
            ).Statement.find((st) => st.Sid === "ReadWriteOwnPrefix")!.Resource;
            const jobs = ofType(inventory, "kubernetes:batch/v1:CronJob").filter((j) =>
                /backup-postgres-/.test(j.name),
            );
            assert.ok(jobs.length > 0);
            for (const job of jobs) {
                type Pod = {
                    containers: { name: string; env: { name: string; value: string }[] }[];
                };
                const pod = (
                    job.inputs.spec as { jobTemplate: { spec: { template: { spec: Pod } } } }
                ).jobTemplate.spec.template.spec;
                const env = Object.fromEntries(
                    pod.containers
                        .find((c) => c.name === "upload")!
                        .env.map((e) => [e.name, e.value]),
                );
                // The job writes s3://$BUCKET/$PREFIX/<schedule>/<stamp>: inside arn:…:::bucket/prefix/*.
                assert.strictEqual(allowed, `arn:aws:s3:::${env.BUCKET}/${env.PREFIX}/*`, job.name);
            }
        });
    }
});
