/**
 * Flows inside the cluster: NetworkPolicies mean something only when the pod network enforces them.
 * The pack's deny-by-default check sees the objects; this one sees whether anything acts on them.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { NEEDED_FLOWS, NeededFlowEntry } from "../data/needed-flows";
import { configOf, neededFlowsSetting } from "../lib/config";
import { stackPolicy } from "../lib/exemptions";
import {
    allowedFlows,
    describeFlow,
    isAllowed,
    isNeeded,
    uninterpretedRules,
} from "../lib/flow-model";
import { known, knownOr, parseJson } from "../lib/values";

/** Whether an EKS vpc-cni add-on's configuration turns on its network policy agent. */
export function cniEnforcesNetworkPolicies(configurationValues: unknown): boolean {
    const config = parseJson(configurationValues) as { enableNetworkPolicy?: unknown } | undefined;
    return config?.enableNetworkPolicy === "true" || config?.enableNetworkPolicy === true;
}

export const networkPoliciesEnforced: StackValidationPolicy = stackPolicy({
    name: "network-policies-enforced",
    description:
        "A stack that declares NetworkPolicies on EKS runs the managed VPC CNI with its network policy agent on (enableNetworkPolicy); otherwise every policy is inert and any pod reaches any port.",
    severity: "critical",
    validateStack: (args, report) => {
        const policies = args.resources.filter(
            (r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        );
        const clusters = args.resources.filter((r) => r.type === "aws:eks/cluster:Cluster");
        if (policies.length === 0 || clusters.length === 0) return;
        const cni = args.resources.filter(
            (r) => r.type === "aws:eks/addon:Addon" && known(() => r.props.addonName) === "vpc-cni",
        );
        if (cni.length === 0) {
            report(
                `${policies.length} NetworkPolicies, but no managed vpc-cni add-on with enableNetworkPolicy: the self-managed CNI enforces none of them`,
                clusters[0]!.urn,
            );
            return;
        }
        for (const addon of cni) {
            const UNKNOWN = Symbol("unknown");
            const values = knownOr(() => addon.props.configurationValues, UNKNOWN);
            if (values !== UNKNOWN && !cniEnforcesNetworkPolicies(values)) {
                report(
                    `${policies.length} NetworkPolicies are inert: the vpc-cni add-on does not set enableNetworkPolicy "true"`,
                    addon.urn,
                );
            }
        }
    },
});

export const flowsMatchNeeded: StackValidationPolicy = stackPolicy({
    name: "flows-match-needed",
    description:
        "The flow model over the security groups (EKS's cluster group included): every needed flow is allowed, and every allowed flow is needed, or listed with its reason in this policy's configuration.",
    severity: "high",
    configSchema: {
        properties: {
            needed: neededFlowsSetting(NEEDED_FLOWS, { optional: true }),
        },
    },
    validateStack: (args, report) => {
        const groups = args.resources.filter(
            (r) => r.type === "aws:ec2/securityGroup:SecurityGroup",
        );
        if (groups.length === 0) return;
        const { needed } = configOf(args, { needed: NEEDED_FLOWS as NeededFlowEntry[] });
        const allowed = allowedFlows(args.resources);
        const urnOf = (role: string) =>
            (
                groups.find(
                    (g) => (g.props.tags as Record<string, string> | undefined)?.Role === role,
                ) ?? groups[0]!
            ).urn;
        for (const flow of needed.filter((n) => !n.optional && !isAllowed(n, allowed))) {
            report(`needed flow blocked: ${describeFlow(flow)} (${flow.why})`, urnOf(flow.to));
        }
        for (const rule of uninterpretedRules(args.resources)) {
            report(
                `security group rule ${rule.name} is outside the flow model (IPv6, prefix list, undeclared group, inline or legacy rule): declare it as a port-map flow`,
                rule.urn,
            );
        }
        for (const flow of allowed.filter((f) => !isNeeded(f, needed))) {
            report(
                `allowed flow not needed: ${describeFlow(flow)}`,
                urnOf(flow.to === "internet" ? flow.from : flow.to),
            );
        }
    },
});
