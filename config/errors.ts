import * as pulumi from "@pulumi/pulumi";

export interface ConfigProblem {
    /** Fully qualified key, e.g. "chain-platform:validators". */
    readonly key: string;
    /** The offending value as written, or "[secret]" / "(not set)". */
    readonly value: string;
    /** The rule it breaks, in words. */
    readonly rule: string;
}

/**
 * Invalid stack configuration. A `RunError`, so `pulumi up` prints the message without a stack
 * trace; the offline plan maps it to exit status 2.
 */
export class ConfigError extends pulumi.RunError {
    public readonly problems: readonly ConfigProblem[];

    constructor(problems: readonly ConfigProblem[]) {
        super(
            [
                `invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
                ...problems.map((p) => `  - ${p.key} = ${p.value}: ${p.rule}`),
            ].join("\n"),
        );
        this.name = "ConfigError";
        this.problems = problems;
    }

    /** True for a ConfigError even when it crossed a module-instance boundary. */
    static is(error: unknown): error is ConfigError {
        return error instanceof Error && error.name === "ConfigError" && Array.isArray((error as ConfigError).problems);
    }
}
