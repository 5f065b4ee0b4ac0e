/**
 * Argument groups several components share, as pulumi-eks shares NodeGroupBaseOptions: a field means
 * the same thing, with the same name and documentation, wherever it appears.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Listener } from "../../topology/ports";
import type { ClusterHandle } from "./cluster-handle";
import type { Placements } from "./network-policies";
import type { ServerPlatform } from "./server";

/** Every component: how its physical names start and what it tags. */
export interface NamingArgs {
    /** Prefix of physical names, e.g. "chain-platform-prod". No default. */
    readonly namePrefix: string;
    /** Tags for every taggable AWS resource. Default: none. */
    readonly tags?: Record<string, string>;
}

/** The data stores (PostgreSQL, Redis): where they sit, their port and their keys. */
export interface DataStoreArgs extends NamingArgs {
    /** Zones in order; the primary's is the first. No default. */
    readonly zones: readonly string[];
    /** Private subnets of the subnet group, one per zone. No default. */
    readonly subnetIds: pulumi.Input<string>[];
    /** Security group admitting the store's port from the roles of the port map. No default. */
    readonly securityGroupId: pulumi.Input<string>;
    /** Port from the port map. No default. */
    readonly port: number;
    /** KMS key for storage at rest. No default. */
    readonly dataKeyArn: pulumi.Input<string>;
    /** KMS key of the store's secrets in Secrets Manager. No default. */
    readonly secretsKeyArn: pulumi.Input<string>;
    /** Multi-AZ: a standby (PostgreSQL) or automatic failover (Redis). Default: false. */
    readonly multiAz?: boolean;
}

/** The Kubernetes workload components: the cluster they run on, the port map, and their secrets key. */
export interface ClusterWorkloadArgs extends NamingArgs {
    /** The cluster: its Kubernetes provider, IAM roles for service accounts, and what workloads wait for. No default. */
    readonly cluster: ClusterHandle;
    /** The port map, for the namespace's NetworkPolicies. No default. */
    readonly listeners: readonly Listener[];
    /** Where each role of the port map is: pods by namespace and label, or networks. No default. */
    readonly placements: Placements;
    /** KMS key of the secrets the component declares or reads. No default. */
    readonly secretsKeyArn: pulumi.Input<string>;
}

/** The EC2 server components (API servers, load balancers, the WireGuard hub). */
export interface ServerTierArgs {
    /** What every server of the platform shares: AMI, keys, region, node exporter, tags. No default. */
    readonly platform: ServerPlatform;
    /** EC2 instance type. No default. */
    readonly instanceType: string;
    /** Security group of the tier's role in the port map. No default. */
    readonly securityGroupId: pulumi.Input<string>;
}

/** A tier of several servers spread over subnets. */
export interface ServerFleetArgs extends ServerTierArgs {
    /** How many servers, round-robin over `subnetIds`. No default. */
    readonly count: number;
    /** Subnets to spread the servers over. No default. */
    readonly subnetIds: pulumi.Input<string>[];
}
