/**
 * The flow model at the network layer: from the declared security groups and their rules, and the
 * groups each launch template puts on its instances, who reaches whom on which protocol and ports.
 * A group a template names that the stack does not declare is EKS's own cluster security group: it
 * admits all traffic among its members and sends anywhere, and the model gives it those rules. Groups
 * are named by their Role tag; public networks are "internet". Pure over a plan or a stack export.
 */
import { PolicyResource } from "@pulumi/policy";
import { asArray, isPublicCidr, known, tagsOf } from "./values";

export interface Flow {
    readonly from: string;
    readonly to: string;
    /** "tcp", "udp", or "all". */
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
}

/** The undeclared group EKS creates and a launch template may still name. */
export const EKS_CLUSTER_GROUP = "eks-cluster-security-group";
const ALL_PORTS = { fromPort: 0, toPort: 65535 };

interface Rule {
    readonly group: string;
    readonly direction: "ingress" | "egress";
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
    /** A group's role, or a CIDR. */
    readonly peer: { readonly group: string } | { readonly cidr: string };
}

function protocolOf(value: unknown): string {
    const text = String(value).toLowerCase();
    return text === "-1" || text === "all"
        ? "all"
        : (({ "6": "tcp", "17": "udp" } as Record<string, string>)[text] ?? text);
}

function roleOfGroup(group: PolicyResource | undefined): string | undefined {
    return group ? (known(() => tagsOf(group.props).Role) ?? group.name) : undefined;
}

/**
 * Security group rules the model cannot place (a peer that is an IPv6 range, a prefix list or a group the
 * stack does not declare; a group inline rule; an `aws.ec2.SecurityGroupRule`): reported, never dropped
 * silently, so "every allowed flow is needed" cannot pass on a rule nobody read.
 */
export function uninterpretedRules(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => {
        if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule") return true;
        if (r.type === "aws:ec2/securityGroup:SecurityGroup")
            return (
                asArray(known(() => r.props.ingress) as unknown[] | undefined).length +
                    asArray(known(() => r.props.egress) as unknown[] | undefined).length >
                0
            );
        if (
            r.type !== "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" &&
            r.type !== "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
        )
            return false;
        const p = known(() => r.props);
        if (!p) return false;
        const declaredGroup = (input: string) =>
            r.propertyDependencies?.[input]?.some(
                (g) => g.type === "aws:ec2/securityGroup:SecurityGroup",
            );
        return (
            !declaredGroup("securityGroupId") ||
            (p.referencedSecurityGroupId !== undefined
                ? !declaredGroup("referencedSecurityGroupId")
                : typeof p.cidrIpv4 !== "string")
        );
    });
}

/** The declared rules, and the cluster group's implicit ones when a launch template names it. */
export function rulesOf(resources: readonly PolicyResource[]): Rule[] {
    const rules: Rule[] = [];
    for (const r of resources) {
        const direction =
            r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
                ? "ingress"
                : r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
                  ? "egress"
                  : undefined;
        if (!direction) continue;
        const p = known(() => r.props);
        const group = roleOfGroup(
            r.propertyDependencies?.securityGroupId?.find(
                (g) => g.type === "aws:ec2/securityGroup:SecurityGroup",
            ),
        );
        if (!p || !group) continue;
        const referenced = roleOfGroup(
            r.propertyDependencies?.referencedSecurityGroupId?.find(
                (g) => g.type === "aws:ec2/securityGroup:SecurityGroup",
            ),
        );
        const peer = referenced
            ? { group: referenced }
            : typeof p.cidrIpv4 === "string"
              ? { cidr: p.cidrIpv4 }
              : undefined;
        if (!peer) continue;
        const protocol = protocolOf(p.ipProtocol);
        // "all", and ICMP's -1 ports, cover every port; the model keeps ports apart only for TCP and UDP.
        const ports =
            protocol === "all" || Number(p.fromPort) < 0
                ? ALL_PORTS
                : { fromPort: Number(p.fromPort), toPort: Number(p.toPort ?? p.fromPort) };
        rules.push({ group, direction, protocol, ...ports, peer });
    }
    if (membersOfClusterGroup(resources).length > 0) {
        rules.push({
            group: EKS_CLUSTER_GROUP,
            direction: "ingress",
            protocol: "all",
            ...ALL_PORTS,
            peer: { group: EKS_CLUSTER_GROUP },
        });
        rules.push({
            group: EKS_CLUSTER_GROUP,
            direction: "egress",
            protocol: "all",
            ...ALL_PORTS,
            peer: { cidr: "0.0.0.0/0" },
        });
    }
    return rules;
}

/** Roles of the instances that a launch template puts in EKS's cluster group as well as their own. */
export function membersOfClusterGroup(resources: readonly PolicyResource[]): string[] {
    const members: string[] = [];
    for (const template of resources.filter(
        (r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate",
    )) {
        const ids = asArray(
            known(() => template.props.vpcSecurityGroupIds) as string[] | undefined,
        );
        const declared = (template.propertyDependencies?.vpcSecurityGroupIds ?? []).filter(
            (g) => g.type === "aws:ec2/securityGroup:SecurityGroup",
        );
        // An ID from the EKS cluster's outputs (the engine links it to the cluster), not from a declared group.
        const fromCluster = (template.propertyDependencies?.vpcSecurityGroupIds ?? []).some(
            (d) => d.type === "aws:eks/cluster:Cluster",
        );
        if (fromCluster || ids.length > declared.length)
            members.push(...declared.map((g) => roleOfGroup(g)!));
    }
    return members;
}

function peerName(peer: Rule["peer"]): string {
    return "group" in peer
        ? peer.group
        : isPublicCidr(peer.cidr)
          ? "internet"
          : `cidr ${peer.cidr}`;
}

function overlap(
    a: { protocol: string; fromPort: number; toPort: number },
    b: { protocol: string; fromPort: number; toPort: number },
): { protocol: string; fromPort: number; toPort: number } | undefined {
    const protocol =
        a.protocol === "all"
            ? b.protocol
            : b.protocol === "all" || b.protocol === a.protocol
              ? a.protocol
              : undefined;
    const fromPort = Math.max(a.fromPort, b.fromPort);
    const toPort = Math.min(a.toPort, b.toPort);
    return protocol && fromPort <= toPort ? { protocol, fromPort, toPort } : undefined;
}

/**
 * Every allowed flow: an ingress rule of the target admitting the source, met by an egress rule of
 * the source towards the target (security groups are stateful, so replies need nothing). A source in
 * EKS's cluster group also sends with that group's rules. The internet sends anything.
 */
export function allowedFlows(resources: readonly PolicyResource[]): Flow[] {
    const rules = rulesOf(resources);
    const clusterMembers = new Set(membersOfClusterGroup(resources));
    const groupsOf = (role: string) =>
        clusterMembers.has(role) ? [role, EKS_CLUSTER_GROUP] : [role];
    const egressOf = (role: string) =>
        rules.filter((r) => r.direction === "egress" && groupsOf(role).includes(r.group));
    const flows = new Map<string, Flow>();
    for (const ingress of rules.filter((r) => r.direction === "ingress")) {
        const targets = ingress.group === EKS_CLUSTER_GROUP ? [...clusterMembers] : [ingress.group];
        const sources =
            "group" in ingress.peer
                ? "group" in ingress.peer && ingress.peer.group === EKS_CLUSTER_GROUP
                    ? [...clusterMembers]
                    : [ingress.peer.group]
                : [peerName(ingress.peer)];
        for (const from of sources) {
            for (const to of targets) {
                const egress =
                    from === "internet" || from.startsWith("cidr ")
                        ? [{ protocol: "all", ...ALL_PORTS }]
                        : egressOf(from).filter((e) =>
                              "group" in e.peer
                                  ? groupsOf(to).includes(e.peer.group)
                                  : e.peer.cidr === "0.0.0.0/0",
                          );
                for (const e of egress) {
                    const both = overlap(ingress, e);
                    if (!both) continue;
                    const flow = { from, to, ...both };
                    flows.set(JSON.stringify(flow), flow);
                }
            }
        }
    }
    // Egress to the internet (through NAT): the internet admits anything.
    for (const e of rules.filter(
        (r) => r.direction === "egress" && "cidr" in r.peer && isPublicCidr(r.peer.cidr),
    )) {
        const senders = e.group === EKS_CLUSTER_GROUP ? [...clusterMembers] : [e.group];
        for (const from of senders) {
            const flow = {
                from,
                to: "internet",
                protocol: e.protocol,
                fromPort: e.fromPort,
                toPort: e.toPort,
            };
            flows.set(JSON.stringify(flow), flow);
        }
    }
    return [...flows.values()].sort((a, b) =>
        `${a.from}>${a.to}:${a.protocol}:${a.fromPort}`.localeCompare(
            `${b.from}>${b.to}:${b.protocol}:${b.fromPort}`,
        ),
    );
}

export interface NeededFlow {
    readonly from: string;
    readonly to: string;
    readonly protocol: string;
    readonly port: number;
    readonly why: string;
}

/** Whether a needed flow is allowed. */
export function isAllowed(needed: NeededFlow, allowed: readonly Flow[]): boolean {
    return allowed.some(
        (f) =>
            f.from === needed.from &&
            f.to === needed.to &&
            (f.protocol === "all" || f.protocol === needed.protocol) &&
            f.fromPort <= needed.port &&
            needed.port <= f.toPort,
    );
}

/** Whether every port of an allowed flow is needed. */
export function isNeeded(flow: Flow, needed: readonly NeededFlow[]): boolean {
    if (flow.protocol === "all") return false;
    const ports = needed
        .filter((n) => n.from === flow.from && n.to === flow.to && n.protocol === flow.protocol)
        .map((n) => n.port);
    for (let port = flow.fromPort; port <= flow.toPort; port++) {
        if (!ports.includes(port)) return false;
    }
    return true;
}

export function describeFlow(flow: {
    from: string;
    to: string;
    protocol: string;
    fromPort?: number;
    toPort?: number;
    port?: number;
}): string {
    const ports =
        flow.port !== undefined
            ? `${flow.port}`
            : flow.fromPort === flow.toPort
              ? `${flow.fromPort}`
              : flow.protocol === "all"
                ? "all ports"
                : `${flow.fromPort}-${flow.toPort}`;
    return `${flow.from} → ${flow.to} ${flow.protocol} ${ports}`;
}
