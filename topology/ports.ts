/**
 * The port map: every port anything in the platform listens on, by role, and who may connect.
 *
 * Security groups, NetworkPolicies, container ports, Nginx upstreams and Prometheus targets derive
 * from this module; no other module writes a port number. Figures come from the deployment
 * checklists in the seeds (chain p2p/RPC 7070–7087, metrics 9090–9103, Grafana 3000, Jaeger 16686,
 * RPC 8080 behind Nginx).
 */

/** Everything that listens or connects. */
export type Role =
    | "loadBalancer"
    | "appServer"
    | "wireguardHub"
    | "postgres"
    | "redis"
    | "validator"
    | "relay"
    | "prometheus"
    | "alertmanager"
    | "grafana"
    | "jaeger"
    | "backupJob"
    | "databaseUsers"
    | "relayRpcBalancer"
    | "postgresExporter"
    | "redisExporter"
    | "nginxExporter"
    | "blackboxExporter"
    | "kubeStateMetrics"
    | "kubelet"
    | "clusterApi"
    | "coreDns"
    | "loadBalancerController";

/**
 * The AWS security group a role's traffic enters and leaves through. Workloads on the EKS cluster
 * share the node group's group; NetworkPolicies then separate them inside the cluster.
 */
export type SecurityGroupRole =
    | "loadBalancer"
    | "appServer"
    | "wireguardHub"
    | "postgres"
    | "redis"
    | "cluster"
    | "relayRpcBalancer";

export const SECURITY_GROUP_OF: Readonly<Record<Role, SecurityGroupRole>> = {
    loadBalancer: "loadBalancer",
    appServer: "appServer",
    wireguardHub: "wireguardHub",
    postgres: "postgres",
    redis: "redis",
    validator: "cluster",
    relay: "cluster",
    prometheus: "cluster",
    alertmanager: "cluster",
    grafana: "cluster",
    jaeger: "cluster",
    backupJob: "cluster",
    databaseUsers: "cluster",
    relayRpcBalancer: "relayRpcBalancer",
    postgresExporter: "cluster",
    redisExporter: "cluster",
    nginxExporter: "cluster",
    blackboxExporter: "cluster",
    kubeStateMetrics: "cluster",
    kubelet: "cluster",
    // EKS puts the control plane's network interfaces in the cluster's additional security group.
    clusterApi: "cluster",
    coreDns: "cluster",
    loadBalancerController: "cluster",
};

export const SECURITY_GROUP_ROLES: readonly SecurityGroupRole[] = [
    "loadBalancer",
    "appServer",
    "wireguardHub",
    "postgres",
    "redis",
    "cluster",
    "relayRpcBalancer",
];

/** Roles that run on EC2 instances of their own (and so run node_exporter and may run sshd). */
export const SERVER_ROLES = [
    "loadBalancer",
    "appServer",
    "wireguardHub",
] as const satisfies readonly Role[];

export type Protocol = "tcp" | "udp";

/**
 * Who may connect: a role, the internet (subject to the listener's allow-list), or operators,
 * whose traffic the WireGuard hub forwards into the VPC with its own address (masquerade).
 */
export type Source = Role | "internet" | "operators";

export interface Listener {
    /** Who listens. */
    readonly role: Role;
    /** Short name, unique per role; used in rule names, container port names and scrape jobs. */
    readonly name: string;
    readonly port: number;
    readonly protocol: Protocol;
    readonly from: readonly Source[];
    /** Why the port exists. */
    readonly purpose: string;
}

export interface PortMapOptions {
    /** Open sshd on the servers to operators (through WireGuard only). Default: false. */
    readonly sshFromOperators?: boolean;
}

const NODE_EXPORTER_PORT = 9100;
const SSH_PORT = 22;

/** The platform's listeners. */
export function portMap(options: PortMapOptions = {}): readonly Listener[] {
    const listeners: Listener[] = [
        {
            role: "loadBalancer",
            name: "http",
            port: 80,
            protocol: "tcp",
            from: ["internet"],
            purpose: "redirect to HTTPS, ACME challenges",
        },
        {
            role: "loadBalancer",
            name: "https",
            port: 443,
            protocol: "tcp",
            from: ["internet"],
            purpose: "public API and chain RPC",
        },
        {
            role: "loadBalancer",
            name: "nginx-status",
            port: 9103,
            protocol: "tcp",
            from: ["nginxExporter"],
            purpose: "stub_status for the Nginx exporter",
        },
        {
            role: "appServer",
            name: "api",
            port: 8080,
            protocol: "tcp",
            from: ["loadBalancer", "prometheus"],
            purpose: "API behind Nginx, and its /metrics",
        },
        {
            role: "wireguardHub",
            name: "wireguard",
            port: 51820,
            protocol: "udp",
            from: ["internet"],
            purpose: "operator and site VPN",
        },
        {
            role: "postgres",
            name: "postgres",
            port: 5432,
            protocol: "tcp",
            from: ["appServer", "backupJob", "postgresExporter", "databaseUsers"],
            purpose: "PostgreSQL (exporter, dump jobs and the job creating their users too)",
        },
        {
            role: "redis",
            name: "redis",
            port: 6379,
            protocol: "tcp",
            from: ["appServer", "redisExporter"],
            purpose: "Redis (exporter too)",
        },
        // The dchat node's listeners (github.com/chikuno/dchat): p2p (`relay --listen`, the config's
        // listen_addresses), its only HTTP server (`--health-addr`: /health, /ready) and `--metrics-addr`.
        {
            role: "validator",
            name: "p2p",
            port: 7070,
            protocol: "tcp",
            from: ["validator", "relay"],
            purpose: "consensus gossip (libp2p)",
        },
        // Probes come from the kubelet on the pod's own node, which neither security groups nor the VPC CNI's
        // network policy agent (it always admits the local node) stand in the way of: no source to list.
        {
            role: "validator",
            name: "health",
            port: 7071,
            protocol: "tcp",
            from: [],
            purpose: "the node's HTTP server (--health-addr): /health and /ready for probes",
        },
        {
            role: "validator",
            name: "metrics",
            port: 9101,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "validator /metrics (--metrics-addr)",
        },
        {
            role: "relay",
            name: "p2p",
            port: 7080,
            protocol: "tcp",
            from: ["validator", "relay"],
            purpose: "relay gossip (libp2p, --listen)",
        },
        {
            role: "relayRpcBalancer",
            name: "rpc",
            port: 7081,
            protocol: "tcp",
            from: ["loadBalancer"],
            purpose: "internal NLB in front of the relays' HTTP server, for Nginx's /rpc/",
        },
        // dchat serves no chain RPC on any port yet; its one HTTP server is the health server, so the
        // relays' "RPC" behind the NLB and Nginx is that port (README: the dchat node).
        {
            role: "relay",
            name: "health",
            port: 7081,
            protocol: "tcp",
            from: ["relayRpcBalancer", "validator"],
            purpose:
                "the node's HTTP server (--health-addr): probes (node-local), the NLB, validators' --chain-rpc",
        },
        {
            role: "relay",
            name: "metrics",
            port: 9102,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "relay /metrics (--metrics-addr)",
        },
        {
            role: "prometheus",
            name: "web",
            port: 9090,
            protocol: "tcp",
            from: ["grafana", "operators"],
            purpose: "Prometheus UI and API",
        },
        {
            role: "alertmanager",
            name: "web",
            port: 9093,
            protocol: "tcp",
            from: ["prometheus", "operators"],
            purpose: "Alertmanager",
        },
        {
            role: "grafana",
            name: "web",
            port: 3000,
            protocol: "tcp",
            from: ["operators"],
            purpose: "Grafana",
        },
        {
            role: "jaeger",
            name: "ui",
            port: 16686,
            protocol: "tcp",
            from: ["operators", "grafana"],
            purpose: "Jaeger UI",
        },
        {
            role: "jaeger",
            name: "otlp",
            port: 4317,
            protocol: "tcp",
            from: ["validator", "relay", "appServer"],
            purpose: "OTLP trace intake",
        },
        {
            role: "postgresExporter",
            name: "metrics",
            port: 9187,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "PostgreSQL exporter",
        },
        {
            role: "redisExporter",
            name: "metrics",
            port: 9121,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "Redis exporter",
        },
        {
            role: "nginxExporter",
            name: "metrics",
            port: 9113,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "Nginx exporter",
        },
        {
            role: "blackboxExporter",
            name: "metrics",
            port: 9115,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "blackbox probes of the public endpoint",
        },
        {
            role: "kubelet",
            name: "metrics",
            port: 10250,
            protocol: "tcp",
            from: ["prometheus", "clusterApi"],
            purpose:
                "kubelet: metrics and cAdvisor for Prometheus; logs, exec and port-forward for the control plane",
        },
        // The endpoint is private: operators and CI reach the API only through the WireGuard tunnel; nodes
        // and their pods reach it inside the VPC. EKS's own cluster security group (all traffic between its
        // members) is not put on the nodes, so every flow the cluster needs is listed here.
        {
            role: "clusterApi",
            name: "https",
            port: 443,
            protocol: "tcp",
            from: ["operators", "kubelet"],
            purpose: "EKS API: operators and CI through the WireGuard hub; nodes and their pods",
        },
        {
            role: "coreDns",
            name: "dns",
            port: 53,
            protocol: "udp",
            from: ["kubelet"],
            purpose: "cluster DNS for every pod",
        },
        {
            role: "coreDns",
            name: "dns-tcp",
            port: 53,
            protocol: "tcp",
            from: ["kubelet"],
            purpose: "cluster DNS over TCP (large answers)",
        },
        {
            role: "loadBalancerController",
            name: "webhook",
            port: 9443,
            protocol: "tcp",
            from: ["clusterApi"],
            purpose:
                "the AWS Load Balancer Controller's admission webhooks, called by the API server",
        },
        {
            role: "kubeStateMetrics",
            name: "metrics",
            port: 8080,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "Kubernetes object state (jobs, limits, restarts)",
        },
    ];
    for (const role of SERVER_ROLES) {
        listeners.push({
            role,
            name: "node-exporter",
            port: NODE_EXPORTER_PORT,
            protocol: "tcp",
            from: ["prometheus"],
            purpose: "host metrics",
        });
        if (options.sshFromOperators) {
            listeners.push({
                role,
                name: "ssh",
                port: SSH_PORT,
                protocol: "tcp",
                from: ["operators"],
                purpose: "break-glass shell",
            });
        }
    }
    return listeners;
}

/** The listener of `role` called `name`; throws when the map has none, so a typo cannot go unnoticed. */
export function listenerOf(
    role: Role,
    name: string,
    listeners: readonly Listener[] = portMap(),
): Listener {
    const found = listeners.find((l) => l.role === role && l.name === name);
    if (!found) {
        throw new Error(`the port map has no listener "${name}" for role ${role}`);
    }
    return found;
}

/** Outbound internet access per security group (through NAT): package mirrors, images, AWS APIs. */
export const OUTBOUND_INTERNET: Readonly<
    Record<SecurityGroupRole, readonly { port: number; protocol: Protocol }[]>
> = {
    loadBalancer: [
        { port: 80, protocol: "tcp" },
        { port: 443, protocol: "tcp" },
    ],
    appServer: [
        { port: 80, protocol: "tcp" },
        { port: 443, protocol: "tcp" },
    ],
    wireguardHub: [
        { port: 80, protocol: "tcp" },
        { port: 443, protocol: "tcp" },
    ],
    cluster: [{ port: 443, protocol: "tcp" }],
    relayRpcBalancer: [],
    postgres: [],
    redis: [],
};
