/**
 * How the repository's commands end: bad input (a usage mistake, an unreadable or wrong-shape file,
 * invalid configuration) prints one message and exits 2; anything else is a bug of ours, printed with
 * its stack, and exits 3. Messages about input never quote values (they may be secrets).
 */
import { isConfigError } from "../config/is-config-error";

/** The user's input is wrong: the message says which file or option and which rule. */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputError";
    }
}

/** The first line of a parser's message: the rest may quote the offending source line (a secret). */
export function firstLine(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/**
 * Why a text is not valid JSON, by position only: Node's JSON.parse messages quote the text around
 * the error, which may be a secret.
 */
export function jsonProblem(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (/Unexpected end of JSON input/.test(message)) return "not valid JSON (it ends early)";
    return `not valid JSON${lineColumn ? ` (line ${lineColumn[1]}, column ${lineColumn[2]})` : position !== undefined ? ` (at character ${position})` : ""}`;
}

export interface CommandOptions {
    /** Printed after an input error's message (e.g. how far the program got). */
    readonly afterInputError?: () => string | undefined;
    /** Printed after a bug's stack (e.g. how to see more of it). */
    readonly afterBug?: () => string | undefined;
}

/** A repository command: its usage line, its body (argv without node and script) and what it adds to errors. */
export interface Command {
    readonly usage: string;
    readonly main: (argv: readonly string[]) => Promise<number> | number;
    readonly options?: CommandOptions;
}

/**
 * Runs a command to its exit status, printing what the CLI prints: bad input one message (status 2),
 * anything else the stack (status 3). The CLI exits with it; the tests run commands in-process with it.
 */
export async function exitStatusOf(command: Command, argv: readonly string[]): Promise<number> {
    try {
        return await command.main(argv);
    } catch (error) {
        if (error instanceof InputError || isConfigError(error)) {
            console.error(
                `${error instanceof InputError ? `${command.usage}\n` : ""}error: ${error.message}`,
            );
            const after = command.options?.afterInputError?.();
            if (after) console.error(after);
            return 2;
        }
        console.error(error instanceof Error ? error.stack : String(error));
        const after = command.options?.afterBug?.();
        if (after) console.error(after);
        return 3;
    }
}

/** What a run prints of a rejection nobody handled, or an exception nobody caught: a bug of ours. */
export function strayMessage(stray: unknown): string {
    return `error: unhandled during the command (a bug): ${stray instanceof Error ? stray.stack : String(stray)}`;
}

/** The CLI: runs the command with the process's arguments and exits with its status. */
export function runCommand(command: Command): void {
    let finished = false;
    // Node would print such a stray and exit 1, or, through the hook below, 3 saying the command never
    // finished: it is a bug of ours, so exit 3 naming it.
    const stray = (error: unknown) => {
        if (finished) return;
        finished = true;
        console.error(strayMessage(error));
        process.exit(3);
    };
    process.on("unhandledRejection", stray);
    process.on("uncaughtException", stray);
    // Node exits quietly, with status 0, when nothing is left to run; a command that never finished
    // (a promise never settled: a cycle between resources, an output nobody awaits) must not pass.
    process.on("exit", () => {
        if (finished) return;
        console.error(
            "error: the command never finished: a promise was never settled (a cycle between resources, or an output nobody awaits); PLAN_STACK_TRACES=1 names the promises",
        );
        process.exitCode = 3;
    });
    void exitStatusOf(command, process.argv.slice(2)).then((status) => {
        if (finished) return;
        finished = true;
        process.exit(status);
    });
}
