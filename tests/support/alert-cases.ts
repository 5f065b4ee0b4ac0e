/**
 * Synthetic series for `promtool test rules`: for every alert, one input at its threshold that must
 * fire and one just below that must stay silent.
 */
export interface AlertCase {
    readonly alert: string;
    /** Step of the input series. */
    readonly interval: string;
    readonly evalTime: string;
    readonly firing: Readonly<Record<string, string>>;
    /** Absent for the watchdog, which fires always. */
    readonly silent?: Readonly<Record<string, string>>;
    /** Labels the alert carries besides alertname and severity. */
    readonly labels?: Readonly<Record<string, string>>;
    /** Rendered {{ $value }}, when the annotations use it. */
    readonly value?: string;
}

const V = 'job="validators", instance="10.30.1.10:9101"';
const C = 'namespace="chain", pod="validator-0", container="validator"';
const H = 'instance="10.30.9.232:9100"';
const FS = `${H}, fstype="ext4", mountpoint="/"`;
const PVC = 'namespace="chain", persistentvolumeclaim="data-validator-0"';
const REQ = "hashinsight_requests_total";
const LAT = "hashinsight_request_latency_seconds_bucket";

/** Four validators' scrapes, `up` of them answering. */
const validatorsUp = (up: number) =>
    Object.fromEntries(
        [0, 1, 2, 3].map((i) => [
            `up{job="validators", instance="10.30.1.${10 + i}:9101"}`,
            `${i < up ? 1 : 0}x10`,
        ]),
    );

/** Requests at `perStep` per step of which `errorsPerStep` are 5xx. */
const requests = (perStep: number, errorsPerStep: number, steps: number) => ({
    [`${REQ}{status="200"}`]: `0+${perStep - errorsPerStep}x${steps}`,
    [`${REQ}{status="500"}`]: `0+${errorsPerStep}x${steps}`,
});
/** Latency histogram with `fastPerStep` of 100 requests per step under 250 ms. */
const latency = (fastPerStep: number, steps: number) => ({
    [`${LAT}{le="0.1"}`]: `0+${Math.min(50, fastPerStep)}x${steps}`,
    [`${LAT}{le="0.25"}`]: `0+${fastPerStep}x${steps}`,
    [`${LAT}{le="0.5"}`]: `0+100x${steps}`,
    [`${LAT}{le="+Inf"}`]: `0+100x${steps}`,
    hashinsight_request_latency_seconds_count: `0+100x${steps}`,
});

export const ALERT_CASES: readonly AlertCase[] = [
    {
        alert: "ValidatorDown",
        interval: "15s",
        evalTime: "1m",
        firing: { [`up{${V}}`]: "0x10" },
        silent: { [`up{${V}}`]: "1x10" },
        labels: { job: "validators", instance: "10.30.1.10:9101" },
    },
    {
        alert: "RelayDown",
        interval: "15s",
        evalTime: "1m",
        firing: { 'up{job="relays", instance="10.30.2.20:9102"}': "0x10" },
        silent: { 'up{job="relays", instance="10.30.2.20:9102"}': "1x10" },
        labels: { job: "relays", instance: "10.30.2.20:9102" },
    },
    // Two of four validators up is below quorum (3); three is not.
    {
        alert: "ValidatorsBelowQuorum",
        interval: "15s",
        evalTime: "2m",
        firing: validatorsUp(2),
        silent: validatorsUp(3),
        value: "2",
    },
    {
        alert: "RelaysAllDown",
        interval: "15s",
        evalTime: "2m",
        firing: {
            'up{job="relays", instance="a"}': "0x10",
            'up{job="relays", instance="b"}': "0x10",
        },
        silent: {
            'up{job="relays", instance="a"}': "0x10",
            'up{job="relays", instance="b"}': "1x10",
        },
    },
    {
        alert: "ApiServerDown",
        interval: "15s",
        evalTime: "3m",
        firing: { 'up{job="api", instance="10.30.3.30:8080"}': "0x15" },
        silent: { 'up{job="api", instance="10.30.3.30:8080"}': "1x15" },
        labels: { job: "api", instance: "10.30.3.30:8080" },
    },
    {
        alert: "ApiDown",
        interval: "15s",
        evalTime: "3m",
        firing: { 'up{job="api", instance="a"}': "0x15", 'up{job="api", instance="b"}': "0x15" },
        silent: { 'up{job="api", instance="a"}': "0x15", 'up{job="api", instance="b"}': "1x15" },
    },
    {
        alert: "LoadBalancerDown",
        interval: "15s",
        evalTime: "3m",
        firing: { 'up{job="node", role="loadBalancer", instance="10.30.240.10:9100"}': "0x15" },
        silent: { 'up{job="node", role="loadBalancer", instance="10.30.240.10:9100"}': "1x15" },
        labels: { job: "node", role: "loadBalancer", instance: "10.30.240.10:9100" },
    },
    {
        alert: "PublicEndpointDown",
        interval: "15s",
        evalTime: "3m",
        firing: {
            'probe_success{job="blackbox-https", instance="https://api.example.com/health"}':
                "0x15",
        },
        silent: {
            'probe_success{job="blackbox-https", instance="https://api.example.com/health"}':
                "1x15",
        },
        labels: { job: "blackbox-https", instance: "https://api.example.com/health" },
    },
    { alert: "Watchdog", interval: "15s", evalTime: "1m", firing: { up: "1x5" } },
    {
        alert: "AlertmanagerDown",
        interval: "15s",
        evalTime: "6m",
        firing: { 'up{job="alertmanager", instance="10.30.4.40:9093"}': "0x30" },
        silent: { 'up{job="alertmanager", instance="10.30.4.40:9093"}': "1x30" },
        labels: { job: "alertmanager", instance: "10.30.4.40:9093" },
    },
    {
        alert: "NodeNotReady",
        interval: "15s",
        evalTime: "6m",
        firing: {
            'kube_node_status_condition{node="ip-10-30-1-5", condition="Ready", status="true"}':
                "0x30",
        },
        silent: {
            'kube_node_status_condition{node="ip-10-30-1-5", condition="Ready", status="true"}':
                "1x30",
        },
        labels: { node: "ip-10-30-1-5", condition: "Ready", status: "true" },
    },
    {
        alert: "BlockProductionStopped",
        interval: "15s",
        evalTime: "10m",
        firing: { [`dchat_block_height{${V}}`]: "100x40" },
        silent: { [`dchat_block_height{${V}}`]: "100+1x40" },
    },
    {
        alert: "ConsensusPeersLow",
        interval: "15s",
        evalTime: "5m",
        firing: { [`dchat_peer_count{${V}}`]: "2x20" },
        silent: { [`dchat_peer_count{${V}}`]: "3x20" },
        labels: { instance: "10.30.1.10:9101" },
        value: "2",
    },
    {
        alert: "ContainerHighCpu",
        interval: "15s",
        evalTime: "15m",
        firing: {
            [`container_cpu_usage_seconds_total{${C}}`]: "0+13.5x60",
            [`kube_pod_container_resource_limits{${C}, resource="cpu"}`]: "1x60",
        },
        silent: {
            [`container_cpu_usage_seconds_total{${C}}`]: "0+11.25x60",
            [`kube_pod_container_resource_limits{${C}, resource="cpu"}`]: "1x60",
        },
        labels: { namespace: "chain", pod: "validator-0", container: "validator" },
    },
    {
        alert: "ContainerHighMemory",
        interval: "15s",
        evalTime: "10m",
        firing: {
            [`container_memory_working_set_bytes{${C}}`]: "950x40",
            [`kube_pod_container_resource_limits{${C}, resource="memory"}`]: "1000x40",
        },
        silent: {
            [`container_memory_working_set_bytes{${C}}`]: "850x40",
            [`kube_pod_container_resource_limits{${C}, resource="memory"}`]: "1000x40",
        },
        labels: { namespace: "chain", pod: "validator-0", container: "validator" },
    },
    {
        alert: "VolumeSpaceLow",
        interval: "15s",
        evalTime: "10m",
        firing: {
            [`kubelet_volume_stats_available_bytes{${PVC}}`]: "10x40",
            [`kubelet_volume_stats_capacity_bytes{${PVC}}`]: "100x40",
        },
        silent: {
            [`kubelet_volume_stats_available_bytes{${PVC}}`]: "30x40",
            [`kubelet_volume_stats_capacity_bytes{${PVC}}`]: "100x40",
        },
        labels: { namespace: "chain", persistentvolumeclaim: "data-validator-0" },
    },
    {
        alert: "HostHighCpu",
        interval: "15s",
        evalTime: "15m",
        firing: { [`node_cpu_seconds_total{${H}, cpu="0", mode="idle"}`]: "0+0.75x60" },
        silent: { [`node_cpu_seconds_total{${H}, cpu="0", mode="idle"}`]: "0+3x60" },
        labels: { instance: "10.30.9.232:9100" },
    },
    {
        alert: "HostHighMemory",
        interval: "15s",
        evalTime: "10m",
        firing: {
            [`node_memory_MemAvailable_bytes{${H}}`]: "4x40",
            [`node_memory_MemTotal_bytes{${H}}`]: "100x40",
        },
        silent: {
            [`node_memory_MemAvailable_bytes{${H}}`]: "10x40",
            [`node_memory_MemTotal_bytes{${H}}`]: "100x40",
        },
        labels: { instance: "10.30.9.232:9100" },
    },
    {
        alert: "HostDiskSpaceLow",
        interval: "15s",
        evalTime: "10m",
        firing: {
            [`node_filesystem_avail_bytes{${FS}}`]: "15x40",
            [`node_filesystem_size_bytes{${FS}}`]: "100x40",
        },
        silent: {
            [`node_filesystem_avail_bytes{${FS}}`]: "25x40",
            [`node_filesystem_size_bytes{${FS}}`]: "100x40",
        },
        labels: { instance: "10.30.9.232:9100", fstype: "ext4", mountpoint: "/" },
    },
    {
        alert: "HighErrorRate",
        interval: "15s",
        evalTime: "15m",
        firing: requests(100, 2, 60),
        silent: requests(100, 0.5, 60),
    },
    {
        alert: "HighLatency",
        interval: "15s",
        evalTime: "20m",
        firing: latency(80, 80),
        silent: latency(98, 80),
    },
    {
        alert: "ErrorBudgetExhausted",
        interval: "15s",
        evalTime: "10m",
        firing: { hashinsight_slo_error_budget_remaining: "0.05x40" },
        silent: { hashinsight_slo_error_budget_remaining: "0.2x40" },
    },
    {
        alert: "DatabaseConnectionFailure",
        interval: "15s",
        evalTime: "5m",
        firing: { hashinsight_db_connection_status: "0x20" },
        silent: { hashinsight_db_connection_status: "1x20" },
    },
    {
        alert: "LowCacheHitRate",
        interval: "1m",
        evalTime: "30m",
        firing: { hashinsight_cache_hit_rate: "40x30" },
        silent: { hashinsight_cache_hit_rate: "60x30" },
        value: "40",
    },
    {
        alert: "CertificateExpiresSoon",
        interval: "1m",
        evalTime: "5m",
        firing: {
            'probe_ssl_earliest_cert_expiry{instance="https://api.example.com/healthz"}': `${20 * 86400}x10`,
        },
        silent: {
            'probe_ssl_earliest_cert_expiry{instance="https://api.example.com/healthz"}': `${40 * 86400}x10`,
        },
        labels: { instance: "https://api.example.com/healthz" },
    },
    {
        alert: "DatabaseDown",
        interval: "15s",
        evalTime: "5m",
        firing: { 'pg_up{instance="primary"}': "0x20" },
        silent: { 'pg_up{instance="primary"}': "1x20" },
        labels: { instance: "primary" },
    },
    {
        alert: "DatabaseReplicaLag",
        interval: "15s",
        evalTime: "10m",
        firing: { 'pg_replication_lag_seconds{instance="replica-1"}': "60x40" },
        silent: { 'pg_replication_lag_seconds{instance="replica-1"}': "10x40" },
        labels: { instance: "replica-1" },
        value: "60",
    },
    {
        alert: "RedisDown",
        interval: "15s",
        evalTime: "5m",
        firing: { redis_up: "0x20" },
        silent: { redis_up: "1x20" },
    },
    {
        alert: "BackupJobFailed",
        interval: "15s",
        evalTime: "1m",
        firing: {
            'kube_job_failed{namespace="backups", job_name="backup-postgres-daily-1", condition="true"}':
                "1x5",
        },
        silent: {
            'kube_job_failed{namespace="backups", job_name="backup-postgres-daily-1", condition="true"}':
                "0x5",
        },
        labels: { namespace: "backups", job_name: "backup-postgres-daily-1", condition: "true" },
    },
    {
        alert: "BackupsStale",
        interval: "1h",
        evalTime: "27h",
        firing: {
            'kube_cronjob_status_last_successful_time{namespace="backups", cronjob="backup-postgres-daily"}':
                "0x30",
        },
        silent: {
            'kube_cronjob_status_last_successful_time{namespace="backups", cronjob="backup-postgres-daily"}':
                "7200x30",
        },
        labels: { namespace: "backups", cronjob: "backup-postgres-daily" },
    },
    // Availability budget 0.05 %: 1 h/5 m burn at 14.4x (0.72 %), 6 h/30 m at 6x (0.3 %), 3 d/6 h at 1x (0.05 %).
    {
        alert: "AvailabilityBudgetBurn1h",
        interval: "2m",
        evalTime: "2h",
        firing: requests(1000, 10, 65),
        silent: requests(1000, 5, 65),
    },
    {
        alert: "AvailabilityBudgetBurn6h",
        interval: "5m",
        evalTime: "7h",
        firing: requests(1000, 4, 90),
        silent: requests(1000, 2, 90),
    },
    {
        alert: "AvailabilityBudgetBurn3d",
        interval: "30m",
        evalTime: "73h",
        firing: requests(10000, 8, 150),
        silent: requests(10000, 3, 150),
    },
    // Latency budget 5 % of requests over 250 ms: 72 %, 30 %, 5 % slow.
    {
        alert: "LatencyBudgetBurn1h",
        interval: "2m",
        evalTime: "2h",
        firing: latency(20, 65),
        silent: latency(40, 65),
    },
    {
        alert: "LatencyBudgetBurn6h",
        interval: "5m",
        evalTime: "7h",
        firing: latency(60, 90),
        silent: latency(75, 90),
    },
    {
        alert: "LatencyBudgetBurn3d",
        interval: "30m",
        evalTime: "73h",
        firing: latency(92, 150),
        silent: latency(97, 150),
    },
];
