/**
 * Failure scenarios: one entry per way the platform fails, as synthetic series laid over a healthy
 * platform, and exactly the alerts that must fire (name, severity, the labels that name what failed).
 * `tests/components/scenarios.spec.ts` runs each through `promtool test rules` against the rendered rules, with
 * every other alert expected silent; the README's scenario table is generated from this list.
 * Adding a failure mode is one entry. Pure data.
 */

/** Series of a healthy platform: four validators and relays, two API servers and load balancers. */
export const VALIDATORS = ["10.30.0.10", "10.30.16.10", "10.30.32.10", "10.30.48.10"].map(
    (ip) => `${ip}:9101`,
);
export const RELAYS = ["10.30.0.20", "10.30.16.20", "10.30.32.20", "10.30.48.20"].map(
    (ip) => `${ip}:9102`,
);
export const API_SERVERS = ["10.30.0.30:8080", "10.30.16.30:8080"];
export const LOAD_BALANCERS = ["10.30.240.10", "10.30.241.10"];
export const PROBES = [
    "https://api.chain.example.com/health",
    "https://api.chain.example.com/rpc/health",
];
export const NODES = ["ip-10-30-0-5", "ip-10-30-0-6", "ip-10-30-16-5", "ip-10-30-16-6"];

const STEPS = 100; // 15 s apart: the scenario is evaluated after 20 minutes, past the longest "for" (15 m)
const flat = (value: number) => `${value}x${STEPS}`;

export function healthySeries(): Record<string, string> {
    return {
        ...Object.fromEntries(
            VALIDATORS.map((i) => [`up{job="validators", instance="${i}"}`, flat(1)]),
        ),
        ...Object.fromEntries(
            VALIDATORS.map((i) => [
                `dchat_block_height{job="validators", instance="${i}"}`,
                `100+1x${STEPS}`,
            ]),
        ),
        ...Object.fromEntries(
            VALIDATORS.map((i) => [`dchat_peer_count{job="validators", instance="${i}"}`, flat(3)]),
        ),
        ...Object.fromEntries(RELAYS.map((i) => [`up{job="relays", instance="${i}"}`, flat(1)])),
        ...Object.fromEntries(API_SERVERS.map((i) => [`up{job="api", instance="${i}"}`, flat(1)])),
        ...Object.fromEntries(
            LOAD_BALANCERS.map((ip) => [
                `up{job="node", role="loadBalancer", instance="${ip}:9100"}`,
                flat(1),
            ]),
        ),
        ...Object.fromEntries(
            LOAD_BALANCERS.map((ip) => [
                `nginx_up{job="nginx-exporter", instance="${ip}:9103"}`,
                flat(1),
            ]),
        ),
        ...Object.fromEntries(
            PROBES.map((p) => [`probe_success{job="blackbox-https", instance="${p}"}`, flat(1)]),
        ),
        ...Object.fromEntries(
            PROBES.map((p) => [
                `probe_ssl_earliest_cert_expiry{job="blackbox-https", instance="${p}"}`,
                flat(60 * 86400),
            ]),
        ),
        'pg_up{instance="primary"}': flat(1),
        'pg_up{instance="replica-1"}': flat(1),
        'pg_replication_lag_seconds{instance="replica-1"}': flat(1),
        hashinsight_db_connection_status: flat(1),
        hashinsight_cache_hit_rate: flat(90),
        hashinsight_slo_error_budget_remaining: flat(0.9),
        redis_up: flat(1),
        'up{job="alertmanager", instance="10.30.0.40:9093"}': flat(1),
        ...Object.fromEntries(
            NODES.map((n) => [
                `kube_node_status_condition{node="${n}", condition="Ready", status="true"}`,
                flat(1),
            ]),
        ),
        // A job that failed once and then succeeded counts a failed pod, but its Failed condition stays false.
        'kube_job_status_failed{namespace="backups", job_name="backup-postgres-daily-1"}': flat(1),
        'kube_job_failed{namespace="backups", job_name="backup-postgres-daily-1", condition="true"}':
            flat(0),
        'kube_cronjob_status_last_successful_time{namespace="backups", cronjob="backup-postgres-daily"}':
            flat(1000),
    };
}

export interface ExpectedAlert {
    readonly alert: string;
    /** The alert's labels besides alertname and severity (what names the failed thing). */
    readonly labels?: Readonly<Record<string, string>>;
    /** {{ $value }} in the summary, when it uses it. */
    readonly value?: string;
}

export interface Scenario {
    readonly name: string;
    /** Series that differ from the healthy platform. */
    readonly series: Readonly<Record<string, string>>;
    /** Every alert that must fire besides the watchdog; any other fires is a failure. */
    readonly fires: readonly ExpectedAlert[];
    /** Who hears of it, for the README (from the severities and routes). */
    readonly note?: string;
}

const down = (series: string) => ({ [series]: flat(0) });
const validatorDown = (i: string) => ({
    alert: "ValidatorDown",
    labels: { job: "validators", instance: i },
});
const relayDown = (i: string) => ({ alert: "RelayDown", labels: { job: "relays", instance: i } });
const apiServerDown = (i: string) => ({
    alert: "ApiServerDown",
    labels: { job: "api", instance: i },
});
const lbDown = (ip: string) => [
    {
        alert: "LoadBalancerDown",
        labels: { job: "node", role: "loadBalancer", instance: `${ip}:9100` },
    },
    { alert: "LoadBalancerDown", labels: { job: "nginx-exporter", instance: `${ip}:9103` } },
];
const lbSeriesDown = (ip: string) => ({
    ...down(`up{job="node", role="loadBalancer", instance="${ip}:9100"}`),
    ...down(`nginx_up{job="nginx-exporter", instance="${ip}:9103"}`),
});
const probeDown = (p: string) => ({
    alert: "PublicEndpointDown",
    labels: { job: "blackbox-https", instance: p },
});
const stalledBlocks = (instances: readonly string[]) =>
    Object.fromEntries(
        instances.map((i) => [`dchat_block_height{job="validators", instance="${i}"}`, flat(100)]),
    );

export const SCENARIOS: readonly Scenario[] = [
    { name: "healthy platform", series: {}, fires: [] },
    {
        name: "every API server down (Nginx answers 502, /healthz still 200)",
        series: {
            ...Object.assign({}, ...API_SERVERS.map((i) => down(`up{job="api", instance="${i}"}`))),
            ...down(`probe_success{job="blackbox-https", instance="${PROBES[0]}"}`),
        },
        fires: [{ alert: "ApiDown" }, ...API_SERVERS.map(apiServerDown), probeDown(PROBES[0]!)],
    },
    {
        name: "one API server down",
        series: down(`up{job="api", instance="${API_SERVERS[0]}"}`),
        fires: [apiServerDown(API_SERVERS[0]!)],
    },
    {
        name: "one load balancer down",
        series: lbSeriesDown(LOAD_BALANCERS[0]!),
        fires: lbDown(LOAD_BALANCERS[0]!),
    },
    {
        name: "both load balancers down",
        series: {
            ...lbSeriesDown(LOAD_BALANCERS[0]!),
            ...lbSeriesDown(LOAD_BALANCERS[1]!),
            ...Object.assign(
                {},
                ...PROBES.map((p) => down(`probe_success{job="blackbox-https", instance="${p}"}`)),
            ),
        },
        fires: [
            ...lbDown(LOAD_BALANCERS[0]!),
            ...lbDown(LOAD_BALANCERS[1]!),
            ...PROBES.map(probeDown),
        ],
    },
    {
        name: "public endpoint serving errors while /healthz is fine",
        series: down(`probe_success{job="blackbox-https", instance="${PROBES[0]}"}`),
        fires: [probeDown(PROBES[0]!)],
    },
    {
        name: "every relay down",
        series: {
            ...Object.assign({}, ...RELAYS.map((i) => down(`up{job="relays", instance="${i}"}`))),
            ...down(`probe_success{job="blackbox-https", instance="${PROBES[1]}"}`),
        },
        fires: [...RELAYS.map(relayDown), { alert: "RelaysAllDown" }, probeDown(PROBES[1]!)],
    },
    {
        name: "one relay down",
        series: down(`up{job="relays", instance="${RELAYS[0]}"}`),
        fires: [relayDown(RELAYS[0]!)],
    },
    {
        name: "validators below quorum (two of four down; the chain halts)",
        series: {
            ...down(`up{job="validators", instance="${VALIDATORS[0]}"}`),
            ...down(`up{job="validators", instance="${VALIDATORS[1]}"}`),
            ...stalledBlocks(VALIDATORS),
        },
        fires: [
            validatorDown(VALIDATORS[0]!),
            validatorDown(VALIDATORS[1]!),
            { alert: "ValidatorsBelowQuorum", value: "2" },
            { alert: "BlockProductionStopped" },
        ],
    },
    {
        // Pods gone (deleted, or Pending after their zone went) leave DNS discovery: their series vanish instead of reading 0.
        name: "two validators gone from discovery",
        series: Object.fromEntries(
            VALIDATORS.slice(0, 2)
                .flatMap((i) => [
                    [`up{job="validators", instance="${i}"}`, "_x100"],
                    [`dchat_block_height{job="validators", instance="${i}"}`, "_x100"],
                    [`dchat_peer_count{job="validators", instance="${i}"}`, "_x100"],
                ])
                .concat(Object.entries(stalledBlocks(VALIDATORS.slice(2)))),
        ),
        fires: [
            { alert: "ValidatorsBelowQuorum", value: "2" },
            { alert: "BlockProductionStopped" },
        ],
    },
    {
        name: "one validator down (quorum holds)",
        series: down(`up{job="validators", instance="${VALIDATORS[0]}"}`),
        fires: [validatorDown(VALIDATORS[0]!)],
    },
    {
        name: "validators up but no block produced",
        series: stalledBlocks(VALIDATORS),
        fires: [{ alert: "BlockProductionStopped" }],
    },
    {
        name: "PostgreSQL primary down",
        series: {
            ...down('pg_up{instance="primary"}'),
            ...down("hashinsight_db_connection_status"),
        },
        fires: [
            { alert: "DatabaseDown", labels: { instance: "primary" } },
            { alert: "DatabaseConnectionFailure" },
        ],
    },
    {
        name: "a replica lagging",
        series: { 'pg_replication_lag_seconds{instance="replica-1"}': flat(120) },
        fires: [{ alert: "DatabaseReplicaLag", labels: { instance: "replica-1" }, value: "120" }],
    },
    { name: "Redis down", series: down("redis_up"), fires: [{ alert: "RedisDown" }] },
    {
        name: "the cache cold",
        series: { hashinsight_cache_hit_rate: flat(20) },
        fires: [{ alert: "LowCacheHitRate", value: "20" }],
    },
    {
        name: "a backup failed",
        series: {
            'kube_job_failed{namespace="backups", job_name="backup-postgres-daily-1", condition="true"}':
                flat(1),
        },
        fires: [
            {
                alert: "BackupJobFailed",
                labels: {
                    namespace: "backups",
                    job_name: "backup-postgres-daily-1",
                    condition: "true",
                },
            },
        ],
    },
    {
        name: "certificate expiring",
        series: Object.fromEntries(
            PROBES.map((p) => [
                `probe_ssl_earliest_cert_expiry{job="blackbox-https", instance="${p}"}`,
                flat(10 * 86400),
            ]),
        ),
        fires: PROBES.map((p) => ({
            alert: "CertificateExpiresSoon",
            labels: { job: "blackbox-https", instance: p },
        })),
    },
    {
        name: "a node group gone (one zone's nodes not ready)",
        series: {
            ...down(
                `kube_node_status_condition{node="${NODES[0]}", condition="Ready", status="true"}`,
            ),
            ...down(
                `kube_node_status_condition{node="${NODES[1]}", condition="Ready", status="true"}`,
            ),
        },
        fires: NODES.slice(0, 2).map((n) => ({
            alert: "NodeNotReady",
            labels: { node: n, condition: "Ready", status: "true" },
        })),
    },
    {
        name: "Alertmanager down",
        series: down('up{job="alertmanager", instance="10.30.0.40:9093"}'),
        fires: [
            {
                alert: "AlertmanagerDown",
                labels: { job: "alertmanager", instance: "10.30.0.40:9093" },
            },
        ],
        note: "Prometheus fires it; the watchdog's heartbeats stop too, so the external dead man's switch pages",
    },
    {
        name: "an AZ lost (everything in zone a at once)",
        series: {
            ...down(`up{job="validators", instance="${VALIDATORS[0]}"}`),
            ...down(`up{job="relays", instance="${RELAYS[0]}"}`),
            ...down(`up{job="api", instance="${API_SERVERS[0]}"}`),
            ...lbSeriesDown(LOAD_BALANCERS[0]!),
            ...down(
                `kube_node_status_condition{node="${NODES[0]}", condition="Ready", status="true"}`,
            ),
            ...down(
                `kube_node_status_condition{node="${NODES[1]}", condition="Ready", status="true"}`,
            ),
        },
        fires: [
            validatorDown(VALIDATORS[0]!),
            relayDown(RELAYS[0]!),
            apiServerDown(API_SERVERS[0]!),
            ...lbDown(LOAD_BALANCERS[0]!),
            ...NODES.slice(0, 2).map((n) => ({
                alert: "NodeNotReady",
                labels: { node: n, condition: "Ready", status: "true" },
            })),
        ],
        note: "quorum, the relay path and the API hold: no ValidatorsBelowQuorum, RelaysAllDown or ApiDown",
    },
];

/** The backups-stale scenario needs a day of series; it is its own, coarser, test. */
export const STALE_BACKUPS: Scenario = {
    name: "backups stale (no successful daily backup for over 26 hours)",
    series: {},
    fires: [
        {
            alert: "BackupsStale",
            labels: { namespace: "backups", cronjob: "backup-postgres-daily" },
        },
    ],
};
