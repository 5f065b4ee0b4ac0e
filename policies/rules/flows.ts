/**
 * Flows inside the cluster: NetworkPolicies mean something only when the pod network enforces them.
 * The pack's deny-by-default check sees the objects; this one sees whether anything acts on them.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { stackPolicy } from "../lib/exemptions";
import { known, knownOr, parseJson } from "../lib/values";

/** Whether an EKS vpc-cni add-on's configuration turns on its network policy agent. */
export function cniEnforcesNetworkPolicies(configurationValues: unknown): boolean {
    const config = parseJson(configurationValues) as { enableNetworkPolicy?: unknown } | undefined;
    return config?.enableNetworkPolicy === "true" || config?.enableNetworkPolicy === true;
}

export const networkPoliciesEnforced: StackValidationPolicy = stackPolicy({
    name: "network-policies-enforced",
    description: "A stack that declares NetworkPolicies on EKS runs the managed VPC CNI with its network policy agent on (enableNetworkPolicy); otherwise every policy is inert and any pod reaches any port.",
    severity: "critical",
    validateStack: (args, report) => {
        const policies = args.resources.filter((r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy");
        const clusters = args.resources.filter((r) => r.type === "aws:eks/cluster:Cluster");
        if (policies.length === 0 || clusters.length === 0) return;
        const cni = args.resources.filter((r) => r.type === "aws:eks/addon:Addon" && known(() => r.props.addonName) === "vpc-cni");
        if (cni.length === 0) {
            report(`${policies.length} NetworkPolicies, but no managed vpc-cni add-on with enableNetworkPolicy: the self-managed CNI enforces none of them`, clusters[0]!.urn);
            return;
        }
        for (const addon of cni) {
            const UNKNOWN = Symbol("unknown");
            const values = knownOr(() => addon.props.configurationValues, UNKNOWN);
            if (values !== UNKNOWN && !cniEnforcesNetworkPolicies(values)) {
                report(`${policies.length} NetworkPolicies are inert: the vpc-cni add-on does not set enableNetworkPolicy "true"`, addon.urn);
            }
        }
    },
});
