/**
 * What a component declares when an argument it documents as defaulted is left out. The stacks pass
 * every such argument, so only these in-process tests run the defaults.
 */
import * as assert from "assert";
import { BackupStore } from "../../components/backup-store";
import { Keys } from "../../components/keys";
import { Postgres } from "../../components/postgres";
import { Redis } from "../../components/redis";
import { declaredUnder, Declared, useMocks } from "../support/mocks";

const DATA_STORE = {
    zones: ["us-east-1a", "us-east-1b"],
    subnetIds: ["subnet-a", "subnet-b"],
    securityGroupId: "sg-1",
    dataKeyArn: "arn:aws:kms:us-east-1:123456789012:key/data",
    secretsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/secrets",
    namePrefix: "chain-platform-unit",
};
const POLICY_CONTEXT = { accountId: "123456789012", region: "us-east-1", partition: "aws" };

const ofType = (resources: readonly Declared[], type: string) =>
    resources.filter((r) => r.type === type);

describe("component defaults (in-process)", () => {
    before(() => useMocks());

    it("Postgres: no replica, 7 days of backups, deletion protection with a final snapshot, 60 s enhanced monitoring, one zone", async () => {
        new Postgres("defaults-postgres", {
            ...DATA_STORE,
            port: 5432,
            engineVersion: "17",
            instanceClass: "db.t4g.large",
            allocatedStorageGb: 100,
            accountId: "123456789012",
            region: "us-east-1",
        });
        const instances = ofType(
            await declaredUnder("defaults-postgres"),
            "aws:rds/instance:Instance",
        );
        assert.strictEqual(instances.length, 1, "a primary and no replica");
        const primary = instances[0]!.inputs;
        assert.strictEqual(primary.backupRetentionPeriod, 7);
        assert.strictEqual(primary.deletionProtection, true);
        assert.strictEqual(primary.skipFinalSnapshot, false);
        assert.strictEqual(primary.monitoringInterval, 60);
        assert.strictEqual(primary.multiAz, false);
        assert.strictEqual(primary.availabilityZone, "us-east-1a");
    });

    it("Redis: one replica without failover, 7 days of snapshots, a 30-day secret recovery window, the first token", async () => {
        new Redis("defaults-redis", { ...DATA_STORE, port: 6379, nodeType: "cache.t4g.small" });
        const resources = await declaredUnder("defaults-redis");
        const [group] = ofType(resources, "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.strictEqual(group?.inputs.numCacheClusters, 2);
        assert.strictEqual(group?.inputs.automaticFailoverEnabled, false);
        assert.strictEqual(group?.inputs.snapshotRetentionLimit, 7);
        const [secret] = ofType(resources, "aws:secretsmanager/secret:Secret");
        assert.strictEqual(secret?.inputs.recoveryWindowInDays, 30);
        // Generation 0: the token has no keeper to rotate it.
        const [token] = ofType(resources, "random:index/randomPassword:RandomPassword");
        assert.ok(token, "the AUTH token");
        assert.strictEqual(token.inputs.keepers, undefined);
    });

    it("Keys: every key waits 30 days before deletion", async () => {
        new Keys("defaults-keys", { policyContext: POLICY_CONTEXT, namePrefix: "unit" });
        const keys = ofType(await declaredUnder("defaults-keys"), "aws:kms/key:Key");
        assert.ok(keys.length > 0);
        for (const key of keys) assert.strictEqual(key.inputs.deletionWindowInDays, 30, key.name);
    });

    it("BackupStore: no Object Lock, no replica, and a destroy keeps buckets that hold objects", async () => {
        new BackupStore("defaults-backups", {
            policyContext: POLICY_CONTEXT,
            keyDeletionWindowDays: 30,
            backupsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/backups",
            namePrefix: "unit",
        });
        const resources = await declaredUnder("defaults-backups");
        const buckets = ofType(resources, "aws:s3/bucket:Bucket");
        assert.ok(buckets.length > 0);
        for (const bucket of buckets) {
            // Left unset, the provider's default: false.
            assert.strictEqual(bucket.inputs.forceDestroy ?? false, false, bucket.name);
            assert.strictEqual(bucket.inputs.objectLockEnabled ?? false, false, bucket.name);
        }
        assert.deepStrictEqual(
            ofType(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"),
            [],
        );
        assert.deepStrictEqual(ofType(resources, "pulumi:providers:aws"), [], "no replica region");
        assert.deepStrictEqual(
            ofType(resources, "aws:s3/bucketReplicationConfig:BucketReplicationConfig"),
            [],
        );
    });
});
