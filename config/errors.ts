import * as pulumi from "@pulumi/pulumi";
import { isConfigError } from "./is-config-error";

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
        return isConfigError(error);
    }
}

/**
 * Awaits preview-time lookups together and reports every configuration problem they found at once,
 * as the schema does; any other failure is passed on as it is.
 */
export async function allLookups<T extends readonly unknown[]>(lookups: {
    [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
    const settled = await Promise.allSettled(lookups);
    const problems = settled.flatMap((s) =>
        s.status === "rejected" && ConfigError.is(s.reason) ? s.reason.problems : [],
    );
    const other = settled.find((s) => s.status === "rejected" && !ConfigError.is(s.reason));
    if (other) throw (other as PromiseRejectedResult).reason;
    if (problems.length > 0) throw new ConfigError(problems);
    return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
