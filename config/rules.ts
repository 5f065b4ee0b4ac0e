/**
 * Rules between keys that need more than a line: WireGuard peers, instance architectures and the
 * cluster's capacity. Each returns issues (path under the configuration, message); the schema's
 * cross-key refinement reports them. Pure.
 */
import { EC2_INSTANCE_TYPES } from "../topology/aws-catalog";
import { capacityProblems } from "../topology/capacity";
import { cidrsOverlap, containsAddress, Ipv4Cidr, parseCidr } from "../topology/cidr";
import type { PlatformConfig } from "./schema";

export interface Issue {
    readonly path: (string | number)[];
    readonly message: string;
}

/** RFC 1918: the only ranges a site behind a peer may route through the tunnel. */
const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((text) => parseCidr(text)!);
const within = (outer: Ipv4Cidr, inner: Ipv4Cidr) =>
    outer.prefix <= inner.prefix && containsAddress(outer, inner.network);

/**
 * Each peer: a unique name and public key (WireGuard keys a peer by its public key, so one key
 * under two names is one peer whose allowed IPs silently merge); exactly one tunnel address, a /32
 * inside wireguardCidr other than the hub's; every other entry a site network, RFC 1918, outside
 * the tunnel and the VPC; no network claimed by two peers.
 */
export function wireguardPeerIssues(c: PlatformConfig): Issue[] {
    const issues: Issue[] = [];
    const vpc = parseCidr(c.vpcCidr)!;
    const tunnel = parseCidr(c.wireguardCidr)!;
    const hub = tunnel.network + 1;
    const claimed: { peer: string; network: Ipv4Cidr; text: string }[] = [];
    c.wireguardPeers.forEach((peer, index) => {
        const at = (...rest: (string | number)[]) => ["wireguardPeers", index, ...rest];
        if (c.wireguardPeers.findIndex((p) => p.name === peer.name) !== index) {
            issues.push({
                path: at("name"),
                message: `duplicates the name of another peer (${peer.name})`,
            });
        }
        const sameKey = c.wireguardPeers.findIndex((p) => p.publicKey === peer.publicKey);
        if (sameKey !== index) {
            issues.push({
                path: at("publicKey"),
                message: `is also the key of peer ${c.wireguardPeers[sameKey]!.name}: WireGuard knows a peer by its public key, so two names would be one peer`,
            });
        }
        let tunnelAddresses = 0;
        peer.allowedIps.forEach((text, i) => {
            const network = parseCidr(text)!;
            if (cidrsOverlap(network, vpc)) {
                issues.push({
                    path: at("allowedIps", i),
                    message: `overlaps vpcCidr ${c.vpcCidr}: a peer cannot own VPC addresses`,
                });
            } else if (within(tunnel, network)) {
                if (network.prefix !== 32) {
                    issues.push({
                        path: at("allowedIps", i),
                        message: `lies inside wireguardCidr ${c.wireguardCidr} but is not a /32: a peer's tunnel address is one host`,
                    });
                } else if (network.network === hub || network.network === tunnel.network) {
                    issues.push({
                        path: at("allowedIps", i),
                        message: `is the ${network.network === hub ? "hub's own tunnel address" : "tunnel's network address"}; peers take other addresses of wireguardCidr ${c.wireguardCidr}`,
                    });
                } else {
                    tunnelAddresses++;
                }
            } else if (cidrsOverlap(network, tunnel)) {
                issues.push({
                    path: at("allowedIps", i),
                    message: `straddles wireguardCidr ${c.wireguardCidr}: an entry is either one tunnel /32 inside it or a site network outside it`,
                });
            } else if (!RFC1918.some((range) => within(range, network))) {
                issues.push({
                    path: at("allowedIps", i),
                    message: `is neither a tunnel address (a /32 inside wireguardCidr ${c.wireguardCidr}) nor a routed site network (a private RFC 1918 network: 10/8, 172.16/12, 192.168/16)`,
                });
            }
            const clash = claimed.find((other) => cidrsOverlap(other.network, network));
            if (clash) {
                issues.push({
                    path: at("allowedIps", i),
                    message: `overlaps ${clash.text} of peer ${clash.peer}: WireGuard routes each address to one peer`,
                });
            }
            claimed.push({ peer: peer.name, network, text });
        });
        if (tunnelAddresses !== 1) {
            issues.push({
                path: at("allowedIps"),
                message: `must hold exactly one tunnel address (a /32 inside wireguardCidr ${c.wireguardCidr}), not ${tunnelAddresses}; other entries are the peer's site networks`,
            });
        }
    });
    return issues;
}

/**
 * The servers boot Canonical's amd64 Ubuntu AMI and the node groups the AL2023 x86_64 AMI, so an
 * arm64 (Graviton) type would fail at launch.
 */
export function architectureIssues(c: PlatformConfig): Issue[] {
    const keys = [
        "appServerInstanceType",
        "loadBalancerInstanceType",
        "wireguardInstanceType",
        "nodeInstanceType",
    ] as const;
    return keys
        .filter((key) => EC2_INSTANCE_TYPES.get(c[key])?.architecture !== "x86_64")
        .map((key) => ({
            path: [key],
            message: `must be an x86_64 instance type: ${key === "nodeInstanceType" ? "the node groups run the AL2023 x86_64 EKS AMI" : "the servers boot Canonical's amd64 Ubuntu AMI"}, and ${c[key]} is arm64`,
        }));
}

/** Validators and relays at their requests, plus cluster services, must fit the node groups. */
export function capacityIssues(c: PlatformConfig): Issue[] {
    const node = EC2_INSTANCE_TYPES.get(c.nodeInstanceType)!;
    return capacityProblems({
        node,
        nodes: c.availabilityZones * c.nodesPerZone,
        validators: c.validators,
        relays: c.relays,
    }).map((p) => ({ path: [p.key], message: p.rule }));
}
