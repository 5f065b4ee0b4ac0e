/**
 * Runs the repository's commands (the offline plan, the policy command, plan:diff) in-process, as the
 * CLIs run them, in one long-lived worker thread: the SDK and the program load once per test process
 * instead of once per run (≈ 1.2 s each). The worker runs one command at a time, because Pulumi's
 * runtime state is global to it.
 *
 * `runInProcess` is synchronous, like the `spawnSync` it replaces: the calling thread waits on a shared
 * counter of answered commands. `startInProcess` only asks, so the worker (on another core) can run a
 * command while the tests go on; `resultOf` then waits for that answer. What a test waits for runs
 * next: asked-ahead commands run in the order asked, but only when nothing is awaited.
 */
import * as path from "path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "worker_threads";
import type { RunNext, CommandRequest, CommandResult, Script } from "./command-worker";

export type { CommandResult } from "./command-worker";

const PROJECT_DIR = path.resolve(__dirname, "..", "..");
/** A plan takes seconds; a command that has not been answered in this long never will be. */
const TIMEOUT_MS = 60_000;

interface Channel {
    readonly worker: Worker;
    readonly port: MessagePort;
    /** [0]: commands answered so far. */
    readonly answered: Int32Array;
    /** Commands asked so far (the id of the latest). */
    asked: number;
    /** Answers read off the port so far. */
    received: number;
    /** Answers read off the port before their caller asked for them. */
    readonly early: Map<number, CommandResult>;
    /** Why the worker was stopped, once it was: its other commands fail at once, not each at its timeout. */
    stopped?: string;
}

/** A command asked of the worker, to be collected with `resultOf`. */
export interface Ticket {
    readonly channel: Channel;
    readonly id: number;
    readonly label: string;
}

let channel: Channel | undefined;

function open(): Channel {
    const answered = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(
        `require(${JSON.stringify(path.join(PROJECT_DIR, "scripts/register.js"))});` +
            `require(${JSON.stringify(path.join(__dirname, "command-worker.ts"))});`,
        {
            eval: true,
            workerData: { port: port2, answered },
            transferList: [port2],
            // A plan allocates short-lived objects by the hundred megabytes (outputs, protobuf
            // structs): a young generation of 192 MB collects them a tenth less often than the default.
            resourceLimits: { maxYoungGenerationSizeMb: 192 },
        },
    );
    const opened: Channel = {
        worker,
        port: port1,
        answered,
        asked: 0,
        received: 0,
        early: new Map(),
    };
    // Neither keeps the test process alive once the tests are done. A worker that dies anyway is
    // opened afresh by the next command (its error must not end the test process).
    worker.on("error", (error) => stop(opened, `the worker died: ${error.message}`));
    worker.unref();
    port1.unref();
    return opened;
}

/** Stops a channel's worker: commands asked of it fail with `why`; the next command opens another. */
function stop(ch: Channel, why: string): void {
    ch.stopped ??= why;
    void ch.worker.terminate();
    if (channel === ch) channel = undefined;
}

/** Asks the worker to run `scripts/<script>.ts` with `argv`; `env` is set for this run only. */
export function startInProcess(
    script: Script,
    argv: readonly string[],
    env: Record<string, string> = {},
): Ticket {
    channel ??= open();
    const id = ++channel.asked;
    const request: CommandRequest = { id, script, argv: [...argv], env };
    channel.worker.postMessage(request);
    return { channel, id, label: `scripts/${script}.ts ${argv.join(" ")}` };
}

/** Waits for a command's answer, asking the worker to run it next if it has not started it. */
export function resultOf(ticket: Ticket): CommandResult {
    const { channel: ch, id, label } = ticket;
    if (!ch.early.has(id) && !ch.stopped) ch.worker.postMessage({ awaited: id } satisfies RunNext);
    const deadline = Date.now() + TIMEOUT_MS;
    while (!ch.early.has(id)) {
        if (ch.stopped) throw new Error(`${label}: not run, ${ch.stopped}`);
        const answered = Atomics.load(ch.answered, 0);
        if (answered === ch.received) {
            const left = deadline - Date.now();
            if (left <= 0 || Atomics.wait(ch.answered, 0, answered, left) === "timed-out") {
                stop(ch, `the worker was stopped after ${TIMEOUT_MS} ms waiting for ${label}`);
                throw new Error(
                    `${label}: no answer in ${TIMEOUT_MS} ms (the worker may be stuck in a command asked earlier)`,
                );
            }
            continue;
        }
        const message = receiveMessageOnPort(ch.port);
        if (!message) throw new Error(`${label}: the worker counted an answer it did not send`);
        const answer = message.message as CommandResult & { readonly id: number };
        ch.received++;
        ch.early.set(answer.id, answer);
    }
    const result = ch.early.get(id)!;
    ch.early.delete(id);
    return result;
}

/** Runs `scripts/<script>.ts` with `argv` in the worker and waits for it; `env` is for this run only. */
export function runInProcess(
    script: Script,
    argv: readonly string[],
    env: Record<string, string> = {},
): CommandResult {
    return resultOf(startInProcess(script, argv, env));
}
