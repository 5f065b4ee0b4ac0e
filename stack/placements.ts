/**
 * Where each role of the port map is, for NetworkPolicies: the pods each workload component places
 * (its own export), and the networks outside the cluster. Pure.
 */
import type { Input } from "@pulumi/pulumi";
import { BACKUP_PLACEMENTS } from "../components/backup-jobs";
import { CHAIN_PLACEMENTS } from "../components/chain";
import { DATABASE_USERS_PLACEMENTS } from "../components/database-users";
import { MONITORING_PLACEMENTS } from "../components/monitoring";
import { Placement, Placements } from "../components/shared/network-policies";
import { SubnetPlan } from "../topology/subnets";

/**
 * Before the servers exist: outside the cluster, a role is the subnets it lives in (nodes, the relays'
 * internal NLB and the data stores in the private ones; the edge in the public ones).
 */
export function placementsBySubnet(subnets: readonly SubnetPlan[]): Placements {
    const privateSubnets: Placement = {
        kind: "networks",
        cidrs: subnets.map((s) => s.privateCidr),
    };
    const publicSubnets: Placement = { kind: "networks", cidrs: subnets.map((s) => s.publicCidr) };
    return {
        ...CHAIN_PLACEMENTS,
        ...BACKUP_PLACEMENTS,
        ...DATABASE_USERS_PLACEMENTS,
        ...MONITORING_PLACEMENTS,
        kubelet: privateSubnets,
        relayRpcBalancer: privateSubnets,
        postgres: privateSubnets,
        redis: privateSubnets,
        appServer: privateSubnets,
        loadBalancer: publicSubnets,
        wireguardHub: publicSubnets,
        operators: publicSubnets,
    };
}

/**
 * Once the servers exist, by their own addresses: operators arrive from the hub's (it masquerades), and
 * the API servers, load balancers and hub are each a /32 rather than whole subnets. What stays
 * subnet-wide has addresses that move: nodes (kubelet), RDS and ElastiCache after a failover.
 */
export function placementsByAddress(
    base: Placements,
    servers: {
        readonly hub: Input<string>;
        readonly loadBalancers: readonly Input<string>[];
        readonly apiServers: readonly Input<string>[];
    },
    hostCidr: (ip: Input<string>) => Input<string>,
): Placements {
    const hosts = (ips: readonly Input<string>[]): Placement => ({
        kind: "networks",
        cidrs: ips.map(hostCidr),
    });
    return {
        ...base,
        operators: hosts([servers.hub]),
        loadBalancer: hosts(servers.loadBalancers),
        appServer: hosts(servers.apiServers),
        wireguardHub: hosts([servers.hub]),
    };
}
