/**
 * WireGuard: the hub's wg0.conf and its public key. Pure. The private key is never in the rendered
 * file: wg-quick loads it from a root-only file that the hub fetches from SSM at boot.
 */
import { createPrivateKey, createPublicKey } from "crypto";

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

export function renderWireguardConfig(c: WireguardConfig): string {
    // The default-route interface masquerades tunnel traffic into the VPC, so the VPC sees the hub.
    const uplink = "$(ip -4 route show default | awk '{print $5; exit}')";
    return [
        "# Rendered by chain-platform (components/wireguard/wg-config.ts); changes here are overwritten.",
        "[Interface]",
        `Address = ${c.address}`,
        `ListenPort = ${c.listenPort}`,
        `PostUp = wg set %i private-key ${c.privateKeyPath}`,
        `PostUp = iptables -t nat -A POSTROUTING -s ${c.tunnelCidr} -o ${uplink} -j MASQUERADE`,
        `PostDown = iptables -t nat -D POSTROUTING -s ${c.tunnelCidr} -o ${uplink} -j MASQUERADE`,
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
