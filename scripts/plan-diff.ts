/**
 * `npm run plan:diff -- BASE.json HEAD.json [options]`, or
 * `npm run plan:diff -- --base REF --stack NAME [HEAD.json] [options]`: plans REF (and, without
 * HEAD.json, the working tree) offline and compares.
 * Options: --markdown PATH (the comment), --full PATH (the whole diff as JSON, for the workflow's
 * artifact), --artifact NAME (named in the comment), --compare-stacks (allow two different
 * projects or stacks). Exit status: 0 compared, 2 usage or bad input, 3 a bug.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command, InputError, jsonProblem, runCommand } from "../offline/command";
import { loadPriceTable } from "../offline/cost";
import { Inventory } from "../offline/inventory";
import { asInventory } from "../offline/inventory-schema";
import { diffInventories } from "../offline/review/diff";
import { renderDiffMarkdown } from "../offline/review/render";

const ROOT = path.resolve(__dirname, "..");
const USAGE =
    "usage: npm run plan:diff -- BASE.json HEAD.json [--markdown PATH] [--full PATH] [--artifact NAME] [--compare-stacks]\n       npm run plan:diff -- --base REF --stack NAME [HEAD.json] [same options]";

/** Plans `stack` in `dir` (a checkout of this project) into `out`. */
function planIn(dir: string, stack: string, out: string): string {
    const child = spawnSync(
        process.execPath,
        [
            "-r",
            path.join(dir, "scripts/register.js"),
            path.join(dir, "scripts/plan.ts"),
            "--stack",
            stack,
            "--json",
            out,
        ],
        { cwd: dir, encoding: "utf8" },
    );
    if (!fs.existsSync(out)) {
        throw new InputError(
            `planning ${stack} in ${dir} exited ${child.status}:\n${child.stderr.trim()}`,
        );
    }
    return out;
}

/** Plans a git revision in a worktree (inside `scratch`) that borrows this checkout's node_modules. */
function planRevision(ref: string, stack: string, scratch: string): string {
    const worktree = path.join(scratch, "tree");
    const add = spawnSync("git", ["worktree", "add", "--detach", worktree, ref], {
        cwd: ROOT,
        encoding: "utf8",
    });
    if (add.status !== 0) throw new InputError(`cannot check out ${ref}: ${add.stderr.trim()}`);
    try {
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(worktree, "node_modules"), "dir");
        return planIn(worktree, stack, path.join(scratch, "base.json"));
    } finally {
        spawnSync("git", ["worktree", "remove", "--force", worktree], { cwd: ROOT });
    }
}

function read(file: string): Inventory {
    let document: unknown;
    try {
        document = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new InputError(
            `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : jsonProblem(error)}`,
        );
    }
    return asInventory(document, file);
}

interface Args {
    files: string[];
    markdown?: string;
    full?: string;
    artifact?: string;
    baseRef?: string;
    stack?: string;
    compareStacks: boolean;
}

function parseArgs(argv: readonly string[]): Args {
    const args: Args = { files: [], compareStacks: false };
    const valued: Record<string, "markdown" | "full" | "artifact" | "baseRef" | "stack"> = {
        "--markdown": "markdown",
        "--full": "full",
        "--artifact": "artifact",
        "--base": "baseRef",
        "--stack": "stack",
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg in valued) {
            const value = argv[++i];
            if (value === undefined || value.startsWith("--"))
                throw new InputError(`${arg} needs a value`);
            args[valued[arg]!] = value;
        } else if (arg === "--compare-stacks") args.compareStacks = true;
        else if (arg.startsWith("--")) throw new InputError(`unknown option ${arg}`);
        else args.files.push(arg);
    }
    if (
        args.baseRef !== undefined ? args.files.length > 1 || !args.stack : args.files.length !== 2
    ) {
        throw new InputError(
            args.baseRef !== undefined && !args.stack
                ? "--base needs --stack"
                : "give BASE.json and HEAD.json, or --base REF --stack NAME [HEAD.json]",
        );
    }
    return args;
}

function main(argv: readonly string[]): number {
    const args = parseArgs(argv);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "plan-diff-"));
    try {
        const basePath =
            args.baseRef !== undefined
                ? planRevision(args.baseRef, args.stack!, scratch)
                : args.files[0]!;
        const headPath =
            args.baseRef !== undefined
                ? (args.files[0] ?? planIn(ROOT, args.stack!, path.join(scratch, "head.json")))
                : args.files[1]!;
        const base = read(basePath);
        const head = read(headPath);
        const same = base.project === head.project && base.stack === head.stack;
        if (!same && !args.compareStacks) {
            throw new InputError(
                `${basePath} is ${base.project}/${base.stack} but ${headPath} is ${head.project}/${head.stack}; a diff of two stacks is no plan of either — pass --compare-stacks to compare them anyway`,
            );
        }
        const diff = diffInventories(base, head, (region) =>
            loadPriceTable(region, path.join(ROOT, "pricing")),
        );
        const title = same
            ? `Plan diff: \`${head.project}/${head.stack}\``
            : `Stack comparison: \`${base.project}/${base.stack}\` → \`${head.project}/${head.stack}\``;
        const report = renderDiffMarkdown(diff, { title, artifact: args.artifact });
        if (args.markdown) fs.writeFileSync(args.markdown, report);
        if (args.full)
            fs.writeFileSync(
                args.full,
                `${JSON.stringify({ ...diff, resources: diff.resources.map(({ before: _b, after: _a, ...r }) => r) }, null, 2)}\n`,
            );
        console.log(report);
        return 0;
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

/** The command, for the CLI below and for tests that run it in-process. */
export const planDiffCommand: Command = { usage: USAGE, main };

if (require.main === module) runCommand(planDiffCommand);
