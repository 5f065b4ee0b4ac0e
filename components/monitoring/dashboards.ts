/** Grafana dashboards as provisioned JSON: one per area, panels on the metrics the rules use. Pure. */
import { SLO } from "./rules";

interface Panel {
    readonly title: string;
    readonly expr: string;
    readonly unit?: string;
}

export interface Dashboard {
    readonly uid: string;
    readonly title: string;
    readonly panels: readonly Panel[];
}

export const DASHBOARDS: readonly Dashboard[] = [
    {
        uid: "chain-validators",
        title: "Validators and consensus",
        panels: [
            { title: "Validators up", expr: 'sum(up{job="validators"})' },
            { title: "Block height", expr: 'max by (pod) (dchat_block_height{job="validators"})' },
            {
                title: "Blocks per minute",
                expr: 'max(rate(dchat_block_height{job="validators"}[5m])) * 60',
            },
            { title: "Consensus peers", expr: 'dchat_peer_count{job="validators"}' },
        ],
    },
    {
        uid: "chain-relays",
        title: "Relays",
        panels: [
            { title: "Relays up", expr: 'sum(up{job="relays"})' },
            { title: "Relay peers", expr: 'dchat_peer_count{job="relays"}' },
        ],
    },
    {
        uid: "chain-network",
        title: "Network",
        panels: [
            {
                title: "Pod receive",
                expr: "sum by (pod) (rate(container_network_receive_bytes_total[5m]))",
                unit: "Bps",
            },
            {
                title: "Pod transmit",
                expr: "sum by (pod) (rate(container_network_transmit_bytes_total[5m]))",
                unit: "Bps",
            },
            {
                title: "Server receive",
                expr: 'sum by (instance) (rate(node_network_receive_bytes_total{device!="lo"}[5m]))',
                unit: "Bps",
            },
        ],
    },
    {
        uid: "chain-resources",
        title: "System resources",
        panels: [
            {
                title: "Container CPU of limit",
                expr: 'sum by (pod, container) (rate(container_cpu_usage_seconds_total{container!=""}[5m])) / sum by (pod, container) (kube_pod_container_resource_limits{resource="cpu"})',
                unit: "percentunit",
            },
            {
                title: "Container memory of limit",
                expr: 'sum by (pod, container) (container_memory_working_set_bytes{container!=""}) / sum by (pod, container) (kube_pod_container_resource_limits{resource="memory"})',
                unit: "percentunit",
            },
            {
                title: "Volume free",
                expr: "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes",
                unit: "percentunit",
            },
            {
                title: "Server CPU",
                expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))',
                unit: "percentunit",
            },
        ],
    },
    {
        uid: "chain-database",
        title: "PostgreSQL",
        panels: [
            { title: "Up", expr: "pg_up" },
            { title: "Connections", expr: "sum by (instance) (pg_stat_activity_count)" },
            { title: "Replica lag", expr: "pg_replication_lag_seconds", unit: "s" },
        ],
    },
    {
        uid: "chain-redis",
        title: "Redis",
        panels: [
            { title: "Up", expr: "redis_up" },
            {
                title: "Hit rate",
                expr: "rate(redis_keyspace_hits_total[5m]) / (rate(redis_keyspace_hits_total[5m]) + rate(redis_keyspace_misses_total[5m]))",
                unit: "percentunit",
            },
            { title: "Memory", expr: "redis_memory_used_bytes", unit: "bytes" },
        ],
    },
    {
        uid: "chain-nginx",
        title: "Nginx",
        panels: [
            {
                title: "Requests per second",
                expr: "sum by (instance) (rate(nginx_http_requests_total[5m]))",
            },
            { title: "Active connections", expr: "nginx_connections_active" },
            {
                title: "Certificate days left",
                expr: "(probe_ssl_earliest_cert_expiry - time()) / 86400",
            },
        ],
    },
    {
        uid: "chain-slo",
        title: "SLOs",
        panels: [
            {
                title: `Availability (30 d goal ${+(SLO.availability * 100).toFixed(3)} %)`,
                expr: "1 - slo:api_errors:ratio_rate3d",
                unit: "percentunit",
            },
            {
                title: `p${SLO.latencyQuantile * 100} latency (goal ${SLO.latencySeconds * 1000} ms)`,
                expr: `histogram_quantile(${SLO.latencyQuantile}, sum by (le) (rate(hashinsight_request_latency_seconds_bucket[5m])))`,
                unit: "s",
            },
            { title: "Error budget burn (1 h)", expr: "slo:api_errors:ratio_rate1h / 0.0005" },
        ],
    },
];

export function renderDashboard(d: Dashboard): string {
    return `${JSON.stringify(
        {
            uid: d.uid,
            title: d.title,
            schemaVersion: 39,
            version: 1,
            editable: false,
            time: { from: "now-6h", to: "now" },
            tags: ["chain-platform"],
            panels: d.panels.map((p, i) => ({
                id: i + 1,
                type: "timeseries",
                title: p.title,
                datasource: { type: "prometheus", uid: "prometheus" },
                gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
                fieldConfig: { defaults: { unit: p.unit ?? "short" }, overrides: [] },
                targets: [
                    {
                        refId: "A",
                        expr: p.expr,
                        datasource: { type: "prometheus", uid: "prometheus" },
                    },
                ],
            })),
        },
        null,
        2,
    )}\n`;
}
