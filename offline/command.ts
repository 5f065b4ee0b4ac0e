/**
 * How the repository's commands end: bad input (a usage mistake, an unreadable or wrong-shape file,
 * invalid configuration) prints one message and exits 2; anything else is a bug of ours, printed with
 * its stack, and exits 3. Messages about input never quote values (they may be secrets).
 */
import { ConfigError } from "../config/errors";

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

export function runCommand(
    usage: string,
    main: () => Promise<number> | number,
    options: CommandOptions = {},
): void {
    Promise.resolve()
        .then(main)
        .then(
            (code) => process.exit(code),
            (error: unknown) => {
                if (error instanceof InputError || ConfigError.is(error)) {
                    console.error(
                        `${error instanceof InputError ? `${usage}\n` : ""}error: ${error.message}`,
                    );
                    const after = options.afterInputError?.();
                    if (after) console.error(after);
                    process.exit(2);
                }
                console.error(error instanceof Error ? error.stack : String(error));
                const after = options.afterBug?.();
                if (after) console.error(after);
                process.exit(3);
            },
        );
}
