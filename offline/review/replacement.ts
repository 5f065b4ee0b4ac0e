/**
 * Which input changes make a provider replace a resource instead of updating it: the force-new
 * fields of the resource types this stack declares, read from the providers' schemas
 * (pulumi-aws 7.x `forceNew`/`replaceOnChanges`, pulumi-kubernetes's immutable fields). A change to
 * one of these paths is shown as a replacement before `pulumi preview` would show it. Pure.
 */

/** Paths (dot-separated, list indexes ignored) whose change replaces the resource, by type. */
export const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
    "aws:ec2/vpc:Vpc": ["cidrBlock", "instanceTenancy"],
    "aws:ec2/subnet:Subnet": ["cidrBlock", "availabilityZone", "availabilityZoneId", "vpcId"],
    "aws:ec2/instance:Instance": [
        "ami",
        "subnetId",
        "availabilityZone",
        "keyName",
        "privateIp",
        "primaryNetworkInterface",
        "tenancy",
        "rootBlockDevice.encrypted",
        "rootBlockDevice.kmsKeyId",
    ],
    "aws:ec2/networkInterface:NetworkInterface": ["subnetId", "privateIp"],
    "aws:ec2/eip:Eip": ["domain", "publicIpv4Pool"],
    "aws:ec2/natGateway:NatGateway": ["subnetId", "allocationId", "connectivityType"],
    "aws:ec2/securityGroup:SecurityGroup": ["name", "namePrefix", "vpcId", "description"],
    "aws:ec2/launchTemplate:LaunchTemplate": ["name", "namePrefix"],
    "aws:ec2/flowLog:FlowLog": [
        "vpcId",
        "logDestination",
        "logDestinationType",
        "trafficType",
        "iamRoleArn",
        "maxAggregationInterval",
    ],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["securityGroupId"],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["securityGroupId"],
    "aws:rds/instance:Instance": [
        "identifier",
        "identifierPrefix",
        "engine",
        "kmsKeyId",
        "storageEncrypted",
        "dbName",
        "username",
        "availabilityZone",
        "characterSetName",
        "timezone",
    ],
    "aws:rds/parameterGroup:ParameterGroup": ["name", "namePrefix", "family", "description"],
    "aws:rds/subnetGroup:SubnetGroup": ["name", "namePrefix"],
    "aws:elasticache/replicationGroup:ReplicationGroup": [
        "replicationGroupId",
        "atRestEncryptionEnabled",
        "kmsKeyId",
        "subnetGroupName",
        "port",
        "snapshotArns",
        "snapshotName",
    ],
    "aws:elasticache/parameterGroup:ParameterGroup": ["name", "family", "description"],
    "aws:elasticache/subnetGroup:SubnetGroup": ["name"],
    "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix", "objectLockEnabled"],
    "aws:kms/key:Key": ["customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"],
    "aws:kms/alias:Alias": ["name", "namePrefix"],
    "aws:eks/cluster:Cluster": ["name", "roleArn", "kubernetesNetworkConfig", "outpostConfig"],
    "aws:eks/nodeGroup:NodeGroup": [
        "clusterName",
        "nodeGroupName",
        "nodeGroupNamePrefix",
        "nodeRoleArn",
        "subnetIds",
        "instanceTypes",
        "amiType",
        "capacityType",
        "diskSize",
        "remoteAccess",
        "launchTemplate.id",
        "launchTemplate.name",
    ],
    "aws:eks/addon:Addon": ["clusterName", "addonName"],
    "aws:eks/accessEntry:AccessEntry": ["clusterName", "principalArn", "type"],
    "aws:ecr/repository:Repository": ["name", "encryptionConfigurations"],
    "aws:iam/role:Role": ["name", "namePrefix", "path"],
    "aws:iam/policy:Policy": ["name", "namePrefix", "path", "description"],
    "aws:iam/rolePolicy:RolePolicy": ["name", "namePrefix", "role"],
    "aws:iam/instanceProfile:InstanceProfile": ["name", "namePrefix", "path"],
    "aws:secretsmanager/secret:Secret": ["name", "namePrefix"],
    "aws:ssm/parameter:Parameter": ["name"],
    "aws:cloudwatch/logGroup:LogGroup": ["name", "namePrefix", "logGroupClass"],
    "aws:route53/record:Record": ["zoneId", "name", "type", "setIdentifier"],
    "aws:route53/healthCheck:HealthCheck": [
        "type",
        "requestInterval",
        "measureLatency",
        "referenceName",
    ],
    "random:index/randomPassword:RandomPassword": [
        "keepers",
        "length",
        "special",
        "upper",
        "lower",
        "numeric",
        "overrideSpecial",
        "minLower",
        "minUpper",
        "minNumeric",
        "minSpecial",
    ],
    "random:index/randomBytes:RandomBytes": ["keepers", "length"],
    "kubernetes:apps/v1:StatefulSet": [
        "spec.selector",
        "spec.volumeClaimTemplates",
        "spec.serviceName",
        "spec.podManagementPolicy",
    ],
    "kubernetes:apps/v1:Deployment": ["spec.selector"],
    "kubernetes:batch/v1:Job": ["spec.selector", "spec.template"],
    "kubernetes:core/v1:Service": ["spec.clusterIP", "spec.clusterIPs", "spec.ipFamilies"],
    "kubernetes:core/v1:PersistentVolumeClaim": [
        "spec.accessModes",
        "spec.storageClassName",
        "spec.volumeMode",
        "spec.selector",
    ],
    "kubernetes:storage.k8s.io/v1:StorageClass": [
        "provisioner",
        "parameters",
        "reclaimPolicy",
        "volumeBindingMode",
    ],
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": ["roleRef"],
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding": ["roleRef"],
};

/** Every Kubernetes object is replaced when its name or namespace changes. */
const KUBERNETES_FORCE_NEW = ["metadata.name", "metadata.namespace"];

const stripIndexes = (path: string) => path.replace(/\[\d+\]/g, "");

/**
 * True when changing `path` replaces a resource of `type`. `after` is the resource's new inputs:
 * EC2 user data replaces the instance only with `userDataReplaceOnChange` (otherwise it is an
 * in-place stop/start).
 */
export function forcesReplacement(
    type: string,
    path: string,
    after: Record<string, unknown> | undefined,
): boolean {
    const bare = stripIndexes(path);
    if (
        type === "aws:ec2/instance:Instance" &&
        (bare === "userData" || bare === "userDataBase64")
    ) {
        return after?.userDataReplaceOnChange === true;
    }
    const fields = [
        ...(FORCE_NEW[type] ?? []),
        ...(type.startsWith("kubernetes:") ? KUBERNETES_FORCE_NEW : []),
    ];
    return fields.some((field) => bare === field || bare.startsWith(`${field}.`));
}
