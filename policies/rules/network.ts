/**
 * Ports: what may be reached from the internet, and from where traffic may leave. The allow-lists
 * live here, in the pack's configuration defaults; the pack never imports the program's port map,
 * so a mistake in the map is caught rather than copied.
 */
import {
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { configOf } from "../lib/config";
import { resourcePolicy, stackPolicy } from "../lib/exemptions";
import { asArray, isPublicCidr, known, tagsOf } from "../lib/values";

export interface PortGrant {
    readonly role: string;
    readonly protocol: "tcp" | "udp";
    readonly ports: readonly number[];
}

const INTERNET_INGRESS_DEFAULTS = {
    /** (role, protocol, port) pairs that may face the internet; the role is the security group's Role tag. */
    allowed: [
        { role: "loadBalancer", protocol: "tcp", ports: [80, 443] },
        { role: "wireguardHub", protocol: "udp", ports: [51820] },
    ] as PortGrant[],
    /** Ports that must never face the internet, whatever the allow-list says. */
    forbidden: [
        22, 3389, 5432, 6379, 3000, 16686, 4317, 7070, 7071, 7072, 7073, 7074, 7075, 7076, 7077,
        7078, 7079, 7080, 7081, 7082, 7083, 7084, 7085, 7086, 7087, 9090, 9091, 9092, 9093, 9094,
        9095, 9096, 9097, 9098, 9099, 9100, 9101, 9102, 9103, 2379, 10250, 27017, 3306, 11211,
    ],
};

const EGRESS_DEFAULTS = {
    /** Ports a security group may open to the internet (through NAT): HTTPS, HTTP for package mirrors. */
    internetPorts: [80, 443],
};

/** One ingress or egress permission, normalised across the three ways AWS rules are declared. */
export interface Permission {
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
    readonly cidrs: readonly string[];
}

const ALL_PROTOCOLS = new Set(["-1", "all"]);
const PROTOCOL_NUMBERS: Record<string, string> = {
    "6": "tcp",
    "17": "udp",
    "1": "icmp",
    "58": "icmpv6",
};

function normalProtocol(protocol: unknown): string {
    const text = String(protocol).toLowerCase();
    return PROTOCOL_NUMBERS[text] ?? text;
}

/** Permissions of one direction declared by a resource; unknown values drop the permission. */
export function permissionsOf(
    args: Pick<ResourceValidationArgs, "type" | "props">,
    direction: "ingress" | "egress",
): Permission[] {
    const props = args.props;
    const permission = (p: Record<string, unknown>, cidrs: unknown[]): Permission | undefined =>
        known(() => ({
            protocol: normalProtocol(p.protocol ?? p.ipProtocol),
            fromPort: Number(p.fromPort ?? 0),
            toPort: Number(p.toPort ?? p.fromPort ?? 0),
            cidrs: cidrs.filter((c): c is string => typeof c === "string"),
        }));
    switch (args.type) {
        case "aws:ec2/securityGroup:SecurityGroup":
            return asArray(known(() => props[direction]) as Record<string, unknown>[] | undefined)
                .map((rule) =>
                    permission(rule, [
                        ...asArray(known(() => rule.cidrBlocks) as unknown[]),
                        ...asArray(known(() => rule.ipv6CidrBlocks) as unknown[]),
                    ]),
                )
                .filter((p): p is Permission => p !== undefined);
        case "aws:ec2/securityGroupRule:SecurityGroupRule": {
            if (known(() => props.type) !== direction) return [];
            const p = permission(props, [
                ...asArray(known(() => props.cidrBlocks) as unknown[]),
                ...asArray(known(() => props.ipv6CidrBlocks) as unknown[]),
            ]);
            return p ? [p] : [];
        }
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
        case "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
            const ruleDirection = args.type.includes("Ingress") ? "ingress" : "egress";
            if (ruleDirection !== direction) return [];
            const p = permission(props, [known(() => props.cidrIpv4), known(() => props.cidrIpv6)]);
            return p ? [p] : [];
        }
        default:
            return [];
    }
}

const SECURITY_RULE_TYPES = [
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
];

function describe(p: Permission): string {
    const ports = ALL_PROTOCOLS.has(p.protocol)
        ? "all traffic"
        : p.fromPort === p.toPort
          ? `${p.protocol}/${p.fromPort}`
          : `${p.protocol}/${p.fromPort}-${p.toPort}`;
    return ports;
}

function coversAllPorts(p: Permission): boolean {
    return ALL_PROTOCOLS.has(p.protocol) || (p.fromPort <= 0 && p.toPort >= 65535);
}

export const internetIngress: ResourceValidationPolicy = resourcePolicy({
    name: "internet-ingress-allow-listed",
    description:
        "Only allow-listed (protocol, port) pairs face the internet; never SSH, RDP, all ports, databases, caches, chain, metrics, Grafana or Jaeger.",
    severity: "critical",
    configSchema: {
        properties: {
            allowed: {
                type: "array",
                default: INTERNET_INGRESS_DEFAULTS.allowed,
                description: "Role, protocol and ports that may face the internet",
            },
            forbidden: {
                type: "array",
                items: { type: "integer" },
                default: INTERNET_INGRESS_DEFAULTS.forbidden,
            },
        },
    },
    validateResource: (args, report) => {
        if (!SECURITY_RULE_TYPES.includes(args.type)) return;
        const config = configOf(args, INTERNET_INGRESS_DEFAULTS);
        for (const p of permissionsOf(args, "ingress")) {
            const publicSources = p.cidrs.filter(isPublicCidr);
            if (publicSources.length === 0) continue;
            const from = publicSources.join(", ");
            if (coversAllPorts(p)) {
                report(
                    `ingress of ${describe(p)} from ${from}: all ports must never face the internet`,
                );
                continue;
            }
            const forbidden = config.forbidden.filter(
                (port) => port >= p.fromPort && port <= p.toPort,
            );
            if (forbidden.length > 0) {
                report(
                    `ingress of ${describe(p)} from ${from} exposes port ${forbidden.join(", ")}, which must never face the internet`,
                );
                continue;
            }
            const granted = config.allowed.some(
                (g) =>
                    g.protocol === p.protocol &&
                    p.fromPort === p.toPort &&
                    g.ports.includes(p.fromPort),
            );
            if (!granted) {
                report(
                    `ingress of ${describe(p)} from ${from} is not on the internet allow-list (${config.allowed.map((g) => `${g.role} ${g.protocol}/${g.ports.join(",")}`).join("; ")})`,
                );
            }
        }
    },
});

export const noAllProtocolIngress: ResourceValidationPolicy = resourcePolicy({
    name: "no-all-protocol-ingress",
    description: "No security group admits all protocols or all ports, from anywhere.",
    severity: "high",
    validateResource: (args, report) => {
        if (!SECURITY_RULE_TYPES.includes(args.type)) return;
        for (const p of permissionsOf(args, "ingress")) {
            if (coversAllPorts(p)) {
                report(
                    `ingress of ${describe(p)}${p.cidrs.length ? ` from ${p.cidrs.join(", ")}` : ""}: name the protocol and port`,
                );
            }
        }
    },
});

export const restrictedEgress: ResourceValidationPolicy = resourcePolicy({
    name: "egress-restricted",
    description:
        "No unrestricted egress: to the internet only on allow-listed ports, never all protocols.",
    severity: "medium",
    configSchema: {
        properties: {
            internetPorts: {
                type: "array",
                items: { type: "integer" },
                default: EGRESS_DEFAULTS.internetPorts,
            },
        },
    },
    validateResource: (args, report) => {
        if (!SECURITY_RULE_TYPES.includes(args.type)) return;
        const config = configOf(args, EGRESS_DEFAULTS);
        for (const p of permissionsOf(args, "egress")) {
            const publicTargets = p.cidrs.filter(isPublicCidr);
            if (coversAllPorts(p)) {
                report(
                    `egress of ${describe(p)}${p.cidrs.length ? ` to ${p.cidrs.join(", ")}` : ""} is unrestricted`,
                );
            } else if (
                publicTargets.length > 0 &&
                !(p.fromPort === p.toPort && config.internetPorts.includes(p.fromPort))
            ) {
                report(
                    `egress of ${describe(p)} to ${publicTargets.join(", ")} is not on the internet egress allow-list (${config.internetPorts.join(", ")})`,
                );
            }
        }
    },
});

/** The security group a rule belongs to: through property dependencies, else plain dependencies with a matching id. */
export const internetIngressRoles: StackValidationPolicy = stackPolicy({
    name: "internet-ingress-only-on-edge-roles",
    description:
        "Allow-listed internet ports open only on security groups of the role they are granted to (Role tag).",
    severity: "critical",
    configSchema: {
        properties: { allowed: { type: "array", default: INTERNET_INGRESS_DEFAULTS.allowed } },
    },
    validateStack: (args, report) => {
        const config = configOf(args, INTERNET_INGRESS_DEFAULTS);
        for (const resource of args.resources) {
            if (!SECURITY_RULE_TYPES.includes(resource.type)) continue;
            const open = permissionsOf(resource, "ingress").filter((p) =>
                p.cidrs.some(isPublicCidr),
            );
            if (open.length === 0) continue;
            const group =
                resource.type === "aws:ec2/securityGroup:SecurityGroup"
                    ? resource
                    : (resource.propertyDependencies?.securityGroupId?.[0] ??
                      resource.dependencies.find(
                          (d) =>
                              d.type === "aws:ec2/securityGroup:SecurityGroup" &&
                              known(() => d.props.id) ===
                                  known(() => resource.props.securityGroupId),
                      ));
            const role = group ? known(() => tagsOf(group.props).Role) : undefined;
            for (const p of open) {
                const grant = config.allowed.find(
                    (g) =>
                        g.protocol === p.protocol &&
                        g.ports.includes(p.fromPort) &&
                        p.fromPort === p.toPort,
                );
                if (!grant) continue; // internet-ingress-allow-listed reports it
                if (role === undefined) {
                    report(
                        `internet ingress ${describe(p)} is on a security group whose Role tag cannot be read; it is granted to ${grant.role} only`,
                        resource.urn,
                    );
                } else if (role !== grant.role) {
                    report(
                        `internet ingress ${describe(p)} is granted to role ${grant.role}, but this security group's role is ${role}`,
                        resource.urn,
                    );
                }
            }
        }
    },
});

export const eksEndpointPrivate: ResourceValidationPolicy = resourcePolicy({
    name: "eks-endpoint-private",
    description:
        "The EKS API endpoint is private, or public only to an allow-list that excludes the whole internet.",
    severity: "high",
    validateResource: (args, report) => {
        if (args.type !== "aws:eks/cluster:Cluster") return;
        const vpc = known(() => args.props.vpcConfig) as Record<string, unknown> | undefined;
        if (!vpc) return;
        const publicAccess = known(() => vpc.endpointPublicAccess);
        if (publicAccess === false) return;
        const cidrs = asArray(known(() => vpc.publicAccessCidrs) as string[] | undefined);
        if (cidrs.length === 0 || cidrs.some((c) => c === "0.0.0.0/0" || c === "::/0")) {
            report(
                `the EKS endpoint is public to ${cidrs.length ? cidrs.join(", ") : "the whole internet (no publicAccessCidrs)"}; make it private or allow-list networks`,
            );
        }
    },
});

export const vpcBaseline: StackValidationPolicy = stackPolicy({
    name: "vpc-flow-logs-default-sg-closed",
    description:
        "Every VPC records flow logs and manages its default security group with no rules.",
    severity: "medium",
    validateStack: (args, report) => {
        const linkedTo = (
            r: (typeof args.resources)[number],
            vpc: (typeof args.resources)[number],
        ) => (r.propertyDependencies?.vpcId ?? r.dependencies).some((d) => d.urn === vpc.urn);
        for (const vpc of args.resources.filter((r) => r.type === "aws:ec2/vpc:Vpc")) {
            if (
                !args.resources.some(
                    (r) => r.type === "aws:ec2/flowLog:FlowLog" && linkedTo(r, vpc),
                )
            ) {
                report("the VPC records no flow logs", vpc.urn);
            }
            const defaults = args.resources.filter(
                (r) =>
                    r.type === "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" &&
                    linkedTo(r, vpc),
            );
            if (defaults.length === 0) {
                report(
                    "the VPC's default security group is not managed, so it keeps AWS's allow-all-members rules",
                    vpc.urn,
                );
            }
            for (const group of defaults) {
                const rules = [
                    ...asArray(known(() => group.props.ingress) as unknown[] | undefined),
                    ...asArray(known(() => group.props.egress) as unknown[] | undefined),
                ];
                if (rules.length > 0)
                    report("the default security group has rules; keep it empty", group.urn);
            }
        }
    },
});
