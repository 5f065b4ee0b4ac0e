import { NamingArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ClusterHandle } from "../shared/cluster-handle";
import { awsManagedPolicyArn, policyDocument, serviceTrust } from "../shared/iam";
import { VOLUME_KEY_ACTIONS } from "../shared/key-policy";
import { loadBalancerControllerPolicy, serviceAccountTrust } from "./iam";
import { partitionOf } from "../../topology/naming";
import { kubeconfig } from "./kubeconfig";

export interface ChainClusterArgs extends NamingArgs {
    /**
     * Declare the objects inside the cluster (storage class, load balancer controller). False while the
     * deployer cannot reach the private API yet (the first up of an empty account). No default.
     */
    readonly inClusterObjects: boolean;
    /** The account, for ARNs the controller's policy is limited to. No default. */
    readonly accountId: string;
    /** IAM roles given cluster-admin access entries (CI, operators); the Kubernetes provider waits for them. No default. */
    readonly adminRoleArns: readonly string[];
    /** Kubernetes minor version, e.g. "1.33" (pinned). No default. */
    readonly version: string;
    /** Private subnets, one per zone; one managed node group each. No default. */
    readonly subnetIds: pulumi.Input<string>[];
    /** Availability zones, in order. No default. */
    readonly zones: readonly string[];
    /** VPC of the cluster (for the load balancer controller). No default. */
    readonly vpcId: pulumi.Input<string>;
    /** Security group of the nodes (rules from the port map). No default. */
    readonly nodeSecurityGroupId: pulumi.Input<string>;
    /** Networks allowed to the public endpoint; empty keeps it private. No default. */
    readonly publicAccessCidrs: readonly string[];
    /** EC2 instance type of the nodes. No default. */
    readonly nodeInstanceType: string;
    /** Nodes per zone. No default. */
    readonly nodesPerZone: number;
    /** KMS key of Kubernetes secrets (envelope encryption). No default. */
    readonly clusterKeyArn: pulumi.Input<string>;
    /** KMS key of data at rest. No default. */
    readonly dataKeyArn: pulumi.Input<string>;
    /** KMS key of the control-plane log group. No default. */
    readonly logsKeyArn: pulumi.Input<string>;
    /** Days control-plane logs are kept. No default. */
    readonly logRetentionDays: number;
    /** AWS region. No default. */
    readonly region: string;
}

/** The encrypted gp3 class persistent volumes use (ClusterHandle.storageClass). */
const DEFAULT_STORAGE_CLASS = "gp3-encrypted";
const LB_CONTROLLER_CHART_VERSION = "1.8.1";
/**
 * EKS installs vpc-cni, coredns and kube-proxy itself as self-managed objects; a managed add-on
 * created over them fails with a conflict unless told to take them over, on create and on update.
 */
const ADDON_CONFLICTS = {
    resolveConflictsOnCreate: "OVERWRITE",
    resolveConflictsOnUpdate: "OVERWRITE",
} as const;
/** The VPC CNI enforces Kubernetes NetworkPolicies only when told to (its network policy agent). */
export const VPC_CNI_CONFIGURATION = { enableNetworkPolicy: "true" } as const;

/** EKS with encrypted secrets and volumes, a private endpoint, IRSA, a node group per zone, and a Kubernetes provider. */
export class ChainCluster extends pulumi.ComponentResource implements ClusterHandle {
    public readonly clusterName: pulumi.Output<string>;
    public readonly provider: k8s.Provider;
    public readonly kubeconfig: pulumi.Output<string>;
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly oidcIssuerUrl: pulumi.Output<string>;
    /**
     * What every workload on the cluster must wait for: the default storage class, the EBS CSI driver and
     * its snapshot controller, and the AWS Load Balancer Controller, whose webhooks (failurePolicy Fail)
     * intercept Services and pods.
     */
    public readonly workloadDependencies: pulumi.Resource[];
    public readonly storageClass = DEFAULT_STORAGE_CLASS;

    constructor(name: string, args: ChainClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:ChainCluster", name, {}, opts);
        const clusterName = `${args.namePrefix}-chain`;
        const parent = { parent: this };
        const tags = (role: string) => ({ ...args.tags, Name: `${clusterName}-${role}` });

        // Created before the cluster, so EKS writes into a group that is encrypted and expires.
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            {
                name: `/aws/eks/${clusterName}/cluster`,
                retentionInDays: args.logRetentionDays,
                kmsKeyId: args.logsKeyArn,
                tags: tags("logs"),
            },
            parent,
        );
        const clusterRole = new aws.iam.Role(
            `${name}-role`,
            {
                name: `${clusterName}-control-plane`,
                assumeRolePolicy: serviceTrust("eks.amazonaws.com"),
                tags: tags("control-plane"),
            },
            parent,
        );
        const clusterPolicy = new aws.iam.RolePolicyAttachment(
            `${name}-role`,
            {
                role: clusterRole.name,
                policyArn: awsManagedPolicyArn(args.region, "AmazonEKSClusterPolicy"),
            },
            parent,
        );

        const cluster = new aws.eks.Cluster(
            `${name}-eks`,
            {
                name: clusterName,
                version: args.version,
                roleArn: clusterRole.arn,
                vpcConfig: {
                    subnetIds: args.subnetIds,
                    securityGroupIds: [args.nodeSecurityGroupId],
                    endpointPrivateAccess: true,
                    endpointPublicAccess: args.publicAccessCidrs.length > 0,
                    publicAccessCidrs:
                        args.publicAccessCidrs.length > 0 ? [...args.publicAccessCidrs] : undefined,
                },
                encryptionConfig: {
                    resources: ["secrets"],
                    provider: { keyArn: args.clusterKeyArn },
                },
                enabledClusterLogTypes: [
                    "api",
                    "audit",
                    "authenticator",
                    "controllerManager",
                    "scheduler",
                ],
                accessConfig: {
                    authenticationMode: "API",
                    // Deployers get their entries below (clusterAdminRoleArns); EKS's own entry for the
                    // creator, who is one of them, would make that entry fail with ResourceInUseException.
                    bootstrapClusterCreatorAdminPermissions: false,
                },
                tags: tags("eks"),
            },
            {
                parent: this,
                dependsOn: [logGroup, clusterPolicy],
                // Read only when the cluster is created: a cluster made with the former `true` keeps it
                // rather than being replaced.
                ignoreChanges: ["accessConfig.bootstrapClusterCreatorAdminPermissions"],
            },
        );

        const issuerUrl = cluster.identities.apply((ids) => ids[0]!.oidcs![0]!.issuer!);
        const oidc = new aws.iam.OpenIdConnectProvider(
            `${name}-oidc`,
            { url: issuerUrl, clientIdLists: ["sts.amazonaws.com"], tags: tags("oidc") },
            parent,
        );
        this.oidcProviderArn = oidc.arn;
        this.oidcIssuerUrl = issuerUrl;
        const irsaRole = (role: string, namespace: string, serviceAccount: string) =>
            this.serviceAccountRole(
                `${name}-${role}`,
                `${clusterName}-${role}`,
                namespace,
                serviceAccount,
                tags(role),
            );

        const nodeRole = new aws.iam.Role(
            `${name}-node-role`,
            {
                name: `${clusterName}-nodes`,
                assumeRolePolicy: serviceTrust("ec2.amazonaws.com"),
                tags: tags("nodes"),
            },
            parent,
        );
        // The CNI's rights belong to its own service account (IRSA), not to every pod's node.
        const nodePolicies = [
            "AmazonEKSWorkerNodePolicy",
            "AmazonEC2ContainerRegistryReadOnly",
            "AmazonSSMManagedInstanceCore",
        ].map(
            (policy) =>
                new aws.iam.RolePolicyAttachment(
                    `${name}-node-${policy}`,
                    { role: nodeRole.name, policyArn: awsManagedPolicyArn(args.region, policy) },
                    parent,
                ),
        );
        const launchTemplate = new aws.ec2.LaunchTemplate(
            `${name}-nodes`,
            {
                namePrefix: `${clusterName}-nodes-`,
                description: "EKS nodes: IMDSv2 only, encrypted gp3 root volume",
                metadataOptions: {
                    httpTokens: "required",
                    httpEndpoint: "enabled",
                    httpPutResponseHopLimit: 1,
                },
                blockDeviceMappings: [
                    {
                        deviceName: "/dev/xvda",
                        ebs: {
                            volumeType: "gp3",
                            volumeSize: 50,
                            encrypted: "true",
                            kmsKeyId: args.dataKeyArn,
                            deleteOnTermination: "true",
                        },
                    },
                ],
                // Not EKS's cluster security group, which admits all traffic among its members and sends anywhere:
                // nodes carry only the group derived from the port map (as terraform-aws-eks's node groups do).
                vpcSecurityGroupIds: [args.nodeSecurityGroupId],
                tagSpecifications: ["instance", "volume"].map((resourceType) => ({
                    resourceType,
                    tags: tags("node"),
                })),
                tags: tags("nodes"),
            },
            parent,
        );
        // The pod network comes before the nodes (as terraform-aws-eks's before_compute): nodes join Ready with the
        // managed CNI, which enforces NetworkPolicies (its network policy agent) and uses its own IAM role.
        const cniRole = irsaRole("vpc-cni", "kube-system", "aws-node");
        const cniPolicy = new aws.iam.RolePolicyAttachment(
            `${name}-vpc-cni`,
            {
                role: cniRole.name,
                policyArn: awsManagedPolicyArn(args.region, "AmazonEKS_CNI_Policy"),
            },
            parent,
        );
        const podNetwork = [
            new aws.eks.Addon(
                `${name}-vpc-cni`,
                {
                    clusterName: cluster.name,
                    addonName: "vpc-cni",
                    serviceAccountRoleArn: cniRole.arn,
                    configurationValues: JSON.stringify(VPC_CNI_CONFIGURATION),
                    ...ADDON_CONFLICTS,
                    tags: tags("vpc-cni"),
                },
                { parent: this, dependsOn: [cniPolicy] },
            ),
            new aws.eks.Addon(
                `${name}-kube-proxy`,
                {
                    clusterName: cluster.name,
                    addonName: "kube-proxy",
                    ...ADDON_CONFLICTS,
                    tags: tags("kube-proxy"),
                },
                parent,
            ),
        ];
        const nodeGroups = args.zones.map(
            (zone, i) =>
                new aws.eks.NodeGroup(
                    `${name}-nodes-${zone}`,
                    {
                        clusterName: cluster.name,
                        nodeGroupName: `${clusterName}-${zone}`,
                        nodeRoleArn: nodeRole.arn,
                        subnetIds: [args.subnetIds[i]!],
                        amiType: "AL2023_x86_64_STANDARD",
                        instanceTypes: [args.nodeInstanceType],
                        scalingConfig: {
                            minSize: args.nodesPerZone,
                            desiredSize: args.nodesPerZone,
                            maxSize: args.nodesPerZone + 2,
                        },
                        updateConfig: { maxUnavailable: 1 },
                        launchTemplate: {
                            id: launchTemplate.id,
                            version: launchTemplate.latestVersion.apply(String),
                        },
                        labels: { "platform/zone": zone },
                        tags: tags(`nodes-${zone}`),
                    },
                    { parent: this, dependsOn: [...nodePolicies, ...podNetwork] },
                ),
        );

        // CoreDNS runs on the nodes: created before them it would wait, degraded, until they join.
        new aws.eks.Addon(
            `${name}-coredns`,
            {
                clusterName: cluster.name,
                addonName: "coredns",
                ...ADDON_CONFLICTS,
                tags: tags("coredns"),
            },
            { parent: this, dependsOn: nodeGroups },
        );
        const ebsRole = irsaRole("ebs-csi", "kube-system", "ebs-csi-controller-sa");
        new aws.iam.RolePolicyAttachment(
            `${name}-ebs-csi`,
            {
                role: ebsRole.name,
                policyArn: awsManagedPolicyArn(
                    args.region,
                    "service-role/AmazonEBSCSIDriverPolicy",
                ),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-ebs-csi-kms`,
            {
                role: ebsRole.id,
                policy: pulumi.output(args.dataKeyArn).apply((key) =>
                    policyDocument([
                        { Effect: "Allow", Action: [...VOLUME_KEY_ACTIONS], Resource: key },
                        {
                            Effect: "Allow",
                            Action: "kms:CreateGrant",
                            Resource: key,
                            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
                        },
                    ]),
                ),
            },
            parent,
        );
        const ebsCsi = new aws.eks.Addon(
            `${name}-ebs-csi`,
            {
                clusterName: cluster.name,
                addonName: "aws-ebs-csi-driver",
                serviceAccountRoleArn: ebsRole.arn,
                ...ADDON_CONFLICTS,
                tags: tags("ebs-csi"),
            },
            { parent: this, dependsOn: nodeGroups },
        );

        // VolumeSnapshots (the chain's backups) need the CSI snapshot controller and its CRDs: EKS's managed add-on.
        const snapshotController = new aws.eks.Addon(
            `${name}-snapshot-controller`,
            {
                clusterName: cluster.name,
                addonName: "snapshot-controller",
                ...ADDON_CONFLICTS,
                tags: tags("snapshot-controller"),
            },
            { parent: this, dependsOn: nodeGroups },
        );

        this.kubeconfig = pulumi.secret(
            pulumi
                .all([cluster.name, cluster.endpoint, cluster.certificateAuthority])
                .apply(([n, endpoint, ca]) => kubeconfig(n, endpoint, ca.data!, args.region)),
        );
        // EKS authorises Kubernetes calls by access entry (authenticationMode API): whoever runs `up` needs one.
        const access = args.adminRoleArns.map((principalArn, i) => {
            const entry = new aws.eks.AccessEntry(
                `${name}-admin-${i}`,
                {
                    clusterName: cluster.name,
                    principalArn,
                    type: "STANDARD",
                    tags: tags(`admin-${i}`),
                },
                parent,
            );
            return new aws.eks.AccessPolicyAssociation(
                `${name}-admin-${i}`,
                {
                    clusterName: cluster.name,
                    principalArn: entry.principalArn,
                    policyArn: `arn:${partitionOf(args.region)}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
                    accessScope: { type: "cluster" },
                },
                parent,
            );
        });
        this.provider = new k8s.Provider(
            `${name}-k8s`,
            { kubeconfig: this.kubeconfig, enableServerSideApply: true },
            { parent: this, dependsOn: [...nodeGroups, ...access] },
        );
        const k8sOpts = { parent: this, provider: this.provider };

        this.workloadDependencies = args.inClusterObjects
            ? [
                  ...this.inClusterObjects(name, args, clusterName, irsaRole, k8sOpts, ebsCsi),
                  snapshotController,
              ]
            : [];
        this.clusterName = cluster.name;
        this.registerOutputs({
            clusterName: this.clusterName,
            kubeconfig: this.kubeconfig,
            oidcProviderArn: this.oidcProviderArn,
        });
    }

    /** The default storage class and the load balancer controller: what workloads wait for. */
    private inClusterObjects(
        name: string,
        args: ChainClusterArgs,
        clusterName: string,
        irsaRole: (role: string, namespace: string, serviceAccount: string) => aws.iam.Role,
        k8sOpts: pulumi.CustomResourceOptions,
        ebsCsi: aws.eks.Addon,
    ): pulumi.Resource[] {
        const parent = { parent: this };
        const storageClass = new k8s.storage.v1.StorageClass(
            `${name}-gp3`,
            {
                metadata: {
                    name: DEFAULT_STORAGE_CLASS,
                    annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
                },
                provisioner: "ebs.csi.aws.com",
                parameters: { type: "gp3", encrypted: "true", kmsKeyId: args.dataKeyArn },
                reclaimPolicy: "Retain",
                volumeBindingMode: "WaitForFirstConsumer",
                allowVolumeExpansion: true,
            },
            { ...k8sOpts, dependsOn: [ebsCsi] },
        );

        const lbControllerRole = irsaRole(
            "lb-controller",
            "kube-system",
            "aws-load-balancer-controller",
        );
        new aws.iam.RolePolicy(
            `${name}-lb-controller`,
            {
                role: lbControllerRole.id,
                policy: JSON.stringify(
                    loadBalancerControllerPolicy(clusterName, {
                        partition: partitionOf(args.region),
                        region: args.region,
                        accountId: args.accountId,
                    }),
                ),
            },
            parent,
        );
        const lbController = new k8s.helm.v3.Release(
            `${name}-lb-controller`,
            {
                name: "aws-load-balancer-controller",
                chart: "aws-load-balancer-controller",
                version: LB_CONTROLLER_CHART_VERSION,
                namespace: "kube-system",
                repositoryOpts: { repo: "https://aws.github.io/eks-charts" },
                values: {
                    clusterName,
                    region: args.region,
                    vpcId: args.vpcId,
                    replicaCount: 2,
                    serviceAccount: {
                        create: true,
                        name: "aws-load-balancer-controller",
                        annotations: { "eks.amazonaws.com/role-arn": lbControllerRole.arn },
                    },
                },
            },
            k8sOpts,
        );

        return [storageClass, ebsCsi, lbController];
    }

    /** An IAM role that one service account of the cluster may assume. */
    serviceAccountRole(
        name: string,
        roleName: string,
        namespace: string,
        serviceAccount: string,
        tags?: Record<string, string>,
    ): aws.iam.Role {
        return new aws.iam.Role(
            name,
            {
                name: roleName,
                assumeRolePolicy: pulumi
                    .all([this.oidcProviderArn, this.oidcIssuerUrl])
                    .apply(([arn, url]) =>
                        JSON.stringify(serviceAccountTrust(arn, url, namespace, serviceAccount)),
                    ),
                tags,
            },
            { parent: this },
        );
    }
}
