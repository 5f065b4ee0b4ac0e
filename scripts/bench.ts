/**
 * `npm run bench`: the offline plan of prod as a ratio to merely importing the SDKs, both measured
 * alternately in this run (so machine load affects both alike), and the test suite's time.
 * Target: plan/import ≤ 1.5. Reports; never fails on time.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Inventory, InventoryResource } from "../offline/inventory";
import { fromInventory } from "../offline/policy-input";
import { runPack } from "../offline/policy-report";

const ROOT = path.resolve(__dirname, "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET = 1.5;

const IMPORT_SDKS = [
    "@pulumi/pulumi",
    "@pulumi/aws",
    "@pulumi/kubernetes",
    "@pulumi/random",
    "@pulumi/docker",
]
    .map((m) => `require(${JSON.stringify(m)});`)
    .join("");

function timed(args: string[]): number {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (child.status !== 0) {
        throw new Error(`${args.join(" ")} exited ${child.status}:\n${child.stderr}`);
    }
    return seconds;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const json = path.join(os.tmpdir(), "bench-plan-prod.json");
const importTimes: number[] = [];
const planTimes: number[] = [];
timed(["-r", "./scripts/register.js", "scripts/plan.ts", "--stack", "prod"]); // warm the transpile cache
for (let round = 0; round < ROUNDS; round++) {
    importTimes.push(timed(["-e", IMPORT_SDKS]));
    planTimes.push(
        timed([
            "-r",
            "./scripts/register.js",
            "scripts/plan.ts",
            "--stack",
            "prod",
            "--json",
            json,
        ]),
    );
}
const importMedian = median(importTimes);
const planMedian = median(planTimes);
const ratio = planMedian / importMedian;

const suite = timed([path.join(ROOT, "node_modules/mocha/bin/mocha.js")]);

/** The prod inventory copied until it holds `count` resources (URNs and references renamed per copy). */
function syntheticInventory(base: Inventory, count: number): InventoryResource[] {
    const resources: InventoryResource[] = [];
    for (let copy = 0; resources.length < count; copy++) {
        const rename = (urn: string) => `${urn}-copy${copy}`;
        for (const r of base.resources) {
            if (resources.length >= count) break;
            resources.push({
                ...r,
                urn: rename(r.urn),
                name: `${r.name}-copy${copy}`,
                parent: r.parent ? rename(r.parent) : undefined,
                dependencies: r.dependencies.map(rename),
                propertyDependencies: Object.fromEntries(
                    Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [
                        k,
                        v.map(rename),
                    ]),
                ),
            });
        }
    }
    return resources;
}

async function packOverLargeInventory(): Promise<{
    resources: number;
    seconds: number;
    violations: number;
}> {
    const base = JSON.parse(fs.readFileSync(json, "utf8")) as Inventory;
    const resources = syntheticInventory(base, 5000);
    const start = process.hrtime.bigint();
    const report = await runPack(fromInventory(resources));
    return {
        resources: resources.length,
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        violations: report.violations.length,
    };
}

console.log(`rounds: ${ROUNDS} (alternating)`);
console.log(`import SDKs (baseline): median ${importMedian.toFixed(3)} s`);
console.log(`offline plan of prod:   median ${planMedian.toFixed(3)} s`);
console.log(
    `ratio plan/import:      ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? "ok" : "OVER TARGET"}`,
);
console.log(
    `test suite (mocha):     ${suite.toFixed(1)} s = ${(suite / importMedian).toFixed(1)} × baseline`,
);
void packOverLargeInventory().then(({ resources, seconds, violations }) => {
    console.log(
        `policy pack over ${resources} resources: ${seconds.toFixed(2)} s = ${(seconds / importMedian).toFixed(1)} × baseline (${violations} violations)`,
    );
});
