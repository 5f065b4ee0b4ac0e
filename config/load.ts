import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig, StackConfig } from "./parse";

// The runtime exports isConfigSecret but its typings omit it; without it, every value counts as secret.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as {
    isConfigSecret?: (key: string) => boolean;
};
const isSecret = (key: string): boolean => runtimeConfig.isConfigSecret?.(key) ?? true;

/** Reads and validates this stack's configuration. Throws `ConfigError` before anything is declared. */
export function loadStackConfig(): StackConfig {
    const values = pulumi.runtime.allConfig();
    const secretKeys = Object.keys(values).filter(isSecret);
    return parseStackConfig(
        pulumi.getProject(),
        { values, secretKeys },
        { stack: pulumi.getStack() },
    );
}
