/**
 * Alert and recording rules. Every alert the seeds name, with the seeds' thresholds, plus what an
 * operator needs beside them (replica lag, Redis down, backups failed or stale) and the SLOs as
 * multi-window burn-rate alerts. Pure: data in, the rules file (YAML) out.
 */
import { quorumOf } from "../../topology/bft";
import { NAMESPACES } from "../../topology/namespaces";
import { BACKUP_SCHEDULES } from "../../topology/retention";
import { stringify } from "yaml";
import { RUNBOOK_BASE, runbookAnchor } from "./runbooks";

/** The daily backup, and how long without one is stale: a day, plus two hours for a slow run. */
const DAILY = BACKUP_SCHEDULES.find((s) => s.name === "daily")!;
const DAILY_STALE_HOURS = 24 / DAILY.perDay + 2;

export interface AlertRule {
    readonly alert: string;
    readonly expr: string;
    readonly for?: string;
    readonly labels: { readonly severity: "critical" | "warning" | "none" };
    readonly annotations: {
        readonly summary: string;
        readonly description?: string;
        readonly source: string;
        readonly runbook_url?: string;
    };
}

export interface RecordingRule {
    readonly record: string;
    readonly expr: string;
}

export interface RuleGroup {
    readonly name: string;
    readonly rules: readonly (AlertRule | RecordingRule)[];
}

/** Seeds: availability ≥ 99.95 % over 30 days, p95 latency ≤ 250 ms. */
export const SLO = { availability: 0.9995, latencySeconds: 0.25, latencyQuantile: 0.95 } as const;

/** Burn-rate windows (Google SRE workbook): fast burn pages, slow burn too; factor × budget. */
const BURN_WINDOWS = [
    { long: "1h", short: "5m", factor: 14.4, severity: "critical" },
    { long: "6h", short: "30m", factor: 6, severity: "critical" },
    { long: "3d", short: "6h", factor: 1, severity: "warning" },
] as const;
const WINDOWS = ["5m", "30m", "1h", "6h", "3d"] as const;

const API = "hashinsight_requests_total";
const LATENCY = "hashinsight_request_latency_seconds";

function sloRecordings(): RecordingRule[] {
    return WINDOWS.flatMap((w) => [
        {
            record: `slo:api_errors:ratio_rate${w}`,
            expr: `sum(rate(${API}{status=~"5.."}[${w}])) / sum(rate(${API}[${w}]))`,
        },
        {
            record: `slo:api_slow:ratio_rate${w}`,
            expr: `1 - sum(rate(${LATENCY}_bucket{le="${SLO.latencySeconds}"}[${w}])) / sum(rate(${LATENCY}_count[${w}]))`,
        },
    ]);
}

function burnAlerts(kind: "errors" | "slow", budget: number, what: string): AlertRule[] {
    return BURN_WINDOWS.map((w) => ({
        alert: `${kind === "errors" ? "Availability" : "Latency"}BudgetBurn${w.long}`,
        expr: `slo:api_${kind}:ratio_rate${w.long} > ${w.factor} * ${budget} and slo:api_${kind}:ratio_rate${w.short} > ${w.factor} * ${budget}`,
        labels: { severity: w.severity },
        annotations: {
            summary: `${what} error budget burning ${w.factor}x too fast (${w.long}/${w.short} windows)`,
            source: "seeds: SLO availability 99.95 %, p95 ≤ 250 ms; burn-rate windows per the SRE workbook",
        },
    }));
}

/** Every alert links its runbook (components/monitoring/runbooks.ts, rendered into the README). */
function withRunbooks(groups: RuleGroup[]): RuleGroup[] {
    return groups.map((g) => ({
        ...g,
        rules: g.rules.map((r) =>
            "alert" in r
                ? {
                      ...r,
                      annotations: {
                          ...r.annotations,
                          runbook_url: `${RUNBOOK_BASE}#${runbookAnchor(r.alert)}`,
                      },
                  }
                : r,
        ),
    }));
}

/** How many validators the chain runs: quorum is counted against it, not against the targets discovery still finds. */
export interface ChainSize {
    readonly validators: number;
}

/**
 * A pod that is gone (deleted, or Pending after its zone is lost) has no address, so DNS discovery drops
 * its target and `up` goes stale instead of 0: counts come from the declared size, not from `up` series.
 */
export function alertGroups(chain: ChainSize = { validators: 4 }): RuleGroup[] {
    const quorum = quorumOf(chain.validators);
    // The seeds keep 3 peers at least; a larger chain needs quorum − 1 others to reach quorum.
    const minimumPeers = Math.max(3, quorum - 1);
    const availabilityBudget = Number((1 - SLO.availability).toFixed(6));
    const latencyBudget = Number((1 - SLO.latencyQuantile).toFixed(6));
    return withRunbooks([
        {
            name: "chain",
            rules: [
                {
                    alert: "ValidatorDown",
                    expr: 'up{job="validators"} == 0',
                    for: "45s",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "Validator {{ $labels.instance }} is down",
                        description: "Three consecutive failed scrapes of its health and metrics.",
                        source: "seeds: validator down (3 consecutive failed health checks)",
                    },
                },
                {
                    alert: "RelayDown",
                    expr: 'up{job="relays"} == 0',
                    for: "45s",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "Relay {{ $labels.instance }} is down",
                        source: "design: relays behind the RPC endpoint",
                    },
                },
                // Quorum is 2f+1 of n = 3f+1: floor(2n/3) + 1 validators up. "or vector(0)": with every validator down, count() is empty.
                {
                    alert: "ValidatorsBelowQuorum",
                    expr: `(count(up{job="validators"} == 1) or vector(0)) < ${quorum}`,
                    for: "1m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary:
                            "Only {{ $value }} validators are up: below the 2f+1 consensus needs",
                        source: "seeds: consensus tolerates f of 3f+1 validators",
                    },
                },
                {
                    alert: "RelaysAllDown",
                    expr: '(count(up{job="relays"} == 1) or vector(0)) == 0',
                    for: "1m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "Every relay is down: the chain's RPC entry is gone",
                        source: "design: relays carry the public RPC path",
                    },
                },
                {
                    alert: "BlockProductionStopped",
                    expr: 'max(changes(dchat_block_height{job="validators"}[5m])) == 0',
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "No new block for 5 minutes",
                        source: "seeds: block production stopped (no new blocks for 5 minutes)",
                    },
                },
                {
                    alert: "ConsensusPeersLow",
                    expr: `min by (instance) (dchat_peer_count{job="validators"}) < ${minimumPeers}`,
                    for: "2m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: `Validator {{ $labels.instance }} sees {{ $value }} peers, fewer than ${minimumPeers}; consensus needs ${quorum} of ${chain.validators}`,
                        source: "seeds: peer disconnections (consensus < 3/4), keep 3 peers minimum",
                    },
                },
            ],
        },
        {
            name: "resources",
            rules: [
                {
                    alert: "ContainerHighCpu",
                    expr: 'sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!=""}[5m])) / sum by (namespace, pod, container) (kube_pod_container_resource_limits{resource="cpu"}) > 0.8',
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary:
                            "{{ $labels.container }} in {{ $labels.pod }} uses over 80 % of its CPU limit",
                        source: "seeds: high CPU usage (>80 % per container)",
                    },
                },
                {
                    alert: "ContainerHighMemory",
                    expr: 'sum by (namespace, pod, container) (container_memory_working_set_bytes{container!=""}) / sum by (namespace, pod, container) (kube_pod_container_resource_limits{resource="memory"}) > 0.9',
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary:
                            "{{ $labels.container }} in {{ $labels.pod }} uses over 90 % of its memory limit",
                        source: "seeds: high memory usage (>90 % per container)",
                    },
                },
                {
                    alert: "VolumeSpaceLow",
                    expr: "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.2",
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "Volume {{ $labels.persistentvolumeclaim }} has under 20 % free",
                        source: "seeds: disk space low (<20 % free)",
                    },
                },
                {
                    alert: "HostHighCpu",
                    expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) > 0.9',
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "{{ $labels.instance }} CPU above 90 % for 5 minutes",
                        source: "seeds: high CPU usage > 90 % for 5 minutes",
                    },
                },
                {
                    alert: "HostHighMemory",
                    expr: "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes > 0.95",
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "{{ $labels.instance }} memory above 95 % for 5 minutes",
                        source: "seeds: high memory usage > 95 % for 5 minutes",
                    },
                },
                {
                    alert: "HostDiskSpaceLow",
                    expr: 'node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs"} < 0.2',
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary:
                            "{{ $labels.instance }} {{ $labels.mountpoint }} has under 20 % free",
                        source: "seeds: disk space low (<20 % free)",
                    },
                },
            ],
        },
        {
            name: "edge",
            rules: [
                {
                    alert: "ApiServerDown",
                    expr: 'up{job="api"} == 0',
                    for: "2m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "API server {{ $labels.instance }} is down",
                        source: "operations: one of several API servers",
                    },
                },
                {
                    alert: "ApiDown",
                    expr: '(count(up{job="api"} == 1) or vector(0)) == 0 and count(up{job="api"}) > 0',
                    for: "2m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "Every API server is down",
                        source: "operations: the API is unavailable (Nginx answers 502)",
                    },
                },
                {
                    alert: "LoadBalancerDown",
                    expr: 'up{job="node", role="loadBalancer"} == 0 or nginx_up == 0',
                    for: "2m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "Load balancer {{ $labels.instance }} is down",
                        source: "operations: one of the Nginx load balancers",
                    },
                },
                {
                    alert: "PublicEndpointDown",
                    expr: 'probe_success{job="blackbox-https"} == 0',
                    for: "2m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary:
                            "{{ $labels.instance }} fails from the probe's view (through Nginx to the API and the relays)",
                        source: "seeds: availability SLO 99.95 %",
                    },
                },
            ],
        },
        {
            name: "platform",
            rules: [
                // Always firing: an external dead man's switch pages when it stops arriving (Prometheus or Alertmanager gone).
                {
                    alert: "Watchdog",
                    expr: "vector(1)",
                    labels: { severity: "none" },
                    annotations: {
                        summary: "Alerting works end to end (routed to the dead man's switch)",
                        source: "operations: who watches the watchers",
                    },
                },
                {
                    alert: "AlertmanagerDown",
                    expr: 'up{job="alertmanager"} == 0',
                    for: "5m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary:
                            "Alertmanager {{ $labels.instance }} is down: alerts are not delivered",
                        source: "operations",
                    },
                },
                {
                    alert: "NodeNotReady",
                    expr: 'kube_node_status_condition{condition="Ready", status="true"} == 0',
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "EKS node {{ $labels.node }} is not ready",
                        source: "operations: node groups per zone",
                    },
                },
            ],
        },
        {
            name: "api",
            rules: [
                {
                    alert: "HighErrorRate",
                    expr: `sum(rate(${API}{status=~"5.."}[5m])) / sum(rate(${API}[5m])) > 0.01`,
                    for: "5m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "5xx error rate above 1 %",
                        source: "seeds: HighErrorRate (5xx > 1 % for 5 minutes)",
                    },
                },
                {
                    alert: "HighLatency",
                    expr: `histogram_quantile(0.95, sum by (le) (rate(${LATENCY}_bucket[5m]))) > ${SLO.latencySeconds}`,
                    for: "10m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: `p${SLO.latencyQuantile * 100} latency above the ${SLO.latencySeconds * 1000} ms SLO`,
                        source: "seeds: HighLatency (p95 > 0.25 s for 10 minutes)",
                    },
                },
                {
                    alert: "ErrorBudgetExhausted",
                    expr: "hashinsight_slo_error_budget_remaining < 0.1",
                    for: "5m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "Less than 10 % of the SLO error budget remains",
                        source: "seeds: ErrorBudgetExhausted (< 0.1 remaining)",
                    },
                },
                {
                    alert: "DatabaseConnectionFailure",
                    expr: "hashinsight_db_connection_status == 0",
                    for: "2m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "The API cannot reach PostgreSQL",
                        source: "seeds: DatabaseConnectionFailure (for 2 minutes)",
                    },
                },
                {
                    alert: "LowCacheHitRate",
                    expr: "hashinsight_cache_hit_rate < 50",
                    for: "15m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "Cache hit rate {{ $value }} % is under 50 %",
                        source: "seeds: LowCacheHitRate (< 50 % for 15 minutes)",
                    },
                },
                {
                    alert: "CertificateExpiresSoon",
                    expr: "probe_ssl_earliest_cert_expiry - time() < 30 * 86400",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "The public certificate expires in under 30 days",
                        source: "seeds: SSL certificate expiry < 30 days",
                    },
                },
            ],
        },
        // One group, recordings first: Prometheus evaluates a group's rules in order at one timestamp, so each
        // burn alert reads this evaluation's ratios, not the previous one's (a lag, or nothing after a restart).
        {
            name: "slo",
            rules: [
                ...sloRecordings(),
                ...burnAlerts("errors", availabilityBudget, "Availability"),
                ...burnAlerts("slow", latencyBudget, "Latency"),
            ],
        },
        {
            name: "data",
            rules: [
                {
                    alert: "DatabaseDown",
                    expr: "pg_up == 0",
                    for: "1m",
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "PostgreSQL {{ $labels.instance }} is unreachable",
                        source: "seeds: database down for 1 minute",
                    },
                },
                {
                    alert: "DatabaseReplicaLag",
                    expr: "pg_replication_lag_seconds > 30",
                    for: "5m",
                    labels: { severity: "warning" },
                    annotations: {
                        summary: "Replica {{ $labels.instance }} lags {{ $value }} s",
                        source: "operations: replicas serve reads; lag beyond 30 s serves stale data",
                    },
                },
                {
                    alert: "RedisDown",
                    expr: "redis_up == 0",
                    for: "1m",
                    labels: { severity: "critical" },
                    annotations: { summary: "Redis is unreachable", source: "operations" },
                },
                {
                    alert: "BackupJobFailed",
                    expr: `kube_job_failed{namespace="${NAMESPACES.backups}", condition="true"} == 1`,
                    labels: { severity: "critical" },
                    annotations: {
                        summary: "Backup job {{ $labels.job_name }} failed",
                        source: "seeds: backups with integrity checks; a failed job breaks the RPO",
                    },
                },
                {
                    alert: "BackupsStale",
                    expr: `time() - kube_cronjob_status_last_successful_time{namespace="${NAMESPACES.backups}", cronjob=~".*-${DAILY.name}"} > ${DAILY_STALE_HOURS} * 3600`,
                    labels: { severity: "critical" },
                    annotations: {
                        summary: `No successful ${DAILY.name} backup ({{ $labels.cronjob }}) for over ${DAILY_STALE_HOURS} hours`,
                        source: "seeds: daily backups kept 30 days",
                    },
                },
            ],
        },
    ]);
}

export function renderRules(groups: readonly RuleGroup[]): string {
    return stringify(
        { groups: groups.map((g) => ({ name: g.name, rules: g.rules.map((r) => ({ ...r })) })) },
        { lineWidth: 0 },
    );
}
