/**
 * NetworkPolicies derived from the port map: default deny in and out, then exactly the flows the map
 * lists, plus DNS and the HTTPS egress pods need for AWS APIs. Pure: plain objects out.
 */
import type { Input } from "@pulumi/pulumi";
import { Listener, Role } from "../../topology/ports";
import { K8sObject } from "./k8s-object";

export type { K8sObject };

/** Where a role's pods are (namespace and labels), or the networks it comes from outside the cluster. */
export type Placement =
    | {
          readonly kind: "pods";
          readonly namespace: string;
          readonly labels: Readonly<Record<string, string>>;
      }
    | { readonly kind: "networks"; readonly cidrs: readonly Input<string>[] };

/** Where each role of the port map is (and the operators, who arrive through the hub). */
export type Placements = Partial<Record<Role | "operators", Placement>>;

function peerOf(placement: Placement, fromNamespace: string): Record<string, unknown>[] {
    if (placement.kind === "networks") {
        return placement.cidrs.map((cidr) => ({ ipBlock: { cidr } }));
    }
    return [
        {
            podSelector: { matchLabels: { ...placement.labels } },
            ...(placement.namespace === fromNamespace
                ? {}
                : {
                      namespaceSelector: {
                          matchLabels: { "kubernetes.io/metadata.name": placement.namespace },
                      },
                  }),
        },
    ];
}

/**
 * Sources placed on the same networks (the kubelet and the NLB are both "the private subnets") admit
 * once. A peer holding a Pulumi value (a server's address) has no text to compare until deployment:
 * it is kept unless it is the very same value.
 */
function unique(peers: Record<string, unknown>[]): Record<string, unknown>[] {
    const seen = new Set<unknown>();
    return peers.filter((peer) => {
        const cidr = (peer.ipBlock as { cidr?: unknown } | undefined)?.cidr;
        const key = cidr !== undefined && typeof cidr !== "string" ? cidr : JSON.stringify(peer);
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

/**
 * `httpsClients`: the `app.kubernetes.io/component` values of the namespace's pods that call HTTPS
 * endpoints (AWS APIs through NAT, the EKS API, a public probe). Only they may send to tcp/443; the
 * others (relays, which face internet traffic, among them) reach nothing beyond the port map's flows.
 */
export function networkPolicies(
    namespace: string,
    listeners: readonly Listener[],
    placements: Placements,
    httpsClients: readonly string[] = [],
): K8sObject[] {
    const local = (role: Role): Placement | undefined => {
        const p = placements[role];
        return p?.kind === "pods" && p.namespace === namespace ? p : undefined;
    };
    const policies: K8sObject[] = [
        {
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: "default-deny", namespace },
            spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
        },
        {
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: "dns", namespace },
            spec: {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: [
                    {
                        to: [
                            {
                                namespaceSelector: {
                                    matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                                },
                                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                            },
                        ],
                        ports: [
                            { protocol: "UDP", port: 53 },
                            { protocol: "TCP", port: 53 },
                        ],
                    },
                ],
            },
        },
    ];
    if (httpsClients.length > 0) {
        policies.push({
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: "https-clients", namespace },
            spec: {
                podSelector: {
                    matchExpressions: [
                        {
                            key: "app.kubernetes.io/component",
                            operator: "In",
                            values: [...httpsClients],
                        },
                    ],
                },
                policyTypes: ["Egress"],
                // AWS APIs (Secrets Manager, S3, STS for IRSA, EC2) through NAT, and the private EKS API.
                egress: [
                    {
                        to: [{ ipBlock: { cidr: "0.0.0.0/0" } }],
                        ports: [{ protocol: "TCP", port: 443 }],
                    },
                ],
            },
        });
    }
    const roles = [...new Set(listeners.map((l) => l.role))];
    for (const role of roles) {
        const target = local(role);
        if (!target || target.kind !== "pods") continue;
        const ingress = listeners
            .filter((l) => l.role === role)
            .map((l) => ({
                from: unique(
                    l.from.flatMap((source) => {
                        const placement = placements[source as Role | "operators"];
                        return placement ? peerOf(placement, namespace) : [];
                    }),
                ),
                ports: [{ protocol: l.protocol.toUpperCase(), port: l.port }],
            }))
            .filter((rule) => rule.from.length > 0);
        policies.push({
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: `${role.toLowerCase()}-ingress`, namespace },
            spec: {
                podSelector: { matchLabels: { ...target.labels } },
                policyTypes: ["Ingress"],
                ingress,
            },
        });
    }
    for (const role of roles.concat(Object.keys(placements) as Role[])) {
        const source = local(role);
        if (
            !source ||
            source.kind !== "pods" ||
            policies.some((p) => p.metadata.name === `${role.toLowerCase()}-egress`)
        )
            continue;
        const egress = listeners
            .filter((l) => l.from.includes(role))
            .map((l) => ({
                to: placements[l.role] ? peerOf(placements[l.role]!, namespace) : [],
                ports: [{ protocol: l.protocol.toUpperCase(), port: l.port }],
            }))
            .filter((rule) => rule.to.length > 0);
        if (egress.length === 0) continue;
        policies.push({
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: `${role.toLowerCase()}-egress`, namespace },
            spec: {
                podSelector: { matchLabels: { ...source.labels } },
                policyTypes: ["Egress"],
                egress,
            },
        });
    }
    return policies;
}

/** The pods of `component` in `namespace`, by the `app.kubernetes.io/component` label every workload carries. */
export function podsOf(namespace: string, component: string): Placement {
    return { kind: "pods", namespace, labels: { "app.kubernetes.io/component": component } };
}
