import type * as pulumi from "@pulumi/pulumi";

/** The path the API answers while it serves (the API image's health endpoint). */
export const API_HEALTH_PATH = "/health";

/**
 * A tier of EC2 servers as Prometheus sees it, handed out by the component that declares the servers
 * (monitoring never re-derives an address, a port or a path of theirs).
 */
export interface ServerTargets {
    /** The tier's role in the port map: the `role` label of its node exporters. */
    readonly role: string;
    /** Private address of each server, where its node exporter listens. */
    readonly privateIps: readonly pulumi.Output<string>[];
    /** The port of the servers' node exporter (their platform's). */
    readonly nodeExporterPort: number;
}

/** The API servers: their node exporters, and the API's own metrics. */
export interface ApiServerTargets extends ServerTargets {
    /** "ip:port" of each server's API, which serves /metrics (the load balancers' upstreams too). */
    readonly apiTargets: readonly pulumi.Output<string>[];
}

/** The load balancers: their node exporters, Nginx's status page, and the public URLs they serve. */
export interface LoadBalancerTargets extends ServerTargets {
    /** Each server's stub_status URL, read by its Nginx exporter. */
    readonly statusUrls: readonly pulumi.Output<string>[];
    /** Public URLs through Nginx to each upstream's health, for the blackbox probes. */
    readonly probeUrls: readonly string[];
}
