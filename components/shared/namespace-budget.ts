/**
 * A namespace's LimitRange and ResourceQuota, sized from the pods declared in it: the quota holds
 * every declared pod at once with room for a rollout's surge and a manual job, and the LimitRange caps
 * a container at the largest one declared. A pod added later without raising them is refused by the
 * API server, which is the point: capacity is planned, not discovered. Pure.
 */
// The parser lives in the policy pack, which must stay self-contained (it can be published alone).
import { mebibytes, millicores } from "../../policies/lib/quantities";

type Spec = Record<string, unknown>;
type PodObject = {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
    spec?: Record<string, unknown>;
};

/** Room above the declared pods: a Deployment's surge, a pod being replaced, a manual restore job. */
export const QUOTA_HEADROOM = 1.5;

interface Totals {
    cpuRequest: number;
    cpuLimit: number;
    memRequest: number;
    memLimit: number;
    pods: number;
}

function templateOf(object: PodObject): { pod: Spec; copies: number } | undefined {
    const spec = (object.spec ?? {}) as Spec;
    switch (object.kind) {
        case "Deployment": {
            const replicas = Number(spec.replicas ?? 1);
            return {
                pod: ((spec.template ?? {}) as Spec).spec as Spec,
                copies: replicas + Math.ceil(replicas / 4),
            };
        }
        case "StatefulSet":
            return {
                pod: ((spec.template ?? {}) as Spec).spec as Spec,
                copies: Number(spec.replicas ?? 1),
            };
        case "Job":
            // One pod at a time (parallelism 1); a retry replaces a failed pod.
            return {
                pod: ((spec.template ?? {}) as Spec).spec as Spec,
                copies: Number(spec.parallelism ?? 1),
            };
        case "CronJob": {
            // concurrencyPolicy Forbid: one run of each at a time.
            const job = ((spec.jobTemplate ?? {}) as Spec).spec as Spec | undefined;
            return { pod: ((job?.template ?? {}) as Spec).spec as Spec, copies: 1 };
        }
        default:
            return undefined;
    }
}

/** A pod's effective request or limit: the larger of its containers' sum and its largest init container. */
function effective(
    pod: Spec,
    kind: "requests" | "limits",
    parse: (q: unknown) => number | undefined,
    key: "cpu" | "memory",
): number {
    const value = (c: Spec) =>
        parse((((c.resources ?? {}) as Spec)[kind] as Spec | undefined)?.[key]) ?? 0;
    const containers = ((pod.containers ?? []) as Spec[]).reduce((sum, c) => sum + value(c), 0);
    const init = Math.max(0, ...((pod.initContainers ?? []) as Spec[]).map(value));
    return Math.max(containers, init);
}

/** What the declared pods of `namespace` need at once (CronJobs: one run each). */
export function declaredNeeds(
    namespace: string,
    objects: readonly PodObject[],
): Totals & { maxCpuLimit: number; maxMemLimit: number } {
    const totals = {
        cpuRequest: 0,
        cpuLimit: 0,
        memRequest: 0,
        memLimit: 0,
        pods: 0,
        maxCpuLimit: 0,
        maxMemLimit: 0,
    };
    for (const object of objects.filter((o) => o.metadata.namespace === namespace)) {
        const found = templateOf(object);
        if (!found?.pod) continue;
        const { pod, copies } = found;
        totals.cpuRequest += copies * effective(pod, "requests", millicores, "cpu");
        totals.cpuLimit += copies * effective(pod, "limits", millicores, "cpu");
        totals.memRequest += copies * effective(pod, "requests", mebibytes, "memory");
        totals.memLimit += copies * effective(pod, "limits", mebibytes, "memory");
        totals.pods += copies;
        for (const c of [
            ...((pod.containers ?? []) as Spec[]),
            ...((pod.initContainers ?? []) as Spec[]),
        ]) {
            const limits = ((c.resources ?? {}) as Spec).limits as Spec | undefined;
            totals.maxCpuLimit = Math.max(totals.maxCpuLimit, millicores(limits?.cpu) ?? 0);
            totals.maxMemLimit = Math.max(totals.maxMemLimit, mebibytes(limits?.memory) ?? 0);
        }
    }
    return totals;
}

const cpu = (m: number) => `${Math.ceil(m)}m`;
const mem = (mi: number) => `${Math.ceil(mi)}Mi`;

/** The LimitRange and ResourceQuota of a namespace, from the objects that will be declared in it. */
export function namespaceBudget(namespace: string, objects: readonly PodObject[]): PodObject[] {
    const needs = declaredNeeds(namespace, objects);
    const up = (n: number) => n * QUOTA_HEADROOM;
    return [
        {
            apiVersion: "v1",
            kind: "LimitRange",
            metadata: { name: "container-limits", namespace },
            spec: {
                limits: [
                    {
                        type: "Container",
                        max: { cpu: cpu(needs.maxCpuLimit), memory: mem(needs.maxMemLimit) },
                        // Only for a container that sets nothing (the pack refuses that): small, never unbounded,
                        // and never above max (the API server refuses such a LimitRange).
                        default: {
                            cpu: cpu(Math.min(200, needs.maxCpuLimit)),
                            memory: mem(Math.min(256, needs.maxMemLimit)),
                        },
                        defaultRequest: {
                            cpu: cpu(Math.min(50, needs.maxCpuLimit)),
                            memory: mem(Math.min(64, needs.maxMemLimit)),
                        },
                    },
                ],
            },
        },
        {
            apiVersion: "v1",
            kind: "ResourceQuota",
            metadata: { name: "declared-capacity", namespace },
            spec: {
                hard: {
                    "requests.cpu": cpu(up(needs.cpuRequest)),
                    "requests.memory": mem(up(needs.memRequest)),
                    "limits.cpu": cpu(up(needs.cpuLimit)),
                    "limits.memory": mem(up(needs.memLimit)),
                    pods: String(Math.ceil(up(needs.pods)) + 2),
                },
            },
        },
    ];
}
