/** EC2: IMDSv2 only, and public addresses only at the edge. */
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { configOf, stringListSetting } from "../lib/config";
import { resourcePolicy, stackPolicy } from "../lib/exemptions";
import { asArray, known, tagsOf } from "../lib/values";

export const imdsV2: ResourceValidationPolicy = resourcePolicy({
    name: "ec2-imdsv2-required",
    description:
        "Instances and launch templates require IMDSv2 session tokens (metadataOptions.httpTokens = required).",
    severity: "high",
    validateResource: (args, report) => {
        if (
            args.type !== "aws:ec2/instance:Instance" &&
            args.type !== "aws:ec2/launchTemplate:LaunchTemplate"
        )
            return;
        const options = args.props.metadataOptions as Record<string, unknown> | undefined;
        if (options?.httpTokens !== "required") {
            report(
                "the instance metadata service allows IMDSv1; set metadataOptions.httpTokens to required",
            );
        }
    },
});

const EDGE_DEFAULTS = { edgeRoles: ["loadBalancer", "wireguardHub"] };

export const publicAddressesAtEdge: ResourceValidationPolicy = resourcePolicy({
    name: "no-public-ip-outside-edge",
    description:
        "Only edge roles (Role tag) get public addresses; subnets never hand them out on launch.",
    severity: "high",
    configSchema: {
        properties: {
            edgeRoles: stringListSetting(EDGE_DEFAULTS.edgeRoles),
        },
    },
    validateResource: (args, report) => {
        const p = args.props;
        const config = configOf(args, EDGE_DEFAULTS);
        const role = tagsOf(p).Role;
        const isEdge = role !== undefined && config.edgeRoles.includes(role);
        switch (args.type) {
            case "aws:ec2/subnet:Subnet":
                if (p.mapPublicIpOnLaunch === true)
                    report(
                        "the subnet assigns public IPs on launch; give edge servers Elastic IPs instead",
                    );
                break;
            case "aws:ec2/instance:Instance":
                if (p.associatePublicIpAddress === true && !isEdge)
                    report(
                        `a public IP on a ${role ?? "untagged"} instance; only ${config.edgeRoles.join(", ")} may have one`,
                    );
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                for (const nic of asArray(
                    p.networkInterfaces as Record<string, unknown>[] | undefined,
                )) {
                    if (
                        (nic.associatePublicIpAddress === true ||
                            nic.associatePublicIpAddress === "true") &&
                        !isEdge
                    ) {
                        report(`the template gives ${role ?? "untagged"} instances public IPs`);
                    }
                }
                break;
        }
    },
});

export const elasticIpsAtEdge: StackValidationPolicy = stackPolicy({
    name: "elastic-ips-only-at-edge",
    description: "Elastic IPs attach only to instances of edge roles (or to NAT gateways).",
    severity: "high",
    configSchema: {
        properties: {
            edgeRoles: stringListSetting(EDGE_DEFAULTS.edgeRoles),
        },
    },
    validateStack: (args, report) => {
        const config = configOf(args, EDGE_DEFAULTS);
        const holders = args.resources.filter(
            (r) =>
                r.type === "aws:ec2/instance:Instance" ||
                r.type === "aws:ec2/networkInterface:NetworkInterface",
        );
        for (const r of args.resources) {
            if (r.type !== "aws:ec2/eip:Eip" && r.type !== "aws:ec2/eipAssociation:EipAssociation")
                continue;
            // An EIP attaches to an instance, or to a network interface (an edge server's, before it boots).
            const field = ["instance", "instanceId", "networkInterface", "networkInterfaceId"].find(
                (f) => known(() => r.props[f]) !== undefined,
            );
            if (field === undefined) continue;
            const targetId = known(() => r.props[field]);
            const holder =
                r.propertyDependencies?.[field]?.[0] ??
                holders.find((h) => known(() => h.props.id) === targetId);
            const role = holder ? known(() => tagsOf(holder.props).Role) : undefined;
            if (!role || !config.edgeRoles.includes(role)) {
                report(
                    `an Elastic IP attaches to ${holder ? `${holder.name} (role ${role ?? "untagged"})` : `${field} ${String(targetId)}`}; only ${config.edgeRoles.join(", ")} may face the internet`,
                    r.urn,
                );
            }
        }
    },
});
