/**
 * The monitoring namespace's Kubernetes objects as plain values: Prometheus, Alertmanager, Grafana,
 * Jaeger and the exporters, hardened like every workload here. Pure; inputs may be Pulumi values.
 */
import { PART_OF_PLATFORM } from "../shared/namespaces";
import { NAMESPACES } from "../../topology/namespaces";
import type { Input } from "@pulumi/pulumi";
import { K8sObject } from "../shared/k8s-object";
import {
    containerSecurity,
    podSecurity,
    secretsInitContainer,
    SECRETS_VOLUME,
    splitCredentials,
} from "../shared/pods";
import { postgresCaConfigMap, postgresCaMount, postgresCaVolume } from "../shared/postgres-client";
import { ALERTMANAGER_SECRETS_DIR } from "./alertmanager-config";

/** Where Grafana's admin password Secret is mounted (read through GF_SECURITY_ADMIN_PASSWORD__FILE). */
const GRAFANA_ADMIN_DIR = "/etc/grafana-admin";

export const MONITORING_NAMESPACE = NAMESPACES.monitoring;
export const IMAGES = {
    prometheus: "quay.io/prometheus/prometheus:v2.53.2",
    alertmanager: "quay.io/prometheus/alertmanager:v0.27.0",
    grafana: "docker.io/grafana/grafana:11.2.0",
    jaeger: "docker.io/jaegertracing/all-in-one:1.60.0",
    postgresExporter: "quay.io/prometheuscommunity/postgres-exporter:v0.15.0",
    redisExporter: "docker.io/oliver006/redis_exporter:v1.62.0",
    nginxExporter: "docker.io/nginx/nginx-prometheus-exporter:1.3.0",
    blackboxExporter: "quay.io/prometheus/blackbox-exporter:v0.25.0",
    kubeStateMetrics: "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0",
} as const;

const USER = 65534;
const security = containerSecurity(USER);
const small = {
    requests: { cpu: "50m", memory: "64Mi" },
    limits: { cpu: "250m", memory: "128Mi" },
};

export interface Ports {
    readonly prometheus: number;
    readonly alertmanager: number;
    readonly grafana: number;
    readonly jaegerUi: number;
    readonly jaegerOtlp: number;
    readonly postgresExporter: number;
    readonly redisExporter: number;
    readonly nginxExporter: number;
    readonly blackboxExporter: number;
    readonly kubeStateMetrics: number;
}

export interface MonitoringSpec {
    readonly ports: Ports;
    readonly region: string;
    readonly storageClass: string;
    readonly prometheus: {
        readonly retentionDays: number;
        readonly volumeGb: number;
        readonly config: Input<string>;
        readonly rules: Input<string>;
        readonly roleArn: Input<string>;
    };
    readonly alertmanager: {
        readonly config: Input<string>;
        readonly roleArn: Input<string>;
        readonly slackSecretArn: Input<string>;
        readonly pagerDutySecretArn?: Input<string>;
        readonly deadMansSwitchSecretArn: Input<string>;
    };
    readonly grafana: {
        readonly adminSecretName: string;
        readonly datasources: string;
        readonly dashboards: Readonly<Record<string, string>>;
    };
    readonly blackboxConfig: string;
    /** One exporter per instance: its name and its connection URI without scheme (host:port/database?TLS parameters). */
    readonly databases: readonly { readonly name: string; readonly uri: Input<string> }[];
    /** PEM roots the exporters verify the database with. */
    readonly databaseCaBundle: string;
    /** The exporters' user: its secret, the secret's version (rotation restarts them) and their role. */
    readonly databaseSecret: {
        readonly secretArn: Input<string>;
        readonly secretVersion: Input<string>;
        readonly roleArn: Input<string>;
    };
    readonly redis: {
        readonly address: Input<string>;
        readonly secretArn: Input<string>;
        readonly roleArn: Input<string>;
    };
    readonly nginxStatusUrls: readonly Input<string>[];
}

function labels(component: string): Record<string, string> {
    return {
        "app.kubernetes.io/name": component,
        "app.kubernetes.io/component": component,
        ...PART_OF_PLATFORM,
    };
}

function probes(path: string, port: number) {
    const probe = {
        httpGet: { path, port },
        periodSeconds: 15,
        timeoutSeconds: 3,
        failureThreshold: 4,
    };
    return {
        livenessProbe: { ...probe, initialDelaySeconds: 30 },
        readinessProbe: { ...probe, initialDelaySeconds: 5 },
    };
}

interface Workload {
    readonly name: string;
    readonly component: string;
    readonly containers: Record<string, unknown>[];
    readonly initContainers?: Record<string, unknown>[];
    readonly volumes?: Record<string, unknown>[];
    readonly serviceAccount?: string;
    readonly port: number;
    readonly kind?: "Deployment" | "StatefulSet";
    readonly volumeClaim?: { readonly gb: number; readonly storageClass: string };
    /** Distinguishes several workloads of one component (one exporter per database). */
    readonly instance?: string;
    /** Annotations of the pod template: a change restarts the pods. Default: none. */
    readonly podAnnotations?: Record<string, Input<string>>;
    /**
     * Pods that start only once an operator has written their secrets: `pulumi up` does not wait for
     * them to be ready (it would time out), the init container retries until the secret exists.
     */
    readonly waitsForOperatorSecrets?: boolean;
}

function workload(w: Workload): K8sObject[] {
    const l: Record<string, string> = {
        ...labels(w.component),
        ...(w.instance ? { "app.kubernetes.io/instance": w.instance } : {}),
    };
    const pod = {
        metadata: { labels: l, ...(w.podAnnotations ? { annotations: w.podAnnotations } : {}) },
        spec: {
            // Every workload runs as an account of its own (never the namespace's default); only the API readers mount a token.
            serviceAccountName: w.serviceAccount ?? w.name,
            automountServiceAccountToken:
                w.serviceAccount === "prometheus" || w.serviceAccount === "kube-state-metrics",
            securityContext: podSecurity(USER),
            ...(w.initContainers ? { initContainers: w.initContainers } : {}),
            containers: w.containers,
            volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }, ...(w.volumes ?? [])],
        },
    };
    const selector = {
        matchLabels: {
            "app.kubernetes.io/name": l["app.kubernetes.io/name"]!,
            ...(w.instance ? { "app.kubernetes.io/instance": w.instance } : {}),
        },
    };
    const spec =
        w.kind === "StatefulSet"
            ? {
                  replicas: 1,
                  serviceName: w.name,
                  selector,
                  template: pod,
                  ...(w.volumeClaim
                      ? {
                            volumeClaimTemplates: [
                                {
                                    metadata: { name: "data" },
                                    spec: {
                                        accessModes: ["ReadWriteOnce"],
                                        storageClassName: w.volumeClaim.storageClass,
                                        resources: {
                                            requests: { storage: `${w.volumeClaim.gb}Gi` },
                                        },
                                    },
                                },
                            ],
                        }
                      : {}),
              }
            : { replicas: 1, selector, template: pod };
    return [
        ...(w.serviceAccount
            ? []
            : [
                  {
                      apiVersion: "v1",
                      kind: "ServiceAccount",
                      metadata: { name: w.name, namespace: MONITORING_NAMESPACE, labels: l },
                      automountServiceAccountToken: false,
                  },
              ]),
        {
            apiVersion: "apps/v1",
            kind: w.kind ?? "Deployment",
            metadata: {
                name: w.name,
                namespace: MONITORING_NAMESPACE,
                labels: l,
                ...(w.waitsForOperatorSecrets
                    ? { annotations: { "pulumi.com/skipAwait": "true" } }
                    : {}),
            },
            spec,
        },
        // Headless: Prometheus discovers each pod by DNS; operators reach UIs with kubectl port-forward or through WireGuard.
        {
            apiVersion: "v1",
            kind: "Service",
            metadata: { name: w.name, namespace: MONITORING_NAMESPACE, labels: l },
            spec: {
                clusterIP: "None",
                publishNotReadyAddresses: true,
                selector: {
                    ...selector.matchLabels,
                    ...(w.instance ? { "app.kubernetes.io/instance": w.instance } : {}),
                },
                ports: [{ name: "metrics", port: w.port, targetPort: w.port, protocol: "TCP" }],
            },
        },
    ];
}

function container(
    name: string,
    image: string,
    port: number,
    extra: Record<string, unknown>,
    resources: Record<string, unknown> = small,
): Record<string, unknown> {
    return {
        name,
        image,
        ports: [{ name: "metrics", containerPort: port, protocol: "TCP" }],
        resources,
        securityContext: security,
        ...extra,
        volumeMounts: [
            { name: "tmp", mountPath: "/tmp" },
            ...((extra.volumeMounts as unknown[]) ?? []),
        ],
    };
}

/** The shared secrets init container, as this namespace's user. */
function fetchSecrets(
    region: string,
    files: readonly { readonly arn: Input<string>; readonly file: string }[],
    dir: string,
    then: readonly string[] = [],
    env: readonly Record<string, unknown>[] = [],
): Record<string, unknown> {
    return secretsInitContainer({ region, files, dir, then, env, user: USER, resources: small });
}

const memoryVolume = SECRETS_VOLUME;

export function monitoringObjects(s: MonitoringSpec): K8sObject[] {
    const p = s.ports;
    const configMap = (name: string, data: Record<string, Input<string>>): K8sObject => ({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name, namespace: MONITORING_NAMESPACE },
        data,
    });
    const serviceAccount = (name: string, roleArn?: Input<string>): K8sObject => ({
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: {
            name,
            namespace: MONITORING_NAMESPACE,
            ...(roleArn ? { annotations: { "eks.amazonaws.com/role-arn": roleArn } } : {}),
        },
    });
    const clusterRole = (name: string, rules: unknown[]): K8sObject[] => [
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRole",
            metadata: { name: `monitoring-${name}` },
            rules,
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRoleBinding",
            metadata: { name: `monitoring-${name}` },
            roleRef: {
                apiGroup: "rbac.authorization.k8s.io",
                kind: "ClusterRole",
                name: `monitoring-${name}`,
            },
            subjects: [{ kind: "ServiceAccount", name, namespace: MONITORING_NAMESPACE }],
        },
    ];
    const pagerDuty = s.alertmanager.pagerDutySecretArn
        ? [{ arn: s.alertmanager.pagerDutySecretArn, file: "pagerduty-routing-key" }]
        : [];

    return [
        configMap("prometheus-config", {
            "prometheus.yml": s.prometheus.config,
            "alerts.rules.yml": s.prometheus.rules,
        }),
        configMap("alertmanager-config", { "alertmanager.yml": s.alertmanager.config }),
        configMap("blackbox-config", { "blackbox.yml": s.blackboxConfig }),
        configMap("grafana-provisioning", {
            "datasources.yml": s.grafana.datasources,
            "dashboards.yml":
                "apiVersion: 1\nproviders:\n  - name: chain-platform\n    type: file\n    options:\n      path: /var/lib/grafana/dashboards\n",
        }),
        configMap("grafana-dashboards", s.grafana.dashboards),

        serviceAccount("prometheus", s.prometheus.roleArn),
        ...clusterRole("prometheus", [
            {
                apiGroups: [""],
                resources: ["pods", "services", "endpoints", "nodes"],
                verbs: ["get", "list", "watch"],
            },
            // The kubelet authorises /metrics and /metrics/cadvisor as nodes/metrics; nodes/proxy would also let
            // Prometheus exec into any pod (the kubelet checks exec over WebSocket as "get").
            { apiGroups: [""], resources: ["nodes/metrics"], verbs: ["get"] },
        ]),
        ...workload({
            name: "prometheus",
            component: "prometheus",
            kind: "StatefulSet",
            serviceAccount: "prometheus",
            port: p.prometheus,
            volumeClaim: { gb: s.prometheus.volumeGb, storageClass: s.storageClass },
            containers: [
                container(
                    "prometheus",
                    IMAGES.prometheus,
                    p.prometheus,
                    {
                        args: [
                            "--config.file=/etc/prometheus/prometheus.yml",
                            "--storage.tsdb.path=/prometheus",
                            `--storage.tsdb.retention.time=${s.prometheus.retentionDays}d`,
                            `--web.listen-address=:${p.prometheus}`,
                        ],
                        ...probes("/-/healthy", p.prometheus),
                        volumeMounts: [
                            { name: "config", mountPath: "/etc/prometheus", readOnly: true },
                            { name: "data", mountPath: "/prometheus" },
                        ],
                    },
                    {
                        requests: { cpu: "500m", memory: "2Gi" },
                        limits: { cpu: "2", memory: "4Gi" },
                    },
                ),
            ],
            volumes: [{ name: "config", configMap: { name: "prometheus-config" } }],
        }),

        serviceAccount("alertmanager", s.alertmanager.roleArn),
        ...workload({
            name: "alertmanager",
            component: "alertmanager",
            serviceAccount: "alertmanager",
            port: p.alertmanager,
            waitsForOperatorSecrets: true,
            initContainers: [
                fetchSecrets(
                    s.region,
                    [
                        { arn: s.alertmanager.slackSecretArn, file: "slack-webhook-url" },
                        {
                            arn: s.alertmanager.deadMansSwitchSecretArn,
                            file: "dead-mans-switch-url",
                        },
                        ...pagerDuty,
                    ],
                    ALERTMANAGER_SECRETS_DIR,
                ),
            ],
            containers: [
                container("alertmanager", IMAGES.alertmanager, p.alertmanager, {
                    args: [
                        "--config.file=/etc/alertmanager/alertmanager.yml",
                        "--storage.path=/tmp",
                        `--web.listen-address=:${p.alertmanager}`,
                    ],
                    ...probes("/-/healthy", p.alertmanager),
                    volumeMounts: [
                        {
                            name: "config",
                            mountPath: "/etc/alertmanager/alertmanager.yml",
                            subPath: "alertmanager.yml",
                            readOnly: true,
                        },
                        { name: "secrets", mountPath: ALERTMANAGER_SECRETS_DIR, readOnly: true },
                    ],
                }),
            ],
            volumes: [{ name: "config", configMap: { name: "alertmanager-config" } }, memoryVolume],
        }),

        ...workload({
            name: "grafana",
            component: "grafana",
            port: p.grafana,
            containers: [
                container(
                    "grafana",
                    IMAGES.grafana,
                    p.grafana,
                    {
                        env: [
                            { name: "GF_SECURITY_ADMIN_USER", value: "admin" },
                            // Grafana reads any setting from a file with the __FILE suffix: the password is in no pod spec and no
                            // `kubectl describe`; the image's entry script still exports it to Grafana's own process at start.
                            {
                                name: "GF_SECURITY_ADMIN_PASSWORD__FILE",
                                value: `${GRAFANA_ADMIN_DIR}/password`,
                            },
                            { name: "GF_SERVER_HTTP_PORT", value: String(p.grafana) },
                            { name: "GF_USERS_ALLOW_SIGN_UP", value: "false" },
                            { name: "GF_ANALYTICS_REPORTING_ENABLED", value: "false" },
                            { name: "GF_PATHS_DATA", value: "/tmp/grafana" },
                        ],
                        ...probes("/api/health", p.grafana),
                        volumeMounts: [
                            {
                                name: "provisioning",
                                mountPath: "/etc/grafana/provisioning/datasources/datasources.yml",
                                subPath: "datasources.yml",
                                readOnly: true,
                            },
                            {
                                name: "provisioning",
                                mountPath: "/etc/grafana/provisioning/dashboards/dashboards.yml",
                                subPath: "dashboards.yml",
                                readOnly: true,
                            },
                            {
                                name: "dashboards",
                                mountPath: "/var/lib/grafana/dashboards",
                                readOnly: true,
                            },
                            { name: "admin", mountPath: GRAFANA_ADMIN_DIR, readOnly: true },
                        ],
                    },
                    {
                        requests: { cpu: "100m", memory: "256Mi" },
                        limits: { cpu: "500m", memory: "512Mi" },
                    },
                ),
            ],
            volumes: [
                { name: "provisioning", configMap: { name: "grafana-provisioning" } },
                { name: "dashboards", configMap: { name: "grafana-dashboards" } },
                {
                    name: "admin",
                    secret: { secretName: s.grafana.adminSecretName, defaultMode: 0o440 },
                },
            ],
        }),

        ...workload({
            name: "jaeger",
            component: "jaeger",
            port: p.jaegerUi,
            containers: [
                {
                    ...container(
                        "jaeger",
                        IMAGES.jaeger,
                        p.jaegerUi,
                        {
                            env: [
                                { name: "COLLECTOR_OTLP_ENABLED", value: "true" },
                                { name: "SPAN_STORAGE_TYPE", value: "memory" },
                                { name: "MEMORY_MAX_TRACES", value: "100000" },
                            ],
                            ...probes("/", p.jaegerUi),
                        },
                        {
                            requests: { cpu: "100m", memory: "512Mi" },
                            limits: { cpu: "500m", memory: "1Gi" },
                        },
                    ),
                    ports: [
                        { name: "metrics", containerPort: p.jaegerUi, protocol: "TCP" },
                        { name: "otlp-grpc", containerPort: p.jaegerOtlp, protocol: "TCP" },
                    ],
                },
            ],
        }),

        serviceAccount("postgres-exporter", s.databaseSecret.roleArn),
        postgresCaConfigMap(MONITORING_NAMESPACE, s.databaseCaBundle),
        ...s.databases.flatMap((db) =>
            workload({
                name: `postgres-exporter-${db.name}`,
                component: "postgres-exporter",
                instance: db.name,
                serviceAccount: "postgres-exporter",
                port: p.postgresExporter,
                // A rotated password changes the template, so the exporters restart and read the new one.
                podAnnotations: { "platform/credentials-version": s.databaseSecret.secretVersion },
                initContainers: [
                    fetchSecrets(
                        s.region,
                        [{ arn: s.databaseSecret.secretArn, file: "credentials.json" }],
                        "/secrets",
                        splitCredentials("/secrets/credentials.json", "/secrets/"),
                    ),
                ],
                containers: [
                    container("exporter", IMAGES.postgresExporter, p.postgresExporter, {
                        env: [
                            // The exporter prepends postgresql:// and passes the parameters to lib/pq, which verifies chain and host name.
                            { name: "DATA_SOURCE_URI", value: db.uri },
                            { name: "DATA_SOURCE_USER_FILE", value: "/secrets/username" },
                            { name: "DATA_SOURCE_PASS_FILE", value: "/secrets/password" },
                            {
                                name: "PG_EXPORTER_WEB_LISTEN_ADDRESS",
                                value: `:${p.postgresExporter}`,
                            },
                        ],
                        args: [`--web.listen-address=:${p.postgresExporter}`],
                        ...probes("/", p.postgresExporter),
                        volumeMounts: [
                            { name: "secrets", mountPath: "/secrets", readOnly: true },
                            postgresCaMount,
                        ],
                    }),
                ],
                volumes: [memoryVolume, postgresCaVolume],
            }),
        ),

        serviceAccount("redis-exporter", s.redis.roleArn),
        ...workload({
            name: "redis-exporter",
            component: "redis-exporter",
            serviceAccount: "redis-exporter",
            port: p.redisExporter,
            // redis_exporter reads passwords as a JSON map of address to password.
            initContainers: [
                fetchSecrets(
                    s.region,
                    [{ arn: s.redis.secretArn, file: "token" }],
                    "/secrets",
                    [
                        'printf \'{"%s":"%s"}\' "$REDIS_ADDR" "$(cat /secrets/token)" > /secrets/passwords.json',
                        "rm /secrets/token",
                    ],
                    [{ name: "REDIS_ADDR", value: s.redis.address }],
                ),
            ],
            containers: [
                container("exporter", IMAGES.redisExporter, p.redisExporter, {
                    args: [
                        "--redis.addr",
                        s.redis.address,
                        "--redis.password-file=/secrets/passwords.json",
                        `--web.listen-address=:${p.redisExporter}`,
                    ],
                    ...probes("/", p.redisExporter),
                    volumeMounts: [{ name: "secrets", mountPath: "/secrets", readOnly: true }],
                }),
            ],
            volumes: [memoryVolume],
        }),

        ...s.nginxStatusUrls.flatMap((url, i) =>
            workload({
                name: `nginx-exporter-${i}`,
                component: "nginx-exporter",
                instance: `lb-${i}`,
                port: p.nginxExporter,
                containers: [
                    container("exporter", IMAGES.nginxExporter, p.nginxExporter, {
                        args: [
                            "--nginx.scrape-uri",
                            url,
                            `--web.listen-address=:${p.nginxExporter}`,
                        ],
                        ...probes("/", p.nginxExporter),
                    }),
                ],
            }),
        ),

        ...workload({
            name: "blackbox-exporter",
            component: "blackbox-exporter",
            port: p.blackboxExporter,
            containers: [
                container("exporter", IMAGES.blackboxExporter, p.blackboxExporter, {
                    args: [
                        "--config.file=/etc/blackbox/blackbox.yml",
                        `--web.listen-address=:${p.blackboxExporter}`,
                    ],
                    ...probes("/-/healthy", p.blackboxExporter),
                    volumeMounts: [{ name: "config", mountPath: "/etc/blackbox", readOnly: true }],
                }),
            ],
            volumes: [{ name: "config", configMap: { name: "blackbox-config" } }],
        }),

        serviceAccount("kube-state-metrics"),
        ...clusterRole("kube-state-metrics", [
            {
                apiGroups: [""],
                resources: ["pods", "nodes", "persistentvolumeclaims", "namespaces", "services"],
                verbs: ["list", "watch"],
            },
            {
                apiGroups: ["apps"],
                resources: ["statefulsets", "deployments"],
                verbs: ["list", "watch"],
            },
            { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: ["list", "watch"] },
        ]),
        ...workload({
            name: "kube-state-metrics",
            component: "kube-state-metrics",
            serviceAccount: "kube-state-metrics",
            port: p.kubeStateMetrics,
            containers: [
                container(
                    "kube-state-metrics",
                    IMAGES.kubeStateMetrics,
                    p.kubeStateMetrics,
                    {
                        args: [
                            `--port=${p.kubeStateMetrics}`,
                            "--resources=pods,nodes,persistentvolumeclaims,namespaces,services,statefulsets,deployments,jobs,cronjobs",
                        ],
                        ...probes("/healthz", p.kubeStateMetrics),
                    },
                    {
                        requests: { cpu: "50m", memory: "128Mi" },
                        limits: { cpu: "250m", memory: "256Mi" },
                    },
                ),
            ],
        }),
    ];
}
