/**
 * Prints the README's generated tables from the offline plan of prod (the stack with every secret):
 * `npm run -s tables`, then paste between the markers. `tests/readme.spec.ts` fails when they differ.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { Inventory } from "../offline/inventory";
import { fromInventory } from "../offline/policy-input";
import { secretReadersTable } from "../offline/privilege-table";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tables-"));
try {
    const json = path.join(dir, "prod.json");
    const plan = spawnSync(process.execPath, ["-r", path.join(__dirname, "register.js"), path.join(__dirname, "plan.ts"), "--stack", "prod", "--json", json], { encoding: "utf8" });
    if (!fs.existsSync(json)) {
        process.stderr.write(plan.stderr);
        process.exit(plan.status ?? 3);
    }
    const inventory = JSON.parse(fs.readFileSync(json, "utf8")) as Inventory;
    process.stdout.write(`${secretReadersTable(fromInventory(inventory.resources), `${inventory.project}-${inventory.stack}`)}\n`);
} finally {
    fs.rmSync(dir, { recursive: true, force: true });
}
