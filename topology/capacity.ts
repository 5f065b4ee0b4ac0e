/**
 * Whether the EKS node groups can hold the chain at its requests. Without this check a plan with
 * too many validators (or too small nodes) passes, and `pulumi up` waits on Pending pods until
 * it times out. Pure; requests come from the workloads themselves, never copied here.
 */
import { CHAIN_NODE_RESOURCES as RESOURCES } from "./chain-sizes";
import { Ec2InstanceType } from "./aws-catalog";

export interface Resources {
    /** vCPUs. */
    readonly cpu: number;
    /** GiB. */
    readonly memoryGib: number;
}

/**
 * Held back on every node before pods are scheduled: the EKS AMI's kube-reserved (CPU: 6 % of the
 * first core, 1 % of the second, 0.5 % of the next two; memory: 255 MiB + 11 MiB per pod, 58 pods on
 * an xlarge ≈ 0.9 GiB) and eviction threshold (100 MiB), plus the per-node DaemonSets (aws-node,
 * kube-proxy, EBS CSI node, node_exporter). Rounded up; a node smaller than this holds nothing.
 */
export const PER_NODE_RESERVE: Resources = { cpu: 0.4, memoryGib: 1.5 };

/**
 * Cluster services beside the chain: Prometheus (0.5 vCPU / 2 GiB), Grafana, Jaeger, Alertmanager,
 * kube-state-metrics and up to a dozen exporters (components/monitoring), two backup jobs running
 * at once (0.25 / 0.25 GiB each), CoreDNS and the AWS Load Balancer Controller (two replicas each).
 */
export const CLUSTER_SERVICES_ALLOWANCE: Resources = { cpu: 1.5, memoryGib: 4 };

/** Kubernetes quantity → vCPUs ("1", "1500m"). */
export function cpuOf(quantity: string): number {
    return quantity.endsWith("m") ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
}

/** Kubernetes quantity → GiB ("2Gi", "1536Mi"). */
export function memoryGibOf(quantity: string): number {
    const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi)$/.exec(quantity);
    if (!match) {
        throw new Error(`unsupported memory quantity ${quantity}`);
    }
    return Number(match[1]) / { Ki: 1024 * 1024, Mi: 1024, Gi: 1 }[match[2] as "Ki" | "Mi" | "Gi"];
}

function requestsOf(role: keyof typeof RESOURCES): Resources {
    const requests = RESOURCES[role].requests;
    return { cpu: cpuOf(requests.cpu), memoryGib: memoryGibOf(requests.memory) };
}

export interface CapacityInput {
    readonly node: Ec2InstanceType;
    readonly nodes: number;
    readonly validators: number;
    readonly relays: number;
}

const fmt = (r: Resources) => `${+r.cpu.toFixed(2)} vCPU / ${+r.memoryGib.toFixed(2)} GiB`;

/** Problems with placing the chain on the node groups, keyed by the config key to blame. */
export function capacityProblems(
    input: CapacityInput,
): { key: "nodeInstanceType" | "nodesPerZone"; rule: string }[] {
    const perNode: Resources = {
        cpu: input.node.vcpus - PER_NODE_RESERVE.cpu,
        memoryGib: input.node.memoryGib - PER_NODE_RESERVE.memoryGib,
    };
    const validator = requestsOf("validator");
    const relay = requestsOf("relay");
    const problems: { key: "nodeInstanceType" | "nodesPerZone"; rule: string }[] = [];
    if (validator.cpu > perNode.cpu || validator.memoryGib > perNode.memoryGib) {
        problems.push({
            key: "nodeInstanceType",
            rule: `must hold one validator (requests ${fmt(validator)}) on a single node: ${input.node.name} leaves ${fmt(perNode)} after the per-node reserve of ${fmt(PER_NODE_RESERVE)}`,
        });
        return problems;
    }
    const demand: Resources = {
        cpu:
            input.validators * validator.cpu +
            input.relays * relay.cpu +
            CLUSTER_SERVICES_ALLOWANCE.cpu,
        memoryGib:
            input.validators * validator.memoryGib +
            input.relays * relay.memoryGib +
            CLUSTER_SERVICES_ALLOWANCE.memoryGib,
    };
    const capacity: Resources = {
        cpu: input.nodes * perNode.cpu,
        memoryGib: input.nodes * perNode.memoryGib,
    };
    if (demand.cpu > capacity.cpu || demand.memoryGib > capacity.memoryGib) {
        problems.push({
            key: "nodesPerZone",
            rule:
                `gives ${input.nodes} ${input.node.name} nodes (${fmt(capacity)} after a per-node reserve of ${fmt(PER_NODE_RESERVE)}), ` +
                `less than ${input.validators} validators × ${fmt(validator)} + ${input.relays} relays × ${fmt(relay)} + cluster services ${fmt(CLUSTER_SERVICES_ALLOWANCE)} = ${fmt(demand)} requested; ` +
                "raise nodesPerZone or nodeInstanceType, or run fewer validators and relays",
        });
    }
    return problems;
}
