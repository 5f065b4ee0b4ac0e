/**
 * Whether an error is a ConfigError (config/errors.ts), even one from another copy of the module. Apart
 * from the class, which extends the SDK's RunError, so that a command can ask without loading the SDK.
 */
export function isConfigError(error: unknown): error is Error & { readonly problems: unknown[] } {
    return (
        error instanceof Error &&
        error.name === "ConfigError" &&
        Array.isArray((error as { problems?: unknown }).problems)
    );
}
