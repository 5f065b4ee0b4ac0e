/**
 * What every EC2 server of the platform shares: an instance role with SSM Session Manager and only
 * the extra permissions its kind needs, IMDSv2 only, an encrypted gp3 root volume, no public IP
 * unless it is an edge server, and automatic recovery when the host fails its status checks.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../../topology/naming";

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

export interface ServerRoleArgs {
    /** Prefix of the physical role name. */
    readonly namePrefix: string;
    /** The kind of server, e.g. "app". */
    readonly kind: string;
    /** IAM statements beyond SSM Session Manager. */
    readonly statements: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;
    readonly tags?: Record<string, string>;
}

export function serverInstanceProfile(name: string, args: ServerRoleArgs, parent: pulumi.Resource): aws.iam.InstanceProfile {
    const role = new aws.iam.Role(`${name}-role`, {
        name: `${args.namePrefix}-${args.kind}`,
        description: `${args.namePrefix} ${args.kind} servers`,
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
        tags: args.tags,
    }, { parent });
    new aws.iam.RolePolicyAttachment(`${name}-ssm`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }, { parent });
    new aws.iam.RolePolicy(`${name}-own`, {
        role: role.id,
        policy: pulumi.output(args.statements).apply((statements) => JSON.stringify({ Version: "2012-10-17", Statement: statements })),
    }, { parent });
    return new aws.iam.InstanceProfile(`${name}-profile`, { name: `${args.namePrefix}-${args.kind}`, role: role.name, tags: args.tags }, { parent });
}

export interface ServerArgs {
    readonly ami: string;
    readonly instanceType: string;
    readonly subnetId: pulumi.Input<string>;
    readonly securityGroupIds: pulumi.Input<string>[];
    readonly instanceProfile: pulumi.Input<string>;
    readonly dataKeyArn: pulumi.Input<string>;
    readonly userData: pulumi.Input<string>;
    readonly rootVolumeGb: number;
    readonly region: string;
    /** Disables the source/destination check (the WireGuard hub routes for others). */
    readonly forwardsTraffic?: boolean;
    readonly tags: Record<string, string>;
}

export function server(name: string, args: ServerArgs, parent: pulumi.Resource): aws.ec2.Instance {
    const instance = new aws.ec2.Instance(name, {
        ami: args.ami,
        instanceType: args.instanceType,
        subnetId: args.subnetId,
        vpcSecurityGroupIds: args.securityGroupIds,
        iamInstanceProfile: args.instanceProfile,
        associatePublicIpAddress: false,
        sourceDestCheck: !args.forwardsTraffic,
        metadataOptions: { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
        rootBlockDevice: { volumeType: "gp3", volumeSize: args.rootVolumeGb, encrypted: true, kmsKeyId: args.dataKeyArn, deleteOnTermination: true },
        monitoring: true,
        ebsOptimized: true,
        userData: args.userData,
        userDataReplaceOnChange: true,
        tags: args.tags,
        volumeTags: args.tags,
    }, {
        parent,
        // New AMIs are rolled out deliberately (replace the instance), not on every preview.
        ignoreChanges: ["ami"],
    });
    new aws.cloudwatch.MetricAlarm(`${name}-recover`, {
        name: `${args.tags.Name}-recover`,
        alarmDescription: "Recover the instance onto healthy hardware when the system status check fails",
        namespace: "AWS/EC2",
        metricName: "StatusCheckFailed_System",
        dimensions: { InstanceId: instance.id },
        statistic: "Maximum",
        period: 60,
        evaluationPeriods: 2,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        alarmActions: [`arn:${partitionOf(args.region)}:automate:${args.region}:ec2:recover`],
        tags: args.tags,
    }, { parent });
    return instance;
}
