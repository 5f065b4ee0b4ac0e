/**
 * prometheus.yml, generated from the declared topology: validators, relays and exporters by DNS
 * discovery of their headless Services (a new validator is a new target with no change here), EKS
 * nodes by EC2 discovery, servers by the addresses of declared instances. Pure: plain values in, YAML out.
 */
import { stringify } from "yaml";

export interface ScrapeTopology {
    readonly environment: string;
    /** Prometheus' own port (it scrapes itself). */
    readonly prometheusPort: number;
    readonly chainNamespace: string;
    readonly monitoringNamespace: string;
    /** Headless Services of the chain and their metrics ports. */
    readonly chainTargets: readonly {
        readonly job: string;
        readonly service: string;
        readonly port: number;
    }[];
    /** Headless Services of the exporters in the monitoring namespace, and their ports. */
    readonly exporterTargets: readonly {
        readonly job: string;
        readonly services: readonly string[];
        readonly port: number;
    }[];
    /** EKS nodes: the cluster's name tag, the kubelet port and the region. */
    readonly kubelet: {
        readonly clusterName: string;
        readonly port: number;
        readonly region: string;
    };
    /** EC2 servers: private IP, role, and the port of their node exporter. */
    readonly servers: readonly {
        readonly ip: string;
        readonly role: string;
        readonly nodeExporterPort: number;
    }[];
    /** API servers' "ip:port" for /metrics. */
    readonly apiTargets: readonly string[];
    /** URLs the blackbox exporter probes through the public endpoint: paths Nginx sends to the API and to the relays (it also reads the certificate's expiry). */
    readonly probeUrls: readonly string[];
    readonly blackboxAddress: string;
    readonly alertmanagerAddress: string;
    readonly rulesGlob: string;
}

const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

function dnsJob(job: string, names: readonly string[], port: number) {
    return {
        job_name: job,
        dns_sd_configs: [{ names: [...names], type: "A", port, refresh_interval: "30s" }],
        relabel_configs: [{ source_labels: ["__meta_dns_name"], target_label: "service" }],
    };
}

/** Kubelet and cAdvisor of every EKS node, found by EC2 discovery, authenticated with Prometheus' service account token. */
function kubeletJob(job: string, path: string, k: ScrapeTopology["kubelet"]) {
    return {
        job_name: job,
        scheme: "https",
        metrics_path: path,
        // Kubelet serving certificates on EKS are self-signed per node; the token still authenticates Prometheus.
        tls_config: { insecure_skip_verify: true },
        authorization: { credentials_file: `${SERVICE_ACCOUNT}/token` },
        ec2_sd_configs: [
            {
                region: k.region,
                port: k.port,
                filters: [{ name: "tag:eks:cluster-name", values: [k.clusterName] }],
            },
        ],
        relabel_configs: [
            {
                source_labels: ["__meta_ec2_private_ip"],
                target_label: "__address__",
                replacement: `$1:${k.port}`,
            },
            { source_labels: ["__meta_ec2_private_dns_name"], target_label: "node" },
            { source_labels: ["__meta_ec2_availability_zone"], target_label: "zone" },
        ],
    };
}

export function renderPrometheusConfig(t: ScrapeTopology): string {
    const config = {
        global: {
            scrape_interval: "15s",
            evaluation_interval: "15s",
            external_labels: { environment: t.environment },
        },
        rule_files: [t.rulesGlob],
        alerting: { alertmanagers: [{ static_configs: [{ targets: [t.alertmanagerAddress] }] }] },
        scrape_configs: [
            {
                job_name: "prometheus",
                static_configs: [{ targets: [`localhost:${t.prometheusPort}`] }],
            },
            ...t.chainTargets.map((c) =>
                dnsJob(c.job, [`${c.service}.${t.chainNamespace}.svc.cluster.local`], c.port),
            ),
            ...t.exporterTargets.map((e) =>
                dnsJob(
                    e.job,
                    e.services.map((s) => `${s}.${t.monitoringNamespace}.svc.cluster.local`),
                    e.port,
                ),
            ),
            {
                job_name: "api",
                static_configs: [{ targets: [...t.apiTargets], labels: { role: "appServer" } }],
            },
            {
                job_name: "node",
                static_configs: [...new Set(t.servers.map((s) => s.role))].map((role) => ({
                    targets: t.servers
                        .filter((s) => s.role === role)
                        .map((s) => `${s.ip}:${s.nodeExporterPort}`),
                    labels: { role },
                })),
            },
            {
                job_name: "blackbox-https",
                metrics_path: "/probe",
                params: { module: ["https_2xx"] },
                static_configs: [{ targets: [...t.probeUrls] }],
                relabel_configs: [
                    { source_labels: ["__address__"], target_label: "__param_target" },
                    { source_labels: ["__param_target"], target_label: "instance" },
                    { target_label: "__address__", replacement: t.blackboxAddress },
                ],
            },
            kubeletJob("kubelet", "/metrics", t.kubelet),
            kubeletJob("cadvisor", "/metrics/cadvisor", t.kubelet),
        ],
    };
    return stringify(config, { lineWidth: 0 });
}

/** The blackbox exporter's modules: HTTPS with a valid certificate, TLS 1.2 at least. */
export function renderBlackboxConfig(): string {
    return stringify({
        modules: {
            https_2xx: {
                prober: "http",
                timeout: "10s",
                http: {
                    method: "GET",
                    valid_status_codes: [200],
                    fail_if_not_ssl: true,
                    tls_config: { min_version: "TLS12" },
                    preferred_ip_protocol: "ip4",
                },
            },
        },
    });
}
