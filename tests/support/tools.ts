/**
 * Real tools that check rendered files. Without one, a test says so loudly and skips; with
 * REQUIRE_TOOLS=1 (set by CI) it fails instead, so a missing install cannot pass as green.
 */
import * as assert from "assert";
import { spawn, spawnSync, SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const TOOL_PACKAGES = {
    nginx: "nginx-light",
    "cloud-init": "cloud-init",
    wg: "wireguard-tools",
    "wg-quick": "wireguard-tools",
    openssl: "openssl",
    promtool: "prometheus",
    amtool: "prometheus-alertmanager",
    jq: "jq",
    initdb: "postgresql",
    psql: "postgresql",
    pg_dump: "postgresql",
} as const;
export type Tool = keyof typeof TOOL_PACKAGES;

/** Debian keeps the PostgreSQL server's programs (initdb, pg_ctl) off PATH, under its major version. */
const EXTRA_PATHS =
    "/usr/sbin:/sbin:" +
    spawnSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1"], {
        encoding: "utf8",
    }).stdout.trim();

/** Where `tool` is on the tests' PATH, or "" when it is not. */
function commandPath(tool: Tool): string {
    return run("sh", ["-c", `command -v ${tool}`]).stdout.trim();
}

function available(tool: Tool): boolean {
    return commandPath(tool) !== "";
}

/** Call first in a test that runs `tools`; skips (or fails under REQUIRE_TOOLS=1) when one is missing. */
export function requireTools(context: Mocha.Context, ...tools: Tool[]): void {
    const missing = tools.filter((t) => !available(t));
    if (missing.length === 0) return;
    const message = `missing ${missing.join(", ")} (Debian: apt-get install ${[...new Set(missing.map((t) => TOOL_PACKAGES[t]))].join(" ")})`;
    if (process.env.REQUIRE_TOOLS === "1") {
        throw new Error(`${message}; REQUIRE_TOOLS=1 makes this a failure`);
    }
    console.warn(`\n    !!! SKIPPED: ${message} !!!`);
    context.skip();
}

export function run(
    command: string,
    args: readonly string[],
    input?: string,
    env: Record<string, string> = {},
): SpawnSyncReturns<string> {
    return spawnSync(command, [...args], {
        encoding: "utf8",
        input,
        env: { ...process.env, ...env, PATH: `${process.env.PATH}:${EXTRA_PATHS}` },
    });
}

export interface ToolResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** A command run without blocking the event loop, so several can run at once. */
export function runAsync(
    command: string,
    args: readonly string[],
    options: { readonly cwd?: string; readonly env?: Record<string, string> } = {},
): Promise<ToolResult> {
    return new Promise((resolve) => {
        const child = spawn(command, [...args], {
            cwd: options.cwd,
            env: { ...process.env, ...options.env, PATH: `${process.env.PATH}:${EXTRA_PATHS}` },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

/**
 * Runs `tool` over `files` split across this machine's cores (tools such as promtool take many files
 * and check them one after another): one result, failing when any run fails.
 */
export async function runSpread(
    tool: string,
    leadingArgs: readonly string[],
    files: readonly string[],
): Promise<ToolResult> {
    const parts = Math.max(1, Math.min(files.length, os.availableParallelism()));
    const runs = await Promise.all(
        Array.from({ length: parts }, (_, k) =>
            runAsync(tool, [...leadingArgs, ...files.filter((_, i) => i % parts === k)]),
        ),
    );
    return {
        status: runs.every((r) => r.status === 0) ? 0 : 1,
        stdout: runs.map((r) => r.stdout).join(""),
        stderr: runs.map((r) => r.stderr).join(""),
    };
}

/** cloud-init's verdict on one file, as `cloud-init schema -c FILE` gives it. */
export interface CloudInitVerdict {
    readonly file: string;
    readonly valid: boolean;
    readonly message: string;
}

/**
 * `cloud-init schema -c` over many files in one interpreter (tests/support/cloud-init-schema.py, run by
 * the Python that cloud-init's own script names): one verdict per file, in order.
 */
export function cloudInitSchema(files: readonly string[]): CloudInitVerdict[] {
    const script = commandPath("cloud-init");
    const python = /^#!\s*(\S+)/.exec(fs.readFileSync(script, "utf8"))?.[1] ?? "python3";
    const result = run(python, [path.join(__dirname, "cloud-init-schema.py"), ...files]);
    if (result.status !== 0) throw new Error(`cloud-init schema check failed:\n${result.stderr}`);
    const verdicts = result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as CloudInitVerdict);
    assert.deepStrictEqual(
        verdicts.map((v) => v.file),
        files,
        "one verdict per file",
    );
    return verdicts;
}
