import * as pulumi from "@pulumi/pulumi";

/**
 * Runs `compute` (a pure rule: a version, a name, a placement) for `resource`; a rule it breaks is
 * reported as a ResourceError naming the resource, which `pulumi up` shows beside it without a
 * stack trace, instead of a bare exception from deep inside the program.
 */
export function checked<T>(resource: pulumi.Resource, compute: () => T): T {
    try {
        return compute();
    } catch (error) {
        if (error instanceof pulumi.ResourceError) throw error;
        throw new pulumi.ResourceError((error as Error).message, resource);
    }
}
