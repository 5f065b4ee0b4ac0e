/**
 * One-property policies that close the gaps a reading of Checkov, trivy and KICS found (their ids in
 * policies/data/peer-checks.ts). Each checks one setting of one kind of resource, so an exemption
 * for one leaves the resource's other policies in force.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { resourcePolicy } from "../lib/exemptions";
import { containersOf, namespaceOf, podSpecOf, Spec, WORKLOAD_TYPES } from "../lib/kubernetes";
import { asArray } from "../lib/values";

type Props = Record<string, unknown>;

/** A policy over resources of `types`: `problem` returns what is wrong with their inputs, or undefined. */
function propertyPolicy(name: string, description: string, types: readonly string[], problem: (props: Props, type: string) => string | undefined, severity: "low" | "medium" | "high" | "critical" = "medium"): ResourceValidationPolicy {
    return resourcePolicy({
        name,
        description,
        severity,
        validateResource: (args, report) => {
            if (!types.includes(args.type)) return;
            const found = problem(args.props, args.type);
            if (found) report(found);
        },
    });
}

const RDS = ["aws:rds/instance:Instance"];

export const rdsEnhancedMonitoring = propertyPolicy("rds-enhanced-monitoring", "RDS instances send enhanced-monitoring OS metrics (an interval and a role).", RDS, (p) =>
    typeof p.monitoringInterval === "number" && p.monitoringInterval > 0 && p.monitoringRoleArn ? undefined : "enhanced monitoring is off (monitoringInterval > 0 and monitoringRoleArn)");

export const rdsLogsExported = propertyPolicy("rds-logs-exported", "PostgreSQL instances export their postgresql log to CloudWatch Logs.", RDS, (p) =>
    asArray(p.enabledCloudwatchLogsExports as string[] | undefined).includes("postgresql") || !String(p.engine ?? "postgres").includes("postgres") ? undefined : 'the postgresql log is not exported (enabledCloudwatchLogsExports: ["postgresql"])');

export const rdsCopyTagsToSnapshots = propertyPolicy("rds-copy-tags-to-snapshots", "RDS snapshots carry the instance's tags (owner, stack) for cost and clean-up.", RDS, (p) =>
    p.copyTagsToSnapshot === true ? undefined : "copyTagsToSnapshot is not true");

export const rdsPerformanceInsights = propertyPolicy("rds-performance-insights", "RDS instances have Performance Insights on.", RDS, (p) =>
    p.performanceInsightsEnabled === true ? undefined : "Performance Insights is off");

const INSTANCE = ["aws:ec2/instance:Instance"];

export const ec2DetailedMonitoring = propertyPolicy("ec2-detailed-monitoring", "EC2 instances have detailed (1-minute) monitoring: the recovery alarms evaluate 1-minute periods.", INSTANCE, (p) =>
    p.monitoring === true ? undefined : "detailed monitoring is off (monitoring: true)");

export const ec2InstanceProfile = propertyPolicy("ec2-instance-profile", "EC2 instances run with an instance profile (SSM access, own permissions), never with credentials on disk.", INSTANCE, (p) =>
    p.iamInstanceProfile ? undefined : "no iamInstanceProfile");

export const launchTemplateHopLimit = propertyPolicy("launch-template-imds-hop-limit", "Node launch templates keep IMDS to the node itself (hop limit 1): pods use IRSA, never the node's role.", ["aws:ec2/launchTemplate:LaunchTemplate"], (p) => {
    const options = (p.metadataOptions ?? {}) as Props;
    return options.httpPutResponseHopLimit === 1 ? undefined : `httpPutResponseHopLimit is ${String(options.httpPutResponseHopLimit ?? "unset (2 on EKS AMIs)")}: pods could reach the node role's credentials`;
});

export const eksControlPlaneLogging = propertyPolicy("eks-control-plane-logging", "The EKS control plane logs api, audit and authenticator to CloudWatch.", ["aws:eks/cluster:Cluster"], (p) => {
    const missing = ["api", "audit", "authenticator"].filter((t) => !asArray(p.enabledClusterLogTypes as string[] | undefined).includes(t));
    return missing.length === 0 ? undefined : `control-plane log types missing: ${missing.join(", ")}`;
});

export const eksNodeGroupNoRemoteAccess = propertyPolicy("eks-node-group-no-remote-access", "Managed node groups open no SSH (remoteAccess): nodes are reached through SSM.", ["aws:eks/nodeGroup:NodeGroup"], (p) =>
    p.remoteAccess === undefined ? undefined : "remoteAccess opens SSH to the nodes");

export const kmsKeyPolicyDefined = propertyPolicy("kms-key-policy-defined", "Every KMS key has an explicit key policy (the default grants the whole account).", ["aws:kms/key:Key"], (p) =>
    typeof p.policy === "string" && p.policy !== "" ? undefined : "no key policy: the default lets every principal of the account with IAM permission use the key");

export const s3BucketOwnerEnforced = propertyPolicy("s3-bucket-owner-enforced", "Bucket ownership controls are BucketOwnerEnforced: ACLs are off.", ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"], (p) =>
    ((p.rule ?? {}) as Props).objectOwnership === "BucketOwnerEnforced" ? undefined : "object ownership is not BucketOwnerEnforced (ACLs stay in effect)");

export const securityGroupDescriptions = propertyPolicy("security-group-descriptions", "Security groups and their rules say what they are for (description).", ["aws:ec2/securityGroup:SecurityGroup", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"], (p) =>
    typeof p.description === "string" && p.description.trim() !== "" && p.description !== "Managed by Pulumi" ? undefined : "no description of what the group or rule is for", "low");

const ADMIN_POLICIES = /:policy\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;

export const iamNoAdminPolicies = propertyPolicy("iam-no-admin-policies", "No role, user or group gets AdministratorAccess, IAMFullAccess or PowerUserAccess.", ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment"], (p) =>
    ADMIN_POLICIES.test(String(p.policyArn ?? "")) ? `attaches ${String(p.policyArn)}` : undefined, "critical");

export const alarmActionsEnabled = propertyPolicy("cloudwatch-alarm-actions", "CloudWatch alarms act (actions enabled, at least one alarm action).", ["aws:cloudwatch/metricAlarm:MetricAlarm"], (p) =>
    p.actionsEnabled !== false && asArray(p.alarmActions as string[] | undefined).length > 0 ? undefined : "the alarm has no enabled action: it changes state and nobody hears");

const K8S_NAMESPACED = /^kubernetes:(apps\/v1:(Deployment|StatefulSet|DaemonSet)|batch\/v1:(Job|CronJob)|core\/v1:(Service|ConfigMap|Secret|ServiceAccount|Pod)|networking\.k8s\.io\/v1:NetworkPolicy|policy\/v1:PodDisruptionBudget|rbac\.authorization\.k8s\.io\/v1:(Role|RoleBinding))$/;

export const noDefaultNamespace = resourcePolicy({
    name: "k8s-no-default-namespace",
    description: "Namespaced objects live in a namespace of their own, never default (its policies and quotas are nobody's).",
    severity: "medium",
    validateResource: (args, report) => {
        if (K8S_NAMESPACED.test(args.type) && namespaceOf(args.props) === "default") report("the object is in the default namespace");
    },
});

export const noHostAccess = resourcePolicy({
    name: "k8s-no-host-access",
    description: "Pods touch nothing of their node: no hostPath volumes (the container runtime socket among them), no hostPort, no added capabilities.",
    severity: "high",
    validateResource: (args, report) => {
        if (!WORKLOAD_TYPES.includes(args.type)) return;
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        for (const volume of asArray(pod.volumes as Spec[] | undefined)) {
            if (volume.hostPath !== undefined) report(`volume ${String(volume.name)} mounts the node's ${String((volume.hostPath as Spec).path)}`);
        }
        for (const c of containersOf(pod, true)) {
            if (asArray(c.ports as Spec[] | undefined).some((port) => port.hostPort !== undefined)) report(`container ${String(c.name)} binds a hostPort`);
            const add = asArray(((((c.securityContext ?? {}) as Spec).capabilities ?? {}) as Spec).add as string[] | undefined);
            if (add.length > 0) report(`container ${String(c.name)} adds capabilities ${add.join(", ")}`);
        }
    },
});

export const rdsAutoMinorUpgrade = propertyPolicy("rds-auto-minor-upgrade", "RDS instances take minor engine versions (security fixes) in their maintenance window.", RDS, (p) =>
    p.autoMinorVersionUpgrade === false ? "autoMinorVersionUpgrade is false" : undefined, "low");

export const elasticacheSnapshotsRetained = propertyPolicy("elasticache-snapshots-retained", "Redis keeps automatic snapshots (snapshotRetentionLimit > 0).", ["aws:elasticache/replicationGroup:ReplicationGroup"], (p) =>
    typeof p.snapshotRetentionLimit === "number" && p.snapshotRetentionLimit > 0 ? undefined : "no automatic snapshots (snapshotRetentionLimit)");

export const kmsKeyEnabled = propertyPolicy("kms-key-enabled", "KMS keys are enabled: a disabled key silently breaks everything encrypted under it.", ["aws:kms/key:Key"], (p) =>
    p.isEnabled === false ? "the key is disabled (isEnabled: false)" : undefined);

export const s3BucketDnsCompliantName = propertyPolicy("s3-bucket-dns-compliant-name", "Bucket names are DNS-compliant without dots (3–63 lowercase letters, digits and hyphens): virtual-hosted HTTPS works.", ["aws:s3/bucket:Bucket"], (p) =>
    p.bucket === undefined || /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(String(p.bucket)) ? undefined : `bucket name ${String(p.bucket)} is not DNS-compliant without dots`, "low");

const RBAC_ROLES = ["kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"];
const ESCALATING_VERBS = ["bind", "escalate", "impersonate"];
const WRITE_VERBS = ["create", "update", "patch", "delete", "deletecollection"];
/** Writing these grants permissions, changes admission, or erases evidence. */
const GUARDED_RESOURCES = ["roles", "rolebindings", "clusterroles", "clusterrolebindings", "validatingwebhookconfigurations", "mutatingwebhookconfigurations", "pods/log", "services/status", "certificatesigningrequests/approval"];

export const rbacLeastPrivilege = resourcePolicy({
    name: "rbac-least-privilege",
    description: "Roles grant named verbs on named resources: no wildcards, no bind/escalate/impersonate, no reading Secrets, no creating pods or exec.",
    severity: "high",
    validateResource: (args, report) => {
        if (!RBAC_ROLES.includes(args.type)) return;
        for (const rule of asArray(args.props.rules as Spec[] | undefined)) {
            const verbs = asArray(rule.verbs as string[] | undefined);
            const resources = asArray(rule.resources as string[] | undefined);
            const groups = asArray(rule.apiGroups as string[] | undefined);
            if ([...verbs, ...resources, ...groups].includes("*")) report(`a rule uses a wildcard (${JSON.stringify({ apiGroups: groups, resources, verbs })})`);
            const escalating = verbs.filter((v) => ESCALATING_VERBS.includes(v));
            if (escalating.length > 0) report(`grants ${escalating.join(", ")}: a path to more privilege than the role holds`);
            if (resources.includes("secrets") && verbs.some((v) => ["get", "list", "watch"].includes(v))) report("reads Secrets");
            if (resources.some((r) => r === "pods/exec" || r === "pods/attach" || r === "pods/portforward") || (resources.includes("pods") && verbs.includes("create"))) report("can run code in pods or reach them (create pods, exec, attach or port-forward)");
            const writes = verbs.filter((v) => WRITE_VERBS.includes(v));
            const guarded = resources.filter((r) => GUARDED_RESOURCES.includes(r));
            if (writes.length > 0 && guarded.length > 0) report(`may ${writes.join("/")} ${guarded.join(", ")}: control over permissions, admission or audit trails`);
        }
    },
});

export const PARITY_POLICIES = [
    rdsEnhancedMonitoring, rdsLogsExported, rdsCopyTagsToSnapshots, rdsPerformanceInsights,
    ec2DetailedMonitoring, ec2InstanceProfile, launchTemplateHopLimit,
    eksControlPlaneLogging, eksNodeGroupNoRemoteAccess, kmsKeyPolicyDefined, s3BucketOwnerEnforced,
    securityGroupDescriptions, iamNoAdminPolicies, alarmActionsEnabled,
    noDefaultNamespace, noHostAccess, rbacLeastPrivilege,
    rdsAutoMinorUpgrade, elasticacheSnapshotsRetained, kmsKeyEnabled, s3BucketDnsCompliantName,
];
