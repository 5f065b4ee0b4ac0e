/**
 * What every EC2 server of the platform shares: an instance role with SSM Session Manager and only
 * the extra permissions its kind needs, IMDSv2 only, an encrypted gp3 root volume, no public IP
 * unless it is an edge server, and automatic recovery when the host fails its status checks.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../../topology/naming";
import { awsManagedPolicyArn, policyDocument, serviceTrust } from "./iam";
import { baseConfig, CloudConfig, renderCloudConfig } from "./cloud-init";

/** What every kind of server shares: image, region, keys, access and naming. */
export interface ServerPlatform {
    /** Ubuntu AMI. No default. */
    readonly ami: string;
    readonly region: string;
    /** KMS key of the root volumes. No default. */
    readonly dataKeyArn: pulumi.Input<string>;
    /** KMS key of the secrets servers read at boot. No default. */
    readonly secretsKeyArn: pulumi.Input<string>;
    /** Port of node_exporter (port map). No default. */
    readonly nodeExporterPort: number;
    /** Keep sshd running (reachable only through WireGuard). Default: false. */
    readonly ssh?: boolean;
    /** Prefix of names. No default. */
    readonly namePrefix: string;
    /** Tags for every resource. Default: none. */
    readonly tags?: Record<string, string>;
}

/** An instance role with SSM Session Manager and the given statements, and its instance profile. */
export function serverInstanceProfile(
    name: string,
    platform: ServerPlatform,
    kind: string,
    statements: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>,
    parent: pulumi.Resource,
): aws.iam.InstanceProfile {
    const role = new aws.iam.Role(
        `${name}-role`,
        {
            name: `${platform.namePrefix}-${kind}`,
            description: `${platform.namePrefix} ${kind} servers`,
            assumeRolePolicy: serviceTrust("ec2.amazonaws.com"),
            tags: platform.tags,
        },
        { parent },
    );
    new aws.iam.RolePolicyAttachment(
        `${name}-ssm`,
        {
            role: role.name,
            policyArn: awsManagedPolicyArn(platform.region, "AmazonSSMManagedInstanceCore"),
        },
        { parent },
    );
    new aws.iam.RolePolicy(
        `${name}-own`,
        {
            role: role.id,
            policy: pulumi.output(statements).apply((list) => policyDocument(list)),
        },
        { parent },
    );
    return new aws.iam.InstanceProfile(
        `${name}-profile`,
        { name: `${platform.namePrefix}-${kind}`, role: role.name, tags: platform.tags },
        { parent },
    );
}

/** User data of a server: what every server runs (node_exporter, the AWS CLI, sshd off unless asked) plus its own. */
export function serverUserData(
    platform: ServerPlatform,
    hostname: string,
    own: Omit<CloudConfig, "hostname">,
): string {
    return renderCloudConfig(
        baseConfig(
            { hostname, nodeExporterPort: platform.nodeExporterPort, ssh: platform.ssh ?? false },
            own,
        ),
    );
}

export interface ServerArgs {
    readonly platform: ServerPlatform;
    /** Host name, and the Name tag. */
    readonly hostname: string;
    /** Role tag: the policy pack's edge and fault-domain checks read it. */
    readonly role: string;
    readonly instanceType: string;
    readonly subnetId: pulumi.Input<string>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly instanceProfile: pulumi.Input<string>;
    readonly userData: pulumi.Input<string>;
    readonly rootVolumeGb: number;
    /** Disables the source/destination check (the WireGuard hub routes for others). */
    readonly forwardsTraffic?: boolean;
    /** The tier's previous server: this one is created, and replaced, only after it. Default: none. */
    readonly after?: pulumi.Resource;
}

/** An edge server: its Elastic IP is on its network interface before the instance boots. */
export interface EdgeServer {
    readonly instance: aws.ec2.Instance;
    readonly eip: aws.ec2.Eip;
}

/**
 * A server in a public subnet with an Elastic IP. A public subnet routes to the internet gateway,
 * which carries only traffic of public addresses: an EIP attached after launch leaves cloud-init's
 * package installs without a route. So the network interface comes first, the EIP is associated
 * with it, and the instance boots on that interface.
 */
export function edgeServer(name: string, args: ServerArgs, parent: pulumi.Resource): EdgeServer {
    const tags = { ...args.platform.tags, Name: args.hostname, Role: args.role };
    const nic = new aws.ec2.NetworkInterface(
        `${name}-nic`,
        {
            subnetId: args.subnetId,
            securityGroups: [args.securityGroupId],
            sourceDestCheck: !args.forwardsTraffic,
            description: `${args.hostname} primary interface`,
            tags,
        },
        { parent },
    );
    const eip = new aws.ec2.Eip(
        `${name}-eip`,
        { domain: "vpc", networkInterface: nic.id, tags },
        { parent },
    );
    const instance = declareInstance(
        name,
        args,
        { primaryNetworkInterface: { networkInterfaceId: nic.id } },
        parent,
        [eip, ...(args.after ? [args.after] : [])],
        true,
    );
    return { instance, eip };
}

export function server(name: string, args: ServerArgs, parent: pulumi.Resource): aws.ec2.Instance {
    return declareInstance(
        name,
        args,
        {
            subnetId: args.subnetId,
            vpcSecurityGroupIds: [args.securityGroupId],
            associatePublicIpAddress: false,
            sourceDestCheck: !args.forwardsTraffic,
        },
        parent,
        args.after ? [args.after] : [],
    );
}

type Placement = Pick<
    aws.ec2.InstanceArgs,
    | "subnetId"
    | "vpcSecurityGroupIds"
    | "associatePublicIpAddress"
    | "sourceDestCheck"
    | "primaryNetworkInterface"
>;

/**
 * `ownsInterface`: the instance boots on an interface that outlives it. A replacement must then delete
 * the old instance first, or its successor asks for an interface still in use (InvalidNetworkInterface.InUse).
 */
function declareInstance(
    name: string,
    args: ServerArgs,
    placement: Placement,
    parent: pulumi.Resource,
    dependsOn: pulumi.Resource[],
    ownsInterface = false,
): aws.ec2.Instance {
    const { platform } = args;
    const tags = { ...platform.tags, Name: args.hostname, Role: args.role };
    const instance = new aws.ec2.Instance(
        name,
        {
            ami: platform.ami,
            instanceType: args.instanceType,
            ...placement,
            iamInstanceProfile: args.instanceProfile,
            metadataOptions: {
                httpTokens: "required",
                httpEndpoint: "enabled",
                httpPutResponseHopLimit: 1,
                instanceMetadataTags: "disabled",
            },
            rootBlockDevice: {
                volumeType: "gp3",
                volumeSize: args.rootVolumeGb,
                encrypted: true,
                kmsKeyId: platform.dataKeyArn,
                deleteOnTermination: true,
            },
            monitoring: true,
            ebsOptimized: true,
            userData: args.userData,
            userDataReplaceOnChange: true,
            tags,
            volumeTags: tags,
        },
        {
            parent,
            dependsOn,
            deleteBeforeReplace: ownsInterface,
            // New AMIs are rolled out deliberately (replace the instance), not on every preview.
            ignoreChanges: ["ami"],
        },
    );
    new aws.cloudwatch.MetricAlarm(
        `${name}-recover`,
        {
            name: `${args.hostname}-recover`,
            alarmDescription:
                "Recover the instance onto healthy hardware when the system status check fails",
            namespace: "AWS/EC2",
            metricName: "StatusCheckFailed_System",
            dimensions: { InstanceId: instance.id },
            statistic: "Maximum",
            period: 60,
            evaluationPeriods: 2,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            alarmActions: [
                `arn:${partitionOf(platform.region)}:automate:${platform.region}:ec2:recover`,
            ],
            tags,
        },
        { parent },
    );
    return instance;
}
