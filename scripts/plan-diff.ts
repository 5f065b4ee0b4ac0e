/**
 * `npm run plan:diff -- BASE.json HEAD.json [--markdown PATH]`, or
 * `npm run plan:diff -- --base REF --stack NAME [HEAD.json] [--markdown PATH]`: plans REF (and, without
 * HEAD.json, the working tree) offline and compares. Exit status: 0 compared, 2 usage or unreadable input.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffInventories, renderDiffMarkdown } from "../offline/diff";
import { Inventory } from "../offline/inventory";

const ROOT = path.resolve(__dirname, "..");
const USAGE = "usage: npm run plan:diff -- BASE.json HEAD.json [--markdown PATH]\n       npm run plan:diff -- --base REF --stack NAME [HEAD.json] [--markdown PATH]";

class UsageError extends Error {}

/** Plans `stack` in `dir` (a checkout of this project) and returns the inventory file. */
function planIn(dir: string, stack: string, out: string): string {
    const child = spawnSync(process.execPath, ["-r", path.join(dir, "scripts/register.js"), path.join(dir, "scripts/plan.ts"), "--stack", stack, "--json", out], { cwd: dir, encoding: "utf8" });
    if (!fs.existsSync(out)) {
        throw new Error(`planning ${stack} in ${dir} exited ${child.status}:\n${child.stderr}`);
    }
    return out;
}

/** Plans a git revision in a temporary worktree that borrows this checkout's node_modules. */
function planRevision(ref: string, stack: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-base-"));
    const worktree = path.join(dir, "tree");
    const add = spawnSync("git", ["worktree", "add", "--detach", worktree, ref], { cwd: ROOT, encoding: "utf8" });
    if (add.status !== 0) throw new UsageError(`cannot check out ${ref}: ${add.stderr.trim()}`);
    try {
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(worktree, "node_modules"), "dir");
        return planIn(worktree, stack, path.join(dir, "base.json"));
    } finally {
        spawnSync("git", ["worktree", "remove", "--force", worktree], { cwd: ROOT });
    }
}

function read(file: string): Inventory {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as Inventory;
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

function main(argv: readonly string[]): number {
    const files: string[] = [];
    let markdown: string | undefined;
    let baseRef: string | undefined;
    let stack: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === "--markdown") markdown = argv[++i];
        else if (arg === "--base") baseRef = argv[++i];
        else if (arg === "--stack") stack = argv[++i];
        else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
        else files.push(arg);
    }
    let basePath: string;
    let headPath: string;
    if (baseRef !== undefined) {
        if (!stack) throw new UsageError("--base needs --stack");
        basePath = planRevision(baseRef, stack);
        headPath = files[0] ?? planIn(ROOT, stack, path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-head-")), "head.json"));
    } else {
        if (files.length !== 2) throw new UsageError("give BASE.json and HEAD.json, or --base REF --stack NAME");
        [basePath, headPath] = files as [string, string];
    }
    const base = read(basePath);
    const head = read(headPath);
    const report = renderDiffMarkdown(diffInventories(base, head), `Plan diff: \`${head.project}/${head.stack}\``);
    if (markdown) fs.writeFileSync(markdown, report);
    console.log(report);
    return 0;
}

try {
    process.exit(main(process.argv.slice(2)));
} catch (error) {
    if (error instanceof UsageError) {
        console.error(`${USAGE}\nerror: ${error.message}`);
        process.exit(2);
    }
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(3);
}
