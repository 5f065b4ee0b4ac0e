/**
 * The pod-to-pod flows the system needs, as the port map's listeners say (topology/ports.ts: who may
 * reach each listener and why). The pack keeps its own copy, as with the security-group flows, so a
 * mistake in the map is caught rather than copied: `pod-flows-match-needed` holds the NetworkPolicies
 * of a plan or a stack export to exactly this list.
 */
import { NeededPodFlow } from "../lib/pod-flows";

export const NEEDED_POD_FLOWS: readonly NeededPodFlow[] = [
    {
        from: "chain/validator",
        to: "chain/validator",
        protocol: "TCP",
        port: 7070,
        why: "consensus gossip (libp2p)",
    },
    {
        from: "chain/relay",
        to: "chain/validator",
        protocol: "TCP",
        port: 7070,
        why: "relays gossip with validators",
    },
    {
        from: "chain/validator",
        to: "chain/relay",
        protocol: "TCP",
        port: 7080,
        why: "relay gossip (libp2p, --listen)",
    },
    {
        from: "chain/relay",
        to: "chain/relay",
        protocol: "TCP",
        port: 7080,
        why: "relay gossip among relays",
    },
    {
        from: "chain/validator",
        to: "chain/relay",
        protocol: "TCP",
        port: 7081,
        why: "validators' --chain-rpc calls the relays' HTTP server",
    },
    {
        from: "chain/validator",
        to: "monitoring/jaeger",
        protocol: "TCP",
        port: 4317,
        why: "OTLP traces",
    },
    {
        from: "chain/relay",
        to: "monitoring/jaeger",
        protocol: "TCP",
        port: 4317,
        why: "OTLP traces",
    },
    {
        from: "monitoring/grafana",
        to: "monitoring/prometheus",
        protocol: "TCP",
        port: 9090,
        why: "dashboards query Prometheus",
    },
    {
        from: "monitoring/grafana",
        to: "monitoring/jaeger",
        protocol: "TCP",
        port: 16686,
        why: "trace views in Grafana",
    },
    {
        from: "monitoring/prometheus",
        to: "monitoring/alertmanager",
        protocol: "TCP",
        port: 9093,
        why: "alerts to Alertmanager",
    },
    {
        from: "monitoring/prometheus",
        to: "chain/validator",
        protocol: "TCP",
        port: 9101,
        why: "validator /metrics",
    },
    {
        from: "monitoring/prometheus",
        to: "chain/relay",
        protocol: "TCP",
        port: 9102,
        why: "relay /metrics",
    },
    {
        from: "monitoring/prometheus",
        to: "monitoring/blackbox-exporter",
        protocol: "TCP",
        port: 9115,
        why: "blackbox probes of the public endpoint",
    },
    {
        from: "monitoring/prometheus",
        to: "monitoring/kube-state-metrics",
        protocol: "TCP",
        port: 8080,
        why: "Kubernetes object state",
    },
    {
        from: "monitoring/prometheus",
        to: "monitoring/nginx-exporter",
        protocol: "TCP",
        port: 9113,
        why: "Nginx exporter",
    },
    {
        from: "monitoring/prometheus",
        to: "monitoring/postgres-exporter",
        protocol: "TCP",
        port: 9187,
        why: "PostgreSQL exporter",
    },
    {
        from: "monitoring/prometheus",
        to: "monitoring/redis-exporter",
        protocol: "TCP",
        port: 9121,
        why: "Redis exporter",
    },
];
