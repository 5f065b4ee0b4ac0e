import { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";

/** The policy's configuration over its defaults (the engine may or may not have filled them in). */
export function configOf<T extends object>(
    args: ResourceValidationArgs | StackValidationArgs,
    defaults: T,
): T {
    return { ...defaults, ...(args.getConfig<Partial<T>>() ?? {}) };
}
