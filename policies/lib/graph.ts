/** The dependency graph of a stack's resources, for policies about what waits for what. */
import { PolicyResource } from "@pulumi/policy";
import { known } from "./values";

/**
 * `reaches(from, to)`: whether `from` waits for `to`, directly or through other resources. Each
 * target's dependents are found once, by a walk over the reversed graph, so a policy asking about
 * a few targets stays linear in the stack's size.
 */
export function dependencyClosure(
    resources: readonly PolicyResource[],
): (from: PolicyResource, to: PolicyResource) => boolean {
    const dependents = new Map<string, PolicyResource[]>();
    for (const r of resources) {
        for (const d of r.dependencies ?? []) {
            const list = dependents.get(d.urn) ?? [];
            list.push(r);
            dependents.set(d.urn, list);
        }
    }
    const memo = new Map<string, Set<string>>();
    const waitingFor = (target: PolicyResource): Set<string> => {
        let found = memo.get(target.urn);
        if (found) return found;
        found = new Set();
        const queue = [target.urn];
        while (queue.length > 0) {
            for (const next of dependents.get(queue.pop()!) ?? []) {
                if (!found.has(next.urn)) {
                    found.add(next.urn);
                    queue.push(next.urn);
                }
            }
        }
        memo.set(target.urn, found);
        return found;
    };
    return (from, to) => waitingFor(to).has(from.urn);
}

/** The resource an input refers to: by the engine's property dependencies, else by a known ID. */
export function referencedResource(
    resource: PolicyResource,
    input: string,
    resources: readonly PolicyResource[],
): PolicyResource | undefined {
    const linked = resource.propertyDependencies?.[input];
    if (linked && linked.length === 1) return linked[0];
    const id = known(() => resource.props[input]);
    return id === undefined
        ? undefined
        : resources.find((r) => r.urn !== resource.urn && known(() => r.props.id) === id);
}
