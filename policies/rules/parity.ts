/**
 * One-property policies that close the gaps a reading of Checkov, trivy and KICS found (their ids in
 * policies/data/peer-checks.ts). Each checks one setting of one kind of resource, so an exemption
 * for one leaves the resource's other policies in force.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../lib/exemptions";
import {
    containersOf,
    namespaceOf,
    podLabelsOf,
    podSpecOf,
    selects,
    Spec,
    WORKLOAD_TYPES,
} from "../lib/kubernetes";
import { asArray } from "../lib/values";
import { mebibytes, millicores } from "../lib/quantities";

type Props = Record<string, unknown>;

/** A policy over resources of `types`: `problem` returns what is wrong with their inputs, or undefined. */
function propertyPolicy(
    name: string,
    description: string,
    types: readonly string[],
    problem: (props: Props, type: string) => string | undefined,
    severity: "low" | "medium" | "high" | "critical" = "medium",
): ResourceValidationPolicy {
    return resourcePolicy(
        {
            name,
            description,
            severity,
            validateResource: (args, report) => {
                if (!types.includes(args.type)) return;
                const found = problem(args.props, args.type);
                if (found) report(found);
            },
        },
        types,
    );
}

const RDS = ["aws:rds/instance:Instance"];

export const rdsEnhancedMonitoring = propertyPolicy(
    "rds-enhanced-monitoring",
    "RDS instances send enhanced-monitoring OS metrics (an interval and a role).",
    RDS,
    (p) =>
        typeof p.monitoringInterval === "number" && p.monitoringInterval > 0 && p.monitoringRoleArn
            ? undefined
            : "enhanced monitoring is off (monitoringInterval > 0 and monitoringRoleArn)",
);

/** The CAs RDS signs with since 2024 (rds-ca-2019 expired in August 2024). */
const MODERN_RDS_CAS = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

export const rdsCaPinned = propertyPolicy(
    "rds-ca-certificate-pinned",
    "RDS instances name a current certificate authority (caCertIdentifier), so the CA bundle clients verify with is known to match.",
    RDS,
    (p) =>
        MODERN_RDS_CAS.includes(String(p.caCertIdentifier))
            ? undefined
            : `caCertIdentifier is ${p.caCertIdentifier === undefined ? "unset (RDS's default of the day)" : String(p.caCertIdentifier)}; pin one of ${MODERN_RDS_CAS.join(", ")}`,
);

export const rdsLogsExported = propertyPolicy(
    "rds-logs-exported",
    "PostgreSQL instances export their postgresql log to CloudWatch Logs.",
    RDS,
    (p) =>
        asArray(p.enabledCloudwatchLogsExports as string[] | undefined).includes("postgresql") ||
        !String(p.engine ?? "postgres").includes("postgres")
            ? undefined
            : 'the postgresql log is not exported (enabledCloudwatchLogsExports: ["postgresql"])',
);

export const rdsCopyTagsToSnapshots = propertyPolicy(
    "rds-copy-tags-to-snapshots",
    "RDS snapshots carry the instance's tags (owner, stack) for cost and clean-up.",
    RDS,
    (p) => (p.copyTagsToSnapshot === true ? undefined : "copyTagsToSnapshot is not true"),
);

export const rdsPerformanceInsights = propertyPolicy(
    "rds-performance-insights",
    "RDS instances have Performance Insights on.",
    RDS,
    (p) => (p.performanceInsightsEnabled === true ? undefined : "Performance Insights is off"),
);

const INSTANCE = ["aws:ec2/instance:Instance"];

export const ec2DetailedMonitoring = propertyPolicy(
    "ec2-detailed-monitoring",
    "EC2 instances have detailed (1-minute) monitoring: the recovery alarms evaluate 1-minute periods.",
    INSTANCE,
    (p) => (p.monitoring === true ? undefined : "detailed monitoring is off (monitoring: true)"),
);

export const ec2InstanceProfile = propertyPolicy(
    "ec2-instance-profile",
    "EC2 instances run with an instance profile (SSM access, own permissions), never with credentials on disk.",
    INSTANCE,
    (p) => (p.iamInstanceProfile ? undefined : "no iamInstanceProfile"),
);

export const launchTemplateHopLimit = propertyPolicy(
    "launch-template-imds-hop-limit",
    "Node launch templates keep IMDS to the node itself (hop limit 1): pods use IRSA, never the node's role.",
    ["aws:ec2/launchTemplate:LaunchTemplate"],
    (p) => {
        const options = (p.metadataOptions ?? {}) as Props;
        return options.httpPutResponseHopLimit === 1
            ? undefined
            : `httpPutResponseHopLimit is ${String(options.httpPutResponseHopLimit ?? "unset (2 on EKS AMIs)")}: pods could reach the node role's credentials`;
    },
);

export const eksControlPlaneLogging = propertyPolicy(
    "eks-control-plane-logging",
    "The EKS control plane logs api, audit and authenticator to CloudWatch.",
    ["aws:eks/cluster:Cluster"],
    (p) => {
        const missing = ["api", "audit", "authenticator"].filter(
            (t) => !asArray(p.enabledClusterLogTypes as string[] | undefined).includes(t),
        );
        return missing.length === 0
            ? undefined
            : `control-plane log types missing: ${missing.join(", ")}`;
    },
);

export const eksNodeGroupNoRemoteAccess = propertyPolicy(
    "eks-node-group-no-remote-access",
    "Managed node groups open no SSH (remoteAccess): nodes are reached through SSM.",
    ["aws:eks/nodeGroup:NodeGroup"],
    (p) => (p.remoteAccess === undefined ? undefined : "remoteAccess opens SSH to the nodes"),
);

export const kmsKeyPolicyDefined: StackValidationPolicy = stackPolicy({
    name: "kms-key-policy-defined",
    description:
        "Every KMS key has an explicit key policy, inline or as an aws.kms.KeyPolicy (the default grants the whole account).",
    severity: "medium",
    validateStack: (args, report) => {
        const separate = args.resources.filter((r) => r.type === "aws:kms/keyPolicy:KeyPolicy");
        for (const key of args.resources.filter((r) => r.type === "aws:kms/key:Key")) {
            const inline = typeof key.props.policy === "string" && key.props.policy !== "";
            const byResource = separate.some((k) =>
                (k.propertyDependencies?.keyId ?? []).some((d) => d.urn === key.urn),
            );
            if (!inline && !byResource)
                report(
                    "no key policy: the default lets every principal of the account with IAM permission use the key",
                    key.urn,
                );
        }
    },
});

export const s3BucketOwnerEnforced = propertyPolicy(
    "s3-bucket-owner-enforced",
    "Bucket ownership controls are BucketOwnerEnforced: ACLs are off.",
    ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
    (p) =>
        ((p.rule ?? {}) as Props).objectOwnership === "BucketOwnerEnforced"
            ? undefined
            : "object ownership is not BucketOwnerEnforced (ACLs stay in effect)",
);

export const securityGroupDescriptions = propertyPolicy(
    "security-group-descriptions",
    "Security groups and their rules say what they are for (description).",
    [
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    ],
    (p) =>
        typeof p.description === "string" &&
        p.description.trim() !== "" &&
        p.description !== "Managed by Pulumi"
            ? undefined
            : "no description of what the group or rule is for",
    "low",
);

const ADMIN_POLICIES = /:policy\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;

export const iamNoAdminPolicies = propertyPolicy(
    "iam-no-admin-policies",
    "No role, user or group gets AdministratorAccess, IAMFullAccess or PowerUserAccess (by attachment or a role's managedPolicyArns).",
    [
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "aws:iam/userPolicyAttachment:UserPolicyAttachment",
        "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
        "aws:iam/policyAttachment:PolicyAttachment",
        "aws:iam/role:Role",
    ],
    (p) => {
        const arns = [p.policyArn, ...asArray(p.managedPolicyArns as string[] | undefined)].map(
            (a) => String(a ?? ""),
        );
        const admin = arns.find((a) => ADMIN_POLICIES.test(a));
        return admin ? `attaches ${admin}` : undefined;
    },
    "critical",
);

export const alarmActionsEnabled = propertyPolicy(
    "cloudwatch-alarm-actions",
    "CloudWatch alarms act (actions enabled, at least one alarm action).",
    ["aws:cloudwatch/metricAlarm:MetricAlarm"],
    (p) =>
        p.actionsEnabled !== false && asArray(p.alarmActions as string[] | undefined).length > 0
            ? undefined
            : "the alarm has no enabled action: it changes state and nobody hears",
);

const K8S_NAMESPACED =
    /^kubernetes:(apps\/v1:(Deployment|StatefulSet|DaemonSet)|batch\/v1:(Job|CronJob)|core\/v1:(Service|ConfigMap|Secret|ServiceAccount|Pod)|networking\.k8s\.io\/v1:NetworkPolicy|policy\/v1:PodDisruptionBudget|rbac\.authorization\.k8s\.io\/v1:(Role|RoleBinding))$/;

export const noDefaultNamespace = resourcePolicy({
    name: "k8s-no-default-namespace",
    description:
        "Namespaced objects live in a namespace of their own, never default (its policies and quotas are nobody's).",
    severity: "medium",
    validateResource: (args, report) => {
        if (K8S_NAMESPACED.test(args.type) && namespaceOf(args.props) === "default")
            report("the object is in the default namespace");
    },
});

export const noHostAccess = resourcePolicy(
    {
        name: "k8s-no-host-access",
        description:
            "Pods touch nothing of their node: no hostPath volumes (the container runtime socket among them), no hostPort, no added capabilities.",
        severity: "high",
        validateResource: (args, report) => {
            // undefined for anything but a workload
            const pod = podSpecOf(args.type, args.props);
            if (!pod) return;
            for (const volume of asArray(pod.volumes as Spec[] | undefined)) {
                if (volume.hostPath !== undefined)
                    report(
                        `volume ${String(volume.name)} mounts the node's ${String((volume.hostPath as Spec).path)}`,
                    );
            }
            for (const c of containersOf(pod, true)) {
                if (
                    asArray(c.ports as Spec[] | undefined).some(
                        (port) => port.hostPort !== undefined,
                    )
                )
                    report(`container ${String(c.name)} binds a hostPort`);
                const add = asArray(
                    ((((c.securityContext ?? {}) as Spec).capabilities ?? {}) as Spec).add as
                        string[] | undefined,
                );
                if (add.length > 0)
                    report(`container ${String(c.name)} adds capabilities ${add.join(", ")}`);
            }
        },
    },
    WORKLOAD_TYPES,
);

export const rdsAutoMinorUpgrade = propertyPolicy(
    "rds-auto-minor-upgrade",
    "RDS instances take minor engine versions (security fixes) in their maintenance window.",
    RDS,
    (p) => (p.autoMinorVersionUpgrade === false ? "autoMinorVersionUpgrade is false" : undefined),
    "low",
);

export const elasticacheSnapshotsRetained = propertyPolicy(
    "elasticache-snapshots-retained",
    "Redis keeps automatic snapshots (snapshotRetentionLimit > 0).",
    ["aws:elasticache/replicationGroup:ReplicationGroup"],
    (p) =>
        typeof p.snapshotRetentionLimit === "number" && p.snapshotRetentionLimit > 0
            ? undefined
            : "no automatic snapshots (snapshotRetentionLimit)",
);

export const kmsKeyEnabled = propertyPolicy(
    "kms-key-enabled",
    "KMS keys are enabled: a disabled key silently breaks everything encrypted under it.",
    ["aws:kms/key:Key"],
    (p) => (p.isEnabled === false ? "the key is disabled (isEnabled: false)" : undefined),
);

export const s3BucketDnsCompliantName = propertyPolicy(
    "s3-bucket-dns-compliant-name",
    "Bucket names are DNS-compliant without dots (3–63 lowercase letters, digits and hyphens): virtual-hosted HTTPS works.",
    ["aws:s3/bucket:Bucket"],
    (p) =>
        p.bucket === undefined || /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(String(p.bucket))
            ? undefined
            : `bucket name ${String(p.bucket)} is not DNS-compliant without dots`,
    "low",
);

const RBAC_ROLES = [
    "kubernetes:rbac.authorization.k8s.io/v1:Role",
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
];
const ESCALATING_VERBS = ["bind", "escalate", "impersonate"];
const WRITE_VERBS = ["create", "update", "patch", "delete", "deletecollection"];
/** Writing these grants permissions, reroutes traffic (services, endpoints, network policies, the aws-auth ConfigMap), changes admission, or erases evidence. */
const GUARDED_RESOURCES = [
    "configmaps",
    "services",
    "endpoints",
    "endpointslices",
    "networkpolicies",
    "ingresses",
    "roles",
    "rolebindings",
    "clusterroles",
    "clusterrolebindings",
    "validatingwebhookconfigurations",
    "mutatingwebhookconfigurations",
    "pods/log",
    "services/status",
    "certificatesigningrequests/approval",
];

export const rbacLeastPrivilege = resourcePolicy(
    {
        name: "rbac-least-privilege",
        description:
            "Roles grant named verbs on named resources: no wildcards, no bind/escalate/impersonate, no reading Secrets, no creating pods or exec.",
        severity: "high",
        validateResource: (args, report) => {
            if (!RBAC_ROLES.includes(args.type)) return;
            for (const rule of asArray(args.props.rules as Spec[] | undefined)) {
                const verbs = asArray(rule.verbs as string[] | undefined);
                const resources = asArray(rule.resources as string[] | undefined);
                const groups = asArray(rule.apiGroups as string[] | undefined);
                if ([...verbs, ...resources, ...groups].includes("*"))
                    report(
                        `a rule uses a wildcard (${JSON.stringify({ apiGroups: groups, resources, verbs })})`,
                    );
                const escalating = verbs.filter((v) => ESCALATING_VERBS.includes(v));
                if (escalating.length > 0)
                    report(
                        `grants ${escalating.join(", ")}: a path to more privilege than the role holds`,
                    );
                if (
                    resources.includes("secrets") &&
                    verbs.some((v) => ["get", "list", "watch"].includes(v))
                )
                    report("reads Secrets");
                if (
                    resources.some(
                        (r) => r === "pods/exec" || r === "pods/attach" || r === "pods/portforward",
                    ) ||
                    (resources.includes("pods") && verbs.includes("create"))
                )
                    report(
                        "can run code in pods or reach them (create pods, exec, attach or port-forward)",
                    );
                const writes = verbs.filter((v) => WRITE_VERBS.includes(v));
                const guarded = resources.filter((r) => GUARDED_RESOURCES.includes(r));
                if (writes.length > 0 && guarded.length > 0)
                    report(
                        `may ${writes.join("/")} ${guarded.join(", ")}: control over permissions, admission or audit trails`,
                    );
            }
        },
    },
    RBAC_ROLES,
);

const BINDINGS = [
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
];
const BROAD_GROUPS = [
    "system:anonymous",
    "system:unauthenticated",
    "system:authenticated",
    "system:masters",
];
const ADMIN_ROLES = ["cluster-admin", "admin", "edit"];

export const noPrivilegedBindings = resourcePolicy(
    {
        name: "k8s-no-privileged-bindings",
        description:
            "Bindings name specific service accounts: never anonymous, all-authenticated or system:masters, never a default service account, never the built-in admin roles (deployers get admin from EKS access entries).",
        severity: "critical",
        validateResource: (args, report) => {
            if (!BINDINGS.includes(args.type)) return;
            const role = String(((args.props.roleRef ?? {}) as Spec).name ?? "");
            if (ADMIN_ROLES.includes(role)) report(`binds the built-in ${role} role`);
            for (const subject of asArray(args.props.subjects as Spec[] | undefined)) {
                if (subject.kind === "Group" && BROAD_GROUPS.includes(String(subject.name)))
                    report(`binds the group ${String(subject.name)}`);
                if (subject.kind === "User" && String(subject.name).startsWith("system:anonymous"))
                    report("binds the anonymous user");
                if (subject.kind === "ServiceAccount" && subject.name === "default")
                    report(
                        `binds the default service account of ${String(subject.namespace ?? "its namespace")}`,
                    );
            }
        },
    },
    BINDINGS,
);

/** Volume types a restricted pod may use (Pod Security Standards, restricted). */
const ALLOWED_VOLUMES = [
    "configMap",
    "secret",
    "emptyDir",
    "persistentVolumeClaim",
    "projected",
    "downwardAPI",
    "ephemeral",
    "csi",
];

export const podSecurityBaseline = resourcePolicy(
    {
        name: "k8s-pod-security-baseline",
        description:
            "Pods keep the Pod Security Standards' remaining baseline and restricted rules: restricted volume types, no hostAliases, no custom SELinux options, default /proc mount, no sysctls, no root group.",
        severity: "high",
        validateResource: (args, report) => {
            // undefined for anything but a workload
            const pod = podSpecOf(args.type, args.props);
            if (!pod) return;
            for (const volume of asArray(pod.volumes as Spec[] | undefined)) {
                const kind = Object.keys(volume).find((k) => k !== "name");
                if (kind && !ALLOWED_VOLUMES.includes(kind))
                    report(
                        `volume ${String(volume.name)} is of type ${kind}, outside the restricted set`,
                    );
            }
            if (asArray(pod.hostAliases as unknown[] | undefined).length > 0)
                report("hostAliases rewrite /etc/hosts past cluster DNS");
            const podContext = (pod.securityContext ?? {}) as Spec;
            if (asArray(podContext.sysctls as unknown[] | undefined).length > 0)
                report("sets sysctls");
            if (
                podContext.runAsGroup === 0 ||
                podContext.fsGroup === 0 ||
                asArray(podContext.supplementalGroups as number[] | undefined).includes(0)
            )
                report("runs with the root group (runAsGroup, fsGroup or supplementalGroups 0)");
            for (const c of containersOf(pod, true)) {
                const context = (c.securityContext ?? {}) as Spec;
                const selinux = (context.seLinuxOptions ?? podContext.seLinuxOptions) as
                    Spec | undefined;
                if (
                    selinux &&
                    (selinux.user !== undefined ||
                        selinux.role !== undefined ||
                        (selinux.type !== undefined &&
                            !["container_t", "container_init_t", "container_kvm_t"].includes(
                                String(selinux.type),
                            )))
                )
                    report(`container ${String(c.name)} sets custom SELinux options`);
                if (context.procMount !== undefined && context.procMount !== "Default")
                    report(
                        `container ${String(c.name)} unmasks /proc (procMount ${String(context.procMount)})`,
                    );
                if (context.runAsGroup === 0)
                    report(`container ${String(c.name)} runs with group 0`);
            }
        },
    },
    WORKLOAD_TYPES,
);

export const serviceNoExternalIps = propertyPolicy(
    "k8s-service-no-external-ips",
    "Services claim no externalIPs (a Service could capture any address's traffic, CVE-2020-8554).",
    ["kubernetes:core/v1:Service"],
    (p) =>
        asArray(((p.spec ?? {}) as Props).externalIPs as unknown[] | undefined).length > 0
            ? "the Service sets externalIPs"
            : undefined,
    "high",
);

export const cronJobDeadline = propertyPolicy(
    "k8s-cronjob-deadline",
    "CronJobs set startingDeadlineSeconds: after an outage a missed run starts late or is skipped, never piles up.",
    ["kubernetes:batch/v1:CronJob"],
    (p) =>
        typeof ((p.spec ?? {}) as Props).startingDeadlineSeconds === "number"
            ? undefined
            : "no startingDeadlineSeconds",
    "low",
);

export const volumeClaimsReadWriteOnce = propertyPolicy(
    "k8s-volume-claims-rwo",
    "StatefulSet volume claims are ReadWriteOnce (EBS volumes attach to one node; each replica owns its data).",
    ["kubernetes:apps/v1:StatefulSet"],
    (p) => {
        const claims = asArray(
            ((p.spec ?? {}) as Props).volumeClaimTemplates as Props[] | undefined,
        );
        const shared = claims.filter((claim) =>
            asArray(((claim.spec ?? {}) as Props).accessModes as string[] | undefined).some(
                (mode) => mode !== "ReadWriteOnce" && mode !== "ReadWriteOncePod",
            ),
        );
        return shared.length > 0
            ? `volume claims ${shared.map((c) => String(((c.metadata ?? {}) as Props).name)).join(", ")} are not ReadWriteOnce`
            : undefined;
    },
);

const replicasOf = (r: PolicyResource) => Number(((r.props.spec ?? {}) as Props).replicas ?? 1);
const SCALED = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"];

export const replicasProtected: StackValidationPolicy = stackPolicy({
    name: "k8s-replicas-protected",
    description:
        "A workload of more than one replica is spread over nodes or zones (topology spread or anti-affinity) and covered by a PodDisruptionBudget, so a drain or a zone loss never takes all of it.",
    severity: "high",
    validateStack: (args, report) => {
        const budgets = args.resources.filter(
            (r) => r.type === "kubernetes:policy/v1:PodDisruptionBudget",
        );
        for (const workload of args.resources.filter(
            (r) => SCALED.includes(r.type) && replicasOf(r) > 1,
        )) {
            const pod = podSpecOf(workload.type, workload.props) ?? {};
            if (
                pod.topologySpreadConstraints === undefined &&
                ((pod.affinity ?? {}) as Spec).podAntiAffinity === undefined
            )
                report(
                    `${replicasOf(workload)} replicas with no topology spread or pod anti-affinity`,
                    workload.urn,
                );
            const covered = budgets.some(
                (b) =>
                    namespaceOf(b.props) === namespaceOf(workload.props) &&
                    selects(
                        ((b.props.spec ?? {}) as Props).selector as Spec | undefined,
                        podLabelsOf(workload.type, workload.props),
                    ),
            );
            if (!covered)
                report(
                    `${replicasOf(workload)} replicas and no PodDisruptionBudget selects them`,
                    workload.urn,
                );
        }
    },
});

export const tokensOnlyWithRbac: StackValidationPolicy = stackPolicy({
    name: "k8s-token-only-with-rbac",
    description:
        "A pod mounts a Kubernetes API token only when its service account is bound to a role (pod or service account sets automountServiceAccountToken: false otherwise).",
    severity: "medium",
    validateStack: (args, report) => {
        const bound = new Set(
            args.resources
                .filter((r) => BINDINGS.includes(r.type))
                .flatMap((b) =>
                    asArray(b.props.subjects as Spec[] | undefined)
                        .filter((s) => s.kind === "ServiceAccount")
                        .map((s) => `${String(s.namespace)}/${String(s.name)}`),
                ),
        );
        const accounts = new Map(
            args.resources
                .filter((r) => r.type === "kubernetes:core/v1:ServiceAccount")
                .map((a) => [
                    `${namespaceOf(a.props)}/${String(((a.props.metadata ?? {}) as Props).name)}`,
                    a,
                ]),
        );
        for (const workload of args.resources.filter((r) => WORKLOAD_TYPES.includes(r.type))) {
            const pod = podSpecOf(workload.type, workload.props);
            if (!pod) continue;
            const key = `${namespaceOf(workload.props)}/${String(pod.serviceAccountName ?? "default")}`;
            const mounted =
                pod.automountServiceAccountToken ??
                accounts.get(key)?.props.automountServiceAccountToken ??
                true;
            if (mounted !== false && !bound.has(key))
                report(`mounts an API token for ${key}, which no role binding names`, workload.urn);
        }
    },
});

export const oidcTrustPinsSubject = propertyPolicy(
    "iam-oidc-trust-pins-subject",
    "Roles trusted through an OIDC provider (IRSA, CI) pin the token's exact subject with StringEquals: no wildcard, no missing sub.",
    ["aws:iam/role:Role"],
    (p) => {
        let doc: Props;
        try {
            doc = JSON.parse(String(p.assumeRolePolicy ?? "{}")) as Props;
        } catch {
            return undefined;
        }
        for (const statement of asArray(doc.Statement as Props[] | undefined)) {
            const federated = String(((statement.Principal ?? {}) as Props).Federated ?? "");
            if (statement.Effect !== "Allow" || !federated.includes("oidc-provider/")) continue;
            const equals =
                ((statement.Condition ?? {}) as Record<string, Props>).StringEquals ?? {};
            const sub = Object.entries(equals).find(([k]) => k.endsWith(":sub"));
            if (!sub || asArray(sub[1] as string[] | string).some((v) => String(v).includes("*")))
                return `trust through ${federated.slice(federated.indexOf("oidc-provider/") + 14)} does not pin the subject (StringEquals on :sub)`;
        }
        return undefined;
    },
    "critical",
);

export const edgeRolesSeparate: StackValidationPolicy = stackPolicy({
    name: "ec2-edge-roles-separate",
    description:
        "An instance profile serves either internet-facing instances or private ones, never both: a compromised edge server holds no private server's permissions.",
    severity: "high",
    validateStack: (args, report) => {
        const kinds = new Map<string, Set<string>>();
        for (const instance of args.resources.filter(
            (r) => r.type === "aws:ec2/instance:Instance",
        )) {
            const profile = String(instance.props.iamInstanceProfile ?? "");
            const publicFacing =
                instance.props.primaryNetworkInterface !== undefined ||
                instance.props.associatePublicIpAddress === true;
            kinds.set(
                profile,
                (kinds.get(profile) ?? new Set()).add(publicFacing ? "public" : "private"),
            );
        }
        for (const [profile, seen] of kinds)
            if (profile && seen.size > 1)
                report(`instance profile ${profile} serves public and private instances`);
    },
});

/** Whether a selector names some declared pod of the namespace. */
function selectsSomePod(
    args: { resources: PolicyResource[] },
    namespace: string,
    selector: Spec,
): boolean {
    return args.resources.some(
        (r) =>
            WORKLOAD_TYPES.includes(r.type) &&
            namespaceOf(r.props) === namespace &&
            selects(selector, podLabelsOf(r.type, r.props)),
    );
}

export const networkPoliciesSelectPods: StackValidationPolicy = stackPolicy({
    name: "k8s-network-policies-select-pods",
    description:
        "Every NetworkPolicy that names pods selects some declared pod: a selector with a typo protects nothing.",
    severity: "medium",
    validateStack: (args, report) => {
        for (const policy of args.resources.filter(
            (r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        )) {
            const selector = (((policy.props.spec ?? {}) as Props).podSelector ?? {}) as Spec;
            // An empty selector names every pod of the namespace, which needs no check.
            if (
                Object.keys(selector.matchLabels ?? {}).length === 0 &&
                selector.matchExpressions === undefined
            )
                continue;
            if (!selectsSomePod(args, namespaceOf(policy.props), selector))
                report(
                    `selects no declared pod (${JSON.stringify(selector.matchLabels ?? selector.matchExpressions)})`,
                    policy.urn,
                );
        }
    },
});

export const servicesSelectPods: StackValidationPolicy = stackPolicy({
    name: "k8s-services-select-pods",
    description:
        "Every Service with a selector selects some declared pod: otherwise it has no endpoints and its clients fail.",
    severity: "high",
    validateStack: (args, report) => {
        for (const service of args.resources.filter(
            (r) => r.type === "kubernetes:core/v1:Service",
        )) {
            const selector = (((service.props.spec ?? {}) as Props).selector ?? {}) as Record<
                string,
                string
            >;
            if (Object.keys(selector).length === 0) continue;
            if (!selectsSomePod(args, namespaceOf(service.props), { matchLabels: selector }))
                report(`selects no declared pod (${JSON.stringify(selector)})`, service.urn);
        }
    },
});

/** Each workload's pod and copies, worked out once per resource (the quota checks read them many times). */
const podTemplates = new WeakMap<object, { pod: Spec; copies: number } | undefined>();
const podTemplate = (r: PolicyResource): { pod: Spec; copies: number } | undefined => {
    if (podTemplates.has(r)) return podTemplates.get(r);
    const found = computePodTemplate(r);
    podTemplates.set(r, found);
    return found;
};
const computePodTemplate = (r: PolicyResource): { pod: Spec; copies: number } | undefined => {
    const pod = podSpecOf(r.type, r.props);
    if (!pod) return undefined;
    const spec = (r.props.spec ?? {}) as Props;
    const replicas = Number(spec.replicas ?? 1);
    // A Deployment's rollout runs its surge (25 %, rounded up) beside the old pods; a Job runs
    // `parallelism` pods at once; a CronJob with concurrencyPolicy Forbid one job; a Pod is one.
    const copies: Record<string, number> = {
        "kubernetes:batch/v1:CronJob": 1,
        "kubernetes:batch/v1:Job": Number(spec.parallelism ?? 1),
        "kubernetes:core/v1:Pod": 1,
        "kubernetes:apps/v1:Deployment": replicas + Math.ceil(replicas / 4),
    };
    return { pod, copies: copies[r.type] ?? replicas };
};

const sumOf = (pod: Spec, kind: "requests" | "limits", key: "cpu" | "memory") => {
    const parse = key === "cpu" ? millicores : mebibytes;
    const value = (c: Spec) =>
        parse((((c.resources ?? {}) as Spec)[kind] as Spec | undefined)?.[key]) ?? 0;
    return Math.max(
        asArray(pod.containers as Spec[] | undefined).reduce((n, c) => n + value(c), 0),
        ...asArray(pod.initContainers as Spec[] | undefined).map(value),
    );
};

export const namespaceQuotas: StackValidationPolicy = stackPolicy({
    name: "k8s-namespace-quotas",
    description:
        "Every namespace with pods has a LimitRange and a ResourceQuota, and its declared pods fit them (the API server would refuse a pod past the quota: too small a quota is an outage).",
    severity: "high",
    validateStack: (args, report) => {
        const workloads = args.resources.filter((r) => WORKLOAD_TYPES.includes(r.type));
        const namespaces = new Map<string, PolicyResource>(
            args.resources
                .filter((r) => r.type === "kubernetes:core/v1:Namespace")
                .map((n) => [String(((n.props.metadata ?? {}) as Props).name), n]),
        );
        for (const namespace of new Set(workloads.map((w) => namespaceOf(w.props)))) {
            const mine = workloads.filter((w) => namespaceOf(w.props) === namespace);
            const where = namespaces.get(namespace)?.urn ?? mine[0]!.urn;
            const limitRange = args.resources.find(
                (r) =>
                    r.type === "kubernetes:core/v1:LimitRange" &&
                    namespaceOf(r.props) === namespace,
            );
            const quota = args.resources.find(
                (r) =>
                    r.type === "kubernetes:core/v1:ResourceQuota" &&
                    namespaceOf(r.props) === namespace,
            );
            if (!limitRange) report(`namespace ${namespace} has no LimitRange`, where);
            if (!quota) report(`namespace ${namespace} has no ResourceQuota`, where);
            if (quota) {
                const hard = (((quota.props.spec ?? {}) as Props).hard ?? {}) as Record<
                    string,
                    unknown
                >;
                const checks: [string, number, number | undefined][] = [
                    [
                        "requests.cpu",
                        mine.reduce(
                            (n, w) =>
                                n +
                                (podTemplate(w)
                                    ? podTemplate(w)!.copies *
                                      sumOf(podTemplate(w)!.pod, "requests", "cpu")
                                    : 0),
                            0,
                        ),
                        millicores(hard["requests.cpu"]),
                    ],
                    [
                        "requests.memory",
                        mine.reduce(
                            (n, w) =>
                                n +
                                (podTemplate(w)
                                    ? podTemplate(w)!.copies *
                                      sumOf(podTemplate(w)!.pod, "requests", "memory")
                                    : 0),
                            0,
                        ),
                        mebibytes(hard["requests.memory"]),
                    ],
                    [
                        "limits.cpu",
                        mine.reduce(
                            (n, w) =>
                                n +
                                (podTemplate(w)
                                    ? podTemplate(w)!.copies *
                                      sumOf(podTemplate(w)!.pod, "limits", "cpu")
                                    : 0),
                            0,
                        ),
                        millicores(hard["limits.cpu"]),
                    ],
                    [
                        "limits.memory",
                        mine.reduce(
                            (n, w) =>
                                n +
                                (podTemplate(w)
                                    ? podTemplate(w)!.copies *
                                      sumOf(podTemplate(w)!.pod, "limits", "memory")
                                    : 0),
                            0,
                        ),
                        mebibytes(hard["limits.memory"]),
                    ],
                ];
                for (const [key, needed, allowed] of checks) {
                    if (allowed !== undefined && needed > allowed)
                        report(
                            `namespace ${namespace}: the declared pods need ${key} ${Math.ceil(needed)}${key.endsWith("cpu") ? "m" : "Mi"}, the ResourceQuota allows ${String(hard[key])}`,
                            quota.urn,
                        );
                }
                const pods = mine.reduce((n, w) => n + (podTemplate(w)?.copies ?? 0), 0);
                if (hard.pods !== undefined && Number(hard.pods) < pods)
                    report(
                        `namespace ${namespace}: the declared pods (${pods}, rollouts included) exceed the ResourceQuota's pods ${String(hard.pods)}`,
                        quota.urn,
                    );
            }
            if (limitRange) {
                const container = (asArray(
                    ((limitRange.props.spec ?? {}) as Props).limits as Props[] | undefined,
                ).find((l) => l.type === "Container") ?? {}) as Props;
                const max = container.max as Props | undefined;
                // The API server refuses a LimitRange whose default exceeds its max.
                for (const field of ["default", "defaultRequest"] as const) {
                    for (const k of ["cpu", "memory"] as const) {
                        const parse = k === "cpu" ? millicores : mebibytes;
                        const value = parse((container[field] as Props | undefined)?.[k]);
                        const cap = parse(max?.[k]);
                        if (value !== undefined && cap !== undefined && value > cap)
                            report(
                                `namespace ${namespace}: the LimitRange's ${field} ${k} exceeds its max, which the API server refuses`,
                                limitRange.urn,
                            );
                    }
                }
                for (const w of mine) {
                    for (const c of podTemplate(w) ? containersOf(podTemplate(w)!.pod, true) : []) {
                        const limits = ((c.resources ?? {}) as Spec).limits as Spec | undefined;
                        const over = (["cpu", "memory"] as const).filter((k) => {
                            const parse = k === "cpu" ? millicores : mebibytes;
                            const cap = parse(max?.[k]);
                            return cap !== undefined && (parse(limits?.[k]) ?? 0) > cap;
                        });
                        if (over.length > 0)
                            report(
                                `container ${String(c.name)} exceeds namespace ${namespace}'s LimitRange max (${over.join(", ")})`,
                                w.urn,
                            );
                    }
                }
            }
        }
    },
});

/**
 * Where images may come from; a new source is a reviewed change here. An entry ending in "/" admits the
 * repositories under it; any other entry is one repository (a tag or digest must follow). "*" stands
 * for one part of a name (no "/").
 */
export const TRUSTED_REGISTRIES = [
    "*.dkr.ecr.*.amazonaws.com/chain-platform-*/", // the stack's own ECR repositories (the chain image)
    "public.ecr.aws/aws-cli/",
    "registry.k8s.io/kube-state-metrics/",
    "quay.io/prometheus/",
    "quay.io/prometheuscommunity/",
    "docker.io/grafana/",
    "docker.io/jaegertracing/",
    "docker.io/oliver006/redis_exporter",
    "docker.io/nginx/nginx-prometheus-exporter",
    "docker.io/alpine/k8s",
    "docker.io/library/postgres",
];

/** The image's full reference: Docker Hub's implicit host and library/ made explicit. */
export function fullImageName(image: string): string {
    const first = image.split("/")[0]!;
    const hasHost =
        image.includes("/") &&
        (first.includes(".") || first.includes(":") || first === "localhost");
    if (hasHost) return image;
    return `docker.io/${image.includes("/") ? image : `library/${image}`}`;
}

function trusted(image: string, registries: readonly string[]): boolean {
    const name = fullImageName(image);
    return registries.some((entry) => {
        const pattern = entry
            .split("*")
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join("[^/]*");
        // A repository entry must be followed by its tag or digest, so "postgres" never admits "postgres-miner".
        return new RegExp(`^${pattern}${entry.endsWith("/") ? "" : "[:@]"}`).test(name);
    });
}

export const imagesFromTrustedRegistries = resourcePolicy(
    {
        name: "k8s-images-from-trusted-registries",
        description:
            "Container images come only from the registries and repositories on the allow-list (configuration `registries`): a new source of code running in the cluster is a reviewed change.",
        severity: "high",
        configSchema: {
            properties: {
                registries: {
                    type: "array",
                    items: { type: "string" },
                    default: TRUSTED_REGISTRIES,
                },
            },
        },
        validateResource: (args, report) => {
            // undefined for anything but a workload
            const pod = podSpecOf(args.type, args.props);
            if (!pod) return;
            const registries =
                args.getConfig<{ registries?: string[] }>().registries ?? TRUSTED_REGISTRIES;
            for (const c of containersOf(pod, true)) {
                if (typeof c.image === "string" && !trusted(c.image, registries))
                    report(
                        `container ${String(c.name)}: image ${fullImageName(c.image)} is from no trusted registry`,
                    );
            }
        },
    },
    WORKLOAD_TYPES,
);

export const ownServiceAccount = resourcePolicy(
    {
        name: "k8s-own-service-account",
        description:
            "Every workload names a service account of its own, never the namespace's default (which anything else in the namespace may also run as).",
        severity: "medium",
        validateResource: (args, report) => {
            const pod = podSpecOf(args.type, args.props);
            if (!pod) return;
            const account = pod.serviceAccountName ?? pod.serviceAccount;
            if (account === undefined || account === "" || account === "default")
                report("runs as the namespace's default service account");
        },
    },
    WORKLOAD_TYPES,
);

export const PARITY_POLICIES = [
    rdsEnhancedMonitoring,
    rdsCaPinned,
    rdsLogsExported,
    rdsCopyTagsToSnapshots,
    rdsPerformanceInsights,
    ec2DetailedMonitoring,
    ec2InstanceProfile,
    launchTemplateHopLimit,
    eksControlPlaneLogging,
    eksNodeGroupNoRemoteAccess,
    kmsKeyPolicyDefined,
    s3BucketOwnerEnforced,
    securityGroupDescriptions,
    iamNoAdminPolicies,
    alarmActionsEnabled,
    noDefaultNamespace,
    noHostAccess,
    rbacLeastPrivilege,
    rdsAutoMinorUpgrade,
    elasticacheSnapshotsRetained,
    kmsKeyEnabled,
    s3BucketDnsCompliantName,
    noPrivilegedBindings,
    podSecurityBaseline,
    serviceNoExternalIps,
    cronJobDeadline,
    volumeClaimsReadWriteOnce,
    replicasProtected,
    tokensOnlyWithRbac,
    oidcTrustPinsSubject,
    edgeRolesSeparate,
    networkPoliciesSelectPods,
    servicesSelectPods,
    namespaceQuotas,
    imagesFromTrustedRegistries,
    ownServiceAccount,
];
