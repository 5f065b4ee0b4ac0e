import { NamingArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Listener, SECURITY_GROUP_ROLES, SecurityGroupRole } from "../../topology/ports";
import { deriveSecurityRules, RuleOptions } from "../../topology/security-rules";
import { planSubnets } from "../../topology/subnets";
import { serviceTrustWithinAccount } from "../shared/iam";

export interface NetworkArgs extends NamingArgs {
    /** IPv4 block of the VPC (/16 to /20). No default. */
    readonly cidrBlock: string;
    /** The account, for the flow-log role's trust (only this account's flow logs may assume it). No default. */
    readonly accountId: string;
    /** Availability zone names, one public and one private subnet each. No default. */
    readonly zones: readonly string[];
    /** "single": one NAT gateway in the first zone; "perAz": one per zone. No default. */
    readonly natGateways: "single" | "perAz";
    /** The port map the security groups derive from. No default. */
    readonly listeners: readonly Listener[];
    /** Internet allow-lists per listening role (e.g. the WireGuard hub). Roles left out are open to all. No default. */
    readonly internetAllowList: RuleOptions["internetAllowList"];
    /** KMS key that encrypts the flow-log group. No default. */
    readonly flowLogKeyArn: pulumi.Input<string>;
    /** Days flow logs are kept. No default. */
    readonly flowLogRetentionDays: number;
}

/**
 * VPC with a public and a private subnet per zone, NAT egress, flow logs, and one security group
 * per role whose rules are derived from the port map.
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly publicSubnetIds: pulumi.Output<string>[];
    public readonly privateSubnetIds: pulumi.Output<string>[];
    public readonly securityGroupIds: Readonly<Record<SecurityGroupRole, pulumi.Output<string>>>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:Network", name, {}, opts);
        const subnets = planSubnets(args.cidrBlock, args.zones);
        const tags = (role: string) => ({ ...args.tags, Name: `${args.namePrefix}-${role}` });
        const parent = { parent: this };

        const vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: args.cidrBlock,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: tags("vpc"),
            },
            parent,
        );

        // The default group would admit all traffic between its members; managing it with no rules empties it.
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            { vpcId: vpc.id, tags: tags("default-deny") },
            parent,
        );

        const internetGateway = new aws.ec2.InternetGateway(
            `${name}-igw`,
            { vpcId: vpc.id, tags: tags("igw") },
            parent,
        );
        const publicRoutes = new aws.ec2.RouteTable(
            `${name}-public-rt`,
            {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: internetGateway.id }],
                tags: tags("public"),
            },
            parent,
        );

        const publicSubnets = subnets.map((plan, i) => {
            const subnet = new aws.ec2.Subnet(
                `${name}-public-${i}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: plan.publicCidr,
                    availabilityZone: plan.zone,
                    // Edge servers get Elastic IPs explicitly; nothing receives a public address by accident.
                    mapPublicIpOnLaunch: false,
                    tags: {
                        ...tags(`public-${plan.zone}`),
                        Tier: "public",
                        "kubernetes.io/role/elb": "1",
                    },
                },
                parent,
            );
            const association = new aws.ec2.RouteTableAssociation(
                `${name}-public-${i}`,
                { subnetId: subnet.id, routeTableId: publicRoutes.id },
                parent,
            );
            // Handed out only once the subnet routes to the internet gateway: an edge server or NAT gateway
            // placed earlier boots, or fails (Gateway.NotAttached), without a way out.
            return { subnet, id: pulumi.all([subnet.id, association.id]).apply(([id]) => id) };
        });

        const natZones = args.natGateways === "perAz" ? subnets.length : 1;
        const nats = publicSubnets.slice(0, natZones).map((subnet, i) => {
            const eip = new aws.ec2.Eip(
                `${name}-nat-${i}`,
                { domain: "vpc", tags: tags(`nat-${subnets[i]!.zone}`) },
                parent,
            );
            return new aws.ec2.NatGateway(
                `${name}-nat-${i}`,
                {
                    subnetId: subnet.id,
                    allocationId: eip.id,
                    connectivityType: "public",
                    tags: tags(`nat-${subnets[i]!.zone}`),
                },
                { parent: this, dependsOn: [internetGateway] },
            );
        });

        const privateSubnets = subnets.map((plan, i) => {
            const subnet = new aws.ec2.Subnet(
                `${name}-private-${i}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: plan.privateCidr,
                    availabilityZone: plan.zone,
                    mapPublicIpOnLaunch: false,
                    tags: {
                        ...tags(`private-${plan.zone}`),
                        Tier: "private",
                        "kubernetes.io/role/internal-elb": "1",
                    },
                },
                parent,
            );
            const routes = new aws.ec2.RouteTable(
                `${name}-private-${i}-rt`,
                {
                    vpcId: vpc.id,
                    routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nats[i % nats.length]!.id }],
                    tags: tags(`private-${plan.zone}`),
                },
                parent,
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-private-${i}`,
                { subnetId: subnet.id, routeTableId: routes.id },
                parent,
            );
            return subnet;
        });

        this.createFlowLogs(
            name,
            vpc,
            args.flowLogKeyArn,
            args.flowLogRetentionDays,
            args.namePrefix,
            args.accountId,
            tags,
        );

        const groups = {} as Record<SecurityGroupRole, aws.ec2.SecurityGroup>;
        for (const role of SECURITY_GROUP_ROLES) {
            groups[role] = new aws.ec2.SecurityGroup(
                `${name}-${role}-sg`,
                {
                    vpcId: vpc.id,
                    description: `${args.namePrefix} ${role}: rules derived from the port map`,
                    revokeRulesOnDelete: true,
                    tags: { ...tags(role), Role: role },
                },
                parent,
            );
        }
        for (const rule of deriveSecurityRules(args.listeners, {
            internetAllowList: args.internetAllowList,
        })) {
            const common = {
                securityGroupId: groups[rule.group].id,
                ipProtocol: rule.protocol,
                fromPort: rule.port,
                toPort: rule.port,
                description: rule.description,
                cidrIpv4: rule.peer.kind === "cidr" ? rule.peer.cidr : undefined,
                referencedSecurityGroupId:
                    rule.peer.kind === "group" ? groups[rule.peer.group].id : undefined,
                tags: tags(`${rule.group}-${rule.direction}`),
            };
            if (rule.direction === "ingress") {
                new aws.vpc.SecurityGroupIngressRule(`${name}-${rule.key}`, common, parent);
            } else {
                new aws.vpc.SecurityGroupEgressRule(`${name}-${rule.key}`, common, parent);
            }
        }

        this.vpcId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.privateSubnetIds = privateSubnets.map((s) => s.id);
        this.securityGroupIds = Object.fromEntries(
            SECURITY_GROUP_ROLES.map((r) => [r, groups[r].id]),
        ) as Record<SecurityGroupRole, pulumi.Output<string>>;
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            securityGroupIds: this.securityGroupIds,
        });
    }

    private createFlowLogs(
        name: string,
        vpc: aws.ec2.Vpc,
        keyArn: pulumi.Input<string>,
        retentionDays: number,
        prefix: string,
        accountId: string,
        tags: (role: string) => Record<string, string>,
    ): void {
        const parent = { parent: this };
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            {
                name: `/vpc/${prefix}/flow-logs`,
                retentionInDays: retentionDays,
                kmsKeyId: keyArn,
                tags: tags("flow-logs"),
            },
            parent,
        );
        const role = new aws.iam.Role(
            `${name}-flow-logs`,
            {
                description: `${prefix}: VPC flow logs delivery`,
                assumeRolePolicy: serviceTrustWithinAccount(
                    "vpc-flow-logs.amazonaws.com",
                    accountId,
                ),
                tags: tags("flow-logs"),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-flow-logs`,
            {
                role: role.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: [
                                "logs:CreateLogStream",
                                "logs:PutLogEvents",
                                "logs:DescribeLogStreams",
                            ],
                            Resource: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:*`],
                        },
                    ],
                }),
            },
            parent,
        );
        new aws.ec2.FlowLog(
            `${name}-flow-logs`,
            {
                vpcId: vpc.id,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: logGroup.arn,
                iamRoleArn: role.arn,
                maxAggregationInterval: 60,
                tags: tags("flow-logs"),
            },
            parent,
        );
    }
}
