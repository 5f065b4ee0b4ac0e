/** Kubernetes RBAC: grants that reach further than their holder's job. */
import { StackValidationPolicy } from "@pulumi/policy";
import { stackPolicy } from "../lib/exemptions";
import { Spec } from "../lib/kubernetes";
import { asArray, known } from "../lib/values";

const ROLE_TYPES = new Set([
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
    "kubernetes:rbac.authorization.k8s.io/v1:Role",
]);

/** Whether an RBAC rule grants the kubelet's proxy: `nodes/proxy` by name or through a wildcard. */
export function grantsNodeProxy(rule: Spec): boolean {
    const groups = asArray(rule.apiGroups as string[] | undefined);
    const resources = asArray(rule.resources as string[] | undefined);
    const verbs = asArray(rule.verbs as string[] | undefined);
    const coreGroup = groups.includes("") || groups.includes("*");
    const proxy = resources.some((r) => r === "nodes/proxy" || r === "nodes/*" || r === "*");
    return coreGroup && proxy && verbs.some((v) => ["get", "create", "*"].includes(v));
}

export const noNodeProxy: StackValidationPolicy = stackPolicy({
    name: "rbac-no-nodes-proxy",
    description:
        "No Role or ClusterRole grants nodes/proxy: through the kubelet's API it is exec into every pod on the node (the kubelet authorises exec over WebSocket as get). Scrapers need nodes/metrics.",
    severity: "critical",
    validateStack: (args, report) => {
        for (const role of args.resources.filter((r) => ROLE_TYPES.has(r.type))) {
            const rules = asArray(known(() => role.props.rules) as Spec[] | undefined);
            if (rules.some(grantsNodeProxy)) {
                report(
                    `${role.name} grants nodes/proxy: exec into any pod through the kubelet; grant nodes/metrics for scraping`,
                    role.urn,
                );
            }
        }
    },
});
