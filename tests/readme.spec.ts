import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { CONFIG_KEYS } from "../config/schema";
import { fromInventory } from "../offline/policy-input";
import { AlertRule, alertGroups } from "../components/monitoring/rules";
import { RUNBOOKS } from "../components/monitoring/runbooks";
import { flowTable, FLOWS_BEGIN, FLOWS_END, principalTable, PRINCIPALS_BEGIN, PRINCIPALS_END, runbookSection, scenarioTable, SCENARIOS_BEGIN, SCENARIOS_END, secretReadersTable, TABLE_BEGIN, TABLE_END } from "../offline/model-tables";
import { POLICIES } from "../policies/pack";
import { planned, PROJECT_DIR, STACKS } from "./harness";

const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
const stackValues = Object.fromEntries(
    STACKS.map((stack) => [stack, (parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> }).config]),
);
const plain = (text: string) => text.replace(/["[\]\s]/g, "");

describe("README configuration reference", () => {
    for (const [key, def] of Object.entries(CONFIG_KEYS)) {
        it(`documents ${key} with its type and both stacks' values`, () => {
            const row = readme.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
            assert.ok(row, `README has no reference row for ${key}`);
            const [, , type, staging, prod] = row.split("|").map((cell) => cell.trim());
            assert.strictEqual(type, def.type);
            for (const [stack, cell] of [["staging", staging], ["prod", prod]] as const) {
                const value = stackValues[stack]![`chain-platform:${key}`];
                // Lists of objects (peers) are shown by name.
                const shown = Array.isArray(value) ? value.map((v) => (typeof v === "object" && v !== null ? (v as { name: string }).name : v)).join(",") : String(value);
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
        const rows = readme.split("\n").filter((line) => /^\| `[a-z0-9-]+` \| /.test(line)).map((line) => line.slice(3, line.indexOf("`", 3)));
        for (const policy of POLICIES) assert.ok(rows.includes(policy.name), `README has no row for policy ${policy.name}`);
        const section = readme.slice(readme.indexOf("## Policies"), readme.indexOf("## Review flow"));
        const policyRows = section.split("\n").filter((line) => /^\| `[a-z0-9-]+` \| /.test(line)).map((line) => line.slice(3, line.indexOf("`", 3)));
        const names = new Set(POLICIES.map((p) => p.name));
        assert.deepStrictEqual(policyRows.filter((name) => !names.has(name)), []);
    });
});

describe("README generated tables", () => {
    it("shows who can read which secret as the privilege model computes it for prod", () => {
        const inventory = planned("prod");
        const table = secretReadersTable(fromInventory(inventory.resources), `${inventory.project}-${inventory.stack}`);
        const start = readme.indexOf(TABLE_BEGIN);
        const end = readme.indexOf(TABLE_END);
        assert.ok(start >= 0 && end > start, "README lacks the secret readers table");
        assert.strictEqual(readme.slice(start, end + TABLE_END.length), table, "README's table is stale: npm run -s tables");
    });
});

describe("README flow matrix", () => {
    it("shows every flow the security groups allow, with why, as the flow model computes it for prod", () => {
        const table = flowTable(fromInventory(planned("prod").resources));
        const start = readme.indexOf(FLOWS_BEGIN);
        const end = readme.indexOf(FLOWS_END);
        assert.ok(start >= 0 && end > start, "README lacks the flow matrix");
        assert.strictEqual(readme.slice(start, end + FLOWS_END.length), table, "README's flow matrix is stale: npm run -s tables");
        assert.doesNotMatch(table, /not needed/);
    });
});

describe("README alerting sections", () => {
    const section = (begin: string, end: string) => readme.slice(readme.indexOf(begin), readme.indexOf(end) + end.length);
    it("shows the scenario table as generated from the scenarios", () => {
        assert.strictEqual(section(SCENARIOS_BEGIN, SCENARIOS_END), scenarioTable(), "stale: npm run -s tables");
    });
    it("holds a runbook for every alert, where its runbook_url points", () => {
        const runbooks = runbookSection();
        assert.strictEqual(section("<!-- runbooks:begin", "<!-- runbooks:end -->"), runbooks, "stale: npm run -s tables");
        for (const rule of alertGroups().flatMap((g) => g.rules).filter((r): r is AlertRule => "alert" in r)) {
            const anchor = rule.annotations.runbook_url?.split("#")[1];
            assert.ok(anchor && readme.includes(`<a id="${anchor}"></a>`), `${rule.alert} links no runbook`);
            assert.ok(RUNBOOKS[rule.alert], `${rule.alert} has no runbook text`);
        }
    });
});

describe("README privileges per principal", () => {
    it("shows what each principal may do, as the privilege model computes it for prod", () => {
        const inventory = planned("prod");
        const table = principalTable(fromInventory(inventory.resources), `${inventory.project}-${inventory.stack}`);
        const start = readme.indexOf(PRINCIPALS_BEGIN);
        const end = readme.indexOf(PRINCIPALS_END);
        assert.ok(start >= 0 && end > start, "README lacks the principals table");
        assert.strictEqual(readme.slice(start, end + PRINCIPALS_END.length), table, "README's principals table is stale: npm run -s tables");
        assert.match(table, /Kubernetes ServiceAccount monitoring\/prometheus/);
        assert.doesNotMatch(table, /nodes\/proxy/);
    });
});
