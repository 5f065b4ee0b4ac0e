/**
 * Deploy readiness: each failure of a first `pulumi up` in an empty account has a policy; each policy
 * fires on the broken form and passes the fixed one, and both stacks pass them all.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { readStackSettings } from "../../offline/stack-file";
import { keyPolicy } from "../../components/shared/key-policy";
import { certificateScript, dnsChallengeStatements } from "../../components/load-balancer";
import { fetchSecretWhenWritten } from "../../components/shared/pods";
import { serviceLinkedRolePlan } from "../../components/keys/service-linked-role";
import { renderWireguardConfig, TUNNEL_MARK } from "../../components/wireguard/wg-config";
import * as deploy from "../../policies/rules/deploy";
import { PROD_POLICIES } from "../../policies/rules/prod";
import { noNodeProxy } from "../../policies/rules/rbac";
import { trustPinsSource } from "../../policies/rules/iam";
import { cniEnforcesNetworkPolicies, networkPoliciesEnforced } from "../../policies/rules/flows";
import {
    byName,
    ofType,
    plan,
    PROJECT_DIR,
    planned,
    prefetch,
    renderedFile,
    STACKS,
} from "../support/harness";

/** The first `pulumi up` of an empty account: the cluster's workloads off (and no node image yet). */
const WITHOUT_WORKLOADS = { overrides: { "chain-platform:chainWorkloads": false } };
const WITHOUT_WORKLOADS_OR_IMAGE = {
    ...WITHOUT_WORKLOADS,
    absentLookups: ["aws:ecr/getImage:getImage"],
};
// Planned by the worker while the tests before these run.
prefetch("staging", WITHOUT_WORKLOADS);
prefetch("prod", WITHOUT_WORKLOADS_OR_IMAGE);
import { check, firesAndPasses, Subject, urnOf } from "../support/policy-helper";

const CLUSTER_SG = "sg-0cluster";
const HUB_SG = "sg-0hub";

const cluster = (vpcConfig: Record<string, unknown>): Subject => ({
    type: "aws:eks/cluster:Cluster",
    name: "eks",
    props: {
        vpcConfig: { endpointPrivateAccess: true, securityGroupIds: [CLUSTER_SG], ...vpcConfig },
    },
});
const k8sObject: Subject = {
    type: "kubernetes:core/v1:Namespace",
    name: "ns",
    props: { metadata: { name: "chain" } },
};
const apiRule = (props: Record<string, unknown>): Subject => ({
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    name: "api",
    props: { securityGroupId: CLUSTER_SG, ipProtocol: "tcp", fromPort: 443, toPort: 443, ...props },
});

describe("deploy readiness policies", () => {
    it("deploy-cluster-api-reachable: a private endpoint needs a rule admitting tcp/443 from a named source", async () => {
        await firesAndPasses(
            deploy.clusterApiReachable,
            [
                cluster({ endpointPublicAccess: false }),
                k8sObject,
                apiRule({ referencedSecurityGroupId: HUB_SG }),
            ],
            [
                cluster({ endpointPublicAccess: false }),
                k8sObject,
                apiRule({ fromPort: 10250, toPort: 10250, referencedSecurityGroupId: HUB_SG }),
            ],
            /nobody can reach the EKS API/,
        );
        // An allow-listed public endpoint is a path too; the whole internet is not.
        await firesAndPasses(
            deploy.clusterApiReachable,
            [
                cluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
                k8sObject,
            ],
            [cluster({ endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }), k8sObject],
            /nobody can reach/,
        );
    });

    it("deploy-cluster-access-entries: deployers get cluster admin, and the provider waits for it", async () => {
        const eks: Subject = {
            type: "aws:eks/cluster:Cluster",
            name: "eks",
            props: {
                accessConfig: {
                    authenticationMode: "API",
                    bootstrapClusterCreatorAdminPermissions: false,
                },
            },
        };
        const association: Subject = {
            type: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
            name: "admin-0",
            props: {
                policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            },
        };
        const provider = (dependencies: string[]): Subject => ({
            type: "pulumi:providers:kubernetes",
            name: "k8s",
            props: {},
            dependencies,
        });
        await firesAndPasses(
            deploy.clusterAccessEntries,
            [eks, k8sObject, association, provider([urnOf(association)])],
            [eks, k8sObject, provider([])],
            /grants nobody cluster admin/,
        );
        await firesAndPasses(
            deploy.clusterAccessEntries,
            [eks, k8sObject, association, provider([urnOf(association)])],
            [eks, k8sObject, association, provider([])],
            /does not wait for the access entries/,
        );
        // EKS's own entry for the creator (its default) collides with the explicit one for the deploy role.
        for (const bootstrap of [true, undefined])
            await firesAndPasses(
                deploy.clusterAccessEntries,
                [eks, k8sObject, association, provider([urnOf(association)])],
                [
                    {
                        ...eks,
                        props: {
                            accessConfig: {
                                authenticationMode: "API",
                                bootstrapClusterCreatorAdminPermissions: bootstrap,
                            },
                        },
                    },
                    k8sObject,
                    association,
                    provider([urnOf(association)]),
                ],
                /also gives its creator an access entry.*ResourceInUseException/,
            );
    });

    it("deploy-kms-admits-autoscaling: the key of a launch template's volumes names AWSServiceRoleForAutoScaling", async () => {
        const context = { accountId: "123456789012", region: "us-east-1", partition: "aws" };
        const keyArn = "arn:aws:kms:us-east-1:123456789012:key/data";
        const key = (purpose: "data" | "logs"): Subject => ({
            type: "aws:kms/key:Key",
            name: "data",
            props: { arn: keyArn, policy: JSON.stringify(keyPolicy(purpose, context)) },
        });
        const template: Subject = {
            type: "aws:ec2/launchTemplate:LaunchTemplate",
            name: "nodes",
            props: { blockDeviceMappings: [{ ebs: { encrypted: "true", kmsKeyId: keyArn } }] },
        };
        // The logs key's policy stands for any key written without the grant: the form that broke node groups.
        await firesAndPasses(
            deploy.kmsAdmitsAutoscaling,
            [key("data"), template],
            [key("logs"), template],
            /does not admit AWSServiceRoleForAutoScaling/,
        );
    });

    it("deploy-eks-addons-take-over: managed add-ons resolve conflicts on create", async () => {
        const addon = (extra: Record<string, unknown>): Subject => ({
            type: "aws:eks/addon:Addon",
            props: { addonName: "vpc-cni", resolveConflictsOnUpdate: "OVERWRITE", ...extra },
        });
        await firesAndPasses(
            deploy.eksAddonsTakeOver,
            [addon({ resolveConflictsOnCreate: "OVERWRITE" })],
            [addon({})],
            /resolveConflictsOnCreate unset/,
        );
    });

    it("deploy-webhooks-before-objects: Services and workloads wait for the load balancer controller", async () => {
        const release: Subject = {
            type: "kubernetes:helm.sh/v3:Release",
            name: "lbc",
            props: { chart: "aws-load-balancer-controller" },
        };
        const namespace: Subject = { ...k8sObject, dependencies: [urnOf(release)] };
        const service = (dependencies: string[]): Subject => ({
            type: "kubernetes:core/v1:Service",
            name: "relay",
            props: { metadata: { name: "relay" } },
            dependencies,
        });
        // Waiting through the namespace counts: the walk is transitive.
        await firesAndPasses(
            deploy.webhooksBeforeObjects,
            [release, namespace, service([urnOf(namespace)])],
            [release, namespace, service([])],
            /Service relay does not wait for the load balancer controller/,
        );
    });

    it("deploy-workload-prerequisites: workloads wait for their service account and storage class", async () => {
        const account: Subject = {
            type: "kubernetes:core/v1:ServiceAccount",
            name: "sa",
            props: { metadata: { name: "validator-0", namespace: "chain" } },
        };
        const storageClass: Subject = {
            type: "kubernetes:storage.k8s.io/v1:StorageClass",
            name: "sc",
            props: { metadata: { name: "gp3" }, reclaimPolicy: "Retain" },
        };
        const statefulSet = (dependencies: string[]): Subject => ({
            type: "kubernetes:apps/v1:StatefulSet",
            name: "validator-0",
            props: {
                metadata: { name: "validator-0", namespace: "chain" },
                spec: {
                    template: { spec: { serviceAccountName: "validator-0", containers: [] } },
                    volumeClaimTemplates: [{ spec: { storageClassName: "gp3" } }],
                },
            },
            dependencies,
        });
        await firesAndPasses(
            deploy.workloadPrerequisites,
            [account, storageClass, statefulSet([urnOf(account), urnOf(storageClass)])],
            [account, storageClass, statefulSet([urnOf(storageClass)])],
            /does not wait for its service account chain\/validator-0/,
        );
        await firesAndPasses(
            deploy.workloadPrerequisites,
            [account, storageClass, statefulSet([urnOf(account), urnOf(storageClass)])],
            [account, storageClass, statefulSet([urnOf(account)])],
            /does not wait for its storage class gp3/,
        );
    });

    it("deploy-eip-before-boot: an Elastic IP sits on the interface the instance boots with", async () => {
        const instance: Subject = {
            type: "aws:ec2/instance:Instance",
            name: "lb-0",
            props: { id: "i-1", associatePublicIpAddress: false },
        };
        const nic: Subject = {
            type: "aws:ec2/networkInterface:NetworkInterface",
            name: "lb-0-nic",
            props: { id: "eni-1" },
        };
        await firesAndPasses(
            deploy.elasticIpBeforeBoot,
            [
                instance,
                nic,
                { type: "aws:ec2/eip:Eip", name: "eip", props: { networkInterface: "eni-1" } },
            ],
            [instance, nic, { type: "aws:ec2/eip:Eip", name: "eip", props: { instance: "i-1" } }],
            /attaches to lb-0 after launch/,
        );
    });

    it("deploy-operator-secrets-do-not-block: pods waiting for an operator's secret are not awaited", async () => {
        const secret: Subject = {
            type: "aws:secretsmanager/secret:Secret",
            name: "slack",
            props: {},
        };
        const deployment = (annotations: Record<string, string>): Subject => ({
            type: "kubernetes:apps/v1:Deployment",
            name: "alertmanager",
            props: { metadata: { name: "alertmanager", annotations } },
            propertyDependencies: { spec: [urnOf(secret)] },
        });
        await firesAndPasses(
            deploy.operatorSecretsDoNotBlock,
            [secret, deployment({ "pulumi.com/skipAwait": "true" })],
            [secret, deployment({})],
            /alertmanager reads slack, which only an operator writes/,
        );
        // A secret the stack writes itself is there before the pods: nothing to wait for.
        const version: Subject = {
            type: "aws:secretsmanager/secretVersion:SecretVersion",
            name: "slack-v",
            props: {},
            dependencies: [urnOf(secret)],
        };
        assert.deepStrictEqual(
            (await check(deploy.operatorSecretsDoNotBlock, [secret, version, deployment({})]))
                .messages,
            [],
        );
    });

    it("deploy-eip-after-internet-gateway: an Elastic IP on an interface waits for the gateway", async () => {
        const igw: Subject = {
            type: "aws:ec2/internetGateway:InternetGateway",
            name: "igw",
            props: {},
        };
        const route: Subject = {
            type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
            name: "public-0",
            props: {},
            dependencies: [urnOf(igw)],
        };
        const eip = (dependencies: string[]): Subject => ({
            type: "aws:ec2/eip:Eip",
            name: "lb-0-eip",
            props: { networkInterface: "eni-1" },
            dependencies,
        });
        await firesAndPasses(
            deploy.elasticIpAfterGateway,
            [igw, route, eip([urnOf(route)])],
            [igw, route, eip([])],
            /lb-0-eip does not wait for the internet gateway/,
        );
    });

    it("deploy-interface-bound-replacement: an instance on its own interface is replaced delete-first", async () => {
        const instance = (deleteBeforeReplace: boolean): Subject => ({
            type: "aws:ec2/instance:Instance",
            name: "lb-0",
            props: { primaryNetworkInterface: { networkInterfaceId: "eni-1" } },
            deleteBeforeReplace,
        });
        await firesAndPasses(
            deploy.interfaceBoundReplacement,
            [instance(true)],
            [instance(false)],
            /InvalidNetworkInterface\.InUse/,
        );
    });

    it("deploy-ecr-lifecycle-keeps-tagged: only untagged images expire", async () => {
        const lifecycle = (tagStatus: string): Subject => ({
            type: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
            props: {
                policy: JSON.stringify({
                    rules: [
                        {
                            rulePriority: 1,
                            selection: {
                                tagStatus,
                                countType: "imageCountMoreThan",
                                countNumber: 50,
                            },
                            action: { type: "expire" },
                        },
                    ],
                }),
            },
        });
        await firesAndPasses(
            deploy.ecrLifecycleKeepsTagged,
            [lifecycle("untagged")],
            [lifecycle("any")],
            /expires any images/,
        );
    });

    it("deploy-user-data-fits: user data within EC2's 16 KB", async () => {
        const instance = (bytes: number): Subject => ({
            type: "aws:ec2/instance:Instance",
            props: { userData: "x".repeat(bytes) },
        });
        await firesAndPasses(
            deploy.userDataFits,
            [instance(deploy.USER_DATA_LIMIT_BYTES)],
            [instance(deploy.USER_DATA_LIMIT_BYTES + 1)],
            /16385 bytes/,
        );
        // Launch templates hold it base64-encoded: the limit is on the decoded bytes.
        const template = (bytes: number): Subject => ({
            type: "aws:ec2/launchTemplate:LaunchTemplate",
            props: { userData: Buffer.from("x".repeat(bytes)).toString("base64") },
        });
        await firesAndPasses(
            deploy.userDataFits,
            [template(deploy.USER_DATA_LIMIT_BYTES)],
            [template(deploy.USER_DATA_LIMIT_BYTES + 1)],
            /16385 bytes/,
        );
    });
});

describe("WireGuard site networks", () => {
    const peers = [
        {
            name: "alice",
            publicKey: "UpvY76qHaycZAl18VpMFOGNWlD/3NuumybHuXCBds3M=",
            allowedIps: ["10.98.0.10/32"],
        },
        {
            name: "office",
            publicKey: "bN7hyupqCMVKcw9hv1BRYdZulSBMMr6UeAjuDeWz3is=",
            allowedIps: ["10.98.0.20/32", "192.168.50.0/24"],
        },
    ];
    it("masquerades everything that arrives through the tunnel, by mark, so NAT does not change with the peers", () => {
        const render = (list: typeof peers) =>
            renderWireguardConfig({
                address: "10.98.0.1/24",
                listenPort: 51820,
                privateKeyPath: "/k",
                tunnelCidr: "10.98.0.0/24",
                peers: list,
            });
        const rules = (conf: string) =>
            conf.split("\n").filter((line) => /^Post(Up|Down) = iptables/.test(line));
        const conf = render(peers);
        assert.match(
            conf,
            new RegExp(
                `^PostUp = iptables -t mangle -A PREROUTING -i %i -j MARK --set-mark ${TUNNEL_MARK}$`,
                "m",
            ),
        );
        assert.match(
            conf,
            new RegExp(
                `^PostUp = iptables -t nat -A POSTROUTING -m mark --mark ${TUNNEL_MARK} -o .* -j MASQUERADE$`,
                "m",
            ),
        );
        assert.match(
            conf,
            new RegExp(
                `^PostDown = iptables -t nat -D POSTROUTING -m mark --mark ${TUNNEL_MARK} `,
                "m",
            ),
        );
        // The office's site network (192.168.50.0/24) leaves with the hub's address without a rule of its own.
        assert.deepStrictEqual(rules(render(peers.slice(0, 1))), rules(conf));
    });
    for (const stack of STACKS) {
        it(`${stack}: the delivered wg0.conf masquerades the tunnel by mark`, () => {
            const conf = renderedFile(stack, "wireguard-config/etc/wireguard/wg0.conf");
            assert.match(conf, /^PostUp = iptables -t nat -A POSTROUTING -m mark --mark 0x5182 /m);
            assert.ok([...conf.matchAll(/^AllowedIPs = /gm)].length >= 2);
        });
    }
});

for (const stack of STACKS) {
    describe(`deploy from zero: ${stack}`, () => {
        it("has no deploy-readiness violation", () => {
            const violations = planned(stack).violations.filter((v) =>
                v.policy.startsWith("deploy-"),
            );
            assert.deepStrictEqual(violations, []);
            assert.ok(deploy.DEPLOY_POLICIES.length >= 8);
        });
        it("declares the autoscaling service-linked role before the keys, and the data key names it", () => {
            const inventory = planned(stack);
            const role = ofType(inventory, "aws:iam/serviceLinkedRole:ServiceLinkedRole").find(
                (r) => r.inputs.awsServiceName === "autoscaling.amazonaws.com",
            );
            assert.ok(role, "no autoscaling service-linked role in a fresh account");
            const dataKey = byName(inventory, "keys-data");
            assert.ok(dataKey.dependencies.includes(role.urn));
            assert.ok(deploy.admitsAutoscaling(dataKey.inputs.policy));
        });
        it("lets the controller create the ELB service-linked role, and no more of IAM", () => {
            const rolePolicy = ofType(planned(stack), "aws:iam/rolePolicy:RolePolicy").find(
                (r) => r.name === "cluster-lb-controller",
            )!;
            const policy = JSON.parse(rolePolicy.inputs.policy as string) as {
                Statement: {
                    Action: string | string[];
                    Condition?: Record<string, Record<string, string>>;
                }[];
            };
            const slr = policy.Statement.filter((s) =>
                [s.Action].flat().includes("iam:CreateServiceLinkedRole"),
            );
            assert.strictEqual(slr.length, 1);
            assert.deepStrictEqual(slr[0]!.Condition, {
                StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" },
            });
        });
        it("reaches the private EKS API only from the WireGuard hub's group and the nodes' own", () => {
            const inventory = planned(stack);
            const clusterInputs = ofType(inventory, "aws:eks/cluster:Cluster")[0]!.inputs as {
                vpcConfig: { endpointPublicAccess: boolean; securityGroupIds: string[] };
            };
            const apiRules = ofType(
                inventory,
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            ).filter(
                (r) =>
                    clusterInputs.vpcConfig.securityGroupIds.includes(
                        r.inputs.securityGroupId as string,
                    ) && r.inputs.fromPort === 443,
            );
            // From the hub (operators, CI) and from the cluster's own group (nodes and their pods), nothing else.
            const groupOf = (role: string) =>
                inventory.resources.find(
                    (r) =>
                        r.type === "aws:ec2/securityGroup:SecurityGroup" &&
                        (r.inputs.tags as Record<string, string>).Role === role,
                )!.urn;
            const sources = apiRules
                .map((r) => r.propertyDependencies?.referencedSecurityGroupId?.[0])
                .sort();
            assert.deepStrictEqual(
                sources,
                [groupOf("cluster"), groupOf("wireguardHub")].sort(),
                JSON.stringify(apiRules.map((r) => r.name)),
            );
            assert.ok(apiRules.every((r) => r.inputs.cidrIpv4 === undefined));
        });
        it("does not await the validators and Alertmanager, whose secrets an operator writes after the first up", () => {
            const inventory = planned(stack);
            const waiting = inventory.resources
                .filter(
                    (r) =>
                        (r.inputs.metadata as { annotations?: Record<string, string> } | undefined)
                            ?.annotations?.["pulumi.com/skipAwait"] === "true",
                )
                .map((r) => r.name);
            assert.ok(
                waiting.some((n) => /alertmanager/.test(n)),
                waiting.join(),
            );
            assert.strictEqual(
                waiting.filter((n) => /statefulset-validator-\d$/.test(n)).length,
                4,
                waiting.join(),
            );
        });
        it("never expires a tagged image, and the repository is force-deletable only outside prod", () => {
            const repository = ofType(planned(stack), "aws:ecr/repository:Repository")[0]!;
            assert.strictEqual(repository.inputs.forceDelete, stack !== "prod");
        });
        it("keeps TypeScript and ts-node in dependencies: a deploy host without devDependencies must not fall back to Pulumi's old TypeScript", () => {
            const manifest = JSON.parse(
                fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8"),
            ) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
            for (const name of ["typescript", "ts-node", "@types/node"]) {
                assert.ok(manifest.dependencies[name], `${name} is not a runtime dependency`);
                assert.strictEqual(manifest.devDependencies[name], undefined);
            }
            assert.match(manifest.dependencies.typescript!, /^5\.9\.\d+$/);
        });
    });
}

describe("prod's guarantees follow the stack", () => {
    const rule = (name: string) => PROD_POLICIES.find((p) => p.name === name)!;
    const primary = { deletionProtection: true, skipFinalSnapshot: false, multiAz: true };
    const cases: [string, string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
        [
            "prod-rds-deletion-protection",
            "aws:rds/instance:Instance",
            primary,
            { ...primary, deletionProtection: false },
            /deletion protection is off/,
        ],
        [
            "prod-rds-final-snapshot",
            "aws:rds/instance:Instance",
            primary,
            { ...primary, skipFinalSnapshot: true },
            /skips its final snapshot/,
        ],
        [
            "prod-rds-multi-az",
            "aws:rds/instance:Instance",
            primary,
            { ...primary, multiAz: false },
            /no Multi-AZ standby/,
        ],
        [
            "prod-redis-failover",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            { automaticFailoverEnabled: true, multiAzEnabled: true },
            { automaticFailoverEnabled: true, multiAzEnabled: false },
            /automatic failover/,
        ],
        [
            "prod-kms-deletion-window",
            "aws:kms/key:Key",
            { deletionWindowInDays: 30 },
            { deletionWindowInDays: 7 },
            /deletion window is 7 days/,
        ],
        [
            "prod-bucket-no-force-destroy",
            "aws:s3/bucket:Bucket",
            { forceDestroy: false },
            { forceDestroy: true },
            /forceDestroy/,
        ],
        [
            "prod-repository-no-force-delete",
            "aws:ecr/repository:Repository",
            { forceDelete: false },
            { forceDelete: true },
            /forceDelete/,
        ],
        [
            "prod-secret-recovery-window",
            "aws:secretsmanager/secret:Secret",
            { recoveryWindowInDays: 30 },
            { recoveryWindowInDays: 0 },
            /without recovery/,
        ],
    ];
    for (const [name, type, good, bad, expected] of cases) {
        it(`${name} fires on the prod stack and on a resource tagged Environment=prod, never on staging`, async () => {
            await firesAndPasses(
                rule(name),
                [{ type, props: good }],
                [{ type, props: bad }],
                expected,
            );
            // A staging-named stack whose resources say prod is still held to prod's rules.
            await firesAndPasses(
                rule(name),
                [{ type, props: bad, stack: "staging" }],
                [{ type, props: { ...bad, tags: { Environment: "prod" } }, stack: "staging" }],
                expected,
            );
        });
    }
    it("a replica needs no final snapshot or standby of its own", async () => {
        const replica = {
            deletionProtection: true,
            skipFinalSnapshot: true,
            replicateSourceDb: "chain-platform-prod-pg",
        };
        for (const name of ["prod-rds-final-snapshot", "prod-rds-multi-az"]) {
            await firesAndPasses(
                rule(name),
                [{ type: "aws:rds/instance:Instance", props: replica }],
                [
                    {
                        type: "aws:rds/instance:Instance",
                        props: { ...replica, replicateSourceDb: undefined },
                    },
                ],
                /primary/,
            );
        }
    });
    it("staging is re-creatable after a destroy: secrets without a recovery window, buckets and the repository force-deletable", () => {
        const inventory = planned("staging");
        assert.ok(
            ofType(inventory, "aws:secretsmanager/secret:Secret").every(
                (s) => s.inputs.recoveryWindowInDays === 0,
            ),
        );
        assert.ok(
            ofType(inventory, "aws:s3/bucket:Bucket").every((b) => b.inputs.forceDestroy === true),
        );
        const prod = planned("prod");
        assert.ok(
            ofType(prod, "aws:secretsmanager/secret:Secret").every(
                (s) => s.inputs.recoveryWindowInDays !== 0,
            ),
        );
        assert.ok(
            ofType(prod, "aws:s3/bucket:Bucket").every((b) => b.inputs.forceDestroy === false),
        );
    });
});

describe("CI reaches the private EKS API", () => {
    for (const file of ["pulumi-up.yml", "pull-request.yml"]) {
        it(`${file}: every job that runs pulumi joins the WireGuard network first`, () => {
            const workflow = parse(
                fs.readFileSync(path.join(PROJECT_DIR, ".github/workflows", file), "utf8"),
            ) as { jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
            const pulumiJobs = Object.values(workflow.jobs).filter((job) =>
                job.steps.some((s) => s.uses?.startsWith("pulumi/actions")),
            );
            assert.ok(pulumiJobs.length > 0);
            for (const job of pulumiJobs) {
                const join = job.steps.findIndex((s) => /wg-quick up ci/.test(s.run ?? ""));
                const pulumi = job.steps.findIndex((s) => s.uses?.startsWith("pulumi/actions"));
                assert.ok(join >= 0 && join < pulumi, "pulumi runs before the tunnel is up");
            }
        });
    }
    for (const stack of STACKS) {
        it(`${stack}: the CI peers the workflows use (one for deploys, one for previews) are peers of the hub`, () => {
            const peers = JSON.parse(
                readStackSettings(PROJECT_DIR, path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`))
                    .config["chain-platform:wireguardPeers"]!,
            ) as { name: string }[];
            assert.ok(
                peers.some((p) => p.name === "ci-deploy") &&
                    peers.some((p) => p.name === "ci-preview"),
            );
        });
    }
});

describe("the first up of an empty account (chainWorkloads false)", () => {
    it("declares everything on AWS and no Kubernetes object, and passes every policy", () => {
        const first = plan("staging", WITHOUT_WORKLOADS);
        assert.strictEqual(first.status, 0, first.stderr);
        const inventory = first.inventory!;
        const kubernetes = inventory.resources.filter((r) => r.type.startsWith("kubernetes:"));
        assert.deepStrictEqual(
            kubernetes.map((r) => r.type),
            [],
            "a Kubernetes object in the first up would need the private API",
        );
        for (const type of [
            "aws:eks/cluster:Cluster",
            "aws:eks/nodeGroup:NodeGroup",
            "aws:ecr/repository:Repository",
            "aws:ec2/instance:Instance",
            "aws:route53/record:Record",
        ]) {
            assert.ok(ofType(inventory, type).length > 0, `no ${type}`);
        }
        assert.deepStrictEqual(inventory.violations, []);
        // The second up adds the workloads on top of everything the first declared.
        const secondUrns = new Set(planned("staging").resources.map((r) => r.urn));
        assert.deepStrictEqual(
            inventory.resources.map((r) => r.urn).filter((urn) => !secondUrns.has(urn)),
            [],
        );
    });
});

describe("NetworkPolicies are enforced", () => {
    const cluster: Subject = { type: "aws:eks/cluster:Cluster", name: "eks", props: {} };
    const policy: Subject = {
        type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        name: "default-deny",
        props: { spec: { podSelector: {} } },
    };
    const cni = (configurationValues?: string): Subject => ({
        type: "aws:eks/addon:Addon",
        name: "vpc-cni",
        props: { addonName: "vpc-cni", configurationValues },
    });
    it("network-policies-enforced fires without the CNI's network policy agent, and passes with it", async () => {
        await firesAndPasses(
            networkPoliciesEnforced,
            [cluster, policy, cni(JSON.stringify({ enableNetworkPolicy: "true" }))],
            [cluster, policy, cni()],
            /inert/,
        );
        await firesAndPasses(
            networkPoliciesEnforced,
            [cluster, policy, cni(JSON.stringify({ enableNetworkPolicy: "true" }))],
            [cluster, policy],
            /no managed vpc-cni add-on/,
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: the vpc-cni add-on enforces them, with its own IAM role, before the nodes`, () => {
            const inventory = planned(stack);
            const addon = ofType(inventory, "aws:eks/addon:Addon").find(
                (a) => a.inputs.addonName === "vpc-cni",
            )!;
            assert.ok(cniEnforcesNetworkPolicies(addon.inputs.configurationValues));
            assert.ok(addon.inputs.serviceAccountRoleArn);
            for (const group of ofType(inventory, "aws:eks/nodeGroup:NodeGroup"))
                assert.ok(
                    group.dependencies.includes(addon.urn),
                    `${group.name} starts before the pod network`,
                );
            const nodeRolePolicies = ofType(
                inventory,
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            )
                .filter((a) => a.name.startsWith("cluster-node-"))
                .map((a) => a.inputs.policyArn);
            assert.ok(
                !nodeRolePolicies.some((arn) => String(arn).endsWith("AmazonEKS_CNI_Policy")),
                "the CNI policy is on every node",
            );
        });
    }
});

describe("RBAC", () => {
    const clusterRole = (rules: unknown[]): Subject => ({
        type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        name: "monitoring-prometheus",
        props: { rules },
    });
    it("rbac-no-nodes-proxy fires on nodes/proxy and on wildcards that include it, and passes nodes/metrics", async () => {
        await firesAndPasses(
            noNodeProxy,
            [clusterRole([{ apiGroups: [""], resources: ["nodes/metrics"], verbs: ["get"] }])],
            [
                clusterRole([
                    {
                        apiGroups: [""],
                        resources: ["nodes/proxy", "nodes/metrics"],
                        verbs: ["get"],
                    },
                ]),
            ],
            /grants nodes\/proxy/,
        );
        await firesAndPasses(
            noNodeProxy,
            [clusterRole([{ apiGroups: ["apps"], resources: ["*"], verbs: ["get"] }])],
            [clusterRole([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }])],
            /grants nodes\/proxy/,
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: no role grants nodes/proxy`, () => {
            assert.deepStrictEqual(
                planned(stack).violations.filter((v) => v.policy === noNodeProxy.name),
                [],
            );
            const roles = planned(stack).resources.filter((r) => r.type.endsWith(":ClusterRole"));
            assert.ok(roles.length > 0);
        });
    }
});

describe("trust of service roles", () => {
    const role = (condition?: Record<string, unknown>): Subject => ({
        type: "aws:iam/role:Role",
        name: "flow-logs",
        props: {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        ...(condition ? { Condition: condition } : {}),
                    },
                ],
            }),
        },
    });
    it("iam-trust-pins-source fires on a flow-log role trusting the service for any account", async () => {
        await firesAndPasses(
            trustPinsSource,
            [role({ StringEquals: { "aws:SourceAccount": "123456789012" } })],
            [role()],
            /trusts vpc-flow-logs\.amazonaws\.com without/,
        );
        // Instance roles cannot carry the condition and are not asked to.
        const ec2: Subject = {
            type: "aws:iam/role:Role",
            props: {
                assumeRolePolicy: JSON.stringify({
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "ec2.amazonaws.com" },
                            Action: "sts:AssumeRole",
                        },
                    ],
                }),
            },
        };
        assert.deepStrictEqual((await check(trustPinsSource, [ec2])).messages, []);
    });
    for (const stack of STACKS) {
        it(`${stack}: every service role pins its source account`, () => {
            assert.deepStrictEqual(
                planned(stack).violations.filter((v) => v.policy === trustPinsSource.name),
                [],
            );
        });
    }
});

describe("EC2 Auto Scaling's service-linked role", () => {
    const owner = "chain-platform/staging";
    it("is declared when missing, adopted when a destroy of this stack left it behind, and only referenced when someone else made it", () => {
        assert.strictEqual(serviceLinkedRolePlan(undefined, owner), "declare");
        assert.strictEqual(
            serviceLinkedRolePlan({ tags: { "platform:owner-stack": owner } }, owner),
            "adopt",
        );
        assert.strictEqual(
            serviceLinkedRolePlan(
                { tags: { "platform:owner-stack": "chain-platform/prod" } },
                owner,
            ),
            "reference",
        );
        assert.strictEqual(serviceLinkedRolePlan({}, owner), "reference");
    });
});

describe("init containers wait for operator-written secrets", () => {
    it("retries while the secret has no value, then writes it (run by sh with a stand-in aws CLI)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fetch-secret-"));
        const bin = path.join(dir, "bin");
        fs.mkdirSync(bin);
        // The stand-in answers like Secrets Manager for a secret without a value twice, then returns the key.
        fs.writeFileSync(
            path.join(bin, "aws"),
            `#!/bin/sh\nn=$(cat ${dir}/calls 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${dir}/calls\nif [ $n -lt 3 ]; then echo "An error occurred (ResourceNotFoundException): can't find the specified secret value" >&2; exit 254; fi\necho '{"private_key": "[1, 2]"}'\n`,
            { mode: 0o755 },
        );
        fs.writeFileSync(path.join(bin, "sleep"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
        const script = ["set -eu", ...fetchSecretWhenWritten("KEY_ARN", `${dir}/key`)].join("\n");
        const result = spawnSync("/bin/sh", ["-c", script], {
            env: {
                PATH: `${bin}:/usr/bin:/bin`,
                KEY_ARN: "arn:aws:secretsmanager:us-east-1:1:secret:v0",
            },
            encoding: "utf8",
        });
        assert.strictEqual(result.status, 0, result.stderr);
        assert.strictEqual(fs.readFileSync(`${dir}/calls`, "utf8").trim(), "3");
        assert.match(
            result.stdout,
            /waiting for a value in secret arn:aws:secretsmanager:us-east-1:1:secret:v0: An error occurred \(ResourceNotFoundException\)/,
        );
        assert.strictEqual(
            fs.readFileSync(`${dir}/key`, "utf8").trim(),
            '{"private_key": "[1, 2]"}',
        );
        fs.rmSync(dir, { recursive: true, force: true });
    });
    for (const stack of STACKS) {
        it(`${stack}: the validators' and Alertmanager's init containers wait instead of failing`, () => {
            const waiting = planned(stack).resources.filter(
                (r) =>
                    /StatefulSet|Deployment/.test(r.type) &&
                    /validator-\d|alertmanager/.test(r.name),
            );
            assert.ok(waiting.length >= 5);
            for (const workload of waiting) {
                const init = (
                    workload.inputs.spec as {
                        template: { spec: { initContainers: { command: string[] }[] } };
                    }
                ).template.spec.initContainers[0]!;
                assert.match(
                    init.command[2]!,
                    /^until aws secretsmanager get-secret-value/m,
                    workload.name,
                );
            }
        });
    }
});

describe("preview-time lookups of what the account must already hold", () => {
    it("refuses cluster admin roles of another account, naming each", () => {
        const result = plan("staging", {
            overrides: {
                "chain-platform:clusterAdminRoleArns": [
                    "arn:aws:iam::123456789012:role/deploy",
                    "arn:aws:iam::210987654321:role/elsewhere",
                ],
            },
        });
        assert.strictEqual(result.status, 2, result.stderr);
        assert.match(
            result.stderr,
            /chain-platform:clusterAdminRoleArns\[1\] = "arn:aws:iam::210987654321:role\/elsewhere": must be a role of this account \(123456789012\)/,
        );
        assert.doesNotMatch(result.stderr, /clusterAdminRoleArns\[0\]/);
    });
    it("a missing Route 53 zone is a configuration error naming publicZone, without a stack trace", () => {
        const result = plan("staging", { absentLookups: ["aws:route53/getZone:getZone"] });
        assert.strictEqual(result.status, 2, result.stderr);
        assert.match(
            result.stderr,
            /chain-platform:publicZone = "staging\.chain\.example\.com": must be a public Route 53 hosted zone of this account/,
        );
        assert.doesNotMatch(result.stderr, / {4}at /);
    });
    it("a pinned node image missing from its repository is a configuration error, and is not looked up before the workloads are on", () => {
        const result = plan("prod", { absentLookups: ["aws:ecr/getImage:getImage"] });
        assert.strictEqual(result.status, 2, result.stderr);
        // Every lookup's problem at once, as the schema reports its own.
        assert.match(
            result.stderr,
            /chain-platform:chainImageDigest = "sha256:[0-9a-f]{64}": must be an image in ECR repository chain-platform-prod\/chain-node/,
        );
        assert.match(
            result.stderr,
            /chain-platform:apiImage = "chain-api:1\.0\.0": must be an image in ECR repository chain-api/,
        );
        const first = plan("prod", WITHOUT_WORKLOADS_OR_IMAGE);
        assert.strictEqual(first.status, 2, first.stderr);
        assert.doesNotMatch(first.stderr, /chainImageDigest/);
    });
});

describe("TLS by DNS-01", () => {
    it("the load balancers may write only the challenge TXT record of the public name", () => {
        const statements = dnsChallengeStatements("aws", "Z123", "api.chain.example.com");
        const change = statements.find((s) => s.Action === "route53:ChangeResourceRecordSets")!;
        assert.strictEqual(change.Resource, "arn:aws:route53:::hostedzone/Z123");
        assert.deepStrictEqual(change.Condition, {
            "ForAllValues:StringEquals": {
                "route53:ChangeResourceRecordSetsNormalizedRecordNames": [
                    "_acme-challenge.api.chain.example.com",
                ],
                "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"],
            },
        });
    });
    it("the certificate script starts Nginx on a self-signed certificate, then asks Let's Encrypt by DNS-01 and links the result", () => {
        const script = certificateScript("api.chain.example.com", "ops@example.com", 90);
        const lines = script.split("\n");
        const selfSigned = lines.findIndex((l) => l.includes("openssl req -x509"));
        const certbot = lines.findIndex((l) => l.startsWith("certbot certonly"));
        assert.ok(selfSigned >= 0 && certbot > selfSigned);
        assert.match(lines[certbot]!, /--dns-route53 -d 'api\.chain\.example\.com'/);
        assert.doesNotMatch(script, /--webroot/);
        assert.match(
            script,
            /\[ -s \/etc\/letsencrypt\/live\/api\.chain\.example\.com\/fullchain\.pem \] && exit 0/,
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: one health-checked A record per load balancer in the looked-up zone, and the TLS timer in user data`, () => {
            const inventory = planned(stack);
            const records = ofType(inventory, "aws:route53/record:Record");
            const checks = ofType(inventory, "aws:route53/healthCheck:HealthCheck");
            const balancers = inventory.resources.filter(
                (r) =>
                    r.type === "aws:ec2/instance:Instance" &&
                    (r.inputs.tags as Record<string, string>).Role === "loadBalancer",
            );
            assert.strictEqual(balancers.length, stack === "prod" ? 2 : 1);
            assert.strictEqual(records.length, balancers.length);
            assert.strictEqual(checks.length, balancers.length);
            const zoneId = (inventory.outputs as { loadBalancer: { hostedZoneId: string } })
                .loadBalancer.hostedZoneId;
            for (const record of records) {
                assert.strictEqual(record.inputs.zoneId, zoneId);
                assert.strictEqual(record.inputs.multivalueAnswerRoutingPolicy, true);
                assert.ok(
                    checks.some((c) => record.propertyDependencies?.healthCheckId?.includes(c.urn)),
                );
            }
            assert.ok(
                checks.every(
                    (c) => c.inputs.type === "HTTPS" && c.inputs.resourcePath === "/healthz",
                ),
            );
            for (const lb of balancers)
                assert.match(String(lb.inputs.userData), /platform-tls\.timer/);
        });
    }
});
