/**
 * The one harness the tests share: runs the offline plan (the real program under mocks, as
 * `npm run plan` runs it) for a stack in the in-process command worker, and returns what it declared.
 * Results are cached per stack and configuration, so each distinct plan runs once per test run.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDocument } from "yaml";
import { Inventory, InventoryResource } from "../../offline/inventory";
import { ABSENT_ENV } from "../../offline/mock-values";
import { resultOf, startInProcess, Ticket } from "./in-process";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");
export const STACKS = ["staging", "prod"] as const;
export type StackName = (typeof STACKS)[number];

export interface PlanResult {
    readonly status: number;
    readonly stdout: string;
    readonly stderr: string;
    /** Raw text of --json output, when the plan wrote it. */
    readonly json?: string;
    readonly inventory?: Inventory;
    /** The --out directory with the rendered files. */
    readonly outDir: string;
}

export interface PlanOptions {
    /** Config values to set (full keys, e.g. "chain-platform:validators"); `undefined` removes a key. */
    readonly overrides?: Record<string, unknown>;
    /** Raw YAML appended verbatim under `config:` (e.g. a `secure:` value). */
    readonly extraYaml?: string;
    /** Provider lookups the mock account answers with "not found" (offline/mock-values.ts, ABSENT_ENV). */
    readonly absentLookups?: readonly string[];
    /** Keep the SDK's stack traces and promise tracking, as PLAN_STACK_TRACES=1 does. */
    readonly sdkDiagnostics?: boolean;
}

const cache = new Map<string, PlanResult>();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-plan-"));
let runs = 0;

/** Writes a stack file: the repository's, with overrides applied. */
export function stackFileWith(
    stack: StackName,
    overrides: Record<string, unknown> = {},
    extraYaml = "",
): string {
    const doc = parseDocument(
        fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8"),
    );
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) {
            doc.deleteIn(["config", key]);
        } else {
            doc.setIn(["config", key], value);
        }
    }
    let text = doc.toString();
    if (extraYaml) {
        text += extraYaml.replace(/^/gm, "  ") + "\n";
    }
    const file = path.join(workDir, `Pulumi.${stack}.${++runs}.yaml`);
    fs.writeFileSync(file, text);
    return file;
}

interface PendingPlan {
    readonly ticket: Ticket;
    readonly jsonPath: string;
    readonly outDir: string;
}

/** Plans asked of the worker and not yet collected, by cache key. */
const pending = new Map<string, PendingPlan>();

function cacheKeyOf(stack: StackName, options: PlanOptions): string {
    return JSON.stringify([
        stack,
        options.overrides ?? {},
        options.extraYaml ?? "",
        options.absentLookups ?? [],
        options.sdkDiagnostics ?? false,
    ]);
}

function startPlan(stack: StackName, options: PlanOptions): PendingPlan {
    const id = ++runs;
    const jsonPath = path.join(workDir, `plan-${id}.json`);
    const outDir = path.join(workDir, `out-${id}`);
    const args = ["--stack", stack, "--json", jsonPath, "--out", outDir];
    if (options.overrides || options.extraYaml) {
        args.push("--config-file", stackFileWith(stack, options.overrides, options.extraYaml));
    }
    const ticket = startInProcess("plan", args, {
        [ABSENT_ENV]: (options.absentLookups ?? []).join(","),
        PLAN_STACK_TRACES: options.sdkDiagnostics ? "1" : "",
    });
    return { ticket, jsonPath, outDir };
}

function collect({ ticket, jsonPath, outDir }: PendingPlan): PlanResult {
    const child = resultOf(ticket);
    const json = fs.existsSync(jsonPath) ? fs.readFileSync(jsonPath, "utf8") : undefined;
    return {
        status: child.status,
        stdout: child.stdout,
        stderr: child.stderr,
        json,
        inventory: json ? (JSON.parse(json) as Inventory) : undefined,
        outDir,
    };
}

/**
 * Asks for a plan without waiting for it: the worker runs it on the other core while the tests go on,
 * and `plan` with the same arguments collects it.
 */
export function prefetch(stack: StackName, options: PlanOptions = {}): void {
    const key = cacheKeyOf(stack, options);
    if (!cache.has(key) && !pending.has(key)) pending.set(key, startPlan(stack, options));
}

/**
 * Whether mocha is running tests (rather than loading spec files). A plan read while the files load
 * makes mocha wait for it before it has even loaded the rest: read plans in tests and hooks, and ask
 * for them early with `prefetch`.
 */
let testsRunning = false;
before(() => (testsRunning = true));

export function plan(stack: StackName, options: PlanOptions = {}): PlanResult {
    if (!testsRunning) {
        throw new Error(
            `plan(${stack}) while mocha loads the spec files: read plans inside tests or hooks (prefetch asks early)`,
        );
    }
    const cacheKey = cacheKeyOf(stack, options);
    const cached = cache.get(cacheKey);
    if (cached) {
        return cached;
    }
    const asked = pending.get(cacheKey);
    pending.delete(cacheKey);
    const result = collect(asked ?? startPlan(stack, options));
    cache.set(cacheKey, result);
    return result;
}

// Nearly every spec file reads the committed stacks' plans: ask for them as soon as the harness loads,
// so they are planned while mocha is still loading the spec files.
for (const stack of STACKS) prefetch(stack);

/** The plan of a stack as committed; fails the calling test with the plan's stderr if it did not succeed. */
export function planned(stack: StackName): Inventory {
    const result = plan(stack);
    if (result.status !== 0 || !result.inventory) {
        throw new Error(`offline plan of ${stack} exited ${result.status}:\n${result.stderr}`);
    }
    return result.inventory;
}

export function ofType(inventory: Inventory, type: string): InventoryResource[] {
    return inventory.resources.filter((r) => r.type === type);
}

export function byName(inventory: Inventory, name: string): InventoryResource {
    const found = inventory.resources.find((r) => r.name === name);
    if (!found) {
        throw new Error(`no resource named ${name}`);
    }
    return found;
}

/** A file the committed stack's plan rendered (`--out`), with its text. */
export interface RenderedFile {
    readonly path: string;
    readonly kind: string;
    readonly text: string;
}

/** The files a stack's plan rendered, optionally of one kind ("nginx", "cloud-init", "prometheus", …). */
export function renderedFiles(stack: StackName, kind?: string): RenderedFile[] {
    const { outDir } = plan(stack);
    return planned(stack)
        .files.filter((f) => kind === undefined || f.kind === kind)
        .map((f) => ({
            path: f.path,
            kind: f.kind,
            text: fs.readFileSync(path.join(outDir, f.path), "utf8"),
        }));
}

/** The text of one rendered file, by its path under `--out` (e.g. "lb-config/etc/nginx/nginx.conf"). */
export function renderedFile(stack: StackName, file: string): string {
    planned(stack);
    return fs.readFileSync(path.join(plan(stack).outDir, file), "utf8");
}

/** The one rendered file of a kind; fails when there is none or several. */
export function renderedOne(stack: StackName, kind: string): RenderedFile {
    const files = renderedFiles(stack, kind);
    if (files.length !== 1) throw new Error(`${stack}: ${files.length} rendered ${kind} files`);
    return files[0]!;
}
