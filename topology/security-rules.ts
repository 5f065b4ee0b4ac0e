/**
 * Security group rules derived from the port map: one ingress rule on the listener's group and one
 * egress rule on the source's group per flow, plus the outbound internet access of each group.
 */
import {
    Listener,
    OUTBOUND_INTERNET,
    Protocol,
    SECURITY_GROUP_OF,
    SecurityGroupRole,
    Source,
} from "./ports";

export type Peer =
    | { readonly kind: "group"; readonly group: SecurityGroupRole }
    | { readonly kind: "cidr"; readonly cidr: string };

export interface SecurityRule {
    /** Stable, unique name fragment, e.g. "in-tcp-443-internet-ipv4". */
    readonly key: string;
    readonly group: SecurityGroupRole;
    readonly direction: "ingress" | "egress";
    readonly protocol: Protocol;
    readonly port: number;
    readonly peer: Peer;
    readonly description: string;
}

export interface RuleOptions {
    /** CIDRs allowed from the internet per role; a role missing here is reachable from anywhere. */
    readonly internetAllowList?: Partial<Record<string, readonly string[]>>;
}

/** The VPC is IPv4-only (no IPv6 block is assigned), so "anywhere" is the IPv4 internet. */
const ANYWHERE = ["0.0.0.0/0"];

function sourcePeers(source: Source, listener: Listener, options: RuleOptions): Peer[] {
    if (source === "internet") {
        const cidrs = options.internetAllowList?.[listener.role] ?? ANYWHERE;
        return cidrs.map((cidr) => ({ kind: "cidr", cidr }));
    }
    if (source === "operators") {
        return [{ kind: "group", group: "wireguardHub" }];
    }
    return [{ kind: "group", group: SECURITY_GROUP_OF[source] }];
}

function peerLabel(peer: Peer): string {
    return peer.kind === "group" ? peer.group : peer.cidr.replace(/[/:.]+/g, "_");
}

/** Every rule, deduplicated (several roles share the cluster group), in a stable order. */
export function deriveSecurityRules(
    listeners: readonly Listener[],
    options: RuleOptions = {},
): SecurityRule[] {
    const rules = new Map<string, SecurityRule>();
    const add = (rule: Omit<SecurityRule, "key">) => {
        const key = `${rule.group}-${rule.direction === "ingress" ? "in" : "out"}-${rule.protocol}-${rule.port}-${peerLabel(rule.peer)}`;
        if (!rules.has(key)) {
            rules.set(key, { ...rule, key });
        }
    };
    for (const listener of listeners) {
        const group = SECURITY_GROUP_OF[listener.role];
        for (const source of listener.from) {
            for (const peer of sourcePeers(source, listener, options)) {
                const description = `${listener.role} ${listener.name} from ${source}`;
                add({
                    group,
                    direction: "ingress",
                    protocol: listener.protocol,
                    port: listener.port,
                    peer,
                    description,
                });
                if (peer.kind === "group") {
                    add({
                        group: peer.group,
                        direction: "egress",
                        protocol: listener.protocol,
                        port: listener.port,
                        peer: { kind: "group", group },
                        description: `${source} to ${listener.role} ${listener.name}`,
                    });
                }
            }
        }
    }
    for (const [group, ports] of Object.entries(OUTBOUND_INTERNET) as [
        SecurityGroupRole,
        (typeof OUTBOUND_INTERNET)[SecurityGroupRole],
    ][]) {
        for (const { port, protocol } of ports) {
            for (const cidr of ANYWHERE) {
                add({
                    group,
                    direction: "egress",
                    protocol,
                    port,
                    peer: { kind: "cidr", cidr },
                    description: `${group} to the internet through NAT`,
                });
            }
        }
    }
    return [...rules.values()].sort((a, b) => a.key.localeCompare(b.key));
}
