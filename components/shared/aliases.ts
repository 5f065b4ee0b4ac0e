import type * as pulumi from "@pulumi/pulumi";

/**
 * `opts` with an alias to the component's former type token: a renamed token would otherwise give the
 * component and every child a new URN, and Pulumi would replace them all. Children inherit the alias.
 */
export function withAliases(
    opts: pulumi.ComponentResourceOptions | undefined,
    formerType: string,
): pulumi.ComponentResourceOptions {
    return { ...opts, aliases: [...(opts?.aliases ?? []), { type: formerType }] };
}
