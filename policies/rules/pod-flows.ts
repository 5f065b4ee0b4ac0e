/** The cluster's flow contract: the NetworkPolicies allow exactly the pod-to-pod flows the system needs. */
import { StackValidationPolicy } from "@pulumi/policy";
import { NEEDED_POD_FLOWS } from "../data/needed-pod-flows";
import { configOf, neededFlowsSetting } from "../lib/config";
import { stackPolicy } from "../lib/exemptions";
import {
    declaredPods,
    NeededPodFlow,
    podFlowAllowed,
    podFlowNeeded,
    podFlows,
} from "../lib/pod-flows";

const describe = (f: { from: string; to: string; protocol: string; port: number | "all" }) =>
    `${f.from} → ${f.to} ${f.protocol} ${f.port === "all" ? "all ports" : f.port}`;

export const podFlowsMatchNeeded: StackValidationPolicy = stackPolicy({
    name: "pod-flows-match-needed",
    description:
        "The flow model over the NetworkPolicies: every needed pod-to-pod flow is allowed, and every allowed one is needed (a pod no policy isolates reaches, and is reached by, everything).",
    severity: "high",
    configSchema: {
        properties: {
            needed: neededFlowsSetting(NEEDED_POD_FLOWS),
        },
    },
    validateStack: (args, report) => {
        const workloads = args.resources.filter(
            (r) =>
                r.type.startsWith("kubernetes:apps/v1:") ||
                r.type === "kubernetes:batch/v1:CronJob",
        );
        if (workloads.length === 0) return;
        const { needed } = configOf(args, { needed: NEEDED_POD_FLOWS as NeededPodFlow[] });
        const flows = podFlows(args.resources);
        // Each violation is reported on a workload of the receiving pod, so an exemption is as narrow as the flow.
        const podOf = (id: string) =>
            workloads.find((w) => declaredPods([w])[0]?.id === id)?.urn ?? workloads[0]!.urn;
        // A needed flow between pods the stack declares (a stack may leave a kind of pod out).
        const pods = new Set(declaredPods(args.resources).map((p) => p.id));
        for (const flow of needed.filter(
            (n) => pods.has(n.from) && pods.has(n.to) && !podFlowAllowed(n, flows),
        )) {
            report(`needed pod flow blocked: ${describe(flow)} (${flow.why})`, podOf(flow.to));
        }
        for (const flow of flows.filter((f) => !podFlowNeeded(f, needed))) {
            report(`pod flow allowed but not needed: ${describe(flow)}`, podOf(flow.to));
        }
    },
});
