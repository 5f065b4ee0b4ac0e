/**
 * Prints the README's generated tables from the offline plan of prod (the stack with every secret):
 * `npm run -s tables -- --write` rewrites them between their markers in README.md (without it, prints
 * them). `tests/stacks/readme.spec.ts` fails when they differ.
 * `--needed-flows` prints the entries of policies/data/needed-flows.ts from the port map instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { Inventory } from "../offline/inventory";
import { fromInventory } from "../offline/policy-input";
import { coverageSection, policyTable } from "../offline/coverage-table";
import {
    flowTable,
    podFlowTable,
    principalTable,
    runbookSection,
    scenarioTable,
    secretReadersTable,
} from "../offline/model-tables";
import { configReferenceTable, withConfigBlock } from "../config/docs";
import { CONFIG_KEYS } from "../config/schema";
import { POLICIES } from "../policies/pack";
import { parse as parseYaml } from "yaml";
import { neededFlows } from "../topology/needed-flows";
import { portMap } from "../topology/ports";

if (process.argv.includes("--needed-flows")) {
    const base = new Set(neededFlows(portMap()).map((f) => JSON.stringify(f)));
    for (const f of neededFlows(portMap({ sshFromOperators: true }))) {
        process.stdout.write(
            `    { from: ${JSON.stringify(f.from)}, to: ${JSON.stringify(f.to)}, protocol: ${JSON.stringify(f.protocol)}, port: ${f.port}, why: ${JSON.stringify(f.why)}${base.has(JSON.stringify(f)) ? "" : ", optional: true"} },\n`,
        );
    }
    process.exit(0);
}
/** A stack file's `config:` values, parsed (lists and objects as such). */
function stackValues(stack: "staging" | "prod"): Record<string, unknown> {
    const file = path.join(__dirname, "..", `Pulumi.${stack}.yaml`);
    return (
        (parseYaml(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> }).config ??
        {}
    );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tables-"));
try {
    const json = path.join(dir, "prod.json");
    const plan = spawnSync(
        process.execPath,
        [
            "-r",
            path.join(__dirname, "register.js"),
            path.join(__dirname, "plan.ts"),
            "--stack",
            "prod",
            "--json",
            json,
        ],
        { encoding: "utf8" },
    );
    if (!fs.existsSync(json)) {
        process.stderr.write(plan.stderr);
        process.exit(plan.status ?? 3);
    }
    const inventory = JSON.parse(fs.readFileSync(json, "utf8")) as Inventory;
    const subjects = fromInventory(inventory.resources);
    const sections = [
        secretReadersTable(subjects, `${inventory.project}-${inventory.stack}`),
        principalTable(subjects, `${inventory.project}-${inventory.stack}`),
        flowTable(subjects),
        podFlowTable(subjects),
        scenarioTable(),
        runbookSection(),
        policyTable(POLICIES),
        coverageSection(),
        configReferenceTable(CONFIG_KEYS, inventory.project, {
            staging: stackValues("staging"),
            prod: stackValues("prod"),
        }),
    ];
    if (process.argv.includes("--write")) {
        const readmePath = path.join(__dirname, "..", "README.md");
        let readme = fs.readFileSync(readmePath, "utf8");
        for (const section of sections) {
            // A section runs from its begin marker (first line) to its end marker (last line).
            const lines = section.split("\n");
            const begin = lines[0]!.slice(0, lines[0]!.indexOf(":begin") + ":begin".length);
            const end = lines[lines.length - 1]!;
            const from = readme.indexOf(begin);
            const to = readme.indexOf(end);
            if (from < 0 || to < from) throw new Error(`README has no ${begin} … ${end} section`);
            readme = readme.slice(0, from) + section + readme.slice(to + end.length);
        }
        fs.writeFileSync(readmePath, readme);
        const projectPath = path.join(__dirname, "..", "Pulumi.yaml");
        fs.writeFileSync(
            projectPath,
            withConfigBlock(fs.readFileSync(projectPath, "utf8"), CONFIG_KEYS),
        );
    } else {
        process.stdout.write(`${sections.join("\n\n")}\n`);
    }
} finally {
    fs.rmSync(dir, { recursive: true, force: true });
}
