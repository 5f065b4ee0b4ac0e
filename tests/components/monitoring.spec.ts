import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { AlertRule, alertGroups } from "../../components/monitoring/rules";
import { ALERT_CASES, AlertCase } from "../support/alert-cases";
import { ofType, planned, renderedFiles, STACKS } from "../support/harness";
import { expandTemplate } from "../support/alert-templates";
import { requireTools, run, runSpread } from "../support/tools";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "monitoring-"));
/** Outcomes of `promtool test rules` by rules-file content: both stacks render the same rules, tested once. */
const unitTestRuns = new Map<string, { status: number | null; stdout: string; stderr: string }>();
const alerts = alertGroups()
    .flatMap((g) => g.rules)
    .filter((r): r is AlertRule => "alert" in r);

function unitTest(c: AlertCase, rulesFile: string, firing: boolean): string {
    const rule = alerts.find((a) => a.alert === c.alert)!;
    const labels = { ...(c.labels ?? {}), severity: rule.labels.severity };
    const series = firing ? c.firing : c.silent!;
    return stringify({
        rule_files: [rulesFile],
        // Rules evaluate as often as the series step: multi-day windows stay cheap to simulate.
        evaluation_interval: c.interval,
        tests: [
            {
                interval: c.interval,
                input_series: Object.entries(series).map(([s, values]) => ({ series: s, values })),
                alert_rule_test: [
                    {
                        eval_time: c.evalTime,
                        alertname: c.alert,
                        exp_alerts: firing
                            ? [
                                  {
                                      exp_labels: labels,
                                      exp_annotations: Object.fromEntries(
                                          Object.entries(rule.annotations).map(([k, v]) => [
                                              k,
                                              expandTemplate(v, labels, c.value),
                                          ]),
                                      ),
                                  },
                              ]
                            : [],
                    },
                ],
            },
        ],
    });
}

describe("alert rules", () => {
    it("counts quorum and the peers a validator needs against the configured validators, not a fixed 3 of 4", () => {
        const rule = (validators: number, name: string) =>
            alertGroups({ validators })
                .flatMap((g) => g.rules)
                .find((r): r is AlertRule => "alert" in r && r.alert === name)!;
        assert.match(rule(4, "ValidatorsBelowQuorum").expr, /< 3$/);
        assert.match(rule(7, "ValidatorsBelowQuorum").expr, /< 5$/);
        assert.match(rule(4, "ConsensusPeersLow").expr, /< 3$/);
        assert.match(rule(4, "ConsensusPeersLow").annotations.summary, /consensus needs 3 of 4$/);
        assert.match(rule(7, "ConsensusPeersLow").expr, /< 4$/);
        assert.match(
            rule(7, "ConsensusPeersLow").annotations.summary,
            /fewer than 4; consensus needs 5 of 7$/,
        );
    });
    it("has a synthetic test case for every alert, and every case names a real alert", () => {
        assert.deepStrictEqual(
            ALERT_CASES.map((c) => c.alert).sort(),
            alerts.map((a) => a.alert).sort(),
        );
    });
    it("covers every alert the seeds name", () => {
        const names = alerts.map((a) => a.alert);
        for (const seeded of [
            "ValidatorDown",
            "RelayDown",
            "BlockProductionStopped",
            "ConsensusPeersLow",
            "ContainerHighCpu",
            "ContainerHighMemory",
            "VolumeSpaceLow",
            "HostDiskSpaceLow",
            "DatabaseConnectionFailure",
            "DatabaseDown",
            "HighErrorRate",
            "HighLatency",
            "ErrorBudgetExhausted",
            "LowCacheHitRate",
            "CertificateExpiresSoon",
            "DatabaseReplicaLag",
            "RedisDown",
            "BackupJobFailed",
            "BackupsStale",
        ]) {
            assert.ok(names.includes(seeded), seeded);
        }
        // "none" only for the watchdog, which no receiver but the dead man's switch sees.
        assert.ok(
            alerts.every(
                (a) =>
                    a.annotations.source.length > 0 &&
                    (["critical", "warning"].includes(a.labels.severity) ||
                        (a.alert === "Watchdog" && a.labels.severity === "none")),
            ),
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: each alert fires at its threshold and stays silent below it (promtool test rules)`, async function () {
            requireTools(this, "promtool");
            // Hundreds of simulated days of series: allow for a slow machine.
            this.timeout(360_000);
            const [rules] = renderedFiles(stack, "prometheus-rules");
            const cached = unitTestRuns.get(rules!.text);
            if (cached) {
                assert.strictEqual(cached.status, 0, "the same rules failed for the other stack");
                return;
            }
            const dir = fs.mkdtempSync(path.join(scratch, `${stack}-`));
            fs.writeFileSync(path.join(dir, "alerts.rules.yml"), rules!.text);
            // Each case evaluates its alert's group of the rendered file (recordings share the group of the alerts
            // that read them): promtool evaluates every rule of a file at every step, and groups are independent.
            const groups = (
                parse(rules!.text) as { groups: { name: string; rules: { alert?: string }[] }[] }
            ).groups;
            for (const group of groups)
                fs.writeFileSync(
                    path.join(dir, `${group.name}.rules.yml`),
                    stringify({ groups: [group] }),
                );
            const groupOf = (alert: string) =>
                groups.find((g) => g.rules.some((r) => r.alert === alert))!.name;
            const files: string[] = [];
            ALERT_CASES.forEach((c, i) => {
                for (const firing of c.silent ? [true, false] : [true]) {
                    const file = path.join(
                        dir,
                        `${i}-${c.alert}-${firing ? "fires" : "silent"}.test.yml`,
                    );
                    fs.writeFileSync(file, unitTest(c, `${groupOf(c.alert)}.rules.yml`, firing));
                    files.push(file);
                }
            });
            const result = await runSpread("promtool", ["test", "rules"], files);
            unitTestRuns.set(rules!.text, result);
            // promtool prints a line per passing file: show only the failures.
            const failures = (result.stdout + result.stderr)
                .split(/(?=Unit Testing: )/)
                .filter((block) => !/^Unit Testing: .*\n\s*SUCCESS\s*$/.test(block));
            assert.strictEqual(result.status, 0, failures.join("").slice(0, 4000));
            // The harness must be able to fail: a wrong expectation is reported.
            const wrong = path.join(dir, "wrong.test.yml");
            fs.writeFileSync(
                wrong,
                unitTest(
                    { ...ALERT_CASES[0]!, firing: ALERT_CASES[0]!.silent! },
                    "alerts.rules.yml",
                    true,
                ),
            );
            assert.notStrictEqual(run("promtool", ["test", "rules", wrong]).status, 0);
        });
    }
});

for (const stack of STACKS) {
    describe(`monitoring of ${stack}`, () => {
        it("renders prometheus.yml that promtool check config accepts, with its rules file", function () {
            requireTools(this, "promtool");
            const dir = fs.mkdtempSync(path.join(scratch, `config-${stack}-`));
            fs.mkdirSync(path.join(dir, "sa"));
            fs.writeFileSync(path.join(dir, "sa", "token"), "");
            const [config] = renderedFiles(stack, "prometheus");
            const [rules] = renderedFiles(stack, "prometheus-rules");
            // The files mount at /etc/prometheus and the token at the service-account path in the pod.
            fs.writeFileSync(
                path.join(dir, "prometheus.yml"),
                config!.text
                    .replace(/\/etc\/prometheus\//g, `${dir}/`)
                    .replace(
                        /\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\//g,
                        `${dir}/sa/`,
                    ),
            );
            fs.writeFileSync(path.join(dir, "alerts.rules.yml"), rules!.text);
            const checked = run("promtool", ["check", "config", path.join(dir, "prometheus.yml")]);
            assert.strictEqual(checked.status, 0, checked.stdout + checked.stderr);
            assert.match(checked.stdout, /SUCCESS: \d+ rules found/);
            const rulesChecked = run("promtool", [
                "check",
                "rules",
                path.join(dir, "alerts.rules.yml"),
            ]);
            assert.strictEqual(rulesChecked.status, 0, rulesChecked.stdout + rulesChecked.stderr);
        });
        it("renders alertmanager.yml that amtool accepts: critical and warning routes, inhibition, no secret inside", function () {
            requireTools(this, "amtool");
            const [am] = renderedFiles(stack, "alertmanager");
            const file = path.join(scratch, `alertmanager-${stack}.yml`);
            // Debian's amtool (0.25) predates the webhook's url_file (Alertmanager 0.26; the image runs 0.27): it checks
            // everything else with a literal URL in its place.
            assert.match(am!.text, /url_file: \/etc\/alertmanager\/secrets\/dead-mans-switch-url/);
            fs.writeFileSync(
                file,
                am!.text.replace(
                    /\burl_file: \/etc\/alertmanager\/secrets\/dead-mans-switch-url/,
                    "url: https://dead-mans-switch.invalid/",
                ),
            );
            const checked = run("amtool", ["check-config", file]);
            assert.strictEqual(checked.status, 0, checked.stdout + checked.stderr);
            const config = parse(am!.text) as {
                route: { routes: { receiver: string; matchers: string[] }[] };
                inhibit_rules: { source_matchers: string[]; target_matchers: string[] }[];
                receivers: { name: string; pagerduty_configs?: unknown[] }[];
            };
            assert.deepStrictEqual(
                config.route.routes.map((r) => r.receiver),
                ["dead-mans-switch", "critical", "warning"],
            );
            assert.deepStrictEqual(config.route.routes[0]!.matchers, ['alertname="Watchdog"']);
            assert.deepStrictEqual(
                [
                    config.inhibit_rules[0]!.source_matchers,
                    config.inhibit_rules[0]!.target_matchers,
                ],
                [['severity="critical"'], ['severity="warning"']],
            );
            assert.strictEqual(
                config.receivers.find((r) => r.name === "critical")!.pagerduty_configs !==
                    undefined,
                stack === "prod",
            );
            assert.doesNotMatch(am!.text, /hooks\.slack\.com|routing_key:/);
        });
        it("scrapes every validator, relay and server the stack declares", () => {
            const [config] = renderedFiles(stack, "prometheus");
            const jobs = (
                parse(config!.text) as {
                    scrape_configs: {
                        job_name: string;
                        dns_sd_configs?: { names: string[]; port: number }[];
                        static_configs?: { targets: string[] }[];
                    }[];
                }
            ).scrape_configs;
            const byJob = new Map(jobs.map((j) => [j.job_name, j]));
            // Validators and relays: one DNS name over all their pods; each pod of each StatefulSet carries the selected label and the scraped port.
            const services = planned(stack)
                .resources.filter((r) => r.type === "kubernetes:core/v1:Service")
                .map(
                    (s) =>
                        s.inputs as {
                            metadata: { name: string };
                            spec: {
                                selector: Record<string, string>;
                                clusterIP?: string;
                                publishNotReadyAddresses?: boolean;
                                ports: { port: number }[];
                            };
                        },
                );
            for (const [job, service, component] of [
                ["validators", "validators", "validator"],
                ["relays", "relay", "relay"],
            ] as const) {
                const sd = byJob.get(job)!.dns_sd_configs![0]!;
                assert.deepStrictEqual(sd.names, [`${service}.chain.svc.cluster.local`]);
                const svc = services.find((s) => s.metadata.name === service)!;
                assert.deepStrictEqual(
                    [
                        svc.spec.clusterIP,
                        svc.spec.publishNotReadyAddresses,
                        svc.spec.selector["app.kubernetes.io/component"],
                    ],
                    ["None", true, component],
                );
                assert.ok(svc.spec.ports.some((p) => p.port === sd.port));
                const sets = planned(stack).resources.filter(
                    (r) =>
                        r.type === "kubernetes:apps/v1:StatefulSet" &&
                        (r.inputs.metadata as { labels: Record<string, string> }).labels[
                            "app.kubernetes.io/component"
                        ] === component,
                );
                assert.ok(sets.length > 0);
                for (const set of sets) {
                    const pod = (
                        set.inputs.spec as {
                            template: {
                                metadata: { labels: Record<string, string> };
                                spec: { containers: { ports: { containerPort: number }[] }[] };
                            };
                        }
                    ).template;
                    assert.strictEqual(
                        pod.metadata.labels["app.kubernetes.io/component"],
                        component,
                    );
                    assert.ok(
                        pod.spec.containers[0]!.ports.some((p) => p.containerPort === sd.port),
                        `${set.name} does not listen on ${sd.port}`,
                    );
                }
            }
            const nodeTargets = byJob.get("node")!.static_configs!.flatMap((s) => s.targets);
            const instances = ofType(planned(stack), "aws:ec2/instance:Instance");
            const ips = (planned(stack).outputs as { appServers: { privateIps: string[] } })
                .appServers.privateIps;
            assert.strictEqual(
                nodeTargets.length,
                instances.length,
                "one node_exporter target per declared server",
            );
            for (const ip of ips) {
                assert.ok(nodeTargets.includes(`${ip}:9100`));
                assert.ok(byJob.get("api")!.static_configs![0]!.targets.includes(`${ip}:8080`));
            }
            assert.ok(
                byJob.has("cadvisor") &&
                    byJob.has("blackbox-https") &&
                    byJob.has("postgres-exporter") &&
                    byJob.has("redis-exporter") &&
                    byJob.has("nginx-exporter"),
            );
            const pgNames = byJob.get("postgres-exporter")!.dns_sd_configs![0]!.names;
            assert.strictEqual(
                pgNames.length,
                ofType(planned(stack), "aws:rds/instance:Instance").length,
                "one exporter per database instance",
            );
        });
        it("provisions Grafana dashboards for every area and keeps the admin password secret", () => {
            const dashboards = renderedFiles(stack, "grafana-dashboard").map(
                (d) => JSON.parse(d.text) as { title: string; panels: unknown[] },
            );
            assert.deepStrictEqual(
                dashboards.map((d) => d.title).sort(),
                [
                    "Network",
                    "Nginx",
                    "PostgreSQL",
                    "Redis",
                    "Relays",
                    "SLOs",
                    "System resources",
                    "Validators and consensus",
                ].sort(),
            );
            assert.ok(dashboards.every((d) => d.panels.length > 0));
            const secret = planned(stack).resources.find(
                (r) => r.type === "kubernetes:core/v1:Secret" && r.name.includes("grafana-admin"),
            )!;
            assert.strictEqual(secret.inputs.stringData, "[secret]");
            assert.strictEqual(
                (planned(stack).outputs as { monitoring: { grafanaAdminPassword: string } })
                    .monitoring.grafanaAdminPassword,
                "[secret]",
            );
        });
        it("exposes nothing of monitoring to the internet", () => {
            const services = planned(stack).resources.filter(
                (r) =>
                    r.type === "kubernetes:core/v1:Service" &&
                    (r.inputs.metadata as { namespace: string }).namespace === "monitoring",
            );
            assert.ok(services.length >= 8);
            assert.ok(
                services.every((s) => (s.inputs.spec as { type?: string }).type === undefined),
            );
            assert.ok(
                planned(stack).resources.some(
                    (r) =>
                        r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" &&
                        (r.inputs.metadata as { namespace: string; name: string }).namespace ===
                            "monitoring" &&
                        (r.inputs.metadata as { name: string }).name === "default-deny",
                ),
            );
        });
    });
}
