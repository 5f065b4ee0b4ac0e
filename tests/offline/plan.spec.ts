import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseCidr, cidrsOverlap } from "../../topology/cidr";
import { byName, ofType, plan, planned, prefetch, PROJECT_DIR, STACKS } from "../support/harness";
import { runInProcess } from "../support/in-process";
import { runAsync } from "../support/tools";

/** A plan with the SDK's stack traces and promise tracking on (PLAN_STACK_TRACES=1). */
const TRACED = { sdkDiagnostics: true };
for (const stack of STACKS) prefetch(stack, TRACED);

const PROJECT = "chain-platform";
const EXPECTED = {
    staging: { zones: 2, nats: 1, vpcCidr: "10.20.0.0/16", deletionWindow: 7, flowLogDays: 30 },
    prod: { zones: 4, nats: 4, vpcCidr: "10.30.0.0/16", deletionWindow: 30, flowLogDays: 365 },
} as const;
/** A plain-text value under a key the schema does not know (a misplaced secret). */
const MISPLACED_SECRET = { [`${PROJECT}:grafanaAdminPassword`]: "Sup3rSecretValue-do-not-log" };
/** An encrypted value under a key the schema does not know. */
const ENCRYPTED_UNKNOWN = `${PROJECT}:adminPassword:\n  secure: AAABAHVuZGVjcnlwdGFibGUtY2lwaGVydGV4dA==`;
const REQUIRED_TAGS = ["Environment", "ManagedBy", "Owner", "Project", "Stack"];
/** AWS types that take no tags. */
const UNTAGGABLE = new Set([
    "aws:kms/alias:Alias",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    "aws:s3/bucketLogging:BucketLogging",
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    "aws:route53/record:Record",
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
]);

for (const stack of STACKS) {
    describe(`offline plan of ${stack}`, () => {
        const expected = EXPECTED[stack];

        it("exits 0 and prints resources per component and type", () => {
            const result = plan(stack);
            assert.strictEqual(result.status, 0, result.stderr);
            assert.match(
                result.stdout,
                new RegExp(
                    `^Offline plan of ${PROJECT}/${stack}: \\d+ resources in \\d+ components`,
                ),
            );
            assert.match(
                result.stdout,
                /network \(platform:network:Network\): \d+\n\s+1 {2}aws:cloudwatch\/logGroup:LogGroup/,
            );
        });

        it("writes the inventory contract: URNs with parent types, parents, inputs, dependencies", () => {
            const inventory = planned(stack);
            assert.strictEqual(inventory.project, PROJECT);
            assert.strictEqual(inventory.stack, stack);
            assert.deepStrictEqual(inventory.violations, []);
            const urns = new Set(inventory.resources.map((r) => r.urn));
            for (const r of inventory.resources) {
                assert.ok(r.urn.startsWith(`urn:pulumi:${stack}::${PROJECT}::`), r.urn);
                assert.ok(r.urn.endsWith(`::${r.name}`), r.urn);
                if (r.parent) {
                    assert.ok(urns.has(r.parent), `${r.urn} has an unknown parent`);
                    const parentType = r.parent.split("::")[2]!;
                    assert.strictEqual(r.urn.split("::")[2], `${parentType}$${r.type}`);
                }
                for (const dep of r.dependencies) {
                    assert.ok(urns.has(dep), `${r.urn} depends on unknown ${dep}`);
                }
            }
            const vpc = byName(inventory, "network-vpc");
            assert.strictEqual(
                vpc.urn,
                `urn:pulumi:${stack}::${PROJECT}::platform:network:Network$aws:ec2/vpc:Vpc::network-vpc`,
            );
            assert.ok(
                ofType(inventory, "aws:ec2/subnet:Subnet").every((s) =>
                    s.dependencies.includes(vpc.urn),
                ),
            );
        });

        it(`spreads a public and a private subnet over each of ${expected.zones} zones of the region, inside the VPC`, () => {
            const inventory = planned(stack);
            assert.strictEqual(byName(inventory, "network-vpc").inputs.cidrBlock, expected.vpcCidr);
            const subnets = ofType(inventory, "aws:ec2/subnet:Subnet");
            assert.strictEqual(subnets.length, expected.zones * 2);
            for (const tier of ["public", "private"]) {
                const zones = subnets
                    .filter((s) => s.name.includes(`-${tier}-`))
                    .map((s) => s.inputs.availabilityZone as string);
                assert.strictEqual(
                    new Set(zones).size,
                    expected.zones,
                    `${tier} subnets share zones: ${zones.join(", ")}`,
                );
                assert.ok(
                    zones.every((z) => /^us-east-1[a-f]$/.test(z)),
                    zones.join(", "),
                );
            }
            const vpc = parseCidr(expected.vpcCidr)!;
            for (const s of subnets) {
                assert.ok(cidrsOverlap(vpc, parseCidr(s.inputs.cidrBlock as string)!));
                assert.strictEqual(
                    s.inputs.mapPublicIpOnLaunch,
                    false,
                    `${s.name} hands out public IPs`,
                );
            }
            assert.deepStrictEqual(
                (inventory.outputs.availabilityZones as string[]).length,
                expected.zones,
            );
        });

        it(`routes private subnets to the internet through ${expected.nats} NAT gateway(s), public ones through the IGW`, () => {
            const inventory = planned(stack);
            const nats = ofType(inventory, "aws:ec2/natGateway:NatGateway");
            assert.strictEqual(nats.length, expected.nats);
            const publicSubnetIds = new Set(inventory.outputs.publicSubnetIds as string[]);
            assert.ok(
                nats.every((n) => publicSubnetIds.has(n.inputs.subnetId as string)),
                "a NAT gateway is outside the public subnets",
            );
            const privateTables = ofType(inventory, "aws:ec2/routeTable:RouteTable").filter((t) =>
                t.name.includes("-private-"),
            );
            assert.strictEqual(privateTables.length, expected.zones);
            const natRoutes = privateTables.map(
                (t) => (t.inputs.routes as { natGatewayId?: string }[])[0]!.natGatewayId,
            );
            assert.strictEqual(new Set(natRoutes).size, expected.nats);
            const publicTable = byName(inventory, "network-public-rt");
            assert.match(
                (publicTable.inputs.routes as { gatewayId: string }[])[0]!.gatewayId,
                /^igw-/,
            );
        });

        it("writes VPC flow logs to a log group encrypted with the logs key", () => {
            const inventory = planned(stack);
            const [flowLog] = ofType(inventory, "aws:ec2/flowLog:FlowLog");
            const logGroup = ofType(inventory, "aws:cloudwatch/logGroup:LogGroup").find((g) =>
                /flow-logs$/.test(String(g.inputs.name)),
            );
            assert.strictEqual(flowLog!.inputs.trafficType, "ALL");
            assert.ok(flowLog!.dependencies.includes(logGroup!.urn));
            assert.strictEqual(logGroup!.inputs.retentionInDays, expected.flowLogDays);
            assert.strictEqual(
                logGroup!.inputs.kmsKeyId,
                (inventory.outputs.kmsKeyArns as Record<string, string>).logs,
            );
        });

        it("has one security group per role, and only the edge open to the internet", () => {
            const inventory = planned(stack);
            const groups = ofType(inventory, "aws:ec2/securityGroup:SecurityGroup");
            assert.deepStrictEqual(
                groups.map((g) => (g.inputs.tags as Record<string, string>).Role).sort(),
                [
                    "appServer",
                    "cluster",
                    "loadBalancer",
                    "postgres",
                    "redis",
                    "relayRpcBalancer",
                    "wireguardHub",
                ],
            );
            assert.ok(
                groups.every(
                    (g) => g.inputs.ingress === undefined && g.inputs.egress === undefined,
                ),
                "inline rules found",
            );
            const groupRole = new Map(
                Object.entries(inventory.outputs.securityGroupIds as Record<string, string>).map(
                    ([role, id]) => [id, role],
                ),
            );
            const ingress = ofType(
                inventory,
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            );
            const open = ingress
                .filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0")
                .map(
                    (r) =>
                        `${groupRole.get(r.inputs.securityGroupId as string)}:${r.inputs.ipProtocol}/${r.inputs.fromPort}`,
                )
                .sort();
            assert.deepStrictEqual(open, [
                "loadBalancer:tcp/443",
                "loadBalancer:tcp/80",
                "wireguardHub:udp/51820",
            ]);
            const all = [
                ...ingress,
                ...ofType(inventory, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
            ];
            assert.ok(
                all.every(
                    (r) => r.inputs.ipProtocol !== "-1" && r.inputs.fromPort === r.inputs.toPort,
                ),
                "an all-protocol or port-range rule",
            );
            assert.ok(
                !all.some((r) => r.inputs.fromPort === 22),
                "SSH is open although sshFromOperators is false",
            );
            const defaultGroup = ofType(
                inventory,
                "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
            )[0]!;
            assert.deepStrictEqual(
                [defaultGroup.inputs.ingress ?? [], defaultGroup.inputs.egress ?? []],
                [[], []],
            );
        });

        it(`declares a rotating KMS key per purpose with a ${expected.deletionWindow}-day deletion window and an alias`, () => {
            const inventory = planned(stack);
            const keys = ofType(inventory, "aws:kms/key:Key").filter(
                (k) => k.parent === byName(inventory, "keys").urn,
            );
            assert.deepStrictEqual(
                keys.map((k) => (k.inputs.tags as Record<string, string>).Purpose).sort(),
                ["backups", "cluster", "data", "logs", "secrets"],
            );
            for (const key of keys) {
                assert.strictEqual(key.inputs.enableKeyRotation, true);
                assert.strictEqual(key.inputs.deletionWindowInDays, expected.deletionWindow);
                const policy = JSON.parse(key.inputs.policy as string) as {
                    Statement: { Principal: unknown }[];
                };
                assert.ok(
                    !JSON.stringify(policy.Statement.map((s) => s.Principal)).includes('"*"'),
                    `${key.name} has a wildcard principal`,
                );
            }
            const aliases = ofType(inventory, "aws:kms/alias:Alias")
                .filter((a) => a.parent === byName(inventory, "keys").urn)
                .map((a) => a.inputs.name)
                .sort();
            assert.deepStrictEqual(
                aliases,
                ["backups", "cluster", "data", "logs", "secrets"].map(
                    (p) => `alias/${PROJECT}-${stack}-${p}`,
                ),
            );
        });

        it("tags every taggable AWS resource with the required tags", () => {
            const inventory = planned(stack);
            for (const r of inventory.resources.filter(
                (x) => x.type.startsWith("aws:") && !UNTAGGABLE.has(x.type),
            )) {
                const tags = (r.inputs.tags ?? {}) as Record<string, string>;
                for (const tag of REQUIRED_TAGS) {
                    assert.ok(tags[tag], `${r.urn} lacks tag ${tag}`);
                }
                assert.strictEqual(tags.Environment, stack);
            }
        });

        // Two runs of the program, the second with the SDK's diagnostics on: the JSON must not differ
        // by a byte, whether from the run (ordering, time, randomness) or from the diagnostics.
        it("is byte-identical across runs, also with the SDK's stack traces and promise tracking on (PLAN_STACK_TRACES=1)", () => {
            const first = plan(stack);
            const traced = plan(stack, TRACED);
            assert.ok(first.json && first.json.length > 1000);
            assert.strictEqual(traced.status, 0, traced.stderr);
            assert.strictEqual(traced.json, first.json);
        });

        const invalid: [string, Record<string, unknown>, string, RegExp][] = [
            [
                "a wrong type",
                { [`${PROJECT}:validators`]: "four" },
                `${PROJECT}:validators = "four"`,
                /whole number/,
            ],
            [
                "a negative count",
                { [`${PROJECT}:relays`]: -2 },
                `${PROJECT}:relays = -2`,
                /at least 1/,
            ],
            [
                "a bad CIDR",
                { [`${PROJECT}:vpcCidr`]: "10.0.0.0/40" },
                `${PROJECT}:vpcCidr = "10.0.0.0/40"`,
                /private IPv4 network/,
            ],
            [
                "fewer than 4 validators",
                { [`${PROJECT}:validators`]: 3 },
                `${PROJECT}:validators = 3`,
                /at least 4/,
            ],
            [
                "a misspelt key",
                { [`${PROJECT}:relay`]: 4 },
                `${PROJECT}:relay = (value not shown: unknown keys may hold a misplaced secret)`,
                /did you mean relays\?/,
            ],
        ];
        // Asked for now, so they are ready when their tests come (each is refused in milliseconds, but
        // asked for later it would wait behind whatever plan the worker is running).
        for (const [, overrides] of invalid) prefetch(stack, { overrides });
        prefetch(stack, { overrides: MISPLACED_SECRET });
        prefetch(stack, { extraYaml: ENCRYPTED_UNKNOWN });
        for (const [what, overrides, named, rule] of invalid) {
            it(`exits 2 on ${what}, naming key, value and rule, with no stack trace and nothing declared`, () => {
                const result = plan(stack, { overrides });
                assert.strictEqual(result.status, 2, result.stdout + result.stderr);
                assert.ok(result.stderr.includes(named), result.stderr);
                assert.match(result.stderr, rule);
                assert.doesNotMatch(result.stderr, /^\s+at /m, "stack trace printed");
                assert.match(result.stderr, /^0 resources were declared\.$/m);
                assert.strictEqual(result.json, undefined, "an inventory was written");
            });
        }

        it("never prints a plain-text value put under an unknown key (a misplaced secret)", () => {
            const result = plan(stack, { overrides: MISPLACED_SECRET });
            assert.strictEqual(result.status, 2);
            assert.ok(
                result.stderr.includes(`${PROJECT}:grafanaAdminPassword = (value not shown`),
                result.stderr,
            );
            assert.doesNotMatch(result.stderr + result.stdout, /Sup3rSecretValue/);
        });
        it("never prints an encrypted value, even of a key it refuses", () => {
            const result = plan(stack, { extraYaml: ENCRYPTED_UNKNOWN });
            assert.strictEqual(result.status, 2);
            assert.ok(result.stderr.includes(`${PROJECT}:adminPassword = [secret]`), result.stderr);
            assert.doesNotMatch(result.stderr + result.stdout, /AAABAHVuZGVj/);
        });
    });
}

describe("offline plan command line", () => {
    it("exits 2 on a stack file that is not valid YAML, naming the file and position without quoting its lines", () => {
        const file = path.join(os.tmpdir(), `broken-${process.pid}.yaml`);
        fs.writeFileSync(
            file,
            "config:\n  aws:region: [us-east-1\n  chain-platform:owner: hunter2secret\n",
        );
        const child = runInProcess("plan", ["--stack", "staging", "--config-file", file]);
        assert.strictEqual(child.status, 2, child.stderr);
        assert.match(child.stderr, /broken-\d+\.yaml: not valid YAML: .* at line \d+, column \d+/);
        assert.doesNotMatch(child.stderr, /hunter2|^\s+at /m);
    });
    it("exits 3 when the program itself fails, with its message and how to see the stack trace", () => {
        // A stack name long enough that the RDS identifier derived from it exceeds what RDS accepts.
        // (In-process: the status is exitStatusOf's, which runCommand exits with, as shown below.)
        const child = runInProcess("plan", [
            "--stack",
            "staging-with-a-name-far-too-long-for-rds-identifiers",
            "--config-file",
            path.join(PROJECT_DIR, "Pulumi.staging.yaml"),
        ]);
        assert.strictEqual(child.status, 3, child.stderr);
        assert.match(
            child.stderr,
            /RDS identifier "chain-platform-staging-with-a-name-far-too-long-for-rds-identifiers-pg" is \d+ characters; RDS allows 63/,
        );
        assert.match(child.stderr, /PLAN_STACK_TRACES=1/);
    });
    it("exits 3, never 0, when a command never finishes (a promise never settled), and says so", async () => {
        const command = (main: string) =>
            runAsync(process.execPath, [
                "-r",
                "./scripts/register.js",
                "-e",
                `require("./offline/command").runCommand({ usage: "u", main: ${main} })`,
            ]);
        // A command that finishes exits with exitStatusOf's status, which the in-process runs report:
        // its own number, 2 for bad input, 3 for a bug.
        const bodies = [
            "async () => 0",
            "async () => 1",
            '() => { throw new (require("./offline/command").InputError)("bad") }',
            '() => { throw new Error("bug") }',
        ];
        const [never, stray, ...done] = await Promise.all([
            command("() => new Promise(() => undefined)"),
            // A rejection nobody handles while the command runs: a bug, named as one.
            command(
                'async () => { void Promise.reject(new Error("stray")); await new Promise((r) => setImmediate(r)); return 0; }',
            ),
            ...bodies.map(command),
        ]);
        assert.strictEqual(never!.status, 3, never!.stderr);
        assert.match(never!.stderr, /the command never finished: a promise was never settled/);
        assert.strictEqual(stray!.status, 3, stray!.stderr);
        assert.match(
            stray!.stderr,
            /^error: unhandled during the command \(a bug\): Error: stray/m,
        );
        assert.doesNotMatch(stray!.stderr, /never finished/);
        done.forEach((child, status) => assert.strictEqual(child.status, status, child.stderr));
        assert.strictEqual(done[0]!.stderr, "");
    });
    it("exits 2 with usage when --stack is missing or a flag is unknown (as a process, and in-process), before loading the SDK", () => {
        const node = (...args: string[]) =>
            spawnSync(
                process.execPath,
                [
                    "-r",
                    "./scripts/register.js",
                    "-r",
                    "./tests/fixtures/report-sdk-loaded.js",
                    ...args,
                ],
                { encoding: "utf8" },
            );
        const missing = node("scripts/plan.ts");
        const unknown = runInProcess("plan", ["--stack", "staging", "--bogus", "x"]);
        for (const child of [missing, unknown]) {
            assert.strictEqual(child.status, 2, child.stderr);
            assert.match(child.stderr, /^usage: npm run plan/m);
        }
        // A usage mistake is answered at once: neither CLI loads the SDK for it (the preload says
        // when a process did, as one that loads any file of it shows).
        const policyUsage = node("scripts/policy.ts");
        assert.strictEqual(policyUsage.status, 2, policyUsage.stderr);
        for (const child of [missing, policyUsage])
            assert.doesNotMatch(child.stderr, /the Pulumi SDK was loaded/);
        assert.match(
            node("-e", 'require("@pulumi/pulumi/package.json")').stderr,
            /the Pulumi SDK was loaded/,
        );
    });
});
