/**
 * The flow model inside the cluster: from the declared workloads and NetworkPolicies, which pods reach
 * which pods on which ports, as the Kubernetes NetworkPolicy semantics say when the network enforces
 * them: a pod selected by any policy of a direction is isolated in that direction and admits only what
 * some selecting policy allows; a flow needs the sender's egress and the receiver's ingress. Pods are
 * named "namespace/component" (the app.kubernetes.io/component label). Pure over a plan or a stack export.
 *
 * Not modelled: ipBlock peers. With the VPC CNI, pods take addresses from the node subnets, so a rule
 * admitting a subnet (the relays' NLB, Prometheus to the nodes) admits the pods in it as well; those
 * rules are the security-group layer's and are listed in the README beside this matrix.
 */
import { PolicyResource } from "@pulumi/policy";
import { namespaceOf, podLabelsOf, podSpecOf, selects, Spec, WORKLOAD_TYPES } from "./kubernetes";
import { asArray, known } from "./values";

export interface PodFlow {
    readonly from: string;
    readonly to: string;
    /** "TCP", "UDP", or "all". */
    readonly protocol: string;
    /** A port, or "all". */
    readonly port: number | "all";
}

interface Pod {
    readonly id: string;
    readonly namespace: string;
    readonly labels: Record<string, string>;
}

interface Port {
    readonly protocol: string;
    readonly port: number | "all";
}

const ALL: Port = { protocol: "all", port: "all" };
const COMPONENT = "app.kubernetes.io/component";

/** The declared pods, one per namespace and component (a StatefulSet per validator is one kind of pod). */
export function declaredPods(resources: readonly PolicyResource[]): Pod[] {
    const pods = new Map<string, Pod>();
    for (const r of resources.filter((x) => WORKLOAD_TYPES.includes(x.type))) {
        if (!podSpecOf(r.type, r.props)) continue;
        const labels = podLabelsOf(r.type, r.props);
        const namespace = namespaceOf(r.props);
        const id = `${namespace}/${labels[COMPONENT] ?? r.name}`;
        if (!pods.has(id)) pods.set(id, { id, namespace, labels });
    }
    return [...pods.values()];
}

/** The pods a rule's peer names (ipBlocks name no pod). */
function peerPods(
    peer: Spec,
    policyNamespace: string,
    pods: readonly Pod[],
    namespaceLabels: ReadonlyMap<string, Record<string, string>>,
): Pod[] {
    if (peer.ipBlock !== undefined) return [];
    const namespaceSelector = peer.namespaceSelector as Spec | undefined;
    const labelsOf = (namespace: string) => ({
        ...(namespaceLabels.get(namespace) ?? {}),
        "kubernetes.io/metadata.name": namespace,
    });
    const inNamespace = (pod: Pod) =>
        namespaceSelector === undefined
            ? pod.namespace === policyNamespace
            : selects(namespaceSelector, labelsOf(pod.namespace));
    return pods.filter(
        (pod) => inNamespace(pod) && selects(peer.podSelector as Spec | undefined, pod.labels),
    );
}

function portsOf(rule: Spec): Port[] {
    const ports = asArray(rule.ports as Spec[] | undefined);
    if (ports.length === 0) return [ALL];
    return ports.flatMap((p): Port[] => {
        const protocol = String(p.protocol ?? "TCP");
        // A named port could be any number: counted as every port, so it is never taken for a needed one.
        if (typeof p.port !== "number") return [{ protocol, port: "all" as const }];
        const end = typeof p.endPort === "number" ? p.endPort : p.port;
        return end - p.port > 1024
            ? [{ protocol, port: "all" as const }]
            : Array.from({ length: end - p.port + 1 }, (_, i) => ({
                  protocol,
                  port: (p.port as number) + i,
              }));
    });
}

interface Policy {
    readonly namespace: string;
    readonly selector: Spec;
    readonly types: readonly string[];
    readonly ingress: readonly Spec[];
    readonly egress: readonly Spec[];
}

function policiesOf(resources: readonly PolicyResource[]): Policy[] {
    return resources
        .filter((r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy")
        .map((r) => {
            const spec = (known(() => r.props.spec) ?? {}) as Spec;
            const ingress = asArray(spec.ingress as Spec[] | undefined);
            const egress = asArray(spec.egress as Spec[] | undefined);
            const types = asArray(spec.policyTypes as string[] | undefined);
            return {
                namespace: namespaceOf(r.props),
                selector: (spec.podSelector ?? {}) as Spec,
                types:
                    types.length > 0
                        ? types
                        : ["Ingress", ...(egress.length > 0 ? ["Egress"] : [])],
                ingress,
                egress,
            };
        });
}

interface CompiledRule {
    /** Pod ids the rule's peers name; undefined for "any peer". */
    readonly peers?: ReadonlySet<string>;
    readonly ports: readonly Port[];
}

/** Per pod and direction: undefined when no policy isolates it, else the rules of the policies that select it. */
function compile(
    pods: readonly Pod[],
    policies: readonly Policy[],
    namespaceLabels: ReadonlyMap<string, Record<string, string>>,
): Map<string, { Ingress?: CompiledRule[]; Egress?: CompiledRule[] }> {
    const byPod = new Map<string, { Ingress?: CompiledRule[]; Egress?: CompiledRule[] }>(
        pods.map((pod) => [pod.id, {}]),
    );
    for (const policy of policies) {
        const selected = pods.filter(
            (pod) => pod.namespace === policy.namespace && selects(policy.selector, pod.labels),
        );
        if (selected.length === 0) continue;
        for (const direction of ["Ingress", "Egress"] as const) {
            if (!policy.types.includes(direction)) continue;
            const rules: CompiledRule[] = (
                direction === "Ingress" ? policy.ingress : policy.egress
            ).map((rule) => {
                const peers = asArray(
                    (direction === "Ingress" ? rule.from : rule.to) as Spec[] | undefined,
                );
                return {
                    peers:
                        peers.length === 0
                            ? undefined
                            : new Set(
                                  peers.flatMap((x) =>
                                      peerPods(x, policy.namespace, pods, namespaceLabels).map(
                                          (q) => q.id,
                                      ),
                                  ),
                              ),
                    ports: portsOf(rule),
                };
            });
            for (const pod of selected) {
                const entry = byPod.get(pod.id)!;
                entry[direction] = [...(entry[direction] ?? []), ...rules];
            }
        }
    }
    return byPod;
}

/** The ports a pod allows in one direction towards a peer pod: all when not isolated in it. */
function allowed(rules: readonly CompiledRule[] | undefined, peer: Pod): readonly Port[] {
    if (rules === undefined) return [ALL];
    return rules
        .filter((rule) => rule.peers === undefined || rule.peers.has(peer.id))
        .flatMap((rule) => rule.ports);
}

function meet(a: Port, b: Port): Port | undefined {
    const protocol =
        a.protocol === "all"
            ? b.protocol
            : b.protocol === "all" || a.protocol === b.protocol
              ? a.protocol
              : undefined;
    const port =
        a.port === "all" ? b.port : b.port === "all" || a.port === b.port ? a.port : undefined;
    return protocol !== undefined && port !== undefined ? { protocol, port } : undefined;
}

/** Every pod-to-pod flow the NetworkPolicies allow (all of them, when nothing enforces the policies). */
export function podFlows(resources: readonly PolicyResource[], enforced = true): PodFlow[] {
    const pods = declaredPods(resources);
    const namespaceLabels = new Map(
        resources
            .filter((r) => r.type === "kubernetes:core/v1:Namespace")
            .map((n) => {
                const metadata = (known(() => n.props.metadata) ?? {}) as Spec;
                return [
                    String(metadata.name),
                    (metadata.labels ?? {}) as Record<string, string>,
                ] as const;
            }),
    );
    const compiled = compile(pods, enforced ? policiesOf(resources) : [], namespaceLabels);
    const flows = new Map<string, PodFlow>();
    for (const from of pods) {
        for (const to of pods) {
            const out = allowed(compiled.get(from.id)!.Egress, to);
            const into = allowed(compiled.get(to.id)!.Ingress, from);
            for (const a of out) {
                for (const b of into) {
                    const both = meet(a, b);
                    if (both)
                        flows.set(`${from.id}>${to.id}:${both.protocol}:${both.port}`, {
                            from: from.id,
                            to: to.id,
                            ...both,
                        });
                }
            }
        }
    }
    return [...flows.values()].sort((a, b) =>
        `${a.from}>${a.to}:${a.protocol}:${a.port}`.localeCompare(
            `${b.from}>${b.to}:${b.protocol}:${b.port}`,
        ),
    );
}

export interface NeededPodFlow {
    readonly from: string;
    readonly to: string;
    readonly protocol: string;
    readonly port: number;
    readonly why: string;
}

export function podFlowAllowed(needed: NeededPodFlow, flows: readonly PodFlow[]): boolean {
    return flows.some(
        (f) =>
            f.from === needed.from &&
            f.to === needed.to &&
            (f.protocol === "all" || f.protocol === needed.protocol) &&
            (f.port === "all" || f.port === needed.port),
    );
}

export function podFlowNeeded(flow: PodFlow, needed: readonly NeededPodFlow[]): boolean {
    return (
        flow.port !== "all" &&
        flow.protocol !== "all" &&
        needed.some(
            (n) =>
                n.from === flow.from &&
                n.to === flow.to &&
                n.protocol === flow.protocol &&
                n.port === flow.port,
        )
    );
}
