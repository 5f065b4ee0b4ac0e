/**
 * What the on-call engineer checks and does for each alert. Every alert's `runbook_url` annotation
 * links its README section, which is generated from this table (tests hold both complete). Pure data.
 */
export interface Runbook {
    readonly check: string;
    readonly act: string;
}

const BURN = (what: string): Runbook => ({
    check: `The SLO dashboard: which ${what} window burns, since when, which endpoints; a deploy or an upstream (database, relays) at that time.`,
    act: "Roll back the last deploy if it matches; otherwise treat it as the underlying outage (API, database, relays) and keep the error budget in mind for releases.",
});

export const RUNBOOKS: Readonly<Record<string, Runbook>> = {
    ValidatorDown: {
        check: "`kubectl -n chain get pod validator-<n>-0 -o wide` and its events; the pod's zone and node; whether its key secret has a value (init container waiting).",
        act: "Let Kubernetes reschedule; if the node is gone, the PVC follows its zone: check the node group of that zone. Write the key if the init container waits.",
    },
    RelayDown: {
        check: "`kubectl -n chain get pods -l app.kubernetes.io/component=relay -o wide`, the pod's logs and events.",
        act: "Other relays carry the RPC path; restart the pod if it is stuck, and check its node.",
    },
    ValidatorsBelowQuorum: {
        check: "How many validators are up and which zones they are in (`ValidatorDown` alerts); whether a zone or the node groups are down.",
        act: "Consensus is halted: restore validators first (nodes, volumes, keys); never run two copies of one validator's key.",
    },
    RelaysAllDown: {
        check: "The relay StatefulSet, its PDB and the nodes; the internal NLB's target health.",
        act: "Restore at least one relay; `/rpc/` answers 502 until then.",
    },
    BlockProductionStopped: {
        check: "`dchat_block_height` per validator; logs of the producers; quorum (`ValidatorsBelowQuorum`).",
        act: "Restore quorum; if all are up, restart the producers one at a time and escalate to the chain's maintainers.",
    },
    ConsensusPeersLow: {
        check: "`dchat_peer_count` per validator; NetworkPolicies and the p2p port; relays.",
        act: "Restore the missing peers; check that nothing narrowed the chain's flows.",
    },
    ContainerHighCpu: {
        check: "The container's CPU against its limit over the last hours; traffic; a stuck loop in its logs.",
        act: "Scale or raise the limit in code (seeds' sizes are the floor); restart a stuck process.",
    },
    ContainerHighMemory: {
        check: "Working set against the limit; growth over time (a leak) versus load.",
        act: "Raise the limit or fix the leak before the OOM killer restarts it.",
    },
    VolumeSpaceLow: {
        check: "Which PVC, its growth rate, retention settings.",
        act: "Expand the volume (the storage class allows expansion) or prune; never delete chain data by hand.",
    },
    HostHighCpu: {
        check: "The host's top processes (SSM Session Manager); its role (Nginx, API, hub).",
        act: "Relieve the load (scale out API servers) or resize the instance type.",
    },
    HostHighMemory: {
        check: "The host's memory by process.",
        act: "Restart the leaking service; resize if it is the load.",
    },
    HostDiskSpaceLow: {
        check: "`df -h` and the largest directories (logs, Docker images).",
        act: "Clean logs and unused images; grow the root volume.",
    },
    ApiServerDown: {
        check: "The server's status checks and the API service (`systemctl status platform-api` through SSM); its last user-data run.",
        act: "The other servers carry the traffic; restart the service or replace the instance.",
    },
    ApiDown: {
        check: "Every API server (`ApiServerDown`); the database and Redis (`DatabaseDown`, `RedisDown`); the last deploy.",
        act: "Users see 502: restore one server first (restart, roll back the image), then the rest.",
    },
    LoadBalancerDown: {
        check: "The instance's status checks, `systemctl status nginx`, the certificate timer; Route 53 takes it out of DNS while its health check fails.",
        act: "Restart Nginx or replace the instance (its Elastic IP stays on its interface).",
    },
    PublicEndpointDown: {
        check: "Which probe fails (/health: the API; /rpc/health: the relays); `curl` it from outside; Nginx's error log.",
        act: "Follow the failing path's alert (ApiDown, RelaysAllDown, LoadBalancerDown); a certificate or DNS problem shows here first.",
    },
    Watchdog: {
        check: "Nothing: it always fires. The dead man's switch pages when it stops arriving.",
        act: "If the switch pages: Prometheus or Alertmanager (or their zone) is gone; restore them.",
    },
    AlertmanagerDown: {
        check: "The Alertmanager pod, its init container (waiting for a receiver secret?), its node.",
        act: "Restore it; until then no alert is delivered (the dead man's switch pages).",
    },
    NodeNotReady: {
        check: "`kubectl get nodes`; the node group's health in EKS; the zone.",
        act: "Managed node groups replace unhealthy nodes; cordon and drain a node that flaps.",
    },
    HighErrorRate: {
        check: "Which endpoints return 5xx, the API's logs, the database and Redis.",
        act: "Roll back a bad deploy; fix the failing dependency.",
    },
    HighLatency: {
        check: "Slow endpoints, database query times, Redis hit rate.",
        act: "Scale API servers, fix the slow query, warm the cache.",
    },
    ErrorBudgetExhausted: {
        check: "The SLO dashboard: what consumed the budget.",
        act: "Freeze risky releases until the budget recovers.",
    },
    DatabaseConnectionFailure: {
        check: "The API's database errors, `DatabaseDown`, security groups, the master secret.",
        act: "Restore connectivity; after a failover, clients reconnect to the same endpoint.",
    },
    LowCacheHitRate: {
        check: "Redis memory and evictions, a recent restart or flush.",
        act: "Let it warm; resize Redis if it evicts.",
    },
    CertificateExpiresSoon: {
        check: "`certbot certificates` on each load balancer; the platform-tls timer's journal; the DNS-01 IAM grant.",
        act: "Run `/usr/local/bin/platform-tls` and `certbot renew` on the load balancers.",
    },
    AvailabilityBudgetBurn1h: BURN("availability"),
    AvailabilityBudgetBurn6h: BURN("availability"),
    AvailabilityBudgetBurn3d: BURN("availability"),
    LatencyBudgetBurn1h: BURN("latency"),
    LatencyBudgetBurn6h: BURN("latency"),
    LatencyBudgetBurn3d: BURN("latency"),
    DatabaseDown: {
        check: "RDS events of the instance; Multi-AZ failover in progress; the exporter's own connection.",
        act: "A primary failover completes by itself (minutes); a replica down serves no reads: replace it.",
    },
    DatabaseReplicaLag: {
        check: "The replica's lag and write load on the primary; long transactions.",
        act: "Reads may be stale: route them to the primary if it matters; resize the replica.",
    },
    RedisDown: {
        check: "ElastiCache events; failover in progress (prod); the auth token.",
        act: "Failover completes by itself in prod; in staging, restore the node.",
    },
    BackupJobFailed: {
        check: "`kubectl -n backups logs job/<name>`; the S3 upload and its checksum; the database secret.",
        act: "Rerun the job (`kubectl create job --from=cronjob/<cronjob>`); fix the cause before the next window.",
    },
    BackupsStale: {
        check: "The CronJob's last schedule and successes; suspended CronJobs; failing jobs.",
        act: "Run a backup now, then fix the schedule; the RPO depends on it.",
    },
};

/** The README anchor of an alert's runbook. */
export function runbookAnchor(alert: string): string {
    return `runbook-${alert.toLowerCase()}`;
}

export const RUNBOOK_BASE = "README.md";

/** The README's runbook section, generated. */
export function renderRunbooks(
    alerts: readonly { readonly alert: string; readonly labels: { readonly severity: string } }[],
): string {
    return [
        "<!-- runbooks:begin (generated from components/monitoring/runbooks.ts) -->",
        ...alerts.flatMap(({ alert, labels }) => [
            `<a id="${runbookAnchor(alert)}"></a>`,
            `**${alert}** (${labels.severity}). Check: ${RUNBOOKS[alert]?.check ?? "—"} Do: ${RUNBOOKS[alert]?.act ?? "—"}`,
            "",
        ]),
        "<!-- runbooks:end -->",
    ].join("\n");
}
