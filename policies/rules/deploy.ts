/**
 * Deploy readiness: what AWS, EKS and Kubernetes need in place, and in which order, for the first
 * `pulumi up` in an empty account to succeed. Each policy is one failure a real deploy hits and
 * mocks never do; they run on plans and on `pulumi stack export` alike.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../lib/exemptions";
import { podSpecOf, Spec } from "../lib/kubernetes";
import { asArray, known, parseJson, userDataOf } from "../lib/values";
import { dependencyClosure, referencedResource } from "../lib/graph";

const EKS_CLUSTER = "aws:eks/cluster:Cluster";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/** Kubernetes objects a provider must reach the API server for (everything but the provider itself). */
function isClusterObject(r: PolicyResource): boolean {
    return r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:");
}

export const clusterApiReachable: StackValidationPolicy = stackPolicy({
    name: "deploy-cluster-api-reachable",
    description:
        "When the stack declares Kubernetes objects, its deployer can reach the EKS API: an ingress rule admits tcp/443 into the cluster's security group from a named source (the WireGuard hub), or the public endpoint is allow-listed.",
    severity: "critical",
    validateStack: (args, report) => {
        if (!args.resources.some(isClusterObject)) return;
        const rules = args.resources.filter((r) => r.type === INGRESS_RULE);
        for (const cluster of args.resources.filter((r) => r.type === EKS_CLUSTER)) {
            const vpc = known(() => cluster.props.vpcConfig as Spec | undefined);
            if (vpc === undefined) continue;
            const cidrs = asArray(vpc.publicAccessCidrs as string[] | undefined);
            if (
                vpc.endpointPublicAccess === true &&
                cidrs.length > 0 &&
                !cidrs.includes("0.0.0.0/0")
            )
                continue;
            const groups = asArray(vpc.securityGroupIds as string[] | undefined);
            const admitted = rules.some((rule) => {
                const p = known(() => rule.props);
                if (!p) return false;
                const group = referencedResource(rule, "securityGroupId", args.resources);
                const intoCluster =
                    groups.includes(p.securityGroupId as string) ||
                    (group !== undefined &&
                        cluster.propertyDependencies?.vpcConfig?.includes(group));
                const https =
                    p.ipProtocol === "-1" ||
                    (p.ipProtocol === "tcp" &&
                        Number(p.fromPort) <= 443 &&
                        Number(p.toPort) >= 443);
                const named =
                    p.referencedSecurityGroupId !== undefined ||
                    (typeof p.cidrIpv4 === "string" && p.cidrIpv4 !== "0.0.0.0/0");
                return intoCluster && https && named;
            });
            if (!admitted) {
                report(
                    `nobody can reach the EKS API of ${cluster.name}: the endpoint is private and no rule admits tcp/443 into its security groups; every Kubernetes object of the stack would fail. Declare the operators' path (the port map's clusterApi listener) or allow-list the public endpoint`,
                    cluster.urn,
                );
            }
        }
    },
});

const ADMIN_POLICY = /:cluster-access-policy\/AmazonEKSClusterAdminPolicy$/;

export const clusterAccessEntries: StackValidationPolicy = stackPolicy({
    name: "deploy-cluster-access-entries",
    description:
        "A cluster authorising by EKS access entries gives its deployers one (cluster admin), and the Kubernetes provider waits for it; otherwise only the cluster's creator can deploy, and CI gets 401 on every object. The creator gets no entry of its own beside them: EKS refuses the duplicate (409).",
    severity: "critical",
    validateStack: (args, report) => {
        if (!args.resources.some((r) => isClusterObject(r) && !r.type.startsWith("pulumi:")))
            return;
        const associations = args.resources.filter(
            (r) =>
                r.type === "aws:eks/accessPolicyAssociation:AccessPolicyAssociation" &&
                ADMIN_POLICY.test(String(known(() => r.props.policyArn) ?? "")),
        );
        for (const cluster of args.resources.filter((r) => r.type === EKS_CLUSTER)) {
            const mode = known(
                () => (cluster.props.accessConfig as Spec | undefined)?.authenticationMode,
            );
            if (mode !== "API" && mode !== "API_AND_CONFIG_MAP") continue;
            if (associations.length === 0) {
                report(
                    `${cluster.name} authorises by access entries but grants nobody cluster admin: only its creator can deploy Kubernetes objects`,
                    cluster.urn,
                );
            } else if (
                known(
                    () =>
                        (cluster.props.accessConfig as Spec | undefined)
                            ?.bootstrapClusterCreatorAdminPermissions,
                ) !== false
            ) {
                // The creator is a deployer, so it is among the explicit entries (pulumi-eks#2373).
                report(
                    `${cluster.name} grants cluster admin by access entries and also gives its creator an access entry (bootstrapClusterCreatorAdminPermissions, true unless set): the explicit entry for the deploying role then fails with 409 ResourceInUseException; set it to false (a cluster created with true keeps it: import its creator's entry instead, README "From an empty account")`,
                    cluster.urn,
                );
            }
        }
        const reaches = dependencyClosure(args.resources);
        for (const provider of args.resources.filter(
            (r) => r.type === "pulumi:providers:kubernetes",
        )) {
            if (associations.length > 0 && !associations.some((a) => reaches(provider, a))) {
                report(
                    `Kubernetes provider ${provider.name} does not wait for the access entries; its first calls are refused`,
                    provider.urn,
                );
            }
        }
    },
});

const AUTOSCALING_ROLE =
    /:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/;

/** Whether a key policy lets EC2 Auto Scaling's service-linked role create grants (what a launch needs). */
export function admitsAutoscaling(policy: unknown): boolean {
    const statements = asArray<Spec>(
        ((parseJson(policy) ?? {}) as Spec).Statement as Spec[] | Spec | undefined,
    );
    return statements.some((s: Spec) => {
        const principals = asArray(
            ((s.Principal ?? {}) as Spec).AWS as string | string[] | undefined,
        );
        const actions = asArray(s.Action as string | string[] | undefined);
        return (
            s.Effect === "Allow" &&
            principals.some((p) => AUTOSCALING_ROLE.test(p)) &&
            actions.some((a) => a === "kms:CreateGrant" || a === "kms:*")
        );
    });
}

export const kmsAdmitsAutoscaling: StackValidationPolicy = stackPolicy({
    name: "deploy-kms-admits-autoscaling",
    description:
        "A customer-managed key that encrypts a launch template's volumes admits EC2 Auto Scaling's service-linked role, or node groups cannot launch instances.",
    severity: "critical",
    validateStack: (args, report) => {
        const keys = args.resources.filter((r) => r.type === "aws:kms/key:Key");
        for (const template of args.resources.filter(
            (r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate",
        )) {
            const mappings = asArray(
                known(() => template.props.blockDeviceMappings) as Spec[] | undefined,
            );
            for (const mapping of mappings) {
                const keyArn = known(() => (mapping.ebs as Spec | undefined)?.kmsKeyId);
                if (keyArn === undefined) continue;
                const key =
                    keys.find((k) => known(() => k.props.arn) === keyArn) ??
                    template.propertyDependencies?.blockDeviceMappings?.find(
                        (r) => r.type === "aws:kms/key:Key",
                    );
                if (!key) continue;
                const policy = known(() => key.props.policy);
                if (policy !== undefined && !admitsAutoscaling(policy)) {
                    report(
                        `key ${key.name} encrypts the volumes of launch template ${template.name} but its policy does not admit AWSServiceRoleForAutoScaling (kms:CreateGrant): node groups fail to launch instances`,
                        key.urn,
                    );
                }
            }
        }
    },
});

export const eksAddonsTakeOver: ResourceValidationPolicy = resourcePolicy({
    name: "deploy-eks-addons-take-over",
    description:
        "EKS managed add-ons set resolveConflictsOnCreate = OVERWRITE: EKS already runs vpc-cni, coredns and kube-proxy as self-managed objects, and a create over them fails on the conflict.",
    severity: "high",
    validateResource: (args, report) => {
        if (args.type !== "aws:eks/addon:Addon") return;
        if (args.props.resolveConflictsOnCreate !== "OVERWRITE") {
            report(
                `add-on ${String(args.props.addonName)} has resolveConflictsOnCreate ${String(args.props.resolveConflictsOnCreate ?? "unset")}; set OVERWRITE to take over the self-managed default`,
            );
        }
    },
});

const WEBHOOK_CHART = "aws-load-balancer-controller";
/** Kinds the load balancer controller's webhooks (failurePolicy Fail) intercept: Services, and pods of these. */
const INTERCEPTED =
    /^kubernetes:(core\/v1:Service|apps\/v1:(Deployment|StatefulSet|DaemonSet)|batch\/v1:(Job|CronJob))$/;

export const webhooksBeforeObjects: StackValidationPolicy = stackPolicy({
    name: "deploy-webhooks-before-objects",
    description:
        "Services and workloads are created after the AWS Load Balancer Controller is ready: its webhooks have failurePolicy Fail, so a Service created first is refused.",
    severity: "high",
    validateStack: (args, report) => {
        const controllers = args.resources.filter(
            (r) =>
                r.type === "kubernetes:helm.sh/v3:Release" &&
                known(() => r.props.chart) === WEBHOOK_CHART,
        );
        if (controllers.length === 0) return;
        const reaches = dependencyClosure(args.resources);
        for (const r of args.resources.filter((x) => INTERCEPTED.test(x.type))) {
            if (!controllers.some((c) => reaches(r, c))) {
                report(
                    `${r.type.split(":").pop()} ${r.name} does not wait for the load balancer controller; its webhook refuses objects while it is not ready`,
                    r.urn,
                );
            }
        }
    },
});

export const workloadPrerequisites: StackValidationPolicy = stackPolicy({
    name: "deploy-workload-prerequisites",
    description:
        "A workload waits for the ServiceAccount and StorageClass it names when the stack declares them, so its pods never start without their IAM role or their volumes.",
    severity: "high",
    validateStack: (args, report) => {
        const reaches = dependencyClosure(args.resources);
        // Objects by kind and name (and namespace): one index, not a scan per workload.
        const index = new Map<string, PolicyResource[]>();
        for (const r of args.resources) {
            if (
                r.type !== "kubernetes:core/v1:ServiceAccount" &&
                r.type !== "kubernetes:storage.k8s.io/v1:StorageClass"
            )
                continue;
            const metadata = known(() => r.props.metadata as Spec | undefined);
            const key = `${r.type}/${r.type.endsWith("StorageClass") ? "" : String(metadata?.namespace ?? "default")}/${String(metadata?.name)}`;
            index.set(key, [...(index.get(key) ?? []), r]);
        }
        const named = (type: string, name: string, namespace = "") =>
            index.get(`${type}/${namespace}/${name}`) ?? [];
        for (const workload of args.resources.filter(
            (r) => INTERCEPTED.test(r.type) && !r.type.endsWith(":Service"),
        )) {
            const pod = known(() => podSpecOf(workload.type, workload.props));
            if (!pod) continue;
            const namespace =
                known(
                    () =>
                        (workload.props.metadata as Spec | undefined)?.namespace as
                            string | undefined,
                ) ?? "default";
            const account = pod.serviceAccountName as string | undefined;
            const accounts = account
                ? named("kubernetes:core/v1:ServiceAccount", account, namespace)
                : [];
            if (accounts.length > 0 && !accounts.some((a) => reaches(workload, a))) {
                report(
                    `${workload.name} does not wait for its service account ${namespace}/${account}; pods created first run without its role`,
                    workload.urn,
                );
            }
            const claims = [
                ...asArray(
                    known(() => (workload.props.spec as Spec | undefined)?.volumeClaimTemplates) as
                        Spec[] | undefined,
                ).map((c) => c.spec as Spec | undefined),
                ...asArray(pod.volumes as Spec[] | undefined).map(
                    (v) =>
                        ((v.ephemeral as Spec | undefined)?.volumeClaimTemplate as Spec | undefined)
                            ?.spec as Spec | undefined,
                ),
            ];
            for (const claim of claims) {
                const className = claim?.storageClassName as string | undefined;
                const classes = className
                    ? named("kubernetes:storage.k8s.io/v1:StorageClass", className)
                    : [];
                if (classes.length > 0 && !classes.some((c) => reaches(workload, c))) {
                    report(
                        `${workload.name} does not wait for its storage class ${className}; its volume claims stay Pending or get the wrong class`,
                        workload.urn,
                    );
                }
            }
        }
    },
});

export const elasticIpBeforeBoot: StackValidationPolicy = stackPolicy({
    name: "deploy-eip-before-boot",
    description:
        "An edge server's Elastic IP is on its network interface before it boots; attached to the instance afterwards, cloud-init's package installs have no route to the internet.",
    severity: "high",
    validateStack: (args, report) => {
        for (const eip of args.resources.filter(
            (r) =>
                r.type === "aws:ec2/eip:Eip" || r.type === "aws:ec2/eipAssociation:EipAssociation",
        )) {
            const field = ["instance", "instanceId"].find(
                (f) => known(() => eip.props[f]) !== undefined,
            );
            if (!field) continue;
            const instance = referencedResource(eip, field, args.resources);
            if (instance && known(() => instance.props.associatePublicIpAddress) !== true) {
                report(
                    `Elastic IP ${eip.name} attaches to ${instance.name} after launch, and the instance has no public address until then; put the EIP on a network interface the instance boots with`,
                    eip.urn,
                );
            }
        }
    },
});

export const elasticIpAfterGateway: StackValidationPolicy = stackPolicy({
    name: "deploy-eip-after-internet-gateway",
    description:
        "An Elastic IP and its network interface wait for the VPC's internet gateway and the subnet's route to it; associated earlier, AWS answers Gateway.NotAttached, and a server booting first has no way out.",
    severity: "high",
    validateStack: (args, report) => {
        const gateways = args.resources.filter(
            (r) => r.type === "aws:ec2/internetGateway:InternetGateway",
        );
        if (gateways.length === 0) return;
        const reaches = dependencyClosure(args.resources);
        for (const eip of args.resources.filter(
            (r) =>
                r.type === "aws:ec2/eip:Eip" && known(() => r.props.networkInterface) !== undefined,
        )) {
            if (!gateways.some((g) => reaches(eip, g))) {
                report(`Elastic IP ${eip.name} does not wait for the internet gateway`, eip.urn);
            }
        }
    },
});

export const interfaceBoundReplacement: StackValidationPolicy = stackPolicy({
    name: "deploy-interface-bound-replacement",
    description:
        "An instance that boots on a network interface of its own (the one holding its Elastic IP) is replaced by deleting it first; created first, the new instance asks for an interface still in use (InvalidNetworkInterface.InUse).",
    severity: "high",
    validateStack: (args, report) => {
        for (const instance of args.resources.filter(
            (r) => r.type === "aws:ec2/instance:Instance",
        )) {
            const bound = known(
                () =>
                    (instance.props.primaryNetworkInterface as Spec | undefined)
                        ?.networkInterfaceId ??
                    asArray(instance.props.networkInterfaces as Spec[] | undefined)[0]
                        ?.networkInterfaceId,
            );
            if (bound !== undefined && instance.opts?.deleteBeforeReplace !== true) {
                report(
                    `${instance.name} boots on network interface ${String(bound)} but is not replaced delete-first; its next replacement fails with InvalidNetworkInterface.InUse`,
                    instance.urn,
                );
            }
        }
    },
});

export const ecrLifecycleKeepsTagged: ResourceValidationPolicy = resourcePolicy({
    name: "deploy-ecr-lifecycle-keeps-tagged",
    description:
        "ECR lifecycle rules expire only untagged images: a count or age rule over tagged images can expire the digest a stack pins, and pods then fail to pull.",
    severity: "high",
    validateResource: (args, report) => {
        if (args.type !== "aws:ecr/lifecyclePolicy:LifecyclePolicy") return;
        const rules = asArray(
            ((parseJson(args.props.policy) ?? {}) as Spec).rules as Spec[] | undefined,
        );
        for (const rule of rules) {
            const tagStatus = (rule.selection as Spec | undefined)?.tagStatus;
            if (tagStatus !== "untagged" && (rule.action as Spec | undefined)?.type === "expire") {
                report(
                    `lifecycle rule ${String(rule.rulePriority)} expires ${String(tagStatus)} images; a pinned image may be among them`,
                );
            }
        }
    },
});

/** EC2 refuses user data over 16 KB (before base64). */
export const USER_DATA_LIMIT_BYTES = 16384;

export const userDataFits: ResourceValidationPolicy = resourcePolicy({
    name: "deploy-user-data-fits",
    description: "User data stays within EC2's 16 KB limit; over it, RunInstances fails.",
    severity: "high",
    validateResource: (args, report) => {
        if (
            args.type !== "aws:ec2/instance:Instance" &&
            args.type !== "aws:ec2/launchTemplate:LaunchTemplate"
        )
            return;
        const text = userDataOf(args.type, args.props);
        const bytes = text === undefined ? undefined : Buffer.byteLength(text);
        if (bytes !== undefined && bytes > USER_DATA_LIMIT_BYTES) {
            report(
                `user data is ${bytes} bytes; EC2 accepts at most ${USER_DATA_LIMIT_BYTES}. Deliver large files another way (SSM, S3)`,
            );
        }
    },
});

const SKIP_AWAIT = "pulumi.com/skipAwait";

export const operatorSecretsDoNotBlock: StackValidationPolicy = stackPolicy({
    name: "deploy-operator-secrets-do-not-block",
    description:
        "A workload whose pods read a secret only an operator writes (declared without a value) is not awaited by `pulumi up`: its pods wait for the secret, and the deploy would time out instead of completing.",
    severity: "high",
    validateStack: (args, report) => {
        const written = new Set(
            args.resources
                .filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion")
                .flatMap((v) => v.dependencies.map((d) => d.urn)),
        );
        const operatorWritten = (r: PolicyResource) =>
            r.type === "aws:secretsmanager/secret:Secret" && !written.has(r.urn);
        for (const workload of args.resources.filter(
            (r) => INTERCEPTED.test(r.type) && !r.type.endsWith(":Service"),
        )) {
            const reads = Object.values(workload.propertyDependencies ?? {})
                .flat()
                .filter(operatorWritten);
            if (reads.length === 0) continue;
            const annotations =
                known(
                    () =>
                        (workload.props.metadata as Spec | undefined)?.annotations as
                            Record<string, string> | undefined,
                ) ?? {};
            if (annotations[SKIP_AWAIT] !== "true") {
                report(
                    `${workload.name} reads ${reads.map((r) => r.name).join(", ")}, which only an operator writes; annotate it ${SKIP_AWAIT}: "true" so the first up completes while its pods wait`,
                    workload.urn,
                );
            }
        }
    },
});

export const DEPLOY_POLICIES = [
    clusterAccessEntries,
    operatorSecretsDoNotBlock,
    elasticIpAfterGateway,
    interfaceBoundReplacement,
    clusterApiReachable,
    kmsAdmitsAutoscaling,
    eksAddonsTakeOver,
    webhooksBeforeObjects,
    workloadPrerequisites,
    elasticIpBeforeBoot,
    ecrLifecycleKeepsTagged,
    userDataFits,
];
