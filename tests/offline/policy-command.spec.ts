import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Inventory } from "../../offline/inventory";
import { readPolicyConfig } from "../../offline/policy-report";
import { plan, planned, PROJECT_DIR } from "../support/harness";
import { relativeImports } from "../support/imports";
import { runInProcess } from "../support/in-process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-command-"));

/** The policy command, run in-process as `npm run policy -- ARGS` runs it. */
function policy(...args: string[]) {
    return runInProcess("policy", args);
}

/** The policy command as a process, for what only a process shows (its exit status). */
function policyCli(...args: string[]) {
    return spawnSync(
        process.execPath,
        [
            "-r",
            path.join(PROJECT_DIR, "scripts/register.js"),
            path.join(PROJECT_DIR, "scripts/policy.ts"),
            ...args,
        ],
        { cwd: PROJECT_DIR, encoding: "utf8" },
    );
}

function write(name: string, document: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(document));
    return file;
}

/** The prod inventory with the app servers' API opened to the internet. */
function openedInventory(): Inventory {
    const inventory = JSON.parse(JSON.stringify(planned("prod"))) as Inventory;
    const rule = inventory.resources.find(
        (r) => r.name === "network-appServer-in-tcp-8080-loadBalancer",
    )!;
    (rule.inputs as Record<string, unknown>).cidrIpv4 = "0.0.0.0/0";
    delete (rule.inputs as Record<string, unknown>).referencedSecurityGroupId;
    return inventory;
}

describe("policy command", () => {
    it("passes the committed stacks' inventories", () => {
        for (const stack of ["staging", "prod"] as const) {
            const result = policy(write(`${stack}.json`, planned(stack)));
            assert.strictEqual(result.status, 0, result.stdout + result.stderr);
            assert.match(
                result.stdout,
                /\(inventory, \d+ resources\)\nPolicies: \d+ checked, 0 violation\(s\)/,
            );
        }
    });
    it("prints policy, enforcement level, URN and message, and exits 1 on a mandatory violation", () => {
        const result = policy(write("opened.json", openedInventory()));
        assert.strictEqual(result.status, 1, result.stderr);
        assert.match(
            result.stdout,
            /\[mandatory\] internet-ingress-allow-listed {2}urn:pulumi:prod::chain-platform::platform:network:Network\$aws:vpc\/securityGroupIngressRule:SecurityGroupIngressRule::network-appServer-in-tcp-8080-loadBalancer\n {6}ingress of tcp\/8080 from 0\.0\.0\.0\/0 is not on the internet allow-list/,
        );
    });
    it("writes JSON with --json and honours an exemption from --config", () => {
        const config = write("policy-config.json", {
            ...readPolicyConfig(),
            "internet-ingress-allow-listed": {
                exemptions: [
                    {
                        resource: "network-appServer-in-tcp-8080-loadBalancer",
                        reason: "load test from the office, until Friday",
                    },
                ],
            },
        });
        const result = policy(
            write("opened2.json", openedInventory()),
            "--json",
            "--config",
            config,
        );
        assert.strictEqual(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as {
            violations: unknown[];
            exemptions: { policy: string; reason: string }[];
        };
        assert.deepStrictEqual(report.violations, []);
        assert.deepStrictEqual(
            report.exemptions
                .map((e) => [e.policy, e.reason])
                .find(([policy]) => policy === "internet-ingress-allow-listed"),
            ["internet-ingress-allow-listed", "load test from the office, until Friday"],
        );
    });
    it("reads a pulumi stack export, treating its secrets as unknown", () => {
        const secret = {
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            ciphertext: "AAABAKZ2",
        };
        const urn = (type: string, name: string) =>
            `urn:pulumi:prod::chain-platform::${type}::${name}`;
        const exported = {
            version: 3,
            deployment: {
                manifest: { time: "2026-11-22T00:00:00Z" },
                resources: [
                    {
                        urn: urn("pulumi:pulumi:Stack", "chain-platform-prod"),
                        custom: false,
                        type: "pulumi:pulumi:Stack",
                    },
                    {
                        urn: urn("pulumi:providers:aws", "default"),
                        custom: true,
                        type: "pulumi:providers:aws",
                        inputs: { region: "us-east-1" },
                    },
                    {
                        urn: urn("aws:ssm/parameter:Parameter", "hub-key"),
                        custom: true,
                        type: "aws:ssm/parameter:Parameter",
                        id: "/p-prod/wireguard/hub-private-key",
                        inputs: {
                            name: "/p-prod/wireguard/hub-private-key",
                            type: "SecureString",
                            keyId: secret,
                            value: secret,
                            tags: {
                                Project: "p",
                                Stack: "prod",
                                Environment: "prod",
                                Owner: "o",
                                ManagedBy: "pulumi",
                            },
                        },
                    },
                    {
                        urn: urn("aws:ec2/instance:Instance", "app-0"),
                        custom: true,
                        type: "aws:ec2/instance:Instance",
                        id: "i-1",
                        inputs: {
                            metadataOptions: { httpTokens: "optional" },
                            rootBlockDevice: { encrypted: true },
                            monitoring: true,
                            iamInstanceProfile: "p-prod-app",
                            tags: {
                                Project: "p",
                                Stack: "prod",
                                Environment: "prod",
                                Owner: "o",
                                ManagedBy: "pulumi",
                                Role: "appServer",
                            },
                        },
                    },
                ],
            },
        };
        const result = policy(write("export.json", exported), "--json");
        assert.strictEqual(result.status, 1, result.stderr);
        const report = JSON.parse(result.stdout) as {
            violations: { policy: string; urn: string }[];
            skipped: { policy: string; urn: string }[];
        };
        assert.deepStrictEqual(
            report.violations.map((v) => [v.policy, v.urn]),
            [["ec2-imdsv2-required", urn("aws:ec2/instance:Instance", "app-0")]],
        );
        assert.ok(
            report.skipped.some(
                (s) =>
                    s.policy === "secrets-customer-key" &&
                    s.urn === urn("aws:ssm/parameter:Parameter", "hub-key"),
            ),
            JSON.stringify(report.skipped),
        );
        assert.doesNotMatch(result.stdout, /AAABAKZ2/);
    });
    it("exits 2 on a file that is neither format, or no file", () => {
        assert.strictEqual(policy(write("neither.json", { hello: "world" })).status, 2);
        const none = policyCli();
        assert.strictEqual(none.status, 2);
        assert.match(none.stderr, /^usage: npm run policy/m);
    });
});

describe("offline plan and policies", () => {
    it("reports the pack's violations in the inventory and exits 1 on a mandatory one", () => {
        const config = write("require-cost-center.json", {
            ...readPolicyConfig(),
            "required-tags": { required: ["Project", "CostCenter"] },
        });
        const result = plan("staging"); // the committed stack passes
        assert.strictEqual(result.status, 0);
        const strict = runInProcess("plan", [
            "--stack",
            "staging",
            "--policy-config",
            config,
            "--json",
            path.join(dir, "strict.json"),
        ]);
        assert.strictEqual(strict.status, 1, strict.stderr);
        const inventory = JSON.parse(
            fs.readFileSync(path.join(dir, "strict.json"), "utf8"),
        ) as Inventory;
        assert.ok(inventory.violations.length > 10);
        assert.ok(
            inventory.violations.every(
                (v) =>
                    v.policy === "required-tags" &&
                    v.enforcementLevel === "mandatory" &&
                    /missing tags: CostCenter/.test(v.message),
            ),
        );
        assert.match(strict.stdout, /\[mandatory\] required-tags {2}urn:pulumi:staging::/);
    });
});

describe("policy pack entry point", () => {
    it("starts as the Pulumi CLI starts it: serves the pack and prints its port", async () => {
        const child = spawn(
            process.execPath,
            [
                "-r",
                path.join(PROJECT_DIR, "scripts/register.js"),
                path.join(PROJECT_DIR, "policies/index.ts"),
            ],
            { cwd: PROJECT_DIR },
        );
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            const timer = setTimeout(() => reject(new Error(`no port printed: ${out}`)), 30_000);
            child.stdout.on("data", (chunk: Buffer) => {
                out += chunk.toString();
                if (/^\d+\s*$/m.test(out)) {
                    clearTimeout(timer);
                    resolve(out.trim());
                }
            });
            child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
        }).finally(() => child.kill());
        assert.ok(Number(port) > 0);
    });
    it("never imports the program (a mistake in its port map or flows must be caught, not copied)", () => {
        const imports = relativeImports(path.join(PROJECT_DIR, "policies"));
        assert.ok(imports.length > 50, "the pack's own imports are read");
        const outside = imports
            .filter(({ target }) => !target.startsWith(`policies${path.sep}`))
            .map(({ file, target }) => `${file} → ${target}`);
        assert.deepStrictEqual(outside, []);
    });
    it("answers bad input with exit 2, one message and no stack trace; a policy configuration is held to the pack", () => {
        const inventory = write("ok.json", planned("staging"));
        const text = (name: string, body: string) => {
            fs.writeFileSync(path.join(dir, name), body);
            return path.join(dir, name);
        };
        const cases: [string[], RegExp][] = [
            [
                [write("shape.json", { resources: [{}] })],
                /is not an offline-plan inventory[\s\S]*resources\.0\.urn/,
            ],
            [
                [write("export-shape.json", { deployment: { resources: [{ urn: 1 }] } })],
                /is not a pulumi stack export/,
            ],
            [
                [text("broken.json", '{"password": hunter2secret}')],
                /cannot read .*: not valid JSON/,
            ],
            [
                [inventory, "--config", path.join(dir, "missing-config.json")],
                /policy configuration .*: no such file/,
            ],
            [
                [inventory, "--config", text("bad-config.json", "{oops")],
                /policy configuration .*: not valid JSON/,
            ],
            [
                [inventory, "--config", write("typo.json", { "required-tags": "advisry" })],
                /required-tags: enforcement level must be one of advisory, mandatory, remediate, disabled/,
            ],
            [
                [inventory, "--config", write("unknown.json", { "no-such-policy": "mandatory" })],
                /no-such-policy: is not a policy of this pack/,
            ],
            [
                [
                    inventory,
                    "--config",
                    write("setting.json", { "required-tags": { exemptoins: [] } }),
                ],
                /required-tags\.exemptoins: is not a setting of this policy/,
            ],
            [[inventory, "--config"], /--config needs a file/],
        ];
        for (const [args, message] of cases) {
            const result = policy(...args);
            assert.strictEqual(result.status, 2, `${args.join(" ")}: ${result.stderr}`);
            assert.match(result.stderr, message);
            assert.doesNotMatch(result.stderr, /^\s+at /m, "stack trace printed");
            assert.doesNotMatch(result.stderr, /hunter2/, "file text quoted");
        }
        // The committed configuration passes its own validation.
        assert.strictEqual(
            policy(inventory, "--config", path.join(PROJECT_DIR, "policies/config.json")).status,
            0,
        );
    });
});
