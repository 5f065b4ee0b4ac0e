/**
 * Runs the repository's commands (the offline plan, the policy command) in-process, as the CLI would
 * run them, but in one long-lived worker thread: the SDK and the program load once per test process
 * instead of once per run (≈ 1.2 s each). The call is synchronous, like the `spawnSync` it replaces: the
 * calling thread waits on a shared flag while the worker runs the command. The worker runs one
 * command at a time, because Pulumi's runtime state is global to it.
 */
import * as path from "path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "worker_threads";
import type { CommandRequest, CommandResult, Script } from "./command-worker";

export type { CommandResult } from "./command-worker";

const PROJECT_DIR = path.resolve(__dirname, "..", "..");
/** A plan takes seconds; a run that has not answered in this long never will. */
const TIMEOUT_MS = 60_000;

interface Channel {
    readonly worker: Worker;
    readonly port: MessagePort;
    readonly flag: Int32Array;
}

let channel: Channel | undefined;

function open(): Channel {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(
        `require(${JSON.stringify(path.join(PROJECT_DIR, "scripts/register.js"))});` +
            `require(${JSON.stringify(path.join(__dirname, "command-worker.ts"))});`,
        { eval: true, workerData: { port: port2, flag }, transferList: [port2] },
    );
    // Neither keeps the test process alive once the tests are done. A worker that dies anyway is
    // opened afresh by the next call (its error must not end the test process).
    worker.on("error", () => (channel = undefined));
    worker.unref();
    port1.unref();
    return { worker, port: port1, flag };
}

/** Runs `scripts/<script>.ts` with `argv` in the worker; `env` is set for this run only. */
export function runInProcess(
    script: Script,
    argv: readonly string[],
    env: Record<string, string> = {},
): CommandResult {
    channel ??= open();
    const { worker, port, flag } = channel;
    Atomics.store(flag, 0, 0);
    const request: CommandRequest = { script, argv: [...argv], env };
    worker.postMessage(request);
    if (Atomics.wait(flag, 0, 0, TIMEOUT_MS) === "timed-out") {
        void worker.terminate();
        channel = undefined;
        throw new Error(`scripts/${script}.ts ${argv.join(" ")}: no answer in ${TIMEOUT_MS} ms`);
    }
    const message = receiveMessageOnPort(port);
    if (!message) throw new Error(`scripts/${script}.ts: the worker answered without a result`);
    return message.message as CommandResult;
}
