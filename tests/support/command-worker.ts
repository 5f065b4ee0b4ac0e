/**
 * The worker thread behind `in-process.ts`: runs one command at a time, with its output captured and
 * its environment set for the run, and answers on the shared port, then counts the answer.
 */
import { MessagePort, parentPort, workerData } from "worker_threads";
import { Command, exitStatusOf, strayMessage } from "../../offline/command";

export interface CommandRequest {
    /** Which command of the asking thread this is (answers carry it back). */
    readonly id: number;
    readonly script: Script;
    readonly argv: readonly string[];
    readonly env: Record<string, string>;
}

/** The asking thread now waits for command `awaited`: run it next. */
export interface RunNext {
    readonly awaited: number;
}

export interface CommandResult {
    /** The exit status the CLI would have exited with. */
    readonly status: number;
    readonly stdout: string;
    readonly stderr: string;
}

const { port, answered } = workerData as { port: MessagePort; answered: Int32Array };

/** The commands the tests run in-process, loaded on first use (a policy run never loads the program). */
const COMMANDS = {
    /* eslint-disable @typescript-eslint/no-require-imports */
    plan: () => (require("../../scripts/plan") as typeof import("../../scripts/plan")).planCommand,
    policy: () =>
        (require("../../scripts/policy") as typeof import("../../scripts/policy")).policyCommand,
    "plan-diff": () =>
        (require("../../scripts/plan-diff") as typeof import("../../scripts/plan-diff"))
            .planDiffCommand,
    /* eslint-enable @typescript-eslint/no-require-imports */
    /**
     * A fixture for the runner's own tests: exits 0, having left a rejection nobody handles while it
     * runs ("during"), a turn of the event loop after it returns, as a failed program's rejected
     * outputs are ("after"), or none ("none").
     */
    "stray-rejection": (): Command => ({
        usage: "stray-rejection during|after|none",
        main: async ([when]) => {
            const stray = () => void Promise.reject(new Error("planted stray rejection"));
            if (when === "after") {
                setImmediate(stray);
                return 0;
            }
            if (when === "during") stray();
            await new Promise((resolve) => setImmediate(resolve));
            return 0;
        },
    }),
} satisfies Record<string, () => Command>;

export type Script = keyof typeof COMMANDS;

/** What went astray during the current run: rejections nobody handled, exceptions nobody caught. */
let strays: unknown[] | undefined;

/** Sends everything written to stdout and stderr during `run` to two strings. */
async function captured(run: () => Promise<number>): Promise<CommandResult> {
    const out: string[] = [];
    const err: string[] = [];
    const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
    const into =
        (sink: string[]) =>
        (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
            sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
            const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
            callback?.();
            return true;
        };
    process.stdout.write = into(out) as typeof process.stdout.write;
    process.stderr.write = into(err) as typeof process.stderr.write;
    strays = [];
    let status: number;
    try {
        status = await run();
    } catch (error) {
        err.push(`${error instanceof Error ? error.stack : String(error)}\n`);
        status = 3;
    } finally {
        process.stdout.write = writes.stdout;
        process.stderr.write = writes.stderr;
    }
    // The CLI exits 3 on the first of these (runCommand), whatever the command would have returned.
    if (strays.length > 0) {
        status = 3;
        for (const stray of strays) err.push(`${strayMessage(stray)}\n`);
    }
    strays = undefined;
    return { status, stdout: out.join(""), stderr: err.join("") };
}

async function answer(request: CommandRequest): Promise<void> {
    const saved = Object.fromEntries(Object.keys(request.env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, request.env);
    try {
        const result = await captured(() => exitStatusOf(COMMANDS[request.script](), request.argv));
        port.postMessage({ ...result, id: request.id });
    } finally {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
        Atomics.add(answered, 0, 1);
        Atomics.notify(answered, 0);
    }
}

// During a run, what escapes is the run's; after it (a failed program leaves rejected outputs nobody
// awaits, which Node reports a turn later), the CLI would have exited already, so it is dropped.
// Either way the worker lives on: dying would leave the waiting test thread to its timeout.
process.on("unhandledRejection", (reason) => strays?.push(reason));
process.on("uncaughtException", (error) => strays?.push(error));
// One command at a time: Pulumi's runtime state is global to this thread. Next is the one the asking
// thread waits for, if it waits for one not yet run, else the oldest asked. Between two, a turn of the
// event loop, so that Node reports the last one's unhandled rejections (a failed program leaves
// rejected outputs) while no run is active, not during the next.
const waiting: CommandRequest[] = [];
let awaited: number | undefined;
let running = false;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
        await nextTurn();
        const urgent = waiting.findIndex((r) => r.id === awaited);
        const [request] = waiting.splice(urgent >= 0 ? urgent : 0, 1);
        await answer(request!);
    }
    running = false;
}

parentPort!.on("message", (message: CommandRequest | RunNext) => {
    if ("awaited" in message) awaited = message.awaited;
    else waiting.push(message);
    if (!running) void drain();
});
