/**
 * What one chain node may use (seeds: a validator 2 GiB / 1.5 CPU, a relay 1.5 GiB / 1 CPU): the pods'
 * requests and limits, and what node-group capacity is counted against (topology/capacity.ts).
 */
export const CHAIN_NODE_RESOURCES = {
    validator: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1500m", memory: "2Gi" } },
    relay: { requests: { cpu: "500m", memory: "1536Mi" }, limits: { cpu: "1", memory: "1536Mi" } },
} as const;
