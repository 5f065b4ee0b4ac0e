/** The flow model: it finds the flows the groups allow, and the policy fires on each planted break. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { networkPolicies } from "../../components/shared/network-policies";
import { NEEDED_FLOWS } from "../../policies/data/needed-flows";
import { allowedFlows, describeFlow } from "../../policies/lib/flow-model";
import { flowsMatchNeeded } from "../../policies/rules/flows";
import { stackArgs } from "../../offline/policy-runner";
import { fromInventory } from "../../offline/policy-input";
import { neededFlows } from "../../topology/needed-flows";
import { portMap } from "../../topology/ports";
import { planned, STACKS } from "../support/harness";
import { check, securityGroup, subject, Subject, urnOf } from "../support/policy-helper";
import { NEEDED_POD_FLOWS } from "../../policies/data/needed-pod-flows";
import { podFlows } from "../../policies/lib/pod-flows";
import { podFlowsMatchNeeded } from "../../policies/rules/pod-flows";

const group = (role: string): Subject => securityGroup(`${role}-sg`, { Role: role });
const rule = (
    direction: "ingress" | "egress",
    on: string,
    port: number,
    peer: { group: string } | { cidr: string },
    name = `${on}-${direction}-${port}`,
): Subject => ({
    type:
        direction === "ingress"
            ? "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
            : "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    name,
    props: {
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        ...("cidr" in peer
            ? { cidrIpv4: peer.cidr }
            : { referencedSecurityGroupId: `sg-${peer.group}` }),
    },
    propertyDependencies: {
        securityGroupId: [urnOf(group(on))],
        ...("group" in peer ? { referencedSecurityGroupId: [urnOf(group(peer.group))] } : {}),
    },
});
const needed = [
    { from: "appServer", to: "postgres", protocol: "tcp", port: 5432, why: "queries" },
    { from: "appServer", to: "internet", protocol: "tcp", port: 443, why: "AWS APIs" },
];
/** App servers reach PostgreSQL and the internet on 443, as `needed` says. */
const world: Subject[] = [
    group("appServer"),
    group("postgres"),
    rule("ingress", "postgres", 5432, { group: "appServer" }),
    rule("egress", "appServer", 5432, { group: "postgres" }),
    rule("egress", "appServer", 443, { cidr: "0.0.0.0/0" }),
];

async function messages(subjects: readonly Subject[]): Promise<string[]> {
    return (await check(flowsMatchNeeded, subjects, { needed })).messages;
}

describe("flow model", () => {
    it("allows a flow only when the target admits the source and the source may send to it", () => {
        const flows = allowedFlows(
            stackArgs(
                world.map((s) => ({
                    urn: urnOf(s),
                    type: s.type,
                    name: s.name ?? "subject",
                    props: s.props,
                    dependencies: [],
                    propertyDependencies: s.propertyDependencies,
                })),
            ).resources,
        ).map(describeFlow);
        assert.deepStrictEqual(flows, [
            "appServer → internet tcp 443",
            "appServer → postgres tcp 5432",
        ]);
    });
    it("passes the world it needs", async () => {
        assert.deepStrictEqual(await messages(world), []);
    });
    it("fires on a needed flow blocked (the egress rule removed)", async () => {
        assert.deepStrictEqual(
            await messages(world.filter((s) => s.name !== "appServer-egress-5432")),
            ["needed flow blocked: appServer → postgres tcp 5432 (queries)"],
        );
    });
    it("fires on an extra flow (a new ingress rule and its egress)", async () => {
        const extra = [
            ...world,
            rule("ingress", "postgres", 22, { group: "appServer" }),
            rule("egress", "appServer", 22, { group: "postgres" }),
        ];
        assert.deepStrictEqual(await messages(extra), [
            "allowed flow not needed: appServer → postgres tcp 22",
        ]);
    });
    it("fires when a launch template puts EKS's cluster security group on the nodes: all traffic among them", async () => {
        const cluster: Subject = { type: "aws:eks/cluster:Cluster", name: "eks", props: {} };
        const template: Subject = {
            type: "aws:ec2/launchTemplate:LaunchTemplate",
            name: "nodes",
            props: { vpcSecurityGroupIds: ["sg-eks", "sg-cluster"] },
            propertyDependencies: {
                vpcSecurityGroupIds: [urnOf(cluster), urnOf(group("cluster"))],
            },
        };
        const found = await messages([...world, group("cluster"), cluster, template]);
        assert.ok(
            found.includes("allowed flow not needed: cluster → cluster all all ports"),
            JSON.stringify(found),
        );
        assert.ok(
            found.includes("allowed flow not needed: cluster → internet all all ports"),
            JSON.stringify(found),
        );
    });
    it("keeps the pack's needed flows equal to what the port map derives (npm run -s tables -- --needed-flows)", () => {
        const derived = neededFlows(portMap({ sshFromOperators: true })).map((f) => ({ ...f }));
        const required = new Set(neededFlows(portMap()).map((f) => JSON.stringify(f)));
        assert.deepStrictEqual(
            NEEDED_FLOWS.map(({ optional, ...f }) => ({ f, optional: optional ?? false })),
            derived.map((f) => ({ f, optional: !required.has(JSON.stringify(f)) })),
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: every needed flow allowed, every allowed flow needed`, () => {
            const inventory = planned(stack);
            assert.deepStrictEqual(
                inventory.violations.filter((v) => v.policy === flowsMatchNeeded.name),
                [],
            );
            const flows = allowedFlows(stackArgs(fromInventory(inventory.resources)).resources);
            assert.ok(flows.length >= 40, `${flows.length} flows`);
            assert.ok(!flows.some((f) => f.protocol === "all"));
        });
    }
    it("accepts the SSH flows sshFromOperators adds (optional in the needed list)", async () => {
        const withSsh = [
            ...world,
            group("wireguardHub"),
            rule("ingress", "appServer", 22, { group: "wireguardHub" }),
            rule("egress", "wireguardHub", 22, { group: "appServer" }),
        ];
        assert.deepStrictEqual(
            (await check(flowsMatchNeeded, withSsh)).messages.filter((m) => /tcp 22/.test(m)),
            [],
        );
    });
});

describe("backup jobs' flows", () => {
    for (const stack of STACKS) {
        it(`${stack}: only the dump jobs may reach PostgreSQL; the chain's snapshot jobs carry a label of their own`, () => {
            const inventory = planned(stack);
            const egress = inventory.resources.find(
                (r) =>
                    r.type.endsWith("NetworkPolicy") &&
                    r.name === "backup-jobs-networkpolicy-backupjob-egress",
            )!;
            const selector = (
                egress.inputs.spec as { podSelector: { matchLabels: Record<string, string> } }
            ).podSelector.matchLabels;
            const podLabels = (r: (typeof inventory.resources)[number]) =>
                (
                    r.inputs.spec as {
                        jobTemplate: {
                            spec: { template: { metadata: { labels: Record<string, string> } } };
                        };
                    }
                ).jobTemplate.spec.template.metadata.labels;
            const jobs = inventory.resources.filter(
                (r) => r.type === "kubernetes:batch/v1:CronJob",
            );
            const selected = (r: (typeof jobs)[number]) =>
                Object.entries(selector).every(([k, v]) => podLabels(r)[k] === v);
            const dumps = jobs.filter((j) => j.name.includes("postgres"));
            const snapshots = jobs.filter((j) => j.name.includes("chain"));
            assert.ok(dumps.length > 0 && snapshots.length > 0);
            assert.ok(dumps.every(selected));
            assert.ok(!snapshots.some(selected));
        });
    }
});

describe("pods' egress under the NetworkPolicies", () => {
    type Selector = {
        matchLabels?: Record<string, string>;
        matchExpressions?: { key: string; operator: string; values: string[] }[];
    };
    const selects = (selector: Selector, labels: Record<string, string>) =>
        Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
        (selector.matchExpressions ?? []).every((e) =>
            e.operator === "In"
                ? e.values.includes(labels[e.key]!)
                : e.operator === "NotIn"
                  ? !e.values.includes(labels[e.key]!)
                  : false,
        );
    for (const stack of STACKS) {
        it(`${stack}: only pods that call HTTPS endpoints may send to tcp/443; relays, Grafana and Jaeger may not`, () => {
            const inventory = planned(stack);
            const policies = inventory.resources
                .filter((r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy")
                .map(
                    (r) =>
                        r.inputs as {
                            metadata: { namespace: string };
                            spec: {
                                podSelector: Selector;
                                egress?: {
                                    to?: { ipBlock?: { cidr: string } }[];
                                    ports?: { port: number }[];
                                }[];
                            };
                        },
                );
            const mayReach443Anywhere = (namespace: string, component: string) =>
                policies.some(
                    (p) =>
                        p.metadata.namespace === namespace &&
                        selects(p.spec.podSelector, { "app.kubernetes.io/component": component }) &&
                        (p.spec.egress ?? []).some(
                            (e) =>
                                (e.ports ?? []).some((port) => port.port === 443) &&
                                (e.to ?? []).some((t) => t.ipBlock?.cidr === "0.0.0.0/0"),
                        ),
                );
            for (const [namespace, component] of [
                ["chain", "relay"],
                ["monitoring", "grafana"],
                ["monitoring", "jaeger"],
                ["monitoring", "nginx-exporter"],
            ] as const) {
                assert.ok(
                    !mayReach443Anywhere(namespace, component),
                    `${namespace}/${component} may send to any host on 443`,
                );
            }
            for (const [namespace, component] of [
                ["chain", "validator"],
                ["backups", "backup-postgres"],
                ["monitoring", "alertmanager"],
                ["monitoring", "prometheus"],
            ] as const) {
                assert.ok(
                    mayReach443Anywhere(namespace, component),
                    `${namespace}/${component} cannot reach the AWS APIs it needs`,
                );
            }
        });
    }
});

describe("operators and load balancers as addresses, not subnets", () => {
    for (const stack of STACKS) {
        it(`${stack}: the monitoring UIs admit the hub's address alone, and the Nginx exporter reaches each load balancer's`, () => {
            const inventory = planned(stack);
            const spec = (name: string) =>
                inventory.resources.find((r) => r.name === `monitoring-networkpolicy-${name}`)!
                    .inputs.spec as {
                    ingress?: { from: { ipBlock?: { cidr: string } }[] }[];
                    egress?: { to: { ipBlock?: { cidr: string } }[] }[];
                };
            const fromBlocks = spec("grafana-ingress").ingress!.flatMap((rule) =>
                rule.from.map((peer) => peer.ipBlock?.cidr),
            );
            assert.strictEqual(fromBlocks.length, 1);
            assert.match(fromBlocks[0]!, /^10\.\d+\.\d+\.\d+\/32$/);
            const toBlocks = spec("nginxexporter-egress").egress!.flatMap((rule) =>
                rule.to.map((peer) => peer.ipBlock?.cidr),
            );
            assert.strictEqual(toBlocks.length, stack === "prod" ? 2 : 1);
            assert.ok(toBlocks.every((cidr) => /\/32$/.test(cidr!)));
        });
        it(`${stack}: Jaeger admits traces from each API server's address, and Prometheus scrapes each server's, not the subnets`, () => {
            const inventory = planned(stack);
            const servers = inventory.resources.filter(
                (r) => r.type === "aws:ec2/instance:Instance" && /^app-\d+$/.test(r.name),
            ).length;
            const spec = (name: string) =>
                inventory.resources.find((r) => r.name === `monitoring-networkpolicy-${name}`)!
                    .inputs.spec as {
                    ingress?: {
                        from: { ipBlock?: { cidr: string } }[];
                        ports: { port: number }[];
                    }[];
                    egress?: { to: { ipBlock?: { cidr: string } }[]; ports: { port: number }[] }[];
                };
            const otlp = spec("jaeger-ingress").ingress!.find((rule) =>
                rule.ports.some((p) => p.port === 4317),
            )!;
            const blocks = otlp.from.flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr] : []));
            assert.ok(servers > 1);
            assert.strictEqual(
                new Set(blocks).size,
                servers,
                `one /32 per API server: ${blocks.join(", ")}`,
            );
            assert.ok(blocks.every((cidr) => /\/32$/.test(cidr)));
            const apiMetrics = spec("prometheus-egress").egress!.find((rule) =>
                rule.ports.some((p) => p.port === 8080),
            )!;
            assert.ok(
                apiMetrics.to.every((peer) => /\/32$/.test(peer.ipBlock?.cidr ?? "")),
                "the API's /metrics by address",
            );
        });
    }
    it("keeps every distinct server address when several roles admit at once (addresses are unknown until deployment)", () => {
        const addresses = ["10.0.1.1/32", "10.0.2.2/32"].map((cidr) => pulumi.output(cidr));
        const listeners = [
            {
                role: "jaeger",
                name: "otlp",
                port: 4317,
                protocol: "tcp",
                from: ["appServer", "validator"],
                purpose: "traces",
            },
        ] as unknown as Parameters<typeof networkPolicies>[1];
        const policies = networkPolicies("monitoring", listeners, {
            jaeger: { kind: "pods", namespace: "monitoring", labels: { app: "jaeger" } },
            validator: { kind: "pods", namespace: "chain", labels: { app: "validator" } },
            appServer: { kind: "networks", cidrs: addresses },
        });
        const from = (
            policies.find((p) => p.metadata.name === "jaeger-ingress")!.spec as {
                ingress: { from: { ipBlock?: { cidr: unknown } }[] }[];
            }
        ).ingress[0]!.from;
        assert.deepStrictEqual(
            from.flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr] : [])),
            addresses,
        );
    });
});

describe("flow model: rules it cannot place are reported, not dropped", () => {
    it("fires on an IPv6 rule and on an inline group rule, and counts ICMP's -1 ports as every port", async () => {
        const ipv6: Subject = {
            type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            name: "v6",
            props: { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv6: "::/0" },
            propertyDependencies: { securityGroupId: [urnOf(group("postgres"))] },
        };
        assert.deepStrictEqual(await messages([...world, ipv6]), [
            "security group rule v6 is outside the flow model (IPv6, prefix list, undeclared group, inline or legacy rule): declare it as a port-map flow",
        ]);
        const inline: Subject = {
            ...group("redis"),
            props: {
                tags: { Role: "redis" },
                ingress: [
                    { protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: ["0.0.0.0/0"] },
                ],
            },
        };
        assert.ok(
            (await messages([...world, inline])).some((m) =>
                /redis-sg is outside the flow model/.test(m),
            ),
        );
        const icmp = {
            ...rule("ingress", "postgres", 0, { cidr: "0.0.0.0/0" }, "icmp"),
            props: { ipProtocol: "icmp", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" },
        };
        assert.ok(
            (await messages([...world, icmp])).includes(
                "allowed flow not needed: internet → postgres icmp 0-65535",
            ),
        );
    });
});

describe("pod flow model (NetworkPolicies)", () => {
    const ns = (namespace: string, component: string): Subject => ({
        type: "kubernetes:apps/v1:Deployment",
        name: component,
        props: {
            metadata: { namespace },
            spec: {
                template: {
                    metadata: { labels: { "app.kubernetes.io/component": component } },
                    spec: { containers: [{ name: component, image: "x:1" }] },
                },
            },
        },
    });
    const np = (name: string, namespace: string, spec: Record<string, unknown>): Subject => ({
        type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        name,
        props: { metadata: { namespace }, spec },
    });
    const deny = (namespace: string) =>
        np(`${namespace}-deny`, namespace, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    const sel = (component: string) => ({
        matchLabels: { "app.kubernetes.io/component": component },
    });
    const scrape = [
        ns("monitoring", "prometheus"),
        ns("chain", "validator"),
        deny("monitoring"),
        deny("chain"),
        np("prom-out", "monitoring", {
            podSelector: sel("prometheus"),
            policyTypes: ["Egress"],
            egress: [
                {
                    to: [
                        {
                            namespaceSelector: {
                                matchLabels: { "kubernetes.io/metadata.name": "chain" },
                            },
                            podSelector: sel("validator"),
                        },
                    ],
                    ports: [{ port: 9101, protocol: "TCP" }],
                },
            ],
        }),
        np("val-in", "chain", {
            podSelector: sel("validator"),
            policyTypes: ["Ingress"],
            ingress: [
                {
                    from: [
                        {
                            namespaceSelector: {
                                matchLabels: { "kubernetes.io/metadata.name": "monitoring" },
                            },
                            podSelector: sel("prometheus"),
                        },
                    ],
                    ports: [{ port: 9101, protocol: "TCP" }],
                },
            ],
        }),
    ];
    const subjects = (list: readonly Subject[]) => stackArgs(list.map(subject)).resources;
    const neededScrape = [
        {
            from: "monitoring/prometheus",
            to: "chain/validator",
            protocol: "TCP",
            port: 9101,
            why: "metrics",
        },
    ];

    it("allows a flow only with the sender's egress and the receiver's ingress, across namespaces by namespaceSelector", () => {
        assert.deepStrictEqual(
            podFlows(subjects(scrape)).map((f) => `${f.from}>${f.to}:${f.port}`),
            ["monitoring/prometheus>chain/validator:9101"],
        );
        const noEgress = scrape.filter((s) => s.name !== "prom-out");
        assert.deepStrictEqual(
            podFlows(subjects(noEgress)),
            [],
            "the default deny blocks prometheus's egress",
        );
        const sameNamespaceOnly = scrape.map((s) =>
            s.name === "val-in"
                ? np("val-in", "chain", {
                      podSelector: sel("validator"),
                      policyTypes: ["Ingress"],
                      ingress: [
                          { from: [{ podSelector: sel("prometheus") }], ports: [{ port: 9101 }] },
                      ],
                  })
                : s,
        );
        assert.deepStrictEqual(
            podFlows(subjects(sameNamespaceOnly)),
            [],
            "a podSelector alone names pods of the policy's own namespace",
        );
        assert.ok(
            podFlows(subjects(scrape), false).some((f) => f.port === "all"),
            "unenforced, everything flows",
        );
    });
    it("reads selectors and ports as Kubernetes does: matchExpressions, namespace labels, endPort", () => {
        const labelledNs: Subject = {
            type: "kubernetes:core/v1:Namespace",
            name: "monitoring-ns",
            props: { metadata: { name: "monitoring", labels: { team: "obs" } } },
        };
        const byExpression = scrape.map((s) =>
            s.name === "val-in"
                ? np("val-in", "chain", {
                      podSelector: sel("validator"),
                      policyTypes: ["Ingress"],
                      ingress: [
                          {
                              from: [
                                  {
                                      namespaceSelector: { matchLabels: { team: "obs" } },
                                      podSelector: {
                                          matchExpressions: [
                                              {
                                                  key: "app.kubernetes.io/component",
                                                  operator: "In",
                                                  values: ["prometheus", "grafana"],
                                              },
                                          ],
                                      },
                                  },
                              ],
                              ports: [{ port: 9100, endPort: 9102, protocol: "TCP" }],
                          },
                      ],
                  })
                : s,
        );
        assert.deepStrictEqual(
            podFlows(subjects([...byExpression, labelledNs])).map(
                (f) => `${f.from}>${f.to}:${f.port}`,
            ),
            ["monitoring/prometheus>chain/validator:9101"],
        );
        assert.deepStrictEqual(
            podFlows(subjects(byExpression)),
            [],
            "without the namespace's team label the selector names nothing",
        );
    });
    it("pod-flows-match-needed fires on a needed flow blocked and on a flow nobody needs, naming it", async () => {
        assert.deepStrictEqual(
            (await check(podFlowsMatchNeeded, scrape, { needed: neededScrape })).messages,
            [],
        );
        const blocked = await check(
            podFlowsMatchNeeded,
            scrape.filter((s) => s.name !== "val-in"),
            { needed: neededScrape },
        );
        assert.ok(
            blocked.messages.includes(
                "needed pod flow blocked: monitoring/prometheus → chain/validator TCP 9101 (metrics)",
            ),
            blocked.messages.join("\n"),
        );
        const open = await check(
            podFlowsMatchNeeded,
            scrape.filter((s) => s.name !== "chain-deny" && s.name !== "val-in"),
            { needed: neededScrape },
        );
        assert.ok(
            !open.messages.some((m) =>
                m.includes("monitoring/prometheus → chain/validator TCP 9101"),
            ),
            "the needed flow is not reported as unneeded",
        );
        assert.match(
            open.messages.join("\n"),
            /pod flow allowed but not needed: chain\/validator → chain\/validator all all ports/,
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: the NetworkPolicies allow exactly the needed pod flows`, () => {
            const flows = podFlows(stackArgs(fromInventory(planned(stack).resources)).resources);
            const key = (f: { from: string; to: string; protocol: string; port: number | "all" }) =>
                `${f.from}>${f.to}:${f.protocol}:${f.port}`;
            assert.deepStrictEqual(flows.map(key).sort(), NEEDED_POD_FLOWS.map(key).sort());
            assert.ok(
                !planned(stack).violations.some((v) => v.policy === "pod-flows-match-needed"),
            );
        });
    }
});
