/**
 * Every cluster DNS name a workload is given resolves: a Service of a declared namespace, or a pod
 * `<statefulset>-<ordinal>.<governing headless service>.<namespace>` below the StatefulSet's replica
 * count. Scans container args, command and env values, and ConfigMap data, for `….svc.cluster.local`
 * and `….svc` names and for the hosts of `/dns4|dns6|dns/<host>/` multiaddrs. A name that resolves to
 * nothing is a node that never finds its peers, and no other check sees it until it runs.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { stackPolicy } from "../lib/exemptions";
import { containersOf, namespaceOf, podSpecOf, Spec, WORKLOAD_TYPES } from "../lib/kubernetes";
import { asArray, known } from "../lib/values";

/** Names outside the stack that always exist (the API server's Service, cluster DNS). */
const DEFAULTS = { external: ["kubernetes.default", "kube-dns.kube-system"] };

const CLUSTER_NAME =
    /\b([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*)\.svc(?:\.cluster\.local)?(?![-a-z0-9.]*[a-z0-9])/gi;
const MULTIADDR_HOST = /\/dns[46]?\/([^/\s,"']+)\//gi;

interface Index {
    readonly namespaces: Set<string>;
    /** "ns/name" → the Service's selector and whether it is headless. */
    readonly services: Map<string, { selector: Record<string, string>; headless: boolean }>;
    /** "ns/name" → replicas, governing Service and pod labels. */
    readonly statefulSets: Map<
        string,
        { replicas: number; serviceName: string; labels: Record<string, string> }
    >;
}

function indexOf(resources: readonly PolicyResource[]): Index {
    const index: Index = { namespaces: new Set(), services: new Map(), statefulSets: new Map() };
    for (const r of resources) {
        const metadata = known(() => r.props.metadata as Spec | undefined);
        const name = metadata?.name;
        if (typeof name !== "string") continue;
        if (r.type === "kubernetes:core/v1:Namespace") index.namespaces.add(name);
        const key = `${namespaceOf(r.props)}/${name}`;
        if (r.type === "kubernetes:core/v1:Service") {
            const spec = known(() => r.props.spec as Spec | undefined) ?? {};
            index.services.set(key, {
                selector: (spec.selector ?? {}) as Record<string, string>,
                headless: spec.clusterIP === "None",
            });
        }
        if (r.type === "kubernetes:apps/v1:StatefulSet") {
            const spec = known(() => r.props.spec as Spec | undefined) ?? {};
            const labels = (((spec.template as Spec | undefined)?.metadata as Spec | undefined)
                ?.labels ?? {}) as Record<string, string>;
            index.statefulSets.set(key, {
                replicas: typeof spec.replicas === "number" ? spec.replicas : 1,
                serviceName: String(spec.serviceName ?? ""),
                labels,
            });
        }
    }
    return index;
}

/** Why `name` (found in `namespace`) resolves to nothing, or undefined when it resolves. */
export function unresolved(
    name: string,
    namespace: string,
    index: Index,
    external: readonly string[],
): string | undefined {
    const lower = name.toLowerCase().replace(/\.$/, "");
    const stripped = lower.replace(/\.svc(\.cluster\.local)?$/, "");
    if (external.includes(stripped)) return undefined;
    let labels = stripped.split(".");
    if (stripped === lower) {
        // A multiaddr host without the cluster suffix: a bare name is a Service of the pod's own namespace
        // (the search path); anything longer is a name outside the cluster, not judged here.
        if (labels.length !== 1) return undefined;
        labels = [labels[0]!, namespace];
    }
    if (labels.length < 2 || labels.length > 3)
        return "is not <service>.<namespace> or <pod>.<service>.<namespace>";
    const ns = labels[labels.length - 1]!;
    const service = labels[labels.length - 2]!;
    if (!index.namespaces.has(ns)) return `names namespace ${ns}, which the stack does not declare`;
    const svc = index.services.get(`${ns}/${service}`);
    if (!svc) return `names Service ${ns}/${service}, which the stack does not declare`;
    if (labels.length === 2) return undefined;
    const host = labels[0]!;
    if (!svc.headless)
        return `names pod ${host} under Service ${ns}/${service}, which is not headless (clusterIP: None), so it has no pod records`;
    const governed = [...index.statefulSets.entries()].filter(
        ([key, s]) => key.startsWith(`${ns}/`) && s.serviceName === service,
    );
    for (const [key, s] of governed) {
        const statefulSet = key.slice(ns.length + 1);
        const ordinal = host.startsWith(`${statefulSet}-`)
            ? host.slice(statefulSet.length + 1)
            : "";
        if (!/^(0|[1-9]\d*)$/.test(ordinal)) continue;
        if (Number(ordinal) >= s.replicas)
            return `names pod ${host}, but StatefulSet ${ns}/${statefulSet} has ${s.replicas} replica(s) (ordinals 0–${s.replicas - 1})`;
        const selects =
            Object.entries(svc.selector).length > 0 &&
            Object.entries(svc.selector).every(([k, v]) => s.labels[k] === v);
        return selects
            ? undefined
            : `names pod ${host}, but Service ${ns}/${service} does not select StatefulSet ${statefulSet}'s pods`;
    }
    const hint = governed.map(([key]) => key.slice(ns.length + 1)).find((s) => s === host);
    return (
        `names pod ${host} of Service ${ns}/${service}, but no StatefulSet governed by that Service has such a pod` +
        (hint ? ` (the pods of StatefulSet ${hint} are ${hint}-0, ${hint}-1, …)` : "")
    );
}

/** Cluster names and multiaddr hosts in one string. */
export function namesIn(text: string): string[] {
    const found = new Set<string>();
    for (const m of text.matchAll(CLUSTER_NAME)) found.add(m[0]);
    for (const m of text.matchAll(MULTIADDR_HOST)) found.add(m[1]!);
    return [...found];
}

/** Where names may appear: container args, command and env values; ConfigMap data. */
function textsOf(r: PolicyResource): { where: string; text: string }[] {
    if (r.type === "kubernetes:core/v1:ConfigMap") {
        const data = (known(() => r.props.data) ?? {}) as Record<string, unknown>;
        return Object.entries(data)
            .filter(([, v]) => typeof v === "string")
            .map(([k, v]) => ({ where: `data ${k}`, text: v as string }));
    }
    const pod = known(() => podSpecOf(r.type, r.props));
    if (!pod) return [];
    return containersOf(pod).flatMap((c) => [
        ...[
            ...asArray(c.command as unknown[] | undefined),
            ...asArray(c.args as unknown[] | undefined),
        ]
            .filter((v): v is string => typeof v === "string")
            .map((text) => ({ where: `container ${c.name ?? "?"} command line`, text })),
        ...asArray(c.env as Spec[] | undefined)
            .filter((e) => typeof e.value === "string")
            .map((e) => ({
                where: `container ${c.name ?? "?"} env ${String(e.name)}`,
                text: e.value as string,
            })),
    ]);
}

export const clusterNamesResolve: StackValidationPolicy = stackPolicy({
    name: "cluster-names-resolve",
    description:
        "Every cluster DNS name in workload args, env and ConfigMaps names a declared Service or an existing StatefulSet pod.",
    severity: "high",
    configSchema: {
        properties: {
            external: {
                type: "array",
                items: { type: "string" },
                default: DEFAULTS.external,
                description:
                    "Names (<service>.<namespace>) that exist without the stack declaring them",
            },
        },
    },
    validateStack: (args, report) => {
        const config = configOf(args, DEFAULTS);
        const candidates = args.resources.filter(
            (r) => r.type === "kubernetes:core/v1:ConfigMap" || WORKLOAD_TYPES.includes(r.type),
        );
        if (candidates.length === 0) return;
        const index = indexOf(args.resources);
        // Every node carries the same peer list: judge each (name, namespace) once.
        const verdicts = new Map<string, string | undefined>();
        const judge = (name: string, namespace: string) => {
            const key = `${namespace}\u0000${name}`;
            if (!verdicts.has(key))
                verdicts.set(key, unresolved(name, namespace, index, config.external));
            return verdicts.get(key);
        };
        for (const r of candidates) {
            const namespace = known(() => namespaceOf(r.props)) ?? "default";
            const reported = new Set<string>();
            for (const { where, text } of textsOf(r)) {
                for (const name of namesIn(text)) {
                    if (reported.has(name)) continue;
                    const problem = judge(name, namespace);
                    if (problem) {
                        reported.add(name);
                        report(`${name} (${where}) resolves to nothing: it ${problem}`, r.urn);
                    }
                }
            }
        }
    },
});
