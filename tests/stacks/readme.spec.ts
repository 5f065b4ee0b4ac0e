import {
    COVERAGE_BEGIN,
    COVERAGE_END,
    coverageSection,
    POLICY_TABLE_BEGIN,
    POLICY_TABLE_END,
    policyTable,
} from "../../offline/coverage-table";
import { PEER_CHECKS } from "../../policies/data/peer-checks";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { CONFIG_KEYS } from "../../config/schema";
import { configReferenceTable, pulumiConfigBlock, withConfigBlock } from "../../config/docs";
import { fromInventory } from "../../offline/policy-input";
import { AlertRule, alertGroups } from "../../components/monitoring/rules";
import { RUNBOOKS } from "../../components/monitoring/runbooks";
import {
    flowTable,
    FLOWS_BEGIN,
    FLOWS_END,
    POD_FLOWS_BEGIN,
    POD_FLOWS_END,
    podFlowTable,
    principalTable,
    PRINCIPALS_BEGIN,
    PRINCIPALS_END,
    runbookSection,
    scenarioTable,
    SCENARIOS_BEGIN,
    SCENARIOS_END,
    secretReadersTable,
    TABLE_BEGIN,
    TABLE_END,
} from "../../offline/model-tables";
import { POLICIES } from "../../policies/pack";
import { planned, PROJECT_DIR, STACKS } from "../support/harness";

const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
const stackValues = Object.fromEntries(
    STACKS.map((stack) => [
        stack,
        (
            parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as {
                config: Record<string, unknown>;
            }
        ).config,
    ]),
);
const plain = (text: string) => text.replace(/["[\]\s]/g, "");

describe("README configuration reference", () => {
    for (const [key, def] of Object.entries(CONFIG_KEYS)) {
        it(`documents ${key} with its type and both stacks' values`, () => {
            const row = readme.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
            assert.ok(row, `README has no reference row for ${key}`);
            const [, , type, staging, prod] = row.split("|").map((cell) => cell.trim());
            assert.strictEqual(type, def.type);
            for (const [stack, cell] of [
                ["staging", staging],
                ["prod", prod],
            ] as const) {
                const value = stackValues[stack]![`chain-platform:${key}`];
                // Lists of objects (peers) are shown by name.
                const shown = Array.isArray(value)
                    ? value
                          .map((v) =>
                              typeof v === "object" && v !== null
                                  ? (v as { name: string }).name
                                  : v,
                          )
                          .join(",")
                    : String(value);
                assert.strictEqual(plain(cell!), plain(shown), `${stack} value of ${key}`);
            }
        });
    }
    it("names the two set-up commands", () => {
        assert.ok(readme.includes("npm ci && npm run plan -- --stack staging"));
        assert.ok(readme.includes("npm test"));
    });
});

describe("README policy table", () => {
    it("has a row for every policy of the pack, and none for a policy it does not have", () => {
        const rows = readme
            .split("\n")
            .filter((line) => /^\| `[a-z0-9-]+` \| /.test(line))
            .map((line) => line.slice(3, line.indexOf("`", 3)));
        for (const policy of POLICIES)
            assert.ok(rows.includes(policy.name), `README has no row for policy ${policy.name}`);
        const section = readme.slice(
            readme.indexOf("## Policies"),
            readme.indexOf("## Review flow"),
        );
        const policyRows = section
            .split("\n")
            .filter((line) => /^\| `[a-z0-9-]+` \| /.test(line))
            .map((line) => line.slice(3, line.indexOf("`", 3)));
        const names = new Set(POLICIES.map((p) => p.name));
        assert.deepStrictEqual(
            policyRows.filter((name) => !names.has(name)),
            [],
        );
    });
});

/** A generated README section between its markers; fails when missing or stale (regenerate: npm run -s tables). */
function assertGenerated(begin: string, end: string, expected: string, what: string): void {
    const from = readme.indexOf(begin);
    const to = readme.indexOf(end);
    assert.ok(from >= 0 && to > from, `README lacks ${what}`);
    assert.strictEqual(
        readme.slice(from, to + end.length),
        expected,
        `README's ${what} is stale: npm run -s tables -- --write`,
    );
}

describe("peer coverage", () => {
    it("maps every applicable peer check to a policy of the pack, a reason, or a named gap — exactly one", () => {
        const names = new Set(POLICIES.map((p) => p.name));
        assert.ok(PEER_CHECKS.length > 500);
        for (const c of PEER_CHECKS) {
            assert.strictEqual(
                [c.policy, c.notApplicable, c.gap].filter((v) => v !== undefined && v !== "")
                    .length,
                1,
                `${c.tool} ${c.id}`,
            );
            if (c.policy)
                assert.ok(
                    names.has(c.policy),
                    `${c.tool} ${c.id} names ${c.policy}, which the pack does not have`,
                );
        }
        const ids = PEER_CHECKS.map((c) => `${c.tool} ${c.id}`);
        assert.strictEqual(new Set(ids).size, ids.length, "a check listed twice");
    });
    it("generates the README's policy table and coverage section from the pack and the mapping", () => {
        assertGenerated(
            POLICY_TABLE_BEGIN,
            POLICY_TABLE_END,
            policyTable(POLICIES),
            "policy table",
        );
        assertGenerated(COVERAGE_BEGIN, COVERAGE_END, coverageSection(), "coverage section");
        const broken = coverageSection([
            ...PEER_CHECKS,
            { tool: "checkov", id: "CKV_TEST_1", title: "planted", gap: "a planted gap" },
        ]);
        assert.match(broken, /\| CKV_TEST_1 \| planted \| \*\*gap\*\*: a planted gap \|/);
        const gaps = PEER_CHECKS.filter((c) => c.tool === "checkov" && c.gap !== undefined).length;
        assert.match(
            broken,
            new RegExp(
                `Checkov: \\d+ applicable checks — \\d+ covered by a policy \\(\\d+ partly\\), \\d+ not applicable, ${gaps + 1} gaps`,
            ),
        );
    });
});

describe("README's component table", () => {
    it("names each component by its class, in the folder that exports it", () => {
        const rows = [...readme.matchAll(/^\| `(\w+)` \(`(components\/[\w-]+)`\) \|/gm)].map(
            (m) => [m[1]!, m[2]!] as const,
        );
        assert.ok(rows.length >= 14, String(rows.length));
        for (const [component, folder] of rows) {
            const sources = fs
                .readdirSync(path.join(PROJECT_DIR, folder))
                .filter((f) => f.endsWith(".ts"))
                .map((f) => fs.readFileSync(path.join(PROJECT_DIR, folder, f), "utf8"));
            assert.ok(
                sources.some((text) =>
                    text.includes(`export class ${component} extends pulumi.ComponentResource`),
                ),
                `${component} in ${folder}`,
            );
        }
    });
});

describe("README generated tables", () => {
    const stackValues = (stack: string) =>
        (
            parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as {
                config: Record<string, unknown>;
            }
        ).config;
    it("documents the configuration once: the README's reference and Pulumi.yaml's config block come from the schema", () => {
        assertGenerated(
            "<!-- config-reference:begin",
            "<!-- config-reference:end -->",
            configReferenceTable(CONFIG_KEYS, "chain-platform", {
                staging: stackValues("staging"),
                prod: stackValues("prod"),
            }),
            "configuration reference",
        );
        const project = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8");
        assert.strictEqual(
            project,
            withConfigBlock(project, CONFIG_KEYS),
            "Pulumi.yaml's config block is stale: npm run -s tables -- --write",
        );
        // The check can fail: a key added to the schema shows up in both.
        const extra = {
            ...CONFIG_KEYS,
            newKey: { ...CONFIG_KEYS.owner, description: "A new key.", rule: "anything" },
        };
        assert.notStrictEqual(withConfigBlock(project, extra), project);
        assert.match(
            pulumiConfigBlock(extra),
            / {2}newKey:\n {4}type: string\n {4}description: "A new key."$/,
        );
    });
    const prod = () => planned("prod");
    const prefix = () => `${prod().project}-${prod().stack}`;
    it("shows who can read which secret as the privilege model computes it for prod", () => {
        assertGenerated(
            TABLE_BEGIN,
            TABLE_END,
            secretReadersTable(fromInventory(prod().resources), prefix()),
            "secret readers table",
        );
    });
    it("shows what each principal may do, as the privilege model computes it for prod", () => {
        const table = principalTable(fromInventory(prod().resources), prefix());
        assertGenerated(PRINCIPALS_BEGIN, PRINCIPALS_END, table, "principals table");
        assert.match(table, /Kubernetes ServiceAccount monitoring\/prometheus/);
        assert.doesNotMatch(table, /nodes\/proxy/);
    });
    it("shows every flow the security groups allow, with why, as the flow model computes it for prod", () => {
        const table = flowTable(fromInventory(prod().resources));
        assertGenerated(FLOWS_BEGIN, FLOWS_END, table, "flow matrix");
        assert.doesNotMatch(table, /not needed/);
    });
    it("shows every pod flow the NetworkPolicies allow, with why, as the pod flow model computes it for prod", () => {
        const table = podFlowTable(fromInventory(prod().resources));
        assertGenerated(POD_FLOWS_BEGIN, POD_FLOWS_END, table, "pod flow matrix");
        assert.doesNotMatch(table, /not needed/);
    });
    it("shows the scenario table as generated from the scenarios", () => {
        assertGenerated(SCENARIOS_BEGIN, SCENARIOS_END, scenarioTable(), "scenario table");
    });
    it("holds a runbook for every alert, where its runbook_url points", () => {
        assertGenerated(
            "<!-- runbooks:begin",
            "<!-- runbooks:end -->",
            runbookSection(),
            "runbook section",
        );
        for (const rule of alertGroups()
            .flatMap((g) => g.rules)
            .filter((r): r is AlertRule => "alert" in r)) {
            const anchor = rule.annotations.runbook_url?.split("#")[1];
            assert.ok(
                anchor && readme.includes(`<a id="${anchor}"></a>`),
                `${rule.alert} links no runbook`,
            );
            assert.ok(RUNBOOKS[rule.alert], `${rule.alert} has no runbook text`);
        }
    });
});
