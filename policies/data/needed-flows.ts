/**
 * The flows between security groups the platform needs, with why: the pack's own allow-list for the
 * flow model (it never imports the program's port map, so a mistake there is caught, not copied).
 * `optional` flows are allowed but not required (SSH, only with sshFromOperators). Kept equal to what
 * topology/needed-flows.ts derives from the port map by tests/flows.spec.ts: regenerate with
 * `npm run -s tables -- --needed-flows` after changing the port map, and review the difference.
 */
export interface NeededFlowEntry {
    readonly from: string;
    readonly to: string;
    readonly protocol: string;
    readonly port: number;
    readonly why: string;
    readonly optional?: boolean;
}

export const NEEDED_FLOWS: readonly NeededFlowEntry[] = [
    { from: "appServer", to: "cluster", protocol: "tcp", port: 4317, why: "jaeger otlp from appServer" },
    { from: "appServer", to: "internet", protocol: "tcp", port: 80, why: "appServer to the internet through NAT" },
    { from: "appServer", to: "internet", protocol: "tcp", port: 443, why: "appServer to the internet through NAT" },
    { from: "appServer", to: "postgres", protocol: "tcp", port: 5432, why: "postgres postgres from appServer" },
    { from: "appServer", to: "redis", protocol: "tcp", port: 6379, why: "redis redis from appServer" },
    { from: "cluster", to: "appServer", protocol: "tcp", port: 8080, why: "appServer api from prometheus" },
    { from: "cluster", to: "appServer", protocol: "tcp", port: 9100, why: "appServer node-exporter from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 53, why: "coreDns dns-tcp from kubelet" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 443, why: "clusterApi https from kubelet" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 4317, why: "jaeger otlp from validator; jaeger otlp from relay" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 7070, why: "validator p2p from validator; validator p2p from relay" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 7080, why: "relay p2p from validator; relay p2p from relay" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 7081, why: "relay health from validator" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 8080, why: "kubeStateMetrics metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9090, why: "prometheus web from grafana" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9093, why: "alertmanager web from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9101, why: "validator metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9102, why: "relay metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9113, why: "nginxExporter metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9115, why: "blackboxExporter metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9121, why: "redisExporter metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9187, why: "postgresExporter metrics from prometheus" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 9443, why: "loadBalancerController webhook from clusterApi" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 10250, why: "kubelet metrics from prometheus; kubelet metrics from clusterApi" },
    { from: "cluster", to: "cluster", protocol: "tcp", port: 16686, why: "jaeger ui from grafana" },
    { from: "cluster", to: "cluster", protocol: "udp", port: 53, why: "coreDns dns from kubelet" },
    { from: "cluster", to: "internet", protocol: "tcp", port: 443, why: "cluster to the internet through NAT" },
    { from: "cluster", to: "loadBalancer", protocol: "tcp", port: 9100, why: "loadBalancer node-exporter from prometheus" },
    { from: "cluster", to: "loadBalancer", protocol: "tcp", port: 9103, why: "loadBalancer nginx-status from nginxExporter" },
    { from: "cluster", to: "postgres", protocol: "tcp", port: 5432, why: "postgres postgres from backupJob; postgres postgres from postgresExporter; postgres postgres from databaseUsers" },
    { from: "cluster", to: "redis", protocol: "tcp", port: 6379, why: "redis redis from redisExporter" },
    { from: "cluster", to: "wireguardHub", protocol: "tcp", port: 9100, why: "wireguardHub node-exporter from prometheus" },
    { from: "internet", to: "loadBalancer", protocol: "tcp", port: 80, why: "loadBalancer http from internet" },
    { from: "internet", to: "loadBalancer", protocol: "tcp", port: 443, why: "loadBalancer https from internet" },
    { from: "internet", to: "wireguardHub", protocol: "udp", port: 51820, why: "wireguardHub wireguard from internet" },
    { from: "loadBalancer", to: "appServer", protocol: "tcp", port: 8080, why: "appServer api from loadBalancer" },
    { from: "loadBalancer", to: "internet", protocol: "tcp", port: 80, why: "loadBalancer to the internet through NAT" },
    { from: "loadBalancer", to: "internet", protocol: "tcp", port: 443, why: "loadBalancer to the internet through NAT" },
    { from: "loadBalancer", to: "relayRpcBalancer", protocol: "tcp", port: 7081, why: "relayRpcBalancer rpc from loadBalancer" },
    { from: "relayRpcBalancer", to: "cluster", protocol: "tcp", port: 7081, why: "relay health from relayRpcBalancer" },
    { from: "wireguardHub", to: "appServer", protocol: "tcp", port: 22, why: "appServer ssh from operators", optional: true },
    { from: "wireguardHub", to: "cluster", protocol: "tcp", port: 443, why: "clusterApi https from operators" },
    { from: "wireguardHub", to: "cluster", protocol: "tcp", port: 3000, why: "grafana web from operators" },
    { from: "wireguardHub", to: "cluster", protocol: "tcp", port: 9090, why: "prometheus web from operators" },
    { from: "wireguardHub", to: "cluster", protocol: "tcp", port: 9093, why: "alertmanager web from operators" },
    { from: "wireguardHub", to: "cluster", protocol: "tcp", port: 16686, why: "jaeger ui from operators" },
    { from: "wireguardHub", to: "internet", protocol: "tcp", port: 80, why: "wireguardHub to the internet through NAT" },
    { from: "wireguardHub", to: "internet", protocol: "tcp", port: 443, why: "wireguardHub to the internet through NAT" },
    { from: "wireguardHub", to: "loadBalancer", protocol: "tcp", port: 22, why: "loadBalancer ssh from operators", optional: true },
    { from: "wireguardHub", to: "wireguardHub", protocol: "tcp", port: 22, why: "wireguardHub ssh from operators", optional: true },
];
