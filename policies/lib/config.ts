import { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";

/** The policy's configuration over its defaults (the engine may or may not have filled them in). */
export function configOf<T extends object>(
    args: ResourceValidationArgs | StackValidationArgs,
    defaults: T,
): T {
    return { ...defaults, ...(args.getConfig<Partial<T>>() ?? {}) };
}

/** JSON schema of a setting that is a list of strings, with its default. */
export function stringListSetting(defaults: readonly string[]) {
    return { type: "array" as const, items: { type: "string" as const }, default: [...defaults] };
}

/**
 * JSON schema of a list of needed flows (from, to, protocol, port and why each is needed), with its
 * default: the flow model's and the pod flow model's allow-lists. `optional` lets an entry be absent.
 */
export function neededFlowsSetting(
    defaults: readonly object[],
    options: { optional?: boolean } = {},
) {
    return {
        type: "array" as const,
        default: defaults,
        items: {
            type: "object" as const,
            properties: {
                from: { type: "string" as const },
                to: { type: "string" as const },
                protocol: { type: "string" as const },
                port: { type: "integer" as const },
                why: { type: "string" as const, minLength: 3 },
                ...(options.optional ? { optional: { type: "boolean" as const } } : {}),
            },
            required: ["from", "to", "protocol", "port", "why"],
        },
    };
}
