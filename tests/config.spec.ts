import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ConfigError } from "../config/errors";
import { parseStackConfig } from "../config/parse";
import { CONFIG_KEYS } from "../config/schema";
import { readStackSettings } from "../offline/stack-file";
import { PROJECT_DIR, STACKS, StackName } from "./harness";

const PROJECT = "chain-platform";

function settingsOf(stack: StackName) {
    return readStackSettings(PROJECT_DIR, path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`));
}

/** Parses the stack's committed configuration with some keys changed (undefined removes a key). */
function parseWith(stack: StackName, changes: Record<string, string | undefined>, secretKeys: string[] = []) {
    const values = { ...settingsOf(stack).config };
    for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) {
            delete values[key];
        } else {
            values[key] = value;
        }
    }
    return parseStackConfig(PROJECT, { values, secretKeys });
}

function problemsOf(stack: StackName, changes: Record<string, string | undefined>, secretKeys: string[] = []) {
    try {
        parseWith(stack, changes, secretKeys);
    } catch (error) {
        assert.ok(ConfigError.is(error), `expected a ConfigError, got ${String(error)}`);
        return error.problems;
    }
    assert.fail(`configuration ${JSON.stringify(changes)} was accepted`);
}

/** Asserts exactly one problem, on `key`, whose rule matches `rule`, and that it names the value. */
function expectProblem(stack: StackName, changes: Record<string, string | undefined>, key: string, rule: RegExp, value?: string) {
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
        const project = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as { name: string; config: Record<string, { type: string }> };
        assert.strictEqual(project.name, PROJECT);
        const declared = Object.fromEntries(Object.entries(project.config).map(([key, decl]) => [key, decl.type]));
        // Lists of objects are declared untyped: project config types cover only scalars and lists of them.
        const schema = Object.fromEntries(Object.entries(CONFIG_KEYS).map(([key, def]) => [key, def.type === "object-array" ? undefined : def.type]));
        assert.deepStrictEqual(declared, schema);
    });

    describe("types and ranges", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses a wrong type`, () => expectProblem(stack, { [`${PROJECT}:validators`]: "four" }, `${PROJECT}:validators`, /whole number/, '"four"'));
            it(`${stack}: refuses a negative count`, () => expectProblem(stack, { [`${PROJECT}:relays`]: "-1" }, `${PROJECT}:relays`, /at least 1/, "-1"));
            it(`${stack}: refuses a fractional count`, () => expectProblem(stack, { [`${PROJECT}:appServerCount`]: "2.5" }, `${PROJECT}:appServerCount`, /whole number/, "2.5"));
            it(`${stack}: refuses a malformed CIDR`, () => expectProblem(stack, { [`${PROJECT}:vpcCidr`]: "10.20.0.0/33" }, `${PROJECT}:vpcCidr`, /private IPv4 network/, '"10.20.0.0/33"'));
            it(`${stack}: refuses a CIDR with host bits set`, () => expectProblem(stack, { [`${PROJECT}:vpcCidr`]: "10.20.1.0/16" }, `${PROJECT}:vpcCidr`, /private IPv4 network/));
            it(`${stack}: refuses a public VPC range`, () => expectProblem(stack, { [`${PROJECT}:vpcCidr`]: "8.8.0.0/16" }, `${PROJECT}:vpcCidr`, /private/));
            it(`${stack}: refuses fewer than 4 validators`, () => expectProblem(stack, { [`${PROJECT}:validators`]: "3" }, `${PROJECT}:validators`, /at least 4/, "3"));
            it(`${stack}: refuses a validator count that is not 3f+1`, () => expectProblem(stack, { [`${PROJECT}:validators`]: "5" }, `${PROJECT}:validators`, /3f\+1/, "5"));
            it(`${stack}: refuses a malformed instance class`, () => expectProblem(stack, { [`${PROJECT}:postgresInstanceClass`]: "m6g.large" }, `${PROJECT}:postgresInstanceClass`, /db\.r6g\.large/));
            it(`${stack}: refuses a malformed node type`, () => expectProblem(stack, { [`${PROJECT}:redisNodeType`]: "cache.t4g" }, `${PROJECT}:redisNodeType`, /instance class/));
            it(`${stack}: refuses a malformed EC2 instance type`, () => expectProblem(stack, { [`${PROJECT}:appServerInstanceType`]: "large" }, `${PROJECT}:appServerInstanceType`, /instance type/));
            it(`${stack}: refuses an unknown environment`, () => expectProblem(stack, { [`${PROJECT}:environment`]: "dev" }, `${PROJECT}:environment`, /staging, prod/));
            it(`${stack}: refuses a flow-log retention CloudWatch does not offer`, () => expectProblem(stack, { [`${PROJECT}:flowLogRetentionDays`]: "31" }, `${PROJECT}:flowLogRetentionDays`, /retention period/));
            it(`${stack}: refuses a bad entry of a list and names it`, () => expectProblem(stack, { [`${PROJECT}:wireguardAllowedSources`]: '["0.0.0.0/0","nowhere"]' }, `${PROJECT}:wireguardAllowedSources[1]`, /IPv4 network/, '"nowhere"'));
            it(`${stack}: refuses an empty allow-list`, () => expectProblem(stack, { [`${PROJECT}:wireguardAllowedSources`]: "[]" }, `${PROJECT}:wireguardAllowedSources`, /at least one/));
            it(`${stack}: refuses a missing key`, () => expectProblem(stack, { [`${PROJECT}:owner`]: undefined }, `${PROJECT}:owner`, /required/, "(not set)"));
            it(`${stack}: refuses a missing region`, () => expectProblem(stack, { "aws:region": undefined }, "aws:region", /AWS region/));
            it(`${stack}: refuses an unsupported Kubernetes version`, () => expectProblem(stack, { [`${PROJECT}:kubernetesVersion`]: "1.20" }, `${PROJECT}:kubernetesVersion`, /1\.28/));
        }
    });

    describe("unknown keys", () => {
        for (const stack of STACKS) {
            it(`${stack}: refuses a misspelt key and suggests the right one`, () =>
                expectProblem(stack, { [`${PROJECT}:validator`]: "4" }, `${PROJECT}:validator`, /not a configuration key.*did you mean validators\?/));
            it(`${stack}: refuses an unknown aws: key`, () => expectProblem(stack, { "aws:regoin": "us-east-1" }, "aws:regoin", /did you mean region\?/));
        }
        it("never echoes a secret value", () => {
            const problems = problemsOf("staging", { [`${PROJECT}:grafanaPasword`]: "hunter2-do-not-print" }, [`${PROJECT}:grafanaPasword`]);
            assert.strictEqual(problems[0]!.value, "[secret]");
            assert.ok(!JSON.stringify(problems).includes("hunter2"));
        });
        it("reports every problem at once", () => {
            const problems = problemsOf("staging", { [`${PROJECT}:validators`]: "3", [`${PROJECT}:vpcCidr`]: "nope", [`${PROJECT}:typo`]: "1" });
            assert.deepStrictEqual(problems.map((p) => p.key).sort(), [`${PROJECT}:typo`, `${PROJECT}:validators`, `${PROJECT}:vpcCidr`]);
        });
    });

    describe("rules across keys", () => {
        it("refuses a WireGuard range inside the VPC", () =>
            expectProblem("staging", { [`${PROJECT}:wireguardCidr`]: "10.20.200.0/24" }, `${PROJECT}:wireguardCidr`, /must not overlap vpcCidr 10\.20\.0\.0\/16/));
        it("refuses more replicas than other AZs", () =>
            expectProblem("staging", { [`${PROJECT}:postgresReadReplicas`]: "2" }, `${PROJECT}:postgresReadReplicas`, /at most availabilityZones - 1 \(1\)/));
        it("refuses more load balancers than AZs", () =>
            expectProblem("staging", { [`${PROJECT}:loadBalancerCount`]: "3" }, `${PROJECT}:loadBalancerCount`, /at most availabilityZones \(2\)/));
        it("allows staging what prod refuses", () => {
            assert.doesNotThrow(() => parseWith("staging", { [`${PROJECT}:natGateways`]: "single", [`${PROJECT}:kmsDeletionWindowDays`]: "7", [`${PROJECT}:deletionProtection`]: "false" }));
        });
        it("prod: losing one AZ may cost at most f validators", () => {
            expectProblem("prod", { [`${PROJECT}:availabilityZones`]: "3" }, `${PROJECT}:availabilityZones`, /at least 4 in prod/);
            assert.doesNotThrow(() => parseWith("prod", { [`${PROJECT}:validators`]: "7", [`${PROJECT}:availabilityZones`]: "4" }));
            expectProblem("prod", { [`${PROJECT}:validators`]: "10", [`${PROJECT}:availabilityZones`]: "3" }, `${PROJECT}:availabilityZones`, /at least 4 in prod: 10 validators tolerate 3/);
        });
        it("prod: NAT per AZ", () => expectProblem("prod", { [`${PROJECT}:natGateways`]: "single" }, `${PROJECT}:natGateways`, /perAz in prod/));
        it("prod: 30-day key deletion window", () => expectProblem("prod", { [`${PROJECT}:kmsDeletionWindowDays`]: "7" }, `${PROJECT}:kmsDeletionWindowDays`, /30 in prod/));
        it("prod: deletion protection", () => expectProblem("prod", { [`${PROJECT}:deletionProtection`]: "false" }, `${PROJECT}:deletionProtection`, /true in prod/));
        it("prod: two read replicas", () => expectProblem("prod", { [`${PROJECT}:postgresReadReplicas`]: "1" }, `${PROJECT}:postgresReadReplicas`, /at least 2 in prod/));
        it("prod: 14 days of backups", () => expectProblem("prod", { [`${PROJECT}:postgresBackupRetentionDays`]: "7" }, `${PROJECT}:postgresBackupRetentionDays`, /at least 14 in prod/));
        it("prod: two load balancers", () => expectProblem("prod", { [`${PROJECT}:loadBalancerCount`]: "1" }, `${PROJECT}:loadBalancerCount`, /at least 2 in prod/));
        it("prod: two relays", () => expectProblem("prod", { [`${PROJECT}:relays`]: "1" }, `${PROJECT}:relays`, /at least 2 in prod/));
    });

    it("formats one line per problem naming key, value and rule", () => {
        try {
            parseWith("staging", { [`${PROJECT}:validators`]: "5" });
            assert.fail("accepted");
        } catch (error) {
            assert.ok(ConfigError.is(error));
            assert.match(error.message, /^invalid stack configuration \(1 problem\):\n {2}- chain-platform:validators = 5: must be 3f\+1/);
        }
    });
});
