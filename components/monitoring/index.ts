import { PostgresConnection, RedisConnection } from "../shared/connections";
import { ClusterWorkloadArgs } from "../shared/args";
import { ChainScrapeTargets } from "../shared/chain-targets";
import { ApiServerTargets, LoadBalancerTargets, ServerTargets } from "../shared/server-targets";
import * as aws from "@pulumi/aws";
import { VERIFIED_TLS_PARAMETERS } from "../shared/postgres-client";
import { namespaceBudget } from "../shared/namespace-budget";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { generationKeepers } from "../shared/rotation";
import { listenerOf } from "../../topology/ports";
import { RESTRICTED_NAMESPACE_LABELS } from "../shared/namespaces";
import { declareObject } from "../shared/k8s-declare";
import { networkPolicies, podsOf } from "../shared/network-policies";
import { policyDocument, readSecretsStatements } from "../shared/iam";
import { renderAlertmanagerConfig } from "./alertmanager-config";
import { DASHBOARDS, renderDashboard } from "./dashboards";
import { MONITORING_NAMESPACE, monitoringObjects } from "./objects";
import { renderBlackboxConfig, renderPrometheusConfig } from "./prometheus-config";
import { alertGroups, renderRules } from "./rules";

export interface MonitoringArgs extends ClusterWorkloadArgs {
    /** Generation of Grafana's admin password: raising it rotates the password. No default. */
    readonly grafanaPasswordGeneration: number;
    /** Environment name, an external label of every series. No default. */
    readonly environment: string;
    /** AWS region. No default. */
    readonly region: string;
    /** Days Prometheus keeps samples. No default. */
    readonly retentionDays: number;
    /** Prometheus' volume, GiB. No default. */
    readonly volumeGb: number;
    /** The EC2 tiers, each as its component hands it out (`scrapeTargets`). No default. */
    readonly servers: {
        readonly apiServers: ApiServerTargets;
        readonly loadBalancers: LoadBalancerTargets;
        readonly wireguardHub: ServerTargets;
    };
    /** The chain's nodes: namespace, Services and validator count (the ChainNetwork's `scrapeTargets`). No default. */
    readonly chain: ChainScrapeTargets;
    /** The database (the Postgres component's connection): an exporter per instance, TLS verified. No default. */
    readonly database: PostgresConnection;
    /** The exporters' own PostgreSQL user (pg_monitor), from DatabaseUsers. No default. */
    readonly databaseCredentials: {
        readonly secretArn: pulumi.Input<string>;
        readonly secretVersion: pulumi.Input<string>;
    };
    /** Redis as the Redis component hands it out. No default. */
    readonly redis: RedisConnection;
    /** Alert receivers: Slack channel, PagerDuty on or off. No default. */
    readonly alerting: { readonly slackChannel: string; readonly pagerDuty: boolean };
    /** Days a deleted secret stays recoverable, its name reserved; 0 lets a destroyed stack be re-created at once. No default. */
    readonly secretRecoveryWindowDays: number;
}

/** Prometheus, Alertmanager, Grafana, Jaeger and exporters on the cluster; nothing of it faces the internet. */
export class Monitoring extends pulumi.ComponentResource {
    public readonly grafanaAdminPassword: pulumi.Output<string>;
    public readonly alertingSecretArns: pulumi.Output<string>[];

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:monitoring:Monitoring", name, {}, opts);
        const k8sOpts = { parent: this, provider: args.cluster.provider };
        // Everything in the namespace waits for it, and it for the cluster's storage class and webhooks.
        const namespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: MONITORING_NAMESPACE, labels: RESTRICTED_NAMESPACE_LABELS } },
            { ...k8sOpts, dependsOn: args.cluster.workloadDependencies },
        );
        const inNamespace = { ...k8sOpts, dependsOn: [namespace] };
        const port = (role: Parameters<typeof listenerOf>[0], listener: string) =>
            listenerOf(role, listener, args.listeners).port;

        const adminPassword = new random.RandomPassword(
            `${name}-grafana-admin`,
            {
                length: 32,
                special: false,
                ...generationKeepers(args.grafanaPasswordGeneration),
            },
            { parent: this },
        );
        new k8s.core.v1.Secret(
            `${name}-grafana-admin`,
            {
                metadata: { name: "grafana-admin", namespace: MONITORING_NAMESPACE },
                type: "Opaque",
                stringData: { password: adminPassword.result },
            },
            inNamespace,
        );

        // Receiver credentials are written out of band; Alertmanager reads them at start through its role.
        const alertSecret = (purpose: string, description: string) =>
            new aws.secretsmanager.Secret(
                `${name}-${purpose}`,
                {
                    name: `${args.namePrefix}/alerting/${purpose}`,
                    description,
                    kmsKeyId: args.secretsKeyArn,
                    recoveryWindowInDays: args.secretRecoveryWindowDays,
                    tags: args.tags,
                },
                { parent: this },
            );
        const slack = alertSecret(
            "slack-webhook-url",
            "Slack incoming-webhook URL of the alert channel",
        );
        const pagerDuty = args.alerting.pagerDuty
            ? alertSecret(
                  "pagerduty-routing-key",
                  "PagerDuty Events v2 routing key for critical alerts",
              )
            : undefined;
        // The watchdog's heartbeat goes to a service outside the platform, which pages when it stops arriving.
        const deadMansSwitch = alertSecret(
            "dead-mans-switch-url",
            "URL of the external dead man's switch the always-firing Watchdog alert calls",
        );

        const readSecrets = (
            role: string,
            serviceAccount: string,
            secretArns: pulumi.Input<string>[],
        ) => {
            const iamRole = args.cluster.serviceAccountRole(
                `${name}-${role}-role`,
                `${args.namePrefix}-monitoring-${role}`,
                MONITORING_NAMESPACE,
                serviceAccount,
                args.tags,
            );
            new aws.iam.RolePolicy(
                `${name}-${role}-secrets`,
                {
                    role: iamRole.id,
                    policy: pulumi
                        .all([pulumi.all(secretArns), args.secretsKeyArn])
                        .apply(([arns, key]) => policyDocument(readSecretsStatements(arns, key))),
                },
                { parent: this },
            );
            return iamRole.arn;
        };

        // EC2 discovery of the EKS nodes needs ec2:DescribeInstances, through Prometheus' own role.
        const prometheusRole = args.cluster.serviceAccountRole(
            `${name}-prometheus-role`,
            `${args.namePrefix}-monitoring-prometheus`,
            MONITORING_NAMESPACE,
            "prometheus",
            args.tags,
        );
        new aws.iam.RolePolicy(
            `${name}-prometheus-discovery`,
            {
                role: prometheusRole.id,
                policy: policyDocument([
                    {
                        Sid: "DiscoverNodes",
                        Effect: "Allow",
                        Action: ["ec2:DescribeInstances", "ec2:DescribeAvailabilityZones"],
                        Resource: "*",
                    },
                ]),
            },
            { parent: this },
        );
        const databases = [
            { name: "primary", host: args.database.host },
            ...args.database.replicaHosts.map((host, i) => ({ name: `replica-${i + 1}`, host })),
        ];
        const exporterTargets = [
            {
                job: "postgres-exporter",
                services: databases.map((db) => `postgres-exporter-${db.name}`),
                port: port("postgresExporter", "metrics"),
            },
            {
                job: "redis-exporter",
                services: ["redis-exporter"],
                port: port("redisExporter", "metrics"),
            },
            {
                job: "nginx-exporter",
                services: args.servers.loadBalancers.statusUrls.map(
                    (_, i) => `nginx-exporter-${i}`,
                ),
                port: port("nginxExporter", "metrics"),
            },
            {
                job: "blackbox-exporter",
                services: ["blackbox-exporter"],
                port: port("blackboxExporter", "metrics"),
            },
            {
                job: "kube-state-metrics",
                services: ["kube-state-metrics"],
                port: port("kubeStateMetrics", "metrics"),
            },
            { job: "alertmanager", services: ["alertmanager"], port: port("alertmanager", "web") },
            { job: "grafana", services: ["grafana"], port: port("grafana", "web") },
        ];
        // Every server's node exporter, tier by tier.
        const { apiServers, loadBalancers, wireguardHub } = args.servers;
        const nodeExporters = [apiServers, loadBalancers, wireguardHub].flatMap((tier) =>
            tier.privateIps.map((ip) => ({ ip, role: tier.role, port: tier.nodeExporterPort })),
        );
        const prometheusConfig = pulumi
            .all([
                pulumi.all(nodeExporters.map((s) => s.ip)),
                pulumi.all([...args.servers.apiServers.apiTargets]),
                args.cluster.clusterName,
            ])
            .apply(([serverIps, apiTargets, clusterName]) =>
                renderPrometheusConfig({
                    environment: args.environment,
                    prometheusPort: port("prometheus", "web"),
                    chainNamespace: args.chain.namespace,
                    monitoringNamespace: MONITORING_NAMESPACE,
                    chainTargets: [
                        {
                            job: "validators",
                            service: args.chain.validatorsService.name,
                            port: args.chain.validatorsService.metricsPort,
                        },
                        {
                            job: "relays",
                            service: args.chain.relaysService.name,
                            port: args.chain.relaysService.metricsPort,
                        },
                    ],
                    exporterTargets,
                    kubelet: { clusterName, port: port("kubelet", "metrics"), region: args.region },
                    servers: serverIps.map((ip, i) => ({
                        ip,
                        role: nodeExporters[i]!.role,
                        nodeExporterPort: nodeExporters[i]!.port,
                    })),
                    apiTargets,
                    probeUrls: args.servers.loadBalancers.probeUrls,
                    blackboxAddress: `blackbox-exporter.${MONITORING_NAMESPACE}.svc:${port("blackboxExporter", "metrics")}`,
                    alertmanagerAddress: `alertmanager.${MONITORING_NAMESPACE}.svc:${port("alertmanager", "web")}`,
                    rulesGlob: "/etc/prometheus/*.rules.yml",
                }),
            );

        const datasources = [
            "apiVersion: 1",
            "datasources:",
            "  - name: Prometheus",
            "    uid: prometheus",
            "    type: prometheus",
            `    url: http://prometheus.${MONITORING_NAMESPACE}.svc:${port("prometheus", "web")}`,
            "    isDefault: true",
            "  - name: Jaeger",
            "    uid: jaeger",
            "    type: jaeger",
            `    url: http://jaeger.${MONITORING_NAMESPACE}.svc:${port("jaeger", "ui")}`,
            "",
        ].join("\n");

        const objects = monitoringObjects({
            ports: {
                prometheus: port("prometheus", "web"),
                alertmanager: port("alertmanager", "web"),
                grafana: port("grafana", "web"),
                jaegerUi: port("jaeger", "ui"),
                jaegerOtlp: port("jaeger", "otlp"),
                postgresExporter: port("postgresExporter", "metrics"),
                redisExporter: port("redisExporter", "metrics"),
                nginxExporter: port("nginxExporter", "metrics"),
                blackboxExporter: port("blackboxExporter", "metrics"),
                kubeStateMetrics: port("kubeStateMetrics", "metrics"),
            },
            region: args.region,
            storageClass: args.cluster.storageClass,
            prometheus: {
                retentionDays: args.retentionDays,
                volumeGb: args.volumeGb,
                config: prometheusConfig,
                rules: renderRules(alertGroups({ validators: args.chain.validators })),
                roleArn: prometheusRole.arn,
            },
            alertmanager: {
                config: renderAlertmanagerConfig(args.alerting),
                roleArn: readSecrets("alertmanager", "alertmanager", [
                    slack.arn,
                    deadMansSwitch.arn,
                    ...(pagerDuty ? [pagerDuty.arn] : []),
                ]),
                slackSecretArn: slack.arn,
                pagerDutySecretArn: pagerDuty?.arn,
                deadMansSwitchSecretArn: deadMansSwitch.arn,
            },
            grafana: {
                adminSecretName: "grafana-admin",
                datasources,
                dashboards: Object.fromEntries(
                    DASHBOARDS.map((d) => [`${d.uid}-dashboard.json`, renderDashboard(d)]),
                ),
            },
            blackboxConfig: renderBlackboxConfig(),
            databases: databases.map((db) => ({
                name: db.name,
                uri: pulumi.interpolate`${db.host}:${args.database.port}/${args.database.database}?${VERIFIED_TLS_PARAMETERS}`,
            })),
            databaseCaBundle: args.database.caBundle,
            databaseSecret: {
                ...args.databaseCredentials,
                roleArn: readSecrets("postgres-exporter", "postgres-exporter", [
                    args.databaseCredentials.secretArn,
                ]),
            },
            redis: {
                address: pulumi.interpolate`rediss://${args.redis.host}:${args.redis.port}`,
                secretArn: args.redis.authTokenSecretArn,
                roleArn: readSecrets("redis-exporter", "redis-exporter", [
                    args.redis.authTokenSecretArn,
                ]),
            },
            nginxStatusUrls: args.servers.loadBalancers.statusUrls,
        });
        // Service accounts first: a pod created before its account runs without the account's IAM role.
        const declare = (object: (typeof objects)[number], opts: pulumi.CustomResourceOptions) =>
            declareObject(
                `${name}-${object.kind.toLowerCase()}-${object.metadata.name}`,
                object,
                opts,
            );
        const serviceAccounts = objects
            .filter((o) => o.kind === "ServiceAccount")
            .map((o) => declare(o, inNamespace));
        // Secrets Manager (Alertmanager, exporters), EC2 discovery (Prometheus), the EKS API (kube-state-metrics),
        // the public endpoint (blackbox); Grafana, Jaeger and the Nginx exporter call nothing over HTTPS.
        const httpsClients = [
            "alertmanager",
            "postgres-exporter",
            "redis-exporter",
            "prometheus",
            "kube-state-metrics",
            "blackbox-exporter",
        ];
        for (const object of [
            ...namespaceBudget(MONITORING_NAMESPACE, objects),
            ...networkPolicies(MONITORING_NAMESPACE, args.listeners, args.placements, httpsClients),
            ...objects.filter((o) => o.kind !== "ServiceAccount"),
        ]) {
            declare(object, { ...inNamespace, dependsOn: [namespace, ...serviceAccounts] });
        }

        this.grafanaAdminPassword = pulumi.secret(adminPassword.result);
        this.alertingSecretArns = [
            slack.arn,
            deadMansSwitch.arn,
            ...(pagerDuty ? [pagerDuty.arn] : []),
        ];
        this.registerOutputs({
            grafanaAdminPassword: this.grafanaAdminPassword,
            alertingSecretArns: this.alertingSecretArns,
        });
    }
}

/** Where monitoring's roles of the port map run. */
export const MONITORING_PLACEMENTS = {
    prometheus: podsOf(MONITORING_NAMESPACE, "prometheus"),
    alertmanager: podsOf(MONITORING_NAMESPACE, "alertmanager"),
    grafana: podsOf(MONITORING_NAMESPACE, "grafana"),
    jaeger: podsOf(MONITORING_NAMESPACE, "jaeger"),
    postgresExporter: podsOf(MONITORING_NAMESPACE, "postgres-exporter"),
    redisExporter: podsOf(MONITORING_NAMESPACE, "redis-exporter"),
    nginxExporter: podsOf(MONITORING_NAMESPACE, "nginx-exporter"),
    blackboxExporter: podsOf(MONITORING_NAMESPACE, "blackbox-exporter"),
    kubeStateMetrics: podsOf(MONITORING_NAMESPACE, "kube-state-metrics"),
} as const;
