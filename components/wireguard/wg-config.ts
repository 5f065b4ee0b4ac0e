/**
 * WireGuard: the hub's wg0.conf and its public key. Pure. The private key is never in the rendered
 * file: wg-quick loads it from a root-only file that the hub fetches from SSM at boot.
 */
import { createPrivateKey, createPublicKey } from "crypto";
import { containsAddress, parseCidr } from "../../topology/cidr";

export interface WireguardPeer {
    readonly name: string;
    readonly publicKey: string;
    readonly allowedIps: readonly string[];
}

export interface WireguardConfig {
    /** The hub's tunnel address with the tunnel prefix, e.g. "10.99.0.1/24". */
    readonly address: string;
    readonly listenPort: number;
    readonly privateKeyPath: string;
    /** Tunnel network; operator traffic from it is masqueraded into the VPC. */
    readonly tunnelCidr: string;
    readonly peers: readonly WireguardPeer[];
}

export const WIREGUARD_PRIVATE_KEY_PATH = "/etc/wireguard/private.key";

/**
 * Networks whose traffic the hub masquerades into the VPC: the tunnel and every site network behind a
 * peer. The VPC has no route back to a site network, and security groups admit operators by the hub's
 * group, which matches only the hub's own address; so all of it must leave with the hub's address.
 */
export function masqueradedNetworks(c: Pick<WireguardConfig, "tunnelCidr" | "peers">): string[] {
    const inTunnel = (cidr: string) => containsNetwork(c.tunnelCidr, cidr);
    return [c.tunnelCidr, ...c.peers.flatMap((peer) => peer.allowedIps.filter((cidr) => !inTunnel(cidr)))];
}

function containsNetwork(outer: string, inner: string): boolean {
    const a = parseCidr(outer);
    const b = parseCidr(inner);
    return a !== undefined && b !== undefined && b.prefix >= a.prefix && containsAddress(a, b.network);
}

export function renderWireguardConfig(c: WireguardConfig): string {
    // The default-route interface masquerades tunnel and site traffic into the VPC, so the VPC sees the hub.
    const uplink = "$(ip -4 route show default | awk '{print $5; exit}')";
    const nat = (action: "A" | "D") => masqueradedNetworks(c).map((cidr) => `${action === "A" ? "PostUp" : "PostDown"} = iptables -t nat -${action} POSTROUTING -s ${cidr} -o ${uplink} -j MASQUERADE`);
    return [
        "# Rendered by chain-platform (components/wireguard/wg-config.ts); changes here are overwritten.",
        "[Interface]",
        `Address = ${c.address}`,
        `ListenPort = ${c.listenPort}`,
        `PostUp = wg set %i private-key ${c.privateKeyPath}`,
        ...nat("A"),
        ...nat("D"),
        ...c.peers.flatMap((peer) => ["", `# ${peer.name}`, "[Peer]", `PublicKey = ${peer.publicKey}`, `AllowedIPs = ${peer.allowedIps.join(", ")}`]),
        "",
    ].join("\n");
}

/** PKCS#8 header of an X25519 private key; the 32 key bytes follow it. */
const X25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");

/** The WireGuard public key (base64) of a private key (base64 of 32 bytes), as `wg pubkey` derives it. */
export function wireguardPublicKey(privateKeyBase64: string): string {
    const raw = Buffer.from(privateKeyBase64, "base64");
    if (raw.length !== 32) {
        throw new RangeError(`a WireGuard private key is 32 bytes; got ${raw.length}`);
    }
    const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, raw]), format: "der", type: "pkcs8" });
    const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
    return spki.subarray(spki.length - 32).toString("base64");
}

/** The first host address of a network, with its prefix: the hub's tunnel address. */
export function hubAddress(tunnelCidr: string): string {
    const [network, prefix] = tunnelCidr.split("/");
    const octets = network!.split(".").map(Number);
    octets[3] = octets[3]! + 1;
    return `${octets.join(".")}/${prefix}`;
}
