import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ConfigError } from "../../config/errors";
import { ParseContext, parseStackConfig } from "../../config/parse";
import { CONFIG_KEYS } from "../../config/schema";
import * as os from "os";
import { readStackSettings } from "../../offline/stack-file";
import {
    CACHE_NODE_TYPES,
    EC2_INSTANCE_TYPES,
    RDS_INSTANCE_CLASSES,
} from "../../topology/aws-catalog";
import { kubernetesVersionProblem } from "../../topology/eks-versions";
import { plan, PROJECT_DIR, STACKS, StackName } from "../support/harness";

const PROJECT = "chain-platform";

function settingsOf(stack: StackName) {
    return readStackSettings(PROJECT_DIR, path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`));
}

/** The day the tests judge EKS support windows on, so they do not change with the calendar. */
const TODAY = new Date("2026-11-22T12:00:00Z");

/** Parses the stack's committed configuration with some keys changed (undefined removes a key), as the stack of that name. */
function parseWith(
    stack: StackName,
    changes: Record<string, string | undefined>,
    secretKeys: string[] = [],
    context: ParseContext = { stack, today: TODAY },
) {
    const values = { ...settingsOf(stack).config };
    for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) {
            delete values[key];
        } else {
            values[key] = value;
        }
    }
    return parseStackConfig(PROJECT, { values, secretKeys }, context);
}

function problemsOf(
    stack: StackName,
    changes: Record<string, string | undefined>,
    secretKeys: string[] = [],
) {
    try {
        parseWith(stack, changes, secretKeys);
    } catch (error) {
        assert.ok(ConfigError.is(error), `expected a ConfigError, got ${String(error)}`);
        return error.problems;
    }
    assert.fail(`configuration ${JSON.stringify(changes)} was accepted`);
}

/** Asserts exactly one problem, on `key`, whose rule matches `rule`, and that it names the value. */
function expectProblem(
    stack: StackName,
    changes: Record<string, string | undefined>,
    key: string,
    rule: RegExp,
    value?: string,
) {
    const problems = problemsOf(stack, changes);
    const problem = problems.find((p) => p.key === key);
    assert.ok(problem, `no problem reported for ${key}; got ${JSON.stringify(problems)}`);
    assert.match(problem.rule, rule);
    if (value !== undefined) {
        assert.strictEqual(problem.value, value);
    }
}

describe("configuration", () => {
    for (const stack of STACKS) {
        it(`accepts the committed ${stack} stack file`, () => {
            const config = parseWith(stack, {});
            assert.strictEqual(config.environment, stack);
            assert.strictEqual(config.region, "us-east-1");
        });
    }

    it("declares in Pulumi.yaml exactly the schema's keys, with the schema's types", () => {
        const project = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as {
            name: string;
            config: Record<string, { type: string }>;
        };
        assert.strictEqual(project.name, PROJECT);
        const declared = Object.fromEntries(
            Object.entries(project.config).map(([key, decl]) => [key, decl.type]),
        );
        // Lists of objects are declared untyped: project config types cover only scalars and lists of them.
        const schema = Object.fromEntries(
            Object.entries(CONFIG_KEYS).map(([key, def]) => [
                key,
                def.type === "object-array" ? undefined : def.type,
            ]),
        );
        assert.deepStrictEqual(declared, schema);
    });

    describe("types and ranges", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses a wrong type`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:validators`]: "four" },
                    `${PROJECT}:validators`,
                    /whole number/,
                    '"four"',
                ));
            it(`${stack}: refuses a negative count`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:relays`]: "-1" },
                    `${PROJECT}:relays`,
                    /at least 1/,
                    "-1",
                ));
            it(`${stack}: refuses a fractional count`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:appServerCount`]: "2.5" },
                    `${PROJECT}:appServerCount`,
                    /whole number/,
                    "2.5",
                ));
            it(`${stack}: refuses a malformed CIDR`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:vpcCidr`]: "10.20.0.0/33" },
                    `${PROJECT}:vpcCidr`,
                    /private IPv4 network/,
                    '"10.20.0.0/33"',
                ));
            it(`${stack}: refuses a CIDR with host bits set`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:vpcCidr`]: "10.20.1.0/16" },
                    `${PROJECT}:vpcCidr`,
                    /private IPv4 network/,
                ));
            it(`${stack}: refuses a public VPC range`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:vpcCidr`]: "8.8.0.0/16" },
                    `${PROJECT}:vpcCidr`,
                    /private/,
                ));
            it(`${stack}: refuses fewer than 4 validators`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:validators`]: "3" },
                    `${PROJECT}:validators`,
                    /at least 4/,
                    "3",
                ));
            it(`${stack}: refuses a validator count that is not 3f+1`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:validators`]: "5" },
                    `${PROJECT}:validators`,
                    /3f\+1/,
                    "5",
                ));
            it(`${stack}: refuses a malformed instance class`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:postgresInstanceClass`]: "m6g.large" },
                    `${PROJECT}:postgresInstanceClass`,
                    /db\.r6g\.large/,
                ));
            it(`${stack}: refuses a malformed node type`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:redisNodeType`]: "cache.t4g" },
                    `${PROJECT}:redisNodeType`,
                    /instance class/,
                ));
            it(`${stack}: refuses a malformed EC2 instance type`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:appServerInstanceType`]: "large" },
                    `${PROJECT}:appServerInstanceType`,
                    /instance type/,
                ));
            it(`${stack}: refuses an unknown environment`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:environment`]: "dev" },
                    `${PROJECT}:environment`,
                    /staging, prod/,
                ));
            it(`${stack}: refuses a flow-log retention CloudWatch does not offer`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:flowLogRetentionDays`]: "31" },
                    `${PROJECT}:flowLogRetentionDays`,
                    /retention period/,
                ));
            it(`${stack}: refuses a bad entry of a list and names it`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:wireguardAllowedSources`]: '["0.0.0.0/0","nowhere"]' },
                    `${PROJECT}:wireguardAllowedSources[1]`,
                    /IPv4 network/,
                    '"nowhere"',
                ));
            it(`${stack}: refuses an empty allow-list`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:wireguardAllowedSources`]: "[]" },
                    `${PROJECT}:wireguardAllowedSources`,
                    /at least one/,
                ));
            it(`${stack}: refuses a missing key`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:owner`]: undefined },
                    `${PROJECT}:owner`,
                    /required/,
                    "(not set)",
                ));
            it(`${stack}: refuses a missing region`, () =>
                expectProblem(stack, { "aws:region": undefined }, "aws:region", /AWS region/));
            it(`${stack}: refuses a Kubernetes version outside the EKS support table`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:kubernetesVersion`]: "1.20" },
                    `${PROJECT}:kubernetesVersion`,
                    /support table.*1\.35/,
                    '"1.20"',
                ));
        }
    });

    describe("unknown keys", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses a misspelt key and suggests the right one`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:validator`]: "4" },
                    `${PROJECT}:validator`,
                    /not a configuration key.*did you mean validators\?/,
                ));
            it(`${stack}: refuses an unknown aws: key`, () =>
                expectProblem(
                    stack,
                    { "aws:regoin": "us-east-1" },
                    "aws:regoin",
                    /did you mean region\?/,
                ));
        }
        it("never echoes a secret value", () => {
            const problems = problemsOf(
                "staging",
                { [`${PROJECT}:grafanaPasword`]: "hunter2-do-not-print" },
                [`${PROJECT}:grafanaPasword`],
            );
            assert.strictEqual(problems[0]!.value, "[secret]");
            assert.ok(!JSON.stringify(problems).includes("hunter2"));
        });
        it("reports every problem at once", () => {
            const problems = problemsOf("staging", {
                [`${PROJECT}:validators`]: "3",
                [`${PROJECT}:vpcCidr`]: "nope",
                [`${PROJECT}:typo`]: "1",
            });
            assert.deepStrictEqual(problems.map((p) => p.key).sort(), [
                `${PROJECT}:typo`,
                `${PROJECT}:validators`,
                `${PROJECT}:vpcCidr`,
            ]);
        });
    });

    describe("rules across keys", () => {
        it("refuses a WireGuard range inside the VPC", () =>
            expectProblem(
                "staging",
                { [`${PROJECT}:wireguardCidr`]: "10.20.200.0/24" },
                `${PROJECT}:wireguardCidr`,
                /must not overlap vpcCidr 10\.20\.0\.0\/16/,
            ));
        it("refuses more replicas than other AZs", () =>
            expectProblem(
                "staging",
                { [`${PROJECT}:postgresReadReplicas`]: "2" },
                `${PROJECT}:postgresReadReplicas`,
                /at most availabilityZones - 1 \(1\)/,
            ));
        it("refuses more load balancers than AZs", () =>
            expectProblem(
                "staging",
                { [`${PROJECT}:loadBalancerCount`]: "3" },
                `${PROJECT}:loadBalancerCount`,
                /at most availabilityZones \(2\)/,
            ));
        it("allows staging what prod refuses", () => {
            assert.doesNotThrow(() =>
                parseWith("staging", {
                    [`${PROJECT}:natGateways`]: "single",
                    [`${PROJECT}:kmsDeletionWindowDays`]: "7",
                    [`${PROJECT}:deletionProtection`]: "false",
                }),
            );
        });
        it("prod: losing one AZ may cost at most f validators", () => {
            expectProblem(
                "prod",
                { [`${PROJECT}:availabilityZones`]: "3" },
                `${PROJECT}:availabilityZones`,
                /at least 4 in prod/,
            );
            assert.doesNotThrow(() =>
                parseWith("prod", {
                    [`${PROJECT}:validators`]: "7",
                    [`${PROJECT}:availabilityZones`]: "4",
                }),
            );
            expectProblem(
                "prod",
                { [`${PROJECT}:validators`]: "10", [`${PROJECT}:availabilityZones`]: "3" },
                `${PROJECT}:availabilityZones`,
                /at least 4 in prod: 10 validators tolerate 3/,
            );
        });
        it("prod: NAT per AZ", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:natGateways`]: "single" },
                `${PROJECT}:natGateways`,
                /perAz in prod/,
            ));
        it("prod: 30-day key deletion window", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:kmsDeletionWindowDays`]: "7" },
                `${PROJECT}:kmsDeletionWindowDays`,
                /30 in prod/,
            ));
        it("prod: deletion protection", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:deletionProtection`]: "false" },
                `${PROJECT}:deletionProtection`,
                /true in prod/,
            ));
        it("prod: two read replicas", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:postgresReadReplicas`]: "1" },
                `${PROJECT}:postgresReadReplicas`,
                /at least 2 in prod/,
            ));
        it("prod: 14 days of backups", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:postgresBackupRetentionDays`]: "7" },
                `${PROJECT}:postgresBackupRetentionDays`,
                /at least 14 in prod/,
            ));
        it("prod: two load balancers", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:loadBalancerCount`]: "1" },
                `${PROJECT}:loadBalancerCount`,
                /at least 2 in prod/,
            ));
        it("prod: two relays", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:relays`]: "1" },
                `${PROJECT}:relays`,
                /at least 2 in prod/,
            ));
    });

    it("formats one line per problem naming key, value and rule", () => {
        try {
            parseWith("staging", { [`${PROJECT}:validators`]: "5" });
            assert.fail("accepted");
        } catch (error) {
            assert.ok(ConfigError.is(error));
            assert.match(
                error.message,
                /^invalid stack configuration \(1 problem\):\n {2}- chain-platform:validators = 5: must be 3f\+1/,
            );
        }
    });

    describe("regions (dated list, topology/aws-regions.ts)", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses a region that does not exist and suggests the right one`, () =>
                expectProblem(
                    stack,
                    { "aws:region": "us-esat-1" },
                    "aws:region",
                    /must be an AWS region.*as of 2026-11-22.*did you mean us-east-1\?/,
                    '"us-esat-1"',
                ));
        }
        it("refuses a misspelt backup replica region", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:backupReplicaRegion`]: "us-wset-2" },
                `${PROJECT}:backupReplicaRegion`,
                /did you mean us-west-2\?/,
                '"us-wset-2"',
            ));
        it("refuses a replica region in another partition", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:backupReplicaRegion`]: "cn-north-1" },
                `${PROJECT}:backupReplicaRegion`,
                /partition of aws:region \(aws\)/,
            ));
        it("accepts recent regions", () =>
            assert.doesNotThrow(() =>
                parseWith("prod", { [`${PROJECT}:backupReplicaRegion`]: "mx-central-1" }),
            ));
    });

    describe("instance types, classes and node types (dated catalog, topology/aws-catalog.ts)", () => {
        it("covers the common current-generation families with their published sizes", () => {
            const families = [
                "t3",
                "t4g",
                "m5",
                "m6i",
                "m6g",
                "m7i",
                "m7g",
                "c5",
                "c6i",
                "c7i",
                "r5",
                "r6i",
                "r6g",
                "r7g",
            ];
            for (const family of families) {
                assert.ok(EC2_INSTANCE_TYPES.has(`${family}.large`), `${family}.large`);
            }
            const spec = (name: string) => {
                const t = EC2_INSTANCE_TYPES.get(name)!;
                return [t.vcpus, t.memoryGib, t.architecture];
            };
            assert.deepStrictEqual(spec("m6i.xlarge"), [4, 16, "x86_64"]);
            assert.deepStrictEqual(spec("c6i.large"), [2, 4, "x86_64"]);
            assert.deepStrictEqual(spec("r6g.large"), [2, 16, "arm64"]);
            assert.deepStrictEqual(spec("t3.micro"), [2, 1, "x86_64"]);
            assert.deepStrictEqual(spec("c5.9xlarge"), [36, 72, "x86_64"]);
            assert.ok(
                RDS_INSTANCE_CLASSES.has("db.t4g.large") &&
                    RDS_INSTANCE_CLASSES.has("db.m6g.xlarge") &&
                    !RDS_INSTANCE_CLASSES.has("db.m6g.medium"),
            );
            assert.ok(
                CACHE_NODE_TYPES.has("cache.t4g.medium") &&
                    CACHE_NODE_TYPES.has("cache.r6g.large") &&
                    !CACHE_NODE_TYPES.has("cache.m6i.large"),
            );
        });
        for (const stack of STACKS) {
            it(`${stack}: refuses an EC2 instance type that does not exist`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:nodeInstanceType`]: "m6i.xlarg" },
                    `${PROJECT}:nodeInstanceType`,
                    /EC2 instance type that exists.*did you mean m6i\.xlarge\?/,
                    '"m6i.xlarg"',
                ));
            it(`${stack}: refuses an RDS class that does not exist`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:postgresInstanceClass`]: "db.m6g.medium" },
                    `${PROJECT}:postgresInstanceClass`,
                    /RDS instance class that exists/,
                    '"db.m6g.medium"',
                ));
            it(`${stack}: refuses an ElastiCache node type that does not exist`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:redisNodeType`]: "cache.m6i.large" },
                    `${PROJECT}:redisNodeType`,
                    /ElastiCache node type/,
                ));
            it(`${stack}: refuses an arm64 type for servers that boot the amd64 AMI`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:appServerInstanceType`]: "t4g.large" },
                    `${PROJECT}:appServerInstanceType`,
                    /x86_64.*amd64 Ubuntu AMI/,
                ));
        }
    });

    describe("YAML numbers for string keys (offline/stack-file.ts)", () => {
        const withLine = (stack: StackName, key: string, line: string) => {
            const original = fs.readFileSync(
                path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`),
                "utf8",
            );
            const edited = original.replace(
                new RegExp(`^  chain-platform:${key}: .*$`, "m"),
                `  chain-platform:${key}: ${line}`,
            );
            assert.notStrictEqual(edited, original);
            const file = path.join(
                fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-")),
                `Pulumi.${stack}.yaml`,
            );
            fs.writeFileSync(file, edited);
            return () => readStackSettings(PROJECT_DIR, file);
        };
        for (const stack of STACKS) {
            it(`${stack}: refuses postgresEngineVersion: 16.10 (YAML reads 16.1) and says to quote it`, () => {
                assert.throws(
                    withLine(stack, "postgresEngineVersion", "16.10"),
                    (error: unknown) => {
                        assert.ok(ConfigError.is(error));
                        assert.deepStrictEqual(
                            error.problems.map((p) => [p.key, p.value]),
                            [[`${PROJECT}:postgresEngineVersion`, "16.10"]],
                        );
                        assert.match(
                            error.problems[0]!.rule,
                            /number 16\.1; quote it \(postgresEngineVersion: "16\.10"\)/,
                        );
                        return true;
                    },
                );
            });
            it(`${stack}: refuses kubernetesVersion: 1.30 (YAML reads 1.3)`, () =>
                assert.throws(
                    withLine(stack, "kubernetesVersion", "1.30"),
                    /chain-platform:kubernetesVersion = 1\.30: .*number 1\.3; quote it/,
                ));
            it(`${stack}: accepts the same values quoted`, () =>
                assert.strictEqual(
                    withLine(stack, "postgresEngineVersion", '"16.10"')().config[
                        `${PROJECT}:postgresEngineVersion`
                    ],
                    "16.10",
                ));
        }
    });

    describe("WireGuard peers", () => {
        const peers = (stack: StackName) =>
            JSON.parse(settingsOf(stack).config[`${PROJECT}:wireguardPeers`]!) as {
                name: string;
                publicKey: string;
                allowedIps: string[];
            }[];
        const withPeers = (stack: StackName, edit: (p: ReturnType<typeof peers>) => void) => {
            const list = peers(stack);
            edit(list);
            return { [`${PROJECT}:wireguardPeers`]: JSON.stringify(list) };
        };
        for (const stack of STACKS) {
            it(`${stack}: refuses one public key under two names`, () =>
                expectProblem(
                    stack,
                    withPeers(stack, (p) => (p[1]!.publicKey = p[0]!.publicKey)),
                    `${PROJECT}:wireguardPeers[1][publicKey]`,
                    /also the key of peer alice/,
                ));
            it(`${stack}: refuses an address that is neither a tunnel /32 nor a private site network`, () =>
                expectProblem(
                    stack,
                    withPeers(stack, (p) => p[0]!.allowedIps.push("8.8.8.0/24")),
                    `${PROJECT}:wireguardPeers[0][allowedIps][1]`,
                    /neither a tunnel address.*nor a routed site network \(a private RFC 1918 network/,
                    '"8.8.8.0/24"',
                ));
            it(`${stack}: refuses a tunnel network instead of a tunnel address`, () =>
                expectProblem(
                    stack,
                    withPeers(
                        stack,
                        (p) =>
                            (p[0]!.allowedIps = [
                                p[0]!.allowedIps[0]!.replace(/\.\d+\/32$/, ".64/26"),
                            ]),
                    ),
                    `${PROJECT}:wireguardPeers[0][allowedIps][0]`,
                    /inside wireguardCidr .* not a \/32/,
                ));
            it(`${stack}: refuses a peer with two tunnel addresses`, () =>
                expectProblem(
                    stack,
                    withPeers(stack, (p) =>
                        p[0]!.allowedIps.push(p[0]!.allowedIps[0]!.replace(/\.\d+\/32$/, ".99/32")),
                    ),
                    `${PROJECT}:wireguardPeers[0][allowedIps]`,
                    /exactly one tunnel address.*not 2/,
                ));
            it(`${stack}: refuses the hub's own tunnel address`, () =>
                expectProblem(
                    stack,
                    withPeers(
                        stack,
                        (p) =>
                            (p[0]!.allowedIps = [
                                p[0]!.allowedIps[0]!.replace(/\.\d+\/32$/, ".1/32"),
                            ]),
                    ),
                    `${PROJECT}:wireguardPeers[0][allowedIps][0]`,
                    /hub's own tunnel address/,
                ));
        }
        it("prod: accepts the office's routed site network beside its tunnel address", () => {
            assert.ok(peers("prod").some((p) => p.allowedIps.includes("192.168.50.0/24")));
            assert.doesNotThrow(() => parseWith("prod", {}));
        });
    });

    describe("public access to the EKS API", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses entries that together cover the internet`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:clusterPublicAccessCidrs`]: '["0.0.0.0/1","128.0.0.0/1"]' },
                    `${PROJECT}:clusterPublicAccessCidrs[0]`,
                    /prefix \/16 or longer.*0\.0\.0\.0\/1 \+ 128\.0\.0\.0\/1/,
                    '"0.0.0.0/1"',
                ));
            it(`${stack}: refuses private ranges, which never reach a public endpoint`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:clusterPublicAccessCidrs`]: '["10.0.0.0/16"]' },
                    `${PROJECT}:clusterPublicAccessCidrs[0]`,
                    /private ranges/,
                ));
            it(`${stack}: accepts an operator network`, () =>
                assert.doesNotThrow(() =>
                    parseWith(stack, {
                        [`${PROJECT}:clusterPublicAccessCidrs`]: '["203.0.113.0/24"]',
                    }),
                ));
        }
    });

    describe("cluster capacity at the workloads' requests (topology/capacity.ts)", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses more validators and relays than the node groups hold`, () =>
                expectProblem(
                    stack,
                    {
                        [`${PROJECT}:validators`]: "31",
                        [`${PROJECT}:relays`]: "16",
                        [`${PROJECT}:nodesPerZone`]: "1",
                    },
                    `${PROJECT}:nodesPerZone`,
                    /less than 31 validators × 1 vCPU \/ 2 GiB \+ 16 relays × 0\.5 vCPU \/ 1\.5 GiB \+ cluster services/,
                ));
            it(`${stack}: refuses nodes too small for one validator`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:nodeInstanceType`]: "t3.small" },
                    `${PROJECT}:nodeInstanceType`,
                    /must hold one validator .* on a single node: t3\.small leaves 1\.6 vCPU \/ 0\.5 GiB/,
                ));
        }
    });

    describe("EKS standard support (topology/eks-versions.ts)", () => {
        it("rejects 1.33 as of 2026-11-22 and accepts the pinned version", () => {
            assert.match(
                kubernetesVersionProblem("1.33", TODAY)!,
                /left EKS standard support on 2026-07-29.*pin one in standard support: 1\.35/,
            );
            for (const stack of STACKS) {
                const pinned = settingsOf(stack).config[`${PROJECT}:kubernetesVersion`]!;
                assert.strictEqual(
                    kubernetesVersionProblem(pinned, TODAY),
                    undefined,
                    `${stack} pins ${pinned}`,
                );
            }
        });
        it("tells a user planning later that the pinned version left standard support", () => {
            assert.strictEqual(
                kubernetesVersionProblem("1.35", new Date("2027-03-26T23:59:59Z")),
                undefined,
            );
            assert.match(
                kubernetesVersionProblem("1.35", new Date("2027-03-27T00:00:00Z"))!,
                /left EKS standard support on 2027-03-27/,
            );
        });
        for (const stack of STACKS) {
            it(`${stack}: the schema refuses 1.33 on the day of the plan`, () =>
                expectProblem(
                    stack,
                    { [`${PROJECT}:kubernetesVersion`]: "1.33" },
                    `${PROJECT}:kubernetesVersion`,
                    /left EKS standard support/,
                    '"1.33"',
                ));
        }
    });

    describe("prod rules follow the stack", () => {
        it("refuses the stack named prod with environment staging", () =>
            expectProblem(
                "prod",
                { [`${PROJECT}:environment`]: "staging" },
                `${PROJECT}:environment`,
                /must be prod in the stack named prod/,
                '"staging"',
            ));
        it("refuses the stack named staging with environment prod", () =>
            expectProblem(
                "staging",
                { [`${PROJECT}:environment`]: "prod" },
                `${PROJECT}:environment`,
                /must be staging in the stack named staging/,
            ));
        it("lets other stack names choose", () =>
            assert.doesNotThrow(() =>
                parseWith("staging", {}, [], { stack: "dev-alice", today: TODAY }),
            ));
        it("the offline plan of prod with environment staging exits 2 naming key and rule", () => {
            const result = plan("prod", { overrides: { [`${PROJECT}:environment`]: "staging" } });
            assert.strictEqual(result.status, 2, result.stderr);
            assert.match(
                result.stderr + result.stdout,
                /chain-platform:environment = "staging": must be prod in the stack named prod/,
            );
        });
    });
});
