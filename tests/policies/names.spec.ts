import * as assert from "assert";
import { clusterNamesResolve, namesIn } from "../../policies/rules/names";
import { jobVolumesReclaimed } from "../../policies/rules/volumes";
import { InventoryResource } from "../../offline/inventory";
import { planned, STACKS } from "../support/harness";
import { check, Subject } from "../support/policy-helper";

const subjectsOf = (resources: readonly InventoryResource[]): Subject[] =>
    resources.map((r) => ({
        type: r.type,
        name: r.name,
        props: JSON.parse(JSON.stringify(r.inputs)) as Record<string, unknown>,
        stack: r.urn.split("::")[0]!.split(":").pop(),
    }));

const namespace = (name: string): Subject => ({
    type: "kubernetes:core/v1:Namespace",
    name: `ns-${name}`,
    props: { metadata: { name } },
});
const headless = (name: string, selector: Record<string, string>): Subject => ({
    type: "kubernetes:core/v1:Service",
    name: `svc-${name}`,
    props: { metadata: { name, namespace: "chain" }, spec: { clusterIP: "None", selector } },
});
const statefulSet = (name: string, replicas: number, args: string[] = []): Subject => ({
    type: "kubernetes:apps/v1:StatefulSet",
    name: `sts-${name}`,
    props: {
        metadata: { name, namespace: "chain" },
        spec: {
            replicas,
            serviceName: name,
            template: {
                metadata: { labels: { app: name } },
                spec: { containers: [{ name: "node", args }] },
            },
        },
    },
});
const world = (args: string[]): Subject[] => [
    namespace("chain"),
    headless("validator-0", { app: "validator-0" }),
    statefulSet("validator-0", 1),
    headless("relay", { app: "relay" }),
    statefulSet("relay", 2, args),
];

describe("cluster-names-resolve", () => {
    it("passes names of Services and of pods below the replica count", async () => {
        const run = await check(
            clusterNamesResolve,
            world([
                "--chain-rpc",
                "http://relay.chain.svc.cluster.local:7081",
                "--bootstrap",
                "/dns4/validator-0-0.validator-0.chain.svc.cluster.local/tcp/7070",
                "--bootstrap",
                "/dns4/relay-1.relay.chain.svc.cluster.local/tcp/7080",
                "http://kubernetes.default.svc",
            ]),
        );
        assert.deepStrictEqual(run.messages, []);
    });
    it("names the StatefulSet's pod when given the StatefulSet's own name, and fires on ordinals, namespaces, Services and bare multiaddr hosts", async () => {
        const run = await check(
            clusterNamesResolve,
            world([
                "/dns4/validator-0.validator-0.chain.svc.cluster.local/tcp/7070",
                "/dns4/relay-2.relay.chain.svc.cluster.local/tcp/7080",
                "http://relay.other.svc.cluster.local:1",
                "http://relays.chain.svc:1",
                "/dns4/dchat-relay1/tcp/7070",
            ]),
        );
        const messages = [...run.messages].sort();
        assert.strictEqual(messages.length, 5, JSON.stringify(messages));
        assert.match(
            messages[4]!,
            /^validator-0\.validator-0\.chain\.svc\.cluster\.local .* resolves to nothing: .*pods of StatefulSet validator-0 are validator-0-0/,
        );
        assert.match(messages[1]!, /relay-2.*has 2 replica\(s\)/);
        assert.match(messages[2]!, /namespace other, which the stack does not declare/);
        assert.match(messages[3]!, /Service chain\/relays, which the stack does not declare/);
        assert.match(messages[0]!, /dchat-relay1 .*Service chain\/dchat-relay1/);
    });
    it("reads env values and ConfigMap data too, and leaves names outside the cluster alone", async () => {
        const config: Subject = {
            type: "kubernetes:core/v1:ConfigMap",
            name: "cm",
            props: {
                metadata: { name: "c", namespace: "chain" },
                data: {
                    "dchat.toml":
                        'bootstrap_peers = ["/dns4/relay-9.relay.chain.svc.cluster.local/tcp/7080", "/dns4/example.com/tcp/1"]',
                },
            },
        };
        const env: Subject = {
            type: "kubernetes:batch/v1:CronJob",
            name: "job",
            props: {
                metadata: { name: "j", namespace: "chain" },
                spec: {
                    jobTemplate: {
                        spec: {
                            template: {
                                spec: {
                                    containers: [
                                        {
                                            name: "x",
                                            env: [
                                                {
                                                    name: "URL",
                                                    value: "http://nothing.chain.svc.cluster.local",
                                                },
                                            ],
                                        },
                                    ],
                                },
                            },
                        },
                    },
                },
            },
        };
        const run = await check(clusterNamesResolve, [...world([]), config, env]);
        assert.deepStrictEqual(run.messages.map((m) => m.split(" ")[0]).sort(), [
            "nothing.chain.svc.cluster.local",
            "relay-9.relay.chain.svc.cluster.local",
        ]);
    });
    it("finds names in text without taking longer external names", () => {
        assert.deepStrictEqual(
            namesIn(
                "a http://x.y.svc.cluster.local:80/p b.c.svc:9 d.svc.example.com /dns4/h/tcp/1",
            ),
            ["x.y.svc.cluster.local", "b.c.svc", "h"],
        );
    });
    for (const stack of STACKS) {
        it(`passes the ${stack} plan, which gives its nodes pod and Service names, and fires when one is broken`, async () => {
            const resources = planned(stack).resources;
            const text = JSON.stringify(
                resources.filter((r) => r.type.startsWith("kubernetes:")).map((r) => r.inputs),
            );
            assert.ok(
                text.includes("/dns4/validator-3-0.validator-3.chain.svc.cluster.local/tcp/"),
                "the plan names validator pods",
            );
            assert.deepStrictEqual(
                planned(stack).violations.filter((v) => v.policy === "cluster-names-resolve"),
                [],
            );
            const subjects = subjectsOf(resources);
            assert.deepStrictEqual((await check(clusterNamesResolve, subjects)).messages, []);
            const broken = subjects.find(
                (s) =>
                    s.type === "kubernetes:apps/v1:StatefulSet" &&
                    s.name === "chain-statefulset-relay",
            )!;
            const container = (
                broken.props as {
                    spec: { template: { spec: { containers: { args: string[] }[] } } };
                }
            ).spec.template.spec.containers[0]!;
            container.args = container.args.map((a) =>
                a.replace("validator-0-0.validator-0", "validator-0.validator-0"),
            );
            const run = await check(clusterNamesResolve, subjects);
            assert.deepStrictEqual(
                run.messages.map((m) => m.split(" ")[0]),
                ["validator-0.validator-0.chain.svc.cluster.local"],
            );
        });
    }
});

describe("job-volumes-not-retained", () => {
    const storageClass = (name: string, reclaimPolicy?: string, isDefault = false): Subject => ({
        type: "kubernetes:storage.k8s.io/v1:StorageClass",
        name,
        props: {
            metadata: {
                name,
                ...(isDefault
                    ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }
                    : {}),
            },
            ...(reclaimPolicy ? { reclaimPolicy } : {}),
        },
    });
    const job = (volume: Record<string, unknown>): Subject => ({
        type: "kubernetes:batch/v1:CronJob",
        name: "dump",
        props: {
            metadata: { name: "dump", namespace: "backups" },
            spec: {
                jobTemplate: {
                    spec: { template: { spec: { volumes: [{ name: "work", ...volume }] } } },
                },
            },
        },
    });
    const ephemeral = (storageClassName?: string) => ({
        ephemeral: {
            volumeClaimTemplate: { spec: { ...(storageClassName ? { storageClassName } : {}) } },
        },
    });
    const classes = [
        storageClass("gp3-encrypted", "Retain", true),
        storageClass("gp3-scratch", "Delete"),
        storageClass("plain"),
    ];

    it("passes classes that delete their volumes", async () => {
        for (const volume of [ephemeral("gp3-scratch"), ephemeral("plain"), { emptyDir: {} }]) {
            assert.deepStrictEqual(
                (await check(jobVolumesReclaimed, [...classes, job(volume)])).messages,
                [],
            );
        }
    });
    it("fires on a retained class, named or default, ephemeral or claimed", async () => {
        const claim: Subject = {
            type: "kubernetes:core/v1:PersistentVolumeClaim",
            name: "pvc",
            props: {
                metadata: { name: "scratch", namespace: "backups" },
                spec: { storageClassName: "gp3-encrypted" },
            },
        };
        for (const volume of [
            ephemeral("gp3-encrypted"),
            ephemeral(),
            { persistentVolumeClaim: { claimName: "scratch" } },
        ]) {
            const run = await check(jobVolumesReclaimed, [...classes, claim, job(volume)]);
            assert.deepStrictEqual(run.messages, [
                "volume work uses storage class gp3-encrypted, whose reclaimPolicy is Retain: every run leaves a volume behind; use a class with reclaimPolicy Delete",
            ]);
        }
    });
    for (const stack of STACKS) {
        it(`passes the ${stack} plan`, () => {
            assert.deepStrictEqual(
                planned(stack).violations.filter((v) => v.policy === "job-volumes-not-retained"),
                [],
            );
        });
    }
});
