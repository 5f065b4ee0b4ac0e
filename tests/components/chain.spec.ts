import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { backupObjects } from "../../components/backup-jobs/cronjobs";
import { contentTag, contextDigest } from "../../components/chain-image/context-digest";
import { networkPolicies } from "../../components/shared/network-policies";
import { chainObjects, RESOURCES } from "../../components/chain/workloads";
import { InventoryResource } from "../../offline/inventory";
import { portMap } from "../../topology/ports";
import { BACKUP_SCHEDULES } from "../../topology/retention";
import {
    ofType,
    plan,
    planned,
    prefetch,
    PROJECT_DIR,
    renderedFiles,
    STACKS,
} from "../support/harness";
import { validateObject } from "../support/kubernetes-schema";
import { parse as parseYaml } from "yaml";

// Helm releases are not objects; the VolumeSnapshotClass is a CRD instance kubernetes-models has no schema for (checked below).
const K8S_NOT_OBJECTS = new Set([
    "kubernetes:helm.sh/v3:Release",
    "kubernetes:snapshot.storage.k8s.io/v1:VolumeSnapshotClass",
]);
const spec = {
    validators: 4,
    relays: 4,
    zones: ["us-east-1a", "us-east-1b"],
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/chain-node@sha256:" + "a".repeat(64),
    storageClass: "gp3-encrypted",
    volumeGb: 100,
    region: "us-east-1",
    listeners: portMap(),
    validatorKeys: Array.from({ length: 4 }, (_, i) => ({
        secretArn: `arn:aws:secretsmanager:us-east-1:1:secret:v${i}`,
        roleArn: `arn:aws:iam::1:role/v${i}`,
    })),
    rpcBalancerSecurityGroupId: "sg-1",
};

describe("Kubernetes objects against the Kubernetes schemas", () => {
    it("validates the pure builders' objects, and rejects a broken one", () => {
        const objects = [
            ...chainObjects(spec),
            ...networkPolicies("chain", portMap(), {
                validator: { kind: "pods", namespace: "chain", labels: { c: "v" } },
                relay: { kind: "pods", namespace: "chain", labels: { c: "r" } },
            }),
        ];
        for (const object of objects) validateObject(object);
        const broken = JSON.parse(
            JSON.stringify(chainObjects(spec).find((o) => o.kind === "StatefulSet")),
        ) as {
            spec: { template: { spec: { containers: { ports: { containerPort: unknown }[] }[] } } };
        };
        broken.spec.template.spec.containers[0]!.ports[0]!.containerPort = "p2p";
        assert.throws(() => validateObject(broken as never), /containerPort must be integer/);
        assert.throws(
            () => validateObject({ apiVersion: "apps/v1", kind: "Nonsense" }),
            /no schema/,
        );
    });
    for (const stack of STACKS) {
        it(`validates every Kubernetes object the ${stack} stack declares`, () => {
            const objects = planned(stack).resources.filter(
                (r) =>
                    r.type.startsWith("kubernetes:") &&
                    !r.type.startsWith("kubernetes:index") &&
                    !K8S_NOT_OBJECTS.has(r.type) &&
                    r.custom,
            );
            assert.ok(objects.length > 30, `${objects.length} objects`);
            for (const object of objects) {
                // Secret contents are masked in the plan; the schema checks the rest of the object.
                const inputs = Object.fromEntries(
                    Object.entries(object.inputs).filter(([, value]) => value !== "[secret]"),
                );
                assert.doesNotThrow(() => validateObject(inputs), `${object.urn}`);
            }
        });
    }
});

for (const stack of STACKS) {
    const zones = stack === "prod" ? 4 : 2;
    describe(`chain of ${stack}`, () => {
        const k8s = (kind: string) =>
            planned(stack).resources.filter(
                (r) => r.type.endsWith(`:${kind}`) && r.type.startsWith("kubernetes:"),
            );
        const validators = () =>
            k8s("StatefulSet").filter(
                (s) =>
                    (s.inputs.metadata as { labels: Record<string, string> }).labels[
                        "app.kubernetes.io/component"
                    ] === "validator",
            );
        type Pod = {
            nodeSelector?: Record<string, string>;
            containers: {
                name: string;
                image: string;
                resources: unknown;
                env?: { name: string; value?: string }[];
            }[];
            initContainers?: { env?: { name: string; value?: string }[] }[];
            topologySpreadConstraints?: unknown[];
        };
        const podOf = (r: InventoryResource) =>
            (r.inputs.spec as { template: { spec: Pod } }).template.spec;

        it("runs one StatefulSet per validator, each with its own volume, service account and key secret, and one relay StatefulSet", () => {
            assert.strictEqual(validators().length, 4);
            for (const v of validators()) {
                const s = v.inputs.spec as {
                    replicas: number;
                    volumeClaimTemplates: unknown[];
                    template: { spec: { serviceAccountName: string } };
                };
                assert.strictEqual(s.replicas, 1);
                assert.strictEqual(s.volumeClaimTemplates.length, 1);
                assert.strictEqual(
                    s.template.spec.serviceAccountName,
                    (v.inputs.metadata as { name: string }).name,
                );
            }
            const relay = k8s("StatefulSet").find(
                (s) => (s.inputs.metadata as { name: string }).name === "relay",
            )!;
            assert.strictEqual((relay.inputs.spec as { replicas: number }).replicas, 4);
            const keySecrets = ofType(planned(stack), "aws:secretsmanager/secret:Secret").filter(
                (s) => /\/validators\/validator-\d$/.test(String(s.inputs.name)),
            );
            assert.strictEqual(keySecrets.length, 4);
        });
        it("sizes containers from the seeds and pulls the node image by digest", () => {
            for (const v of validators()) {
                const [container] = podOf(v).containers;
                assert.deepStrictEqual(container!.resources, RESOURCES.validator);
                assert.match(
                    container!.image,
                    /\.dkr\.ecr\.us-east-1\.amazonaws\.com\/chain-platform-[a-z]+\/chain-node@sha256:[0-9a-f]{64}$/,
                );
            }
            const relay = k8s("StatefulSet").find(
                (s) => (s.inputs.metadata as { name: string }).name === "relay",
            )!;
            assert.deepStrictEqual(podOf(relay).containers[0]!.resources, RESOURCES.relay);
        });
        it(`pins validators to zones so that one zone outage costs at most ${stack === "prod" ? "one" : "two"}, and spreads relays`, () => {
            const byZone = new Map<string, number>();
            for (const v of validators()) {
                const zone = podOf(v).nodeSelector!["topology.kubernetes.io/zone"]!;
                byZone.set(zone, (byZone.get(zone) ?? 0) + 1);
            }
            assert.strictEqual(byZone.size, zones);
            assert.strictEqual(Math.max(...byZone.values()), 4 / zones);
            const relay = k8s("StatefulSet").find(
                (s) => (s.inputs.metadata as { name: string }).name === "relay",
            )!;
            assert.deepStrictEqual(podOf(relay).topologySpreadConstraints, [
                {
                    labelSelector: { matchLabels: { "app.kubernetes.io/component": "relay" } },
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "DoNotSchedule",
                },
            ]);
            assert.ok(!planned(stack).violations.some((v) => v.policy === "prod-fault-domains"));
        });
        it("never lets a voluntary disruption take more than one validator", () => {
            const pdb = k8s("PodDisruptionBudget").find(
                (p) => (p.inputs.metadata as { name: string }).name === "validator",
            )!;
            assert.deepStrictEqual(pdb.inputs.spec, {
                maxUnavailable: 1,
                selector: { matchLabels: { "app.kubernetes.io/component": "validator" } },
            });
        });
        it("denies by default and admits exactly the port map's flows", () => {
            const policies = k8s("NetworkPolicy").map(
                (p) =>
                    p.inputs as {
                        metadata: { name: string; namespace: string };
                        spec: { ingress?: { from: unknown[]; ports: { port: number }[] }[] };
                    },
            );
            for (const namespace of ["chain", "backups"]) {
                assert.ok(
                    policies.some(
                        (p) =>
                            p.metadata.namespace === namespace &&
                            p.metadata.name === "default-deny",
                    ),
                    namespace,
                );
            }
            const validatorIngress = policies.find((p) => p.metadata.name === "validator-ingress")!
                .spec.ingress!;
            const flows = Object.fromEntries(
                validatorIngress.map((rule) => [rule.ports[0]!.port, rule.from]),
            );
            // Health probes come from the pod's own node, which the VPC CNI's policy agent always admits: no rule for them.
            assert.deepStrictEqual(Object.keys(flows).map(Number).sort(), [7070, 9101]);
            assert.strictEqual(flows[7070]!.length, 2, "p2p from validators and relays");
            const relayIngress = policies.find((p) => p.metadata.name === "relay-ingress")!.spec
                .ingress!;
            const http = relayIngress.find((rule) => rule.ports[0]!.port === 7081)!;
            // The NLB's private subnets (its addresses are the controller's), plus the validators' --chain-rpc.
            assert.strictEqual(http.from.length, zones + 1);
            assert.ok(
                (http.from as { ipBlock?: { cidr: string } }[]).every(
                    (peer) => !peer.ipBlock || !peer.ipBlock.cidr.startsWith("0."),
                ),
            );
        });
        it("keeps validator keys out of state, configuration and objects: only secret ARNs travel", () => {
            const inventory = planned(stack);
            assert.strictEqual(
                ofType(inventory, "aws:secretsmanager/secretVersion:SecretVersion").filter((v) =>
                    /validator/.test(v.name),
                ).length,
                0,
            );
            const text = JSON.stringify(
                inventory.resources.filter((r) => r.type.startsWith("kubernetes:")),
            );
            assert.doesNotMatch(text, /PRIVATE KEY|PrivateKey|"validator\.key":/);
            for (const v of validators()) {
                const env = podOf(v).initContainers![0]!.env!;
                assert.match(
                    env.find((e) => e.name === "VALIDATOR_KEY_ARN")!.value!,
                    /^arn:aws:secretsmanager:.*:secret:chain-platform-[a-z]+\/validators\/validator-\d/,
                );
            }
            const configs = k8s("ConfigMap").filter(
                (c) => (c.inputs.metadata as { namespace: string }).namespace === "chain",
            );
            assert.strictEqual(
                configs.length,
                5,
                "the node configuration of each validator and of the relays",
            );
            assert.doesNotMatch(
                JSON.stringify(configs.map((c) => c.inputs.data)),
                /private_key|secret/i,
            );
            const keyPolicies = ofType(inventory, "aws:iam/rolePolicy:RolePolicy").filter((p) =>
                /validator-\d-key-access$/.test(p.name),
            );
            assert.strictEqual(keyPolicies.length, 4);
            for (const policy of keyPolicies) {
                const index = /validator-(\d)/.exec(policy.name)![1];
                const [read] = (
                    JSON.parse(policy.inputs.policy as string) as {
                        Statement: { Resource: string | string[] }[];
                    }
                ).Statement;
                const secrets = [read!.Resource].flat();
                assert.strictEqual(secrets.length, 1, "each validator reads one secret");
                assert.match(
                    secrets[0]!,
                    new RegExp(`/validators/validator-${index}-`),
                    "each validator reads its own key only",
                );
            }
        });
        it("exposes the relays' RPC only through an internal load balancer, to Nginx", () => {
            const services = k8s("Service").map(
                (s) =>
                    s.inputs as {
                        metadata: { name: string; annotations?: Record<string, string> };
                        spec: { type?: string };
                    },
            );
            const balanced = services.filter((s) => s.spec.type === "LoadBalancer");
            assert.deepStrictEqual(
                balanced.map((s) => s.metadata.name),
                ["relay-rpc"],
            );
            assert.strictEqual(
                balanced[0]!.metadata.annotations![
                    "service.beta.kubernetes.io/aws-load-balancer-scheme"
                ],
                "internal",
            );
            assert.ok(!services.some((s) => s.spec.type === "NodePort"));
            const outputs = planned(stack).outputs as { chain: { rpcEndpoint: string } };
            assert.match(outputs.chain.rpcEndpoint, /\.elb\.us-east-1\.amazonaws\.com:7081$/);
            const nginx = renderedFiles(stack, "nginx");
            assert.ok(nginx.length > 0);
            for (const { path: file, text: conf } of nginx) {
                assert.ok(
                    conf.includes(`set $chain_rpc ${outputs.chain.rpcEndpoint};`),
                    `${file} does not route /rpc/ to the relays' load balancer`,
                );
            }
        });
        it("runs EKS privately with encrypted secrets, logs, IRSA, a node group per zone with IMDSv2 and encrypted volumes", () => {
            const inventory = planned(stack);
            const cluster = ofType(inventory, "aws:eks/cluster:Cluster")[0]!.inputs as {
                version: string;
                vpcConfig: Record<string, unknown>;
                encryptionConfig: { resources: string[]; provider: { keyArn: string } };
                enabledClusterLogTypes: string[];
            };
            const keys = (inventory.outputs as { kmsKeyArns: Record<string, string> }).kmsKeyArns;
            // The version the stack file pins (the configuration schema owns which versions are allowed).
            assert.strictEqual(
                cluster.version,
                String(
                    (
                        parseYaml(
                            fs.readFileSync(
                                path.resolve(__dirname, "..", "..", `Pulumi.${stack}.yaml`),
                                "utf8",
                            ),
                        ) as { config: Record<string, unknown> }
                    ).config["chain-platform:kubernetesVersion"],
                ),
            );
            assert.deepStrictEqual(
                [cluster.vpcConfig.endpointPrivateAccess, cluster.vpcConfig.endpointPublicAccess],
                [true, false],
            );
            assert.deepStrictEqual(cluster.encryptionConfig, {
                provider: { keyArn: keys.cluster },
                resources: ["secrets"],
            });
            assert.ok(cluster.enabledClusterLogTypes.includes("audit"));
            assert.strictEqual(
                ofType(inventory, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length,
                1,
            );
            assert.strictEqual(ofType(inventory, "aws:eks/nodeGroup:NodeGroup").length, zones);
            const template = ofType(inventory, "aws:ec2/launchTemplate:LaunchTemplate")[0]!
                .inputs as {
                metadataOptions: { httpTokens: string };
                blockDeviceMappings: { ebs: { encrypted: string; kmsKeyId: string } }[];
            };
            assert.strictEqual(template.metadataOptions.httpTokens, "required");
            assert.deepStrictEqual(
                [
                    template.blockDeviceMappings[0]!.ebs.encrypted,
                    template.blockDeviceMappings[0]!.ebs.kmsKeyId,
                ],
                ["true", keys.data],
            );
            const storageClass = k8s("StorageClass").find(
                (c) => (c.inputs.metadata as { name: string }).name === "gp3-encrypted",
            )!.inputs as {
                parameters: Record<string, string>;
                metadata: { annotations: Record<string, string> };
            };
            assert.deepStrictEqual(storageClass.parameters, {
                encrypted: "true",
                kmsKeyId: keys.data,
                type: "gp3",
            });
            assert.strictEqual(
                storageClass.metadata.annotations["storageclass.kubernetes.io/is-default-class"],
                "true",
            );
            assert.strictEqual(
                (inventory.outputs as { cluster: { kubeconfig: string } }).cluster.kubeconfig,
                "[secret]",
            );
            assert.ok(
                ofType(inventory, "aws:eks/addon:Addon").some(
                    (a) =>
                        a.inputs.addonName === "aws-ebs-csi-driver" &&
                        a.inputs.serviceAccountRoleArn,
                ),
            );
        });
        it("keeps the node image in a KMS-encrypted, immutable, scanned ECR repository", () => {
            const repo = ofType(planned(stack), "aws:ecr/repository:Repository")[0]!
                .inputs as Record<string, unknown>;
            assert.deepStrictEqual(
                [
                    repo.imageTagMutability,
                    (repo.imageScanningConfiguration as { scanOnPush: boolean }).scanOnPush,
                    (repo.encryptionConfigurations as { encryptionType: string }[])[0]!
                        .encryptionType,
                ],
                ["IMMUTABLE", true, "KMS"],
            );
        });
        it("backs up PostgreSQL and the chain on the seeds' schedule, with checksums, through roles scoped to their prefixes", () => {
            const jobs = k8s("CronJob").map(
                (j) =>
                    j.inputs as {
                        metadata: { name: string };
                        spec: {
                            schedule: string;
                            jobTemplate: {
                                spec: {
                                    template: {
                                        spec: {
                                            serviceAccountName: string;
                                            containers: { command: string[] }[];
                                        };
                                    };
                                };
                            };
                        };
                    },
            );
            assert.strictEqual(jobs.length, BACKUP_SCHEDULES.length * 2);
            for (const schedule of BACKUP_SCHEDULES) {
                const dump = jobs.find(
                    (j) => j.metadata.name === `backup-postgres-${schedule.name}`,
                )!;
                assert.strictEqual(dump.spec.schedule, schedule.cron);
                const upload =
                    dump.spec.jobTemplate.spec.template.spec.containers[0]!.command.join(" ");
                assert.match(upload, /sha256sum/);
                assert.match(upload, /--checksum-algorithm SHA256/);
                const snapshot = jobs.find(
                    (j) => j.metadata.name === `backup-chain-${schedule.name}`,
                )!;
                assert.strictEqual(snapshot.spec.schedule, schedule.cron);
                const pod = snapshot.spec.jobTemplate.spec.template.spec as unknown as {
                    serviceAccountName: string;
                    containers: {
                        image: string;
                        command: string[];
                        env: { name: string; value: string }[];
                    }[];
                };
                assert.strictEqual(pod.serviceAccountName, "backup-chain");
                assert.match(pod.containers[0]!.image, /^docker\.io\/alpine\/k8s:\d+\.\d+\.\d+$/);
                const env = Object.fromEntries(
                    pod.containers[0]!.env.map((e) => [e.name, e.value]),
                );
                assert.deepStrictEqual(
                    [env.NAMESPACE, env.CLAIMS, env.KEEP_DAYS],
                    [
                        "chain",
                        "data-validator-0-0 data-validator-1-0 data-validator-2-0 data-validator-3-0",
                        String(schedule.keepDays),
                    ],
                );
                assert.match(
                    pod.containers[0]!.command.join(" "),
                    /kind: VolumeSnapshot[\s\S]*persistentVolumeClaimName: \$claim[\s\S]*readyToUse[\s\S]*delete volumesnapshot/,
                );
            }
            const attachments = ofType(
                planned(stack),
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            ).filter((a) => /backup-jobs-(postgres|chain)-writer/.test(a.name));
            assert.deepStrictEqual(
                attachments
                    .map((a) => String(a.inputs.policyArn).replace(/.*-backups-/, ""))
                    .sort(),
                ["dumps-writer"],
            );
        });
        it("snapshots with an EBS CSI class that deletes, through a role limited to VolumeSnapshots in the chain namespace", () => {
            const klass = k8s("VolumeSnapshotClass")[0]!.inputs as {
                driver: string;
                deletionPolicy: string;
            };
            assert.deepStrictEqual(
                [klass.driver, klass.deletionPolicy],
                ["ebs.csi.aws.com", "Delete"],
            );
            const role = k8s("Role").find(
                (r) => (r.inputs.metadata as { name: string }).name === "backup-chain-snapshots",
            )!.inputs as {
                metadata: { namespace: string };
                rules: { resources: string[]; verbs: string[] }[];
            };
            assert.strictEqual(role.metadata.namespace, "chain");
            assert.deepStrictEqual(
                role.rules.map((r) => r.resources),
                [["volumesnapshots"]],
            );
            const binding = k8s("RoleBinding")[0]!.inputs as {
                subjects: { name: string; namespace: string }[];
            };
            assert.deepStrictEqual(
                binding.subjects.map((s) => `${s.namespace}/${s.name}`),
                ["backups/backup-chain"],
            );
            const scratch = k8s("StorageClass").find(
                (c) => (c.inputs.metadata as { name: string }).name === "gp3-scratch",
            )!.inputs as { reclaimPolicy: string };
            assert.strictEqual(scratch.reclaimPolicy, "Delete");
        });
        it("declares workloads after their service accounts and the cluster's add-ons, and Services after the load balancer controller", () => {
            const inventory = planned(stack);
            const urnOf = (predicate: (r: InventoryResource) => boolean) =>
                inventory.resources.find(predicate)!.urn;
            const controller = urnOf((r) => r.type === "kubernetes:helm.sh/v3:Release");
            const storage = urnOf(
                (r) =>
                    r.type === "kubernetes:storage.k8s.io/v1:StorageClass" &&
                    (r.inputs.metadata as { name: string }).name === "gp3-encrypted",
            );
            const workloads = inventory.resources.filter(
                (x) =>
                    ["StatefulSet", "CronJob", "Service"].some((k) => x.type.endsWith(`:${k}`)) &&
                    /^(chain|backup-jobs)-/.test(x.name),
            );
            for (const kind of ["StatefulSet", "CronJob", "Service"])
                assert.ok(
                    workloads.some((r) => r.type.endsWith(`:${kind}`)),
                    `no ${kind} of the chain or the backup jobs found`,
                );
            for (const r of workloads) {
                assert.ok(
                    r.dependencies.includes(controller) && r.dependencies.includes(storage),
                    `${r.name} does not wait for the cluster's add-ons`,
                );
                const account = (
                    (
                        r.inputs.spec as {
                            template?: { spec: { serviceAccountName?: string } };
                            jobTemplate?: {
                                spec: { template: { spec: { serviceAccountName?: string } } };
                            };
                        }
                    ).template?.spec ??
                    (
                        r.inputs.spec as {
                            jobTemplate?: {
                                spec: { template: { spec: { serviceAccountName?: string } } };
                            };
                        }
                    ).jobTemplate?.spec.template.spec
                )?.serviceAccountName;
                // Services run no pods; every StatefulSet and CronJob runs as its own account.
                if (r.type.endsWith(":Service")) continue;
                assert.ok(account, `${r.name} names no service account`);
                assert.ok(
                    r.dependencies.some((d) => d.endsWith(`serviceaccount-${account}`)),
                    `${r.name} does not wait for ${account}`,
                );
            }
        });
    });
}

const checkout = "tests/fixtures/chain-checkout";
const BUILT_IMAGE = {
    overrides: {
        "chain-platform:chainImageDigest": "build",
        "chain-platform:chainImageBuildContext": checkout,
    },
};
// Planned by the worker while the tests before this one run.
prefetch("staging", BUILT_IMAGE);

describe("chain node image built from a context", () => {
    it("builds the checkout's own Dockerfile under a content-derived tag, and pods use the pushed digest", () => {
        const result = plan("staging", BUILT_IMAGE);
        assert.strictEqual(result.status, 0, result.stderr);
        const image = result.inventory!.resources.find(
            (r) => r.type === "docker:index/image:Image",
        )!;
        assert.deepStrictEqual(image.inputs.build, {
            context: checkout,
            dockerfile: `${checkout}/Dockerfile`,
            platform: "linux/amd64",
        });
        const tag = String(image.inputs.imageName).split(":").pop();
        assert.strictEqual(tag, contentTag(contextDigest(path.join(PROJECT_DIR, checkout))));
        assert.strictEqual((image.inputs.registry as { password: string }).password, "[secret]");
        const validator = result.inventory!.resources.find(
            (r) => r.type === "kubernetes:apps/v1:StatefulSet" && r.name.includes("validator-0"),
        )!;
        assert.match(JSON.stringify(validator.inputs), /chain-node@sha256:[0-9a-f]{64}/);
    });
    it("derives the tag from the content: the same files give the same tag, a changed file another, .git is ignored", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chain-context-"));
        fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
        fs.writeFileSync(path.join(dir, "main.rs"), "fn main() {}\n");
        const first = contextDigest(dir);
        fs.mkdirSync(path.join(dir, ".git"));
        fs.writeFileSync(path.join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
        assert.strictEqual(contextDigest(dir), first);
        fs.writeFileSync(path.join(dir, "main.rs"), "fn main() { println!(); }\n");
        assert.notStrictEqual(contextDigest(dir), first);
        assert.match(contentTag(first), /^src-[0-9a-f]{20}$/);
        fs.rmSync(dir, { recursive: true, force: true });
    });
    it("refuses build without a context, or a context that is no checkout", () => {
        const none = plan("staging", { overrides: { "chain-platform:chainImageDigest": "build" } });
        assert.strictEqual(none.status, 2);
        assert.match(
            none.stderr,
            /chainImageBuildContext = "none": must name the Docker build context/,
        );
        const missing = plan("staging", {
            overrides: {
                "chain-platform:chainImageDigest": "build",
                "chain-platform:chainImageBuildContext": "no-such-checkout",
            },
        });
        assert.strictEqual(missing.status, 2, missing.stderr);
        assert.match(
            missing.stderr,
            /chainImageBuildContext = "no-such-checkout": must be a checkout of the chain's repository: .*has no Dockerfile/,
        );
        assert.doesNotMatch(missing.stderr, / {4}at /);
    });
});

describe("backup CronJobs builder", () => {
    it("validates against the schemas", () => {
        const objects = backupObjects({
            region: "us-east-1",
            postgres: {
                host: "db",
                port: 5432,
                database: "platform",
                caBundle: "-----BEGIN CERTIFICATE-----\n",
                secretArn: "arn:s",
                image: "postgres:17-alpine",
                bucket: "b",
                prefix: "postgres",
                roleArn: "arn:r",
            },
            chain: {
                namespace: "chain",
                volumeClaims: ["data-validator-0-0"],
                snapshotClass: "ebs-snapshots",
            },
            backupsKeyArn: "arn:k",
            scratchKeyArn: "arn:d",
            scratchGb: 100,
        });
        assert.strictEqual(
            objects.filter((o) => o.kind === "CronJob").length,
            BACKUP_SCHEDULES.length * 2,
        );
        for (const object of objects) validateObject(object);
    });
});
