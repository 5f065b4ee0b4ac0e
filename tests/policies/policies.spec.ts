import * as assert from "assert";
import { Policies } from "@pulumi/policy";
import { POLICIES } from "../../policies/pack";
import * as encryption from "../../policies/rules/encryption";
import { faultDomains, worstZoneLoss } from "../../policies/rules/fault-domains";
import * as instances from "../../policies/rules/instances";
import * as k8s from "../../policies/rules/kubernetes";
import * as network from "../../policies/rules/network";
import * as parity from "../../policies/rules/parity";
import { findSecret, noPlaintextSecrets } from "../../policies/rules/secrets";
import { iamNoWildcards } from "../../policies/rules/iam";
import { requiredTags } from "../../policies/rules/tags";
import { runPolicies } from "../../offline/policy-runner";
import {
    check,
    firesAndPasses,
    securityGroup,
    subject,
    Subject,
    urnOf,
} from "../support/policy-helper";

const TAGS = {
    Project: "chain-platform",
    Stack: "prod",
    Environment: "prod",
    Owner: "platform-team",
    ManagedBy: "pulumi",
};
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const ingressRule = (props: Record<string, unknown>, name = "rule"): Subject => ({
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    name,
    props: { ipProtocol: "tcp", ...props },
});
const group = (name: string, role: string, extra: Record<string, unknown> = {}): Subject =>
    securityGroup(name, { ...TAGS, Role: role }, extra);

describe("policy pack", () => {
    it("k8s-namespace-quotas counts a Job's parallel pods", async () => {
        const job = (parallelism: number): Subject => ({
            type: "kubernetes:batch/v1:Job",
            name: "bootstrap",
            props: {
                metadata: { namespace: "jobs" },
                spec: {
                    parallelism,
                    template: {
                        spec: {
                            containers: [
                                {
                                    name: "c",
                                    image: "x:1",
                                    resources: {
                                        requests: { cpu: "1", memory: "1Gi" },
                                        limits: { cpu: "1", memory: "1Gi" },
                                    },
                                },
                            ],
                        },
                    },
                },
            },
        });
        const budget: Subject[] = [
            {
                type: "kubernetes:core/v1:LimitRange",
                name: "lr",
                props: {
                    metadata: { namespace: "jobs" },
                    spec: { limits: [{ type: "Container", max: { cpu: "2", memory: "2Gi" } }] },
                },
            },
            {
                type: "kubernetes:core/v1:ResourceQuota",
                name: "rq",
                props: {
                    metadata: { namespace: "jobs" },
                    spec: {
                        hard: {
                            "requests.cpu": "2",
                            "requests.memory": "2Gi",
                            "limits.cpu": "2",
                            "limits.memory": "2Gi",
                            pods: "2",
                        },
                    },
                },
            },
        ];
        await firesAndPasses(
            parity.namespaceQuotas,
            [job(2), ...budget],
            [job(3), ...budget],
            /need requests\.cpu 3000m, the ResourceQuota allows 2/,
        );
    });

    it("holds each policy once, mandatory unless configured otherwise, each with a description", () => {
        const names = POLICIES.map((p) => p.name);
        assert.strictEqual(new Set(names).size, names.length);
        assert.ok(
            POLICIES.every((p) => p.description.length > 20 && p.enforcementLevel === undefined),
        );
        assert.ok(POLICIES.length >= 30);
    });
    it("turns every unknown value into a skipped check, never a violation", async () => {
        const unknown = "[unknown]";
        const types = [
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:rds/instance:Instance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:ec2/instance:Instance",
            "aws:ec2/launchTemplate:LaunchTemplate",
            "aws:kms/key:Key",
            "aws:eks/cluster:Cluster",
            "aws:ecr/repository:Repository",
            "aws:secretsmanager/secret:Secret",
            "aws:ssm/parameter:Parameter",
            "aws:cloudwatch/logGroup:LogGroup",
            "kubernetes:core/v1:Service",
            "kubernetes:apps/v1:StatefulSet",
            "kubernetes:core/v1:ConfigMap",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:eks/nodeGroup:NodeGroup",
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
            "kubernetes:apps/v1:Deployment",
            "kubernetes:batch/v1:CronJob",
            "aws:iam/role:Role",
        ];
        const props = {
            ingress: unknown,
            egress: unknown,
            ipProtocol: unknown,
            cidrIpv4: unknown,
            fromPort: unknown,
            toPort: unknown,
            publiclyAccessible: unknown,
            storageEncrypted: unknown,
            atRestEncryptionEnabled: unknown,
            metadataOptions: unknown,
            rootBlockDevice: unknown,
            blockDeviceMappings: unknown,
            enableKeyRotation: unknown,
            policy: unknown,
            vpcConfig: unknown,
            encryptionConfig: unknown,
            encryptionConfigurations: unknown,
            kmsKeyId: unknown,
            type: unknown,
            spec: unknown,
            data: unknown,
            tags: unknown,
            metadata: unknown,
            userData: unknown,
            replicateSourceDb: unknown,
            multiAz: unknown,
            availabilityZone: unknown,
            subnetId: unknown,
            instance: unknown,
            associatePublicIpAddress: unknown,
            mapPublicIpOnLaunch: unknown,
            deletionProtection: unknown,
            skipFinalSnapshot: unknown,
            automaticFailoverEnabled: unknown,
            multiAzEnabled: unknown,
            deletionWindowInDays: unknown,
            forceDestroy: unknown,
            forceDelete: unknown,
            recoveryWindowInDays: unknown,
            rules: unknown,
            subjects: unknown,
            roleRef: unknown,
            scalingConfig: unknown,
            monitoringInterval: unknown,
            monitoringRoleArn: unknown,
            caCertIdentifier: unknown,
            enabledCloudwatchLogsExports: unknown,
            engine: unknown,
            copyTagsToSnapshot: unknown,
            performanceInsightsEnabled: unknown,
            monitoring: unknown,
            iamInstanceProfile: unknown,
            enabledClusterLogTypes: unknown,
            description: unknown,
            rule: unknown,
            actionsEnabled: unknown,
            alarmActions: unknown,
            policyArn: unknown,
            snapshotRetentionLimit: unknown,
        };
        for (const policy of POLICIES) {
            const run = await check(
                policy,
                types.map((type, i) => ({ type, name: `r${i}`, props })),
            );
            assert.deepStrictEqual(run.messages, [], `${policy.name} reported on unknown values`);
        }
    });
    it("reports exemptions by resource with their reason, and ignores an exemption that gives none", async () => {
        const bad = [
            ingressRule({ fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }, "bastion-ssh"),
        ];
        const exempted = await check(network.internetIngress, bad, {
            exemptions: [
                { resource: "bastion-ssh", reason: "temporary migration bastion, ticket OPS-42" },
            ],
        });
        assert.deepStrictEqual(exempted.messages, []);
        assert.deepStrictEqual(exempted.exemptions, [
            {
                policy: "internet-ingress-allow-listed",
                urn: urnOf(bad[0]!),
                reason: "temporary migration bastion, ticket OPS-42",
            },
        ]);
        const reasonless = await check(network.internetIngress, bad, {
            exemptions: [{ resource: "bastion-ssh", reason: "" }],
        });
        assert.strictEqual(reasonless.messages.length, 1);
    });
    it("exempts a resource from a stack policy too, and says so", async () => {
        const lb = {
            type: "aws:ec2/instance:Instance",
            name: "lb-0",
            props: { tags: { ...TAGS, Role: "loadBalancer" }, availabilityZone: "us-east-1a" },
        };
        const run = await check(faultDomains, [lb], {
            exemptions: [{ resource: "lb-0", reason: "single LB during the pilot" }],
        });
        assert.deepStrictEqual(run.messages, []);
        assert.strictEqual(run.exemptions.length, 1);
    });
    it("lets configuration lower a policy's enforcement level", async () => {
        const run = await check(requiredTags, [{ type: "aws:ec2/vpc:Vpc", props: {} }], {
            enforcementLevel: "advisory",
        });
        assert.deepStrictEqual(
            run.violations.map((v) => v.enforcementLevel),
            ["advisory"],
        );
    });
});

describe("ports", () => {
    it("internet-ingress-allow-listed", async () => {
        await firesAndPasses(
            network.internetIngress,
            [
                ingressRule({ fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }),
                ingressRule({ fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16" }),
                group("sg", "wireguardHub", {
                    ingress: [
                        {
                            protocol: "udp",
                            fromPort: 51820,
                            toPort: 51820,
                            cidrBlocks: ["0.0.0.0/0"],
                        },
                    ],
                }),
            ],
            [ingressRule({ fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })],
            /port 22, which must never face the internet/,
        );
        for (const bad of [
            ingressRule({ fromPort: 5432, toPort: 5432, cidrIpv6: "::/0" }),
            ingressRule({ ipProtocol: "-1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" }),
            ingressRule({ fromPort: 7000, toPort: 7100, cidrIpv4: "203.0.113.0/24" }),
            ingressRule({ fromPort: 8080, toPort: 8080, cidrIpv4: "0.0.0.0/0" }),
            {
                type: "aws:ec2/securityGroupRule:SecurityGroupRule",
                props: {
                    type: "ingress",
                    protocol: "tcp",
                    fromPort: 3389,
                    toPort: 3389,
                    cidrBlocks: ["0.0.0.0/0"],
                },
            },
        ]) {
            assert.strictEqual(
                (await check(network.internetIngress, [bad])).messages.length,
                1,
                JSON.stringify(bad.props),
            );
        }
    });
    it("internet-ingress-only-on-edge-roles", async () => {
        const lb = group("lb-sg", "loadBalancer");
        const app = group("app-sg", "appServer");
        const rule = (target: Subject) => ({
            ...ingressRule(
                { fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-1" },
                `https-on-${target.name}`,
            ),
            propertyDependencies: { securityGroupId: [urnOf(target)] },
        });
        await firesAndPasses(
            network.internetIngressRoles,
            [lb, app, rule(lb)],
            [lb, app, rule(app)],
            /granted to role loadBalancer, but this security group's role is appServer/,
        );
    });
    it("no-all-protocol-ingress", async () => {
        await firesAndPasses(
            network.noAllProtocolIngress,
            [ingressRule({ fromPort: 7070, toPort: 7070, referencedSecurityGroupId: "sg-1" })],
            [ingressRule({ ipProtocol: "-1", referencedSecurityGroupId: "sg-1" })],
            /all traffic/,
        );
    });
    it("egress-restricted", async () => {
        const egress = (props: Record<string, unknown>): Subject => ({
            type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            props: { ipProtocol: "tcp", ...props },
        });
        await firesAndPasses(
            network.restrictedEgress,
            [
                egress({ fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }),
                egress({ fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "sg-1" }),
            ],
            [egress({ fromPort: 25, toPort: 25, cidrIpv4: "0.0.0.0/0" })],
            /not on the internet egress allow-list/,
        );
        const all = await check(network.restrictedEgress, [
            group("sg", "appServer", {
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
            }),
        ]);
        assert.match(all.messages[0]!, /unrestricted/);
    });
    it("eks-endpoint-private", async () => {
        const cluster = (vpcConfig: Record<string, unknown>): Subject => ({
            type: "aws:eks/cluster:Cluster",
            props: { vpcConfig },
        });
        await firesAndPasses(
            network.eksEndpointPrivate,
            [
                cluster({ endpointPublicAccess: false }),
                cluster({ endpointPublicAccess: true, publicAccessCidrs: ["198.51.100.0/24"] }),
            ],
            [cluster({ endpointPrivateAccess: true })],
            /whole internet/,
        );
        assert.strictEqual(
            (
                await check(network.eksEndpointPrivate, [
                    cluster({ endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }),
                ])
            ).messages.length,
            1,
        );
    });
    it("k8s-no-internet-facing-services", async () => {
        const service = (type: string, annotations: Record<string, string> = {}): Subject => ({
            type: "kubernetes:core/v1:Service",
            props: { metadata: { annotations }, spec: { type } },
        });
        await firesAndPasses(
            k8s.noPublicServices,
            [
                service("ClusterIP"),
                service("LoadBalancer", {
                    "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
                }),
            ],
            [service("LoadBalancer")],
            /would face the internet/,
        );
        assert.match(
            (await check(k8s.noPublicServices, [service("NodePort")])).messages[0]!,
            /NodePort/,
        );
    });
    it("k8s-namespaces-deny-by-default", async () => {
        const workload: Subject = {
            type: "kubernetes:apps/v1:Deployment",
            name: "relay",
            props: {
                metadata: { namespace: "chain" },
                spec: { template: { spec: { containers: [] } } },
            },
        };
        const deny: Subject = {
            type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
            name: "deny",
            props: {
                metadata: { namespace: "chain" },
                spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
            },
        };
        const allow: Subject = {
            type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
            name: "allow",
            props: {
                metadata: { namespace: "chain" },
                spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] },
            },
        };
        await firesAndPasses(
            k8s.namespacesDenyByDefault,
            [workload, deny],
            [workload, allow],
            /namespace chain runs workloads but has no default-deny/,
        );
    });
});

describe("network baseline and IAM", () => {
    const vpc: Subject = {
        type: "aws:ec2/vpc:Vpc",
        name: "vpc",
        props: { cidrBlock: "10.0.0.0/16" },
    };
    const linked = (type: string, name: string, props: Record<string, unknown>): Subject => ({
        type,
        name,
        props: { vpcId: "vpc-1", ...props },
        propertyDependencies: { vpcId: [urnOf(vpc)] },
    });
    it("vpc-flow-logs-default-sg-closed", async () => {
        const flowLog = linked("aws:ec2/flowLog:FlowLog", "flow", { trafficType: "ALL" });
        const closed = linked("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", {});
        await firesAndPasses(
            network.vpcBaseline,
            [vpc, flowLog, closed],
            [vpc, closed],
            /no flow logs/,
        );
        assert.match(
            (await check(network.vpcBaseline, [vpc, flowLog])).messages[0]!,
            /default security group is not managed/,
        );
        const open = linked("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", {
            ingress: [{ protocol: "-1", self: true }],
        });
        assert.match(
            (await check(network.vpcBaseline, [vpc, flowLog, open])).messages[0]!,
            /keep it empty/,
        );
    });
    it("iam-no-wildcards", async () => {
        const rolePolicy = (Action: unknown, Resource: unknown): Subject => ({
            type: "aws:iam/rolePolicy:RolePolicy",
            props: {
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action, Resource }],
                }),
            },
        });
        await firesAndPasses(
            iamNoWildcards,
            [rolePolicy(["logs:PutLogEvents"], "*"), rolePolicy("s3:*", "arn:aws:s3:::dumps/*")],
            [rolePolicy("s3:*", "*")],
            /allows s3:\* on every resource/,
        );
        const trustAll: Subject = {
            type: "aws:iam/role:Role",
            props: {
                assumeRolePolicy: JSON.stringify({
                    Statement: [
                        { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" },
                    ],
                }),
            },
        };
        assert.match((await check(iamNoWildcards, [trustAll])).messages[0]!, /any principal/);
    });
});

describe("encryption", () => {
    const bucket: Subject = { type: "aws:s3/bucket:Bucket", name: "dumps", props: { tags: TAGS } };
    const linked = (type: string, name: string, props: Record<string, unknown>): Subject => ({
        type,
        name,
        props: { bucket: "dumps-123", ...props },
        propertyDependencies: { bucket: [urnOf(bucket)] },
    });
    const goodBucket = [
        bucket,
        linked(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "sse",
            {
                rules: [
                    {
                        applyServerSideEncryptionByDefault: {
                            sseAlgorithm: "aws:kms",
                            kmsMasterKeyId: KEY,
                        },
                        bucketKeyEnabled: true,
                    },
                ],
            },
        ),
        linked("aws:s3/bucketVersioning:BucketVersioning", "versioning", {
            versioningConfiguration: { status: "Enabled" },
        }),
        linked("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }),
        linked("aws:s3/bucketPolicy:BucketPolicy", "policy", {
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Deny",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: "*",
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ],
            }),
        }),
    ];

    const lifecycle = linked(
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "lifecycle",
        {
            rules: [
                {
                    id: "clean-up",
                    status: "Enabled",
                    filter: { prefix: "" },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 2 },
                },
            ],
        },
    );
    const logging = linked("aws:s3/bucketLogging:BucketLogging", "logging", {
        targetBucket: "access-logs",
        targetPrefix: "dumps/",
    });
    const fullBucket = [...goodBucket, lifecycle, logging];
    const withProps = (name: string, props: Record<string, unknown>) =>
        fullBucket.map((s) => (s.name === name ? { ...s, props: { ...s.props, ...props } } : s));
    const s3Cases: [typeof encryption.s3BucketKmsEncrypted, Subject[], RegExp][] = [
        [
            encryption.s3BucketKmsEncrypted,
            withProps("sse", {
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
            }),
            /no SSE-KMS encryption with a customer-managed key/,
        ],
        [
            encryption.s3BucketVersioned,
            withProps("versioning", { versioningConfiguration: { status: "Suspended" } }),
            /no versioning with status Enabled/,
        ],
        [
            encryption.s3BucketPublicAccessBlocked,
            withProps("pab", { restrictPublicBuckets: false }),
            /public access is not fully blocked/,
        ],
        [
            encryption.s3BucketTlsOnly,
            fullBucket.filter((s) => s.name !== "policy"),
            /SecureTransport/,
        ],
        [
            encryption.s3BucketAbortsIncompleteUploads,
            withProps("lifecycle", {
                rules: [
                    {
                        id: "expire",
                        status: "Enabled",
                        filter: { prefix: "" },
                        expiration: { days: 90 },
                    },
                ],
            }),
            /aborts incomplete multipart uploads/,
        ],
        [
            encryption.s3BucketAccessLogged,
            fullBucket.filter((s) => s.name !== "logging"),
            /no server access logging/,
        ],
    ];
    for (const [policy, bad, message] of s3Cases) {
        it(`${policy.name}: fires on its one property, passes a fully protected bucket`, async () => {
            await firesAndPasses(policy, fullBucket, bad, message);
            // Each bad bucket breaks one property: every other S3 policy still passes it.
            for (const [other] of s3Cases.filter(([p]) => p !== policy))
                assert.deepStrictEqual(
                    (await check(other, bad)).messages,
                    [],
                    `${other.name} on ${policy.name}'s case`,
                );
        });
    }
    it("s3 bucket policies: an exemption from one leaves the bucket's other policies in force", async () => {
        const exemption = {
            exemptions: [{ resource: "dumps", reason: "S3 server access logs need SSE-S3" }],
        };
        const accessLogs = withProps("sse", {
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        }).map((s) => ({
            ...s,
            props:
                s.name === "versioning"
                    ? { ...s.props, versioningConfiguration: { status: "Suspended" } }
                    : s.props,
        }));
        const report = await runPolicies(accessLogs.map(subject), {
            policies: encryption.S3_BUCKET_POLICIES,
            config: { "s3-bucket-kms-encrypted": exemption },
        });
        assert.deepStrictEqual(
            report.exemptions.map((e) => e.policy),
            ["s3-bucket-kms-encrypted"],
        );
        assert.deepStrictEqual(
            report.violations.map((v) => [v.policy, v.message]),
            [["s3-bucket-versioned", "the bucket has no versioning with status Enabled"]],
            "the kms exemption does not cover versioning",
        );
    });
    it("k8s-postgres-tls-verified", async () => {
        const pod = (env: unknown[]): Subject => ({
            type: "kubernetes:batch/v1:CronJob",
            name: "dump",
            props: {
                spec: {
                    jobTemplate: {
                        spec: {
                            template: {
                                spec: {
                                    containers: [
                                        { name: "dump", image: "postgres:17-alpine", env },
                                    ],
                                },
                            },
                        },
                    },
                },
            },
        });
        const verified = [
            { name: "PGHOST", value: "db.example" },
            { name: "PGSSLMODE", value: "verify-full" },
            { name: "PGSSLROOTCERT", value: "/etc/rds-ca/ca.pem" },
        ];
        await firesAndPasses(
            k8s.postgresTlsVerified,
            [
                pod(verified),
                pod([
                    {
                        name: "DATA_SOURCE_URI",
                        value: "db:5432/platform?sslmode=verify-full&sslrootcert=/etc/rds-ca/ca.pem",
                    },
                ]),
                pod([{ name: "OTHER", value: "x" }]),
            ],
            [
                pod([
                    { name: "PGHOST", value: "db.example" },
                    { name: "PGSSLMODE", value: "require" },
                ]),
            ],
            /PGSSLMODE is require; use verify-full/,
        );
        assert.match(
            (await check(k8s.postgresTlsVerified, [pod([{ name: "PGHOST", value: "db.example" }])]))
                .messages[0]!,
            /PGSSLMODE is unset/,
        );
        assert.match(
            (await check(k8s.postgresTlsVerified, [pod(verified.slice(0, 2))])).messages[0]!,
            /PGSSLROOTCERT is unset/,
        );
        assert.match(
            (
                await check(k8s.postgresTlsVerified, [
                    pod([{ name: "DATA_SOURCE_URI", value: "db:5432/platform?sslmode=require" }]),
                ])
            ).messages[0]!,
            /sslmode=require; use sslmode=verify-full/,
        );
        assert.match(
            (
                await check(k8s.postgresTlsVerified, [
                    pod([
                        { name: "DATA_SOURCE_URI", value: "db:5432/platform?sslmode=verify-full" },
                    ]),
                ])
            ).messages[0]!,
            /no sslrootcert/,
        );
        assert.match(
            (
                await check(k8s.postgresTlsVerified, [
                    pod([{ name: "DATA_SOURCE_URI", value: "db:5432/platform" }]),
                ])
            ).messages[0]!,
            /sslmode=\(unset: prefer\)/,
        );
        assert.match(
            (
                await check(k8s.postgresTlsVerified, [
                    pod([
                        {
                            name: "DATA_SOURCE_NAME",
                            value: "postgresql://db:5432/platform?sslmode=disable",
                        },
                    ]),
                ])
            ).messages[0]!,
            /DATA_SOURCE_NAME connects with sslmode=disable/,
        );
    });

    it("k8s-secrets-as-files", async () => {
        const pod = (env: unknown[], envFrom?: unknown[]): Subject => ({
            type: "kubernetes:apps/v1:Deployment",
            name: "grafana",
            props: {
                spec: {
                    template: {
                        spec: {
                            containers: [
                                {
                                    name: "grafana",
                                    image: "grafana/grafana:12.0.0",
                                    env,
                                    ...(envFrom ? { envFrom } : {}),
                                },
                            ],
                        },
                    },
                },
            },
        });
        await firesAndPasses(
            k8s.secretsAsFiles,
            [
                pod([
                    {
                        name: "GF_SECURITY_ADMIN_PASSWORD__FILE",
                        value: "/etc/grafana-admin/password",
                    },
                    { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
                ]),
            ],
            [
                pod([
                    {
                        name: "GF_SECURITY_ADMIN_PASSWORD",
                        valueFrom: { secretKeyRef: { name: "grafana-admin", key: "password" } },
                    },
                ]),
            ],
            /env GF_SECURITY_ADMIN_PASSWORD comes from a Secret/,
        );
        assert.match(
            (await check(k8s.secretsAsFiles, [pod([], [{ secretRef: { name: "all" } }])]))
                .messages[0]!,
            /envFrom loads a whole Secret/,
        );
    });
    it("s3 bucket policies: a bucket whose settings are unknown in a preview is not reported", async () => {
        const unknownSettings = fullBucket.map((s) =>
            s === bucket
                ? s
                : {
                      ...s,
                      props: Object.fromEntries(
                          Object.keys(s.props).map((k) => [
                              k,
                              k === "bucket" ? s.props[k] : "[unknown]",
                          ]),
                      ),
                  },
        );
        for (const [policy] of s3Cases)
            assert.deepStrictEqual(
                (await check(policy, unknownSettings)).messages,
                [],
                policy.name,
            );
    });
    it("rds-encrypted-private-backed-up", async () => {
        const db = (props: Record<string, unknown>): Subject => ({
            type: "aws:rds/instance:Instance",
            props: {
                engine: "postgres",
                storageEncrypted: true,
                kmsKeyId: KEY,
                backupRetentionPeriod: 14,
                publiclyAccessible: false,
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: KEY,
                ...props,
            },
        });
        await firesAndPasses(
            encryption.rdsEncrypted,
            [
                db({}),
                db({
                    replicateSourceDb: "primary",
                    storageEncrypted: undefined,
                    kmsKeyId: undefined,
                    backupRetentionPeriod: 0,
                }),
            ],
            [db({ storageEncrypted: false })],
            /not encrypted/,
        );
        for (const [change, message] of [
            [{ publiclyAccessible: true }, /publicly accessible/],
            [{ backupRetentionPeriod: 1 }, /kept 1 days/],
            [{ kmsKeyId: "alias/aws/rds" }, /customer-managed key/],
            [{ performanceInsightsKmsKeyId: undefined }, /Performance Insights/],
        ] as const) {
            assert.match(
                (await check(encryption.rdsEncrypted, [db(change)])).messages.join(),
                message,
            );
        }
    });
    it("rds-force-ssl", async () => {
        const pg = (value: string): Subject => ({
            type: "aws:rds/parameterGroup:ParameterGroup",
            name: "pg",
            props: {
                family: "postgres16",
                name: "platform-pg16",
                parameters: [{ name: "rds.force_ssl", value }],
            },
        });
        const db: Subject = {
            type: "aws:rds/instance:Instance",
            name: "db",
            props: { engine: "postgres", parameterGroupName: "platform-pg16" },
        };
        await firesAndPasses(
            encryption.rdsForceSsl,
            [pg("1"), db],
            [pg("0"), db],
            /does not set rds.force_ssl = 1/,
        );
        assert.match((await check(encryption.rdsForceSsl, [db])).messages[0]!, /does not declare/);
    });
    it("elasticache-encrypted", async () => {
        const redis = (props: Record<string, unknown>): Subject => ({
            type: "aws:elasticache/replicationGroup:ReplicationGroup",
            props: {
                atRestEncryptionEnabled: true,
                kmsKeyId: KEY,
                transitEncryptionEnabled: true,
                authToken: "[secret]",
                ...props,
            },
        });
        const good = await check(encryption.elasticacheEncrypted, [
            redis({ authToken: "a-token-known-in-this-test" }),
        ]);
        assert.deepStrictEqual(good.messages, []);
        await firesAndPasses(
            encryption.elasticacheEncrypted,
            [redis({ authToken: "a-token-known-in-this-test" })],
            [redis({ transitEncryptionEnabled: false, authToken: "x".repeat(32) })],
            /in-transit encryption is off/,
        );
        assert.match(
            (
                await check(encryption.elasticacheEncrypted, [redis({ authToken: undefined })])
            ).messages.join(),
            /no auth token/,
        );
    });
    it("ebs-volumes-encrypted", async () => {
        const instance = (root: Record<string, unknown> | undefined): Subject => ({
            type: "aws:ec2/instance:Instance",
            props: { rootBlockDevice: root },
        });
        await firesAndPasses(
            encryption.volumesEncrypted,
            [
                instance({ encrypted: true, kmsKeyId: KEY }),
                {
                    type: "aws:ec2/launchTemplate:LaunchTemplate",
                    props: {
                        blockDeviceMappings: [
                            { deviceName: "/dev/xvda", ebs: { encrypted: "true" } },
                        ],
                    },
                },
            ],
            [instance(undefined)],
            /root volume is not encrypted/,
        );
        assert.strictEqual(
            (
                await check(encryption.volumesEncrypted, [
                    {
                        type: "aws:ec2/launchTemplate:LaunchTemplate",
                        props: {
                            blockDeviceMappings: [
                                { deviceName: "/dev/xvda", ebs: { encrypted: "false" } },
                            ],
                        },
                    },
                ])
            ).messages.length,
            1,
        );
    });
    it("kms-key-rotation-no-wildcard", async () => {
        const key = (
            props: Record<string, unknown>,
            principal: unknown = { AWS: "arn:aws:iam::123456789012:root" },
        ): Subject => ({
            type: "aws:kms/key:Key",
            props: {
                enableKeyRotation: true,
                policy: JSON.stringify({
                    Statement: [
                        {
                            Sid: "Admin",
                            Effect: "Allow",
                            Principal: principal,
                            Action: "kms:*",
                            Resource: "*",
                        },
                    ],
                }),
                ...props,
            },
        });
        await firesAndPasses(
            encryption.kmsKeysRotatedScoped,
            [key({})],
            [key({}, { AWS: "*" })],
            /wildcard principal/,
        );
        assert.match(
            (await check(encryption.kmsKeysRotatedScoped, [key({ enableKeyRotation: false })]))
                .messages[0]!,
            /rotation is off/,
        );
    });
    it("eks-secrets-encrypted", async () => {
        await firesAndPasses(
            encryption.eksSecretsEncrypted,
            [
                {
                    type: "aws:eks/cluster:Cluster",
                    props: {
                        encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } },
                    },
                },
            ],
            [{ type: "aws:eks/cluster:Cluster", props: {} }],
            /not encrypted with a KMS key/,
        );
    });
    it("ecr-kms-immutable-scanned", async () => {
        const repo = (props: Record<string, unknown>): Subject => ({
            type: "aws:ecr/repository:Repository",
            props: {
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                ...props,
            },
        });
        await firesAndPasses(
            encryption.ecrHardened,
            [repo({})],
            [repo({ imageTagMutability: "MUTABLE" })],
            /mutable/,
        );
        assert.strictEqual(
            (
                await check(encryption.ecrHardened, [
                    repo({
                        encryptionConfigurations: undefined,
                        imageScanningConfiguration: undefined,
                    }),
                ])
            ).messages.length,
            2,
        );
    });
    it("secrets-customer-key", async () => {
        await firesAndPasses(
            encryption.secretsWithCustomerKeys,
            [
                { type: "aws:secretsmanager/secret:Secret", props: { kmsKeyId: KEY } },
                {
                    type: "aws:ssm/parameter:Parameter",
                    props: { type: "SecureString", keyId: KEY },
                },
                { type: "aws:ssm/parameter:Parameter", props: { type: "String" } },
            ],
            [
                {
                    type: "aws:ssm/parameter:Parameter",
                    props: { type: "SecureString", keyId: "alias/aws/ssm" },
                },
            ],
            /customer-managed key/,
        );
        assert.strictEqual(
            (
                await check(encryption.secretsWithCustomerKeys, [
                    { type: "aws:secretsmanager/secret:Secret", props: {} },
                ])
            ).messages.length,
            1,
        );
    });
    it("log-groups-encrypted-retained", async () => {
        await firesAndPasses(
            encryption.logGroupsEncrypted,
            [
                {
                    type: "aws:cloudwatch/logGroup:LogGroup",
                    props: { kmsKeyId: KEY, retentionInDays: 30 },
                },
            ],
            [{ type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 30 } }],
            /not encrypted/,
        );
        assert.match(
            (
                await check(encryption.logGroupsEncrypted, [
                    { type: "aws:cloudwatch/logGroup:LogGroup", props: { kmsKeyId: KEY } },
                ])
            ).messages[0]!,
            /retentionInDays/,
        );
    });
});

describe("instances", () => {
    it("ec2-imdsv2-required", async () => {
        await firesAndPasses(
            instances.imdsV2,
            [
                {
                    type: "aws:ec2/launchTemplate:LaunchTemplate",
                    props: { metadataOptions: { httpTokens: "required" } },
                },
            ],
            [
                {
                    type: "aws:ec2/instance:Instance",
                    props: { metadataOptions: { httpTokens: "optional" } },
                },
            ],
            /IMDSv1/,
        );
        assert.strictEqual(
            (await check(instances.imdsV2, [{ type: "aws:ec2/instance:Instance", props: {} }]))
                .messages.length,
            1,
        );
    });
    it("no-public-ip-outside-edge", async () => {
        const instance = (role: string, associatePublicIpAddress: boolean): Subject => ({
            type: "aws:ec2/instance:Instance",
            props: { tags: { ...TAGS, Role: role }, associatePublicIpAddress },
        });
        await firesAndPasses(
            instances.publicAddressesAtEdge,
            [
                instance("wireguardHub", true),
                instance("appServer", false),
                { type: "aws:ec2/subnet:Subnet", props: { mapPublicIpOnLaunch: false } },
            ],
            [instance("appServer", true)],
            /public IP on a appServer instance/,
        );
        assert.strictEqual(
            (
                await check(instances.publicAddressesAtEdge, [
                    { type: "aws:ec2/subnet:Subnet", props: { mapPublicIpOnLaunch: true } },
                ])
            ).messages.length,
            1,
        );
    });
    it("elastic-ips-only-at-edge", async () => {
        const server = (name: string, role: string): Subject => ({
            type: "aws:ec2/instance:Instance",
            name,
            props: { tags: { ...TAGS, Role: role } },
        });
        const eip = (target: Subject): Subject => ({
            type: "aws:ec2/eip:Eip",
            name: `eip-${target.name}`,
            props: { domain: "vpc", instance: "i-123" },
            propertyDependencies: { instance: [urnOf(target)] },
        });
        const lb = server("lb-0", "loadBalancer");
        const app = server("app-0", "appServer");
        await firesAndPasses(
            instances.elasticIpsAtEdge,
            [lb, app, eip(lb), { type: "aws:ec2/eip:Eip", name: "nat", props: { domain: "vpc" } }],
            [lb, app, eip(app)],
            /app-0 \(role appServer\)/,
        );
    });
});

describe("kubernetes workloads", () => {
    const hardened = {
        name: "validator",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/chain-node@sha256:" + "a".repeat(64),
        securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        },
        resources: {
            requests: { cpu: "1", memory: "1536Mi" },
            limits: { cpu: "1500m", memory: "2Gi" },
        },
        livenessProbe: { httpGet: { path: "/health", port: 7071 } },
        readinessProbe: { httpGet: { path: "/health", port: 7071 } },
        env: [
            {
                name: "VALIDATOR_KEY",
                valueFrom: { secretKeyRef: { name: "validator-0", key: "key" } },
            },
        ],
    };
    const statefulSet = (
        container: Record<string, unknown>,
        pod: Record<string, unknown> = {},
    ): Subject => ({
        type: "kubernetes:apps/v1:StatefulSet",
        name: "validator-0",
        props: {
            metadata: { namespace: "chain" },
            spec: { template: { spec: { containers: [container], ...pod } } },
        },
    });
    const cronJob = (container: Record<string, unknown>): Subject => ({
        type: "kubernetes:batch/v1:CronJob",
        props: {
            spec: { jobTemplate: { spec: { template: { spec: { containers: [container] } } } } },
        },
    });
    const without = (key: string) =>
        Object.fromEntries(Object.entries(hardened).filter(([k]) => k !== key));
    const withContext = (change: Record<string, unknown>) => ({
        ...hardened,
        securityContext: { ...hardened.securityContext, ...change },
    });

    it("k8s-run-as-non-root", () =>
        firesAndPasses(
            k8s.runAsNonRoot,
            [statefulSet(hardened)],
            [statefulSet(withContext({ runAsNonRoot: false }))],
            /runAsNonRoot/,
        ));
    it("k8s-read-only-root-filesystem", () =>
        firesAndPasses(
            k8s.readOnlyRootFilesystem,
            [statefulSet(hardened)],
            [cronJob(withContext({ readOnlyRootFilesystem: false }))],
            /readOnlyRootFilesystem/,
        ));
    it("k8s-no-privilege-escalation", async () => {
        await firesAndPasses(
            k8s.noPrivilegeEscalation,
            [statefulSet(hardened)],
            [statefulSet(withContext({ allowPrivilegeEscalation: true }))],
            /allowPrivilegeEscalation/,
        );
        assert.match(
            (
                await check(k8s.noPrivilegeEscalation, [
                    statefulSet(withContext({ privileged: true })),
                ])
            ).messages.join(),
            /privileged/,
        );
        assert.match(
            (
                await check(k8s.noPrivilegeEscalation, [
                    statefulSet(hardened, { hostNetwork: true }),
                ])
            ).messages.join(),
            /host namespace/,
        );
    });
    it("k8s-drop-capabilities-seccomp", () =>
        firesAndPasses(
            k8s.dropCapabilitiesSeccomp,
            [statefulSet(hardened)],
            [
                statefulSet(
                    withContext({ capabilities: { drop: ["NET_RAW"] }, seccompProfile: undefined }),
                ),
            ],
            /ALL/,
        ));
    it("k8s-requests-and-limits", () =>
        firesAndPasses(
            k8s.resourcesSet,
            [statefulSet(hardened)],
            [statefulSet({ ...hardened, resources: { limits: { cpu: "1" } } })],
            /requests lack cpu and memory/,
        ));
    it("k8s-probes (not for jobs)", async () => {
        await firesAndPasses(
            k8s.probesSet,
            [statefulSet(hardened), cronJob(without("livenessProbe"))],
            [statefulSet(without("readinessProbe"))],
            /no readinessProbe/,
        );
    });
    it("k8s-images-pinned", async () => {
        await firesAndPasses(
            k8s.imagesPinned,
            [
                statefulSet(hardened),
                statefulSet({ ...hardened, image: "registry:5000/chain-node:1.4.2" }),
            ],
            [statefulSet({ ...hardened, image: "chain-node:latest" })],
            /mutable tag latest/,
        );
        assert.match(
            (
                await check(k8s.imagesPinned, [
                    statefulSet({ ...hardened, image: "registry:5000/chain-node" }),
                ])
            ).messages[0]!,
            /no tag or digest/,
        );
    });
    it("no-plaintext-secrets in container env", () =>
        firesAndPasses(
            noPlaintextSecrets,
            [
                statefulSet(hardened),
                statefulSet({
                    ...hardened,
                    env: [
                        {
                            name: "DATABASE_SECRET_ARN",
                            value: "arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf",
                        },
                    ],
                }),
            ],
            [statefulSet({ ...hardened, env: [{ name: "DB_PASSWORD", value: "s3cr3t-value" }] })],
            /literal secret/,
        ));
});

describe("secrets in plain text", () => {
    it("recognises private keys, passwords and connection strings, not references to them", () => {
        assert.strictEqual(
            findSecret("-----BEGIN OPENSSH PRIVATE KEY-----\nabc"),
            "a PEM private key",
        );
        assert.strictEqual(
            findSecret("[Interface]\nPrivateKey = " + "A".repeat(43) + "="),
            "a WireGuard private key",
        );
        assert.strictEqual(findSecret("password: hunter22"), "a password or token");
        assert.strictEqual(
            findSecret("DATABASE_URL=postgresql://app:pa55word@db:5432/app"),
            "a connection string with a password",
        );
        for (const harmless of [
            "password_file: /run/secrets/db",
            "password: ${DB_PASSWORD}",
            "PostUp = wg set wg0 private-key /etc/wireguard/private.key",
            "token: <from-ssm>",
            "aws secretsmanager get-secret-value --secret-id 'arn:aws:secretsmanager:us-east-1:1:secret:rds!db-1234-abcd'",
        ]) {
            assert.strictEqual(findSecret(harmless), undefined, harmless);
        }
    });
    it("no-plaintext-secrets", async () => {
        const userData = (text: string): Subject => ({
            type: "aws:ec2/instance:Instance",
            props: { userData: text },
        });
        await firesAndPasses(
            noPlaintextSecrets,
            [
                userData(
                    "#cloud-config\nruncmd: [aws ssm get-parameter --with-decryption --name /x]\n",
                ),
                {
                    type: "kubernetes:core/v1:ConfigMap",
                    props: { data: { "nginx.conf": "events {}" } },
                },
                {
                    type: "aws:ssm/parameter:Parameter",
                    props: {
                        type: "SecureString",
                        name: "/platform/db/password",
                        value: "[secret]",
                    },
                },
            ],
            [userData("#cloud-config\nwrite_files:\n  - content: 'password: hunter22'\n")],
            /user data holds a password/,
        );
        assert.match(
            (
                await check(noPlaintextSecrets, [
                    {
                        type: "kubernetes:core/v1:ConfigMap",
                        props: { data: { "wg0.conf": "PrivateKey = " + "B".repeat(43) + "=" } },
                    },
                ])
            ).messages[0]!,
            /WireGuard private key/,
        );
        assert.match(
            (
                await check(noPlaintextSecrets, [
                    {
                        type: "aws:ssm/parameter:Parameter",
                        props: { type: "String", name: "/platform/redis/auth-token", value: "abc" },
                    },
                ])
            ).messages[0]!,
            /SecureString/,
        );
        // A delivered file (insecureValue, plain in the state) passes; the same parameter holding a key fires.
        const delivered = (text: string): Subject => ({
            type: "aws:ssm/parameter:Parameter",
            props: { type: "String", name: "/platform/wireguard/wg0.conf", insecureValue: text },
        });
        await firesAndPasses(
            noPlaintextSecrets,
            [delivered("[Interface]\nPostUp = wg set %i private-key /etc/wireguard/private.key\n")],
            [delivered(`[Interface]\nPrivateKey = ${"B".repeat(43)}=\n`)],
            /holds a WireGuard private key/,
        );
        const base64 = Buffer.from("-----BEGIN RSA PRIVATE KEY-----").toString("base64");
        assert.strictEqual(
            (
                await check(noPlaintextSecrets, [
                    { type: "aws:ec2/launchTemplate:LaunchTemplate", props: { userData: base64 } },
                ])
            ).messages.length,
            1,
        );
    });
});

describe("tags", () => {
    it("required-tags", async () => {
        await firesAndPasses(
            requiredTags,
            [
                { type: "aws:ec2/vpc:Vpc", props: { tags: TAGS } },
                { type: "aws:kms/alias:Alias", props: {} },
                { type: "kubernetes:core/v1:Namespace", props: {} },
            ],
            [{ type: "aws:ec2/vpc:Vpc", props: { tags: { Project: "x" } } }],
            /missing tags: Stack, Environment, Owner, ManagedBy/,
        );
    });
});

describe("fault domains", () => {
    const zones = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"];
    const validator = (i: number, zone?: string, stack = "prod"): Subject => ({
        type: "kubernetes:apps/v1:StatefulSet",
        name: `validator-${i}`,
        stack,
        props: {
            metadata: { labels: { "app.kubernetes.io/component": "validator" } },
            spec: {
                replicas: 1,
                template: {
                    spec: {
                        ...(zone ? { nodeSelector: { "topology.kubernetes.io/zone": zone } } : {}),
                        containers: [],
                    },
                },
            },
        },
    });
    const relays = (spread: boolean): Subject => ({
        type: "kubernetes:apps/v1:Deployment",
        name: "relay",
        props: {
            metadata: { labels: { "app.kubernetes.io/component": "relay" } },
            spec: {
                replicas: 4,
                template: {
                    spec: {
                        containers: [],
                        ...(spread
                            ? {
                                  topologySpreadConstraints: [
                                      {
                                          topologyKey: "topology.kubernetes.io/zone",
                                          maxSkew: 1,
                                          whenUnsatisfiable: "DoNotSchedule",
                                      },
                                  ],
                              }
                            : {}),
                    },
                },
            },
        },
    });
    const db = (name: string, zone: string): Subject => ({
        type: "aws:rds/instance:Instance",
        name,
        props: { availabilityZone: zone },
    });
    const lb = (name: string, zone: string): Subject => ({
        type: "aws:ec2/instance:Instance",
        name,
        props: { availabilityZone: zone, tags: { ...TAGS, Role: "loadBalancer" } },
    });
    const good = [
        ...zones.map((z, i) => validator(i, z)),
        relays(true),
        db("primary", zones[0]!),
        db("replica-1", zones[1]!),
        lb("lb-0", zones[0]!),
        lb("lb-1", zones[1]!),
    ];

    it("prod-fault-domains: passes one validator per zone, spread relays, DB and LBs in two zones", () =>
        firesAndPasses(
            faultDomains,
            good,
            [...zones.map((z, i) => validator(i, i < 2 ? zones[0] : z)), relays(true)],
            /can take 2 of 4 validators; consensus tolerates 1/,
        ));
    it("prod-fault-domains: fires on unplaced validators, unspread relays, single-zone DB and LBs", async () => {
        const run = await check(faultDomains, [
            ...zones.map((_, i) => validator(i)),
            relays(false),
            db("primary", zones[0]!),
            db("replica-1", zones[0]!),
            lb("lb-0", zones[1]!),
            lb("lb-1", zones[1]!),
        ]);
        assert.strictEqual(run.messages.length, 4, run.messages.join("\n"));
        assert.deepStrictEqual(
            (
                await check(faultDomains, [
                    ...good.filter((s) => s.type !== "aws:rds/instance:Instance"),
                    { type: "aws:rds/instance:Instance", name: "multi", props: { multiAz: true } },
                ])
            ).messages,
            [],
        );
    });
    it("prod-fault-domains: applies only to the configured stacks", async () => {
        assert.deepStrictEqual(
            (
                await check(
                    faultDomains,
                    zones.map((_, i) => validator(i, zones[0], "staging")),
                )
            ).messages,
            [],
        );
    });
    it("counts the worst zone loss with pinned, spread and unplaced pods", () => {
        assert.strictEqual(
            worstZoneLoss([
                { placement: { kind: "zone", zone: "a" }, replicas: 2 },
                { placement: { kind: "zone", zone: "b" }, replicas: 1 },
            ]),
            2,
        );
        assert.strictEqual(worstZoneLoss([{ placement: { kind: "spread" }, replicas: 4 }]), 1);
        assert.strictEqual(
            worstZoneLoss([
                { placement: { kind: "anywhere" }, replicas: 3 },
                { placement: { kind: "zone", zone: "a" }, replicas: 1 },
            ]),
            4,
        );
    });
});

describe("one-property policies for parity with Checkov, trivy and KICS", () => {
    const pod = (spec: Record<string, unknown>, namespace = "chain"): Subject => ({
        type: "kubernetes:apps/v1:Deployment",
        name: "app",
        props: {
            metadata: { namespace },
            spec: {
                template: { spec: { containers: [{ name: "app", image: "app:1.0" }], ...spec } },
            },
        },
    });
    const role = (rules: unknown[]): Subject => ({
        type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        name: "reader",
        props: { rules },
    });
    const binding = (subjects: unknown[]): Subject => ({
        type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
        name: "b",
        props: { roleRef: { kind: "ClusterRole", name: "monitoring-prometheus" }, subjects },
    });
    const trust = (condition: Record<string, unknown>): Subject => ({
        type: "aws:iam/role:Role",
        name: "irsa",
        props: {
            assumeRolePolicy: JSON.stringify({
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Federated: "arn:aws:iam::1:oidc-provider/oidc.eks/id/X" },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: condition,
                    },
                ],
            }),
        },
    });
    const relays = (spreadOut: boolean): Subject => ({
        type: "kubernetes:apps/v1:StatefulSet",
        name: "relay",
        props: {
            metadata: { namespace: "chain" },
            spec: {
                replicas: 4,
                template: {
                    metadata: { labels: { app: "relay" } },
                    spec: {
                        containers: [{ name: "relay", image: "r:1" }],
                        ...(spreadOut
                            ? {
                                  topologySpreadConstraints: [
                                      { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone" },
                                  ],
                              }
                            : {}),
                    },
                },
            },
        },
    });
    const budget: Subject = {
        type: "kubernetes:policy/v1:PodDisruptionBudget",
        name: "relay-pdb",
        props: {
            metadata: { namespace: "chain" },
            spec: { selector: { matchLabels: { app: "relay" } }, maxUnavailable: 1 },
        },
    };
    const spread = (spreadOut: boolean, withBudget: boolean): [Subject[], Subject[]] => [
        [relays(spreadOut), budget],
        [relays(spreadOut), ...(withBudget ? [] : [budget])],
    ];
    const tokens = (): [Subject[], Subject[]] => [
        [
            { ...pod({ serviceAccountName: "reader", automountServiceAccountToken: true }) },
            binding([{ kind: "ServiceAccount", name: "reader", namespace: "chain" }]),
            pod({ automountServiceAccountToken: false }),
        ],
        [pod({})],
    ];
    const netpol = (labels: Record<string, string>): Subject => ({
        type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        name: "np",
        props: {
            metadata: { namespace: "chain" },
            spec: { podSelector: { matchLabels: labels }, policyTypes: ["Ingress"] },
        },
    });
    const svc = (selector: Record<string, string>): Subject => ({
        type: "kubernetes:core/v1:Service",
        name: "svc",
        props: { metadata: { namespace: "chain" }, spec: { selector, ports: [{ port: 80 }] } },
    });
    const cases: [
        Exclude<keyof typeof parity, "PARITY_POLICIES" | "TRUSTED_REGISTRIES" | "fullImageName">,
        Subject | Subject[],
        Subject | Subject[],
        RegExp,
    ][] = [
        [
            "rdsCaPinned",
            { type: "aws:rds/instance:Instance", props: { caCertIdentifier: "rds-ca-rsa2048-g1" } },
            { type: "aws:rds/instance:Instance", props: { caCertIdentifier: "rds-ca-2019" } },
            /caCertIdentifier is rds-ca-2019/,
        ],
        [
            "rdsCaPinned",
            { type: "aws:rds/instance:Instance", props: { caCertIdentifier: "rds-ca-ecc384-g1" } },
            { type: "aws:rds/instance:Instance", props: {} },
            /caCertIdentifier is unset/,
        ],
        [
            "rdsEnhancedMonitoring",
            {
                type: "aws:rds/instance:Instance",
                props: { monitoringInterval: 60, monitoringRoleArn: "arn:aws:iam::1:role/m" },
            },
            { type: "aws:rds/instance:Instance", props: { monitoringInterval: 0 } },
            /enhanced monitoring is off/,
        ],
        [
            "rdsLogsExported",
            {
                type: "aws:rds/instance:Instance",
                props: { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql"] },
            },
            {
                type: "aws:rds/instance:Instance",
                props: { engine: "postgres", enabledCloudwatchLogsExports: ["upgrade"] },
            },
            /postgresql log is not exported/,
        ],
        [
            "rdsCopyTagsToSnapshots",
            { type: "aws:rds/instance:Instance", props: { copyTagsToSnapshot: true } },
            { type: "aws:rds/instance:Instance", props: {} },
            /copyTagsToSnapshot/,
        ],
        [
            "rdsPerformanceInsights",
            { type: "aws:rds/instance:Instance", props: { performanceInsightsEnabled: true } },
            { type: "aws:rds/instance:Instance", props: { performanceInsightsEnabled: false } },
            /Performance Insights is off/,
        ],
        [
            "ec2DetailedMonitoring",
            { type: "aws:ec2/instance:Instance", props: { monitoring: true } },
            { type: "aws:ec2/instance:Instance", props: {} },
            /detailed monitoring is off/,
        ],
        [
            "ec2InstanceProfile",
            { type: "aws:ec2/instance:Instance", props: { iamInstanceProfile: "p" } },
            { type: "aws:ec2/instance:Instance", props: {} },
            /no iamInstanceProfile/,
        ],
        [
            "launchTemplateHopLimit",
            {
                type: "aws:ec2/launchTemplate:LaunchTemplate",
                props: { metadataOptions: { httpPutResponseHopLimit: 1 } },
            },
            {
                type: "aws:ec2/launchTemplate:LaunchTemplate",
                props: { metadataOptions: { httpPutResponseHopLimit: 2 } },
            },
            /hop.*2|httpPutResponseHopLimit is 2/,
        ],
        [
            "eksControlPlaneLogging",
            {
                type: "aws:eks/cluster:Cluster",
                props: { enabledClusterLogTypes: ["api", "audit", "authenticator"] },
            },
            { type: "aws:eks/cluster:Cluster", props: { enabledClusterLogTypes: ["api"] } },
            /missing: audit, authenticator/,
        ],
        [
            "eksNodeGroupNoRemoteAccess",
            { type: "aws:eks/nodeGroup:NodeGroup", props: {} },
            { type: "aws:eks/nodeGroup:NodeGroup", props: { remoteAccess: { ec2SshKey: "k" } } },
            /remoteAccess opens SSH/,
        ],
        [
            "kmsKeyPolicyDefined",
            [
                { type: "aws:kms/key:Key", name: "inline", props: { policy: "{}" } },
                { type: "aws:kms/key:Key", name: "separate", props: {} },
                {
                    type: "aws:kms/keyPolicy:KeyPolicy",
                    name: "separate-policy",
                    props: { policy: "{}" },
                    propertyDependencies: {
                        keyId: [urnOf({ type: "aws:kms/key:Key", name: "separate" })],
                    },
                },
            ],
            { type: "aws:kms/key:Key", props: {} },
            /no key policy/,
        ],
        [
            "s3BucketOwnerEnforced",
            {
                type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                props: { rule: { objectOwnership: "BucketOwnerEnforced" } },
            },
            {
                type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                props: { rule: { objectOwnership: "ObjectWriter" } },
            },
            /not BucketOwnerEnforced/,
        ],
        [
            "securityGroupDescriptions",
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                props: { description: "load balancers: 443 from the internet" },
            },
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                props: { description: "Managed by Pulumi" },
            },
            /no description/,
        ],
        [
            "iamNoAdminPolicies",
            {
                type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                props: { policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" },
            },
            {
                type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                props: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
            },
            /attaches .*AdministratorAccess/,
        ],
        [
            "iamNoAdminPolicies",
            {
                type: "aws:iam/role:Role",
                props: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
            },
            {
                type: "aws:iam/role:Role",
                props: { managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"] },
            },
            /attaches .*IAMFullAccess/,
        ],
        [
            "alarmActionsEnabled",
            {
                type: "aws:cloudwatch/metricAlarm:MetricAlarm",
                props: { alarmActions: ["arn:aws:automate:us-east-1:ec2:recover"] },
            },
            {
                type: "aws:cloudwatch/metricAlarm:MetricAlarm",
                props: { alarmActions: ["x"], actionsEnabled: false },
            },
            /no enabled action/,
        ],
        ["noDefaultNamespace", pod({}), pod({}, "default"), /default namespace/],
        [
            "noHostAccess",
            pod({}),
            pod({ volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] }),
            /mounts the node's \/var\/run\/docker\.sock/,
        ],
        [
            "rbacLeastPrivilege",
            role([{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }]),
            role([{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]),
            /reads Secrets/,
        ],
        [
            "rdsAutoMinorUpgrade",
            { type: "aws:rds/instance:Instance", props: { autoMinorVersionUpgrade: true } },
            { type: "aws:rds/instance:Instance", props: { autoMinorVersionUpgrade: false } },
            /autoMinorVersionUpgrade is false/,
        ],
        [
            "elasticacheSnapshotsRetained",
            {
                type: "aws:elasticache/replicationGroup:ReplicationGroup",
                props: { snapshotRetentionLimit: 3 },
            },
            {
                type: "aws:elasticache/replicationGroup:ReplicationGroup",
                props: { snapshotRetentionLimit: 0 },
            },
            /no automatic snapshots/,
        ],
        [
            "kmsKeyEnabled",
            { type: "aws:kms/key:Key", props: {} },
            { type: "aws:kms/key:Key", props: { isEnabled: false } },
            /disabled/,
        ],
        [
            "s3BucketDnsCompliantName",
            {
                type: "aws:s3/bucket:Bucket",
                props: { bucket: "chain-platform-prod-dumps-123456789012" },
            },
            { type: "aws:s3/bucket:Bucket", props: { bucket: "chain.platform.dumps" } },
            /not DNS-compliant/,
        ],
        [
            "noPrivilegedBindings",
            binding([{ kind: "ServiceAccount", name: "prometheus", namespace: "monitoring" }]),
            binding([{ kind: "Group", name: "system:authenticated" }]),
            /binds the group system:authenticated/,
        ],
        [
            "podSecurityBaseline",
            pod({ volumes: [{ name: "config", configMap: { name: "c" } }] }),
            pod({ hostAliases: [{ ip: "10.0.0.1", hostnames: ["db"] }] }),
            /hostAliases/,
        ],
        [
            "serviceNoExternalIps",
            { type: "kubernetes:core/v1:Service", props: { spec: { type: "ClusterIP" } } },
            { type: "kubernetes:core/v1:Service", props: { spec: { externalIPs: ["1.2.3.4"] } } },
            /externalIPs/,
        ],
        [
            "cronJobDeadline",
            {
                type: "kubernetes:batch/v1:CronJob",
                props: { spec: { startingDeadlineSeconds: 900 } },
            },
            { type: "kubernetes:batch/v1:CronJob", props: { spec: {} } },
            /startingDeadlineSeconds/,
        ],
        [
            "volumeClaimsReadWriteOnce",
            {
                type: "kubernetes:apps/v1:StatefulSet",
                props: {
                    spec: {
                        volumeClaimTemplates: [
                            {
                                metadata: { name: "data" },
                                spec: { accessModes: ["ReadWriteOnce"] },
                            },
                        ],
                    },
                },
            },
            {
                type: "kubernetes:apps/v1:StatefulSet",
                props: {
                    spec: {
                        volumeClaimTemplates: [
                            {
                                metadata: { name: "data" },
                                spec: { accessModes: ["ReadWriteMany"] },
                            },
                        ],
                    },
                },
            },
            /data are not ReadWriteOnce/,
        ],
        [
            "oidcTrustPinsSubject",
            trust({
                StringEquals: {
                    "oidc.eks/id/X:sub": "system:serviceaccount:chain:validator-0",
                    "oidc.eks/id/X:aud": "sts.amazonaws.com",
                },
            }),
            trust({ StringLike: { "oidc.eks/id/X:sub": "system:serviceaccount:chain:*" } }),
            /does not pin the subject/,
        ],
        ["replicasProtected", ...spread(true, true), /no PodDisruptionBudget selects them/],
        ["tokensOnlyWithRbac", ...tokens(), /mounts an API token for chain\/default/],
        [
            "networkPoliciesSelectPods",
            [relays(true), netpol({ app: "relay" })],
            [relays(true), netpol({ app: "relays" })],
            /selects no declared pod \(\{"app":"relays"\}\)/,
        ],
        [
            "servicesSelectPods",
            [relays(true), svc({ app: "relay" })],
            [relays(true), svc({ app: "rellay" })],
            /selects no declared pod/,
        ],
        [
            "namespaceQuotas",
            [
                relays(true),
                {
                    type: "kubernetes:core/v1:LimitRange",
                    name: "lr",
                    props: {
                        metadata: { namespace: "chain" },
                        spec: { limits: [{ type: "Container", max: { cpu: "2", memory: "2Gi" } }] },
                    },
                },
                {
                    type: "kubernetes:core/v1:ResourceQuota",
                    name: "rq",
                    props: {
                        metadata: { namespace: "chain" },
                        spec: {
                            hard: {
                                "requests.cpu": "4",
                                "requests.memory": "4Gi",
                                "limits.cpu": "8",
                                "limits.memory": "8Gi",
                            },
                        },
                    },
                },
            ],
            [relays(true)],
            /namespace chain has no LimitRange/,
        ],
        [
            "imagesFromTrustedRegistries",
            pod({
                containers: [
                    {
                        name: "a",
                        image:
                            "123456789012.dkr.ecr.us-east-1.amazonaws.com/chain-platform-prod/chain-node@sha256:" +
                            "a".repeat(64),
                    },
                    { name: "b", image: "postgres:17-alpine" },
                    { name: "c", image: "quay.io/prometheus/prometheus:v2.53.2" },
                ],
            }),
            pod({
                containers: [
                    { name: "a", image: "evil.example.com/miner:1.0" },
                    { name: "b", image: "busybox:1.36" },
                ],
            }),
            /image evil\.example\.com\/miner:1\.0 is from no trusted registry/,
        ],
        [
            "ownServiceAccount",
            pod({ serviceAccountName: "grafana" }),
            pod({}),
            /default service account/,
        ],
        [
            "edgeRolesSeparate",
            [
                {
                    type: "aws:ec2/instance:Instance",
                    name: "lb",
                    props: {
                        iamInstanceProfile: "lb",
                        primaryNetworkInterface: { networkInterfaceId: "eni-1" },
                    },
                },
                {
                    type: "aws:ec2/instance:Instance",
                    name: "app",
                    props: { iamInstanceProfile: "app", associatePublicIpAddress: false },
                },
            ],
            [
                {
                    type: "aws:ec2/instance:Instance",
                    name: "lb",
                    props: {
                        iamInstanceProfile: "shared",
                        primaryNetworkInterface: { networkInterfaceId: "eni-1" },
                    },
                },
                {
                    type: "aws:ec2/instance:Instance",
                    name: "app",
                    props: { iamInstanceProfile: "shared" },
                },
            ],
            /serves public and private instances/,
        ],
    ];
    for (const [key, good, bad, message] of cases) {
        it(`${parity[key].name} fires on a bad resource and passes a good one`, async () => {
            await firesAndPasses(
                parity[key] as Policies[number],
                Array.isArray(good) ? good : [good],
                Array.isArray(bad) ? bad : [bad],
                message,
            );
        });
    }
    it("covers every one-property policy in the pack", () => {
        assert.deepStrictEqual(
            new Set(cases.map(([key]) => parity[key].name)),
            new Set(parity.PARITY_POLICIES.map((p) => p.name)),
        );
        for (const policy of parity.PARITY_POLICIES)
            assert.ok(POLICIES.includes(policy), policy.name);
    });
    it("k8s-no-host-access and rbac-least-privilege name each of their problems", async () => {
        const hostPort = pod({
            containers: [
                {
                    name: "app",
                    image: "app:1.0",
                    ports: [{ containerPort: 80, hostPort: 80 }],
                    securityContext: { capabilities: { add: ["NET_ADMIN"] } },
                },
            ],
        });
        assert.deepStrictEqual((await check(parity.noHostAccess, [hostPort])).messages.sort(), [
            "container app adds capabilities NET_ADMIN",
            "container app binds a hostPort",
        ]);
        const messages = (
            await check(parity.rbacLeastPrivilege, [
                role([
                    {
                        apiGroups: ["*"],
                        resources: ["pods/exec"],
                        verbs: ["create", "impersonate"],
                    },
                ]),
            ])
        ).messages.join("\n");
        for (const expected of [/wildcard/, /impersonate/, /run code in pods/])
            assert.match(messages, expected);
        const binder = (
            await check(parity.rbacLeastPrivilege, [
                role([
                    {
                        apiGroups: ["rbac.authorization.k8s.io"],
                        resources: ["clusterrolebindings"],
                        verbs: ["create"],
                    },
                ]),
            ])
        ).messages;
        assert.match(binder.join(), /may create clusterrolebindings/);
        assert.deepStrictEqual(
            [
                parity.fullImageName("busybox:1.36"),
                parity.fullImageName("grafana/grafana:11"),
                parity.fullImageName("localhost:5000/x"),
            ],
            ["docker.io/library/busybox:1.36", "docker.io/grafana/grafana:11", "localhost:5000/x"],
        );
        assert.match(
            (
                await check(parity.imagesFromTrustedRegistries, [
                    pod({ containers: [{ name: "b", image: "busybox:1.36" }] }),
                ])
            ).messages.join(),
            /docker\.io\/library\/busybox/,
        );
        // A repository entry is followed by a tag or digest; the stack's ECR entry admits only its own repositories.
        for (const image of [
            "postgres-evil:1",
            "docker.io/library/postgres-miner:1",
            "docker.io/alpine/k8s-evil:1",
            "999999999999.dkr.ecr.eu-west-1.amazonaws.com/attacker/miner:1",
        ]) {
            assert.strictEqual(
                (
                    await check(parity.imagesFromTrustedRegistries, [
                        pod({ containers: [{ name: "x", image }] }),
                    ])
                ).messages.length,
                1,
                image,
            );
        }
        const [, unspread] = spread(false, true);
        assert.deepStrictEqual(
            (await check(parity.replicasProtected, [...unspread, budget])).messages,
            ["4 replicas with no topology spread or pod anti-affinity"],
        );
    });
});
