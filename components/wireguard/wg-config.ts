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
export const WIREGUARD_CONFIG_PATH = "/etc/wireguard/wg0.conf";

/** Firewall mark of packets that arrived through the tunnel (0x5182: "51820" shortened). */
export const TUNNEL_MARK = "0x5182";

/**
 * The hub's wg0.conf. Everything that arrives through the tunnel (operators and the site networks
 * behind peers) is marked and masqueraded into the VPC: the VPC has no route back to a site network,
 * and security groups admit operators by the hub's group, which matches only the hub's own address.
 * Marking by interface keeps the NAT rules independent of the peers, so adding a peer changes only
 * [Peer] sections, which `wg syncconf` applies without restarting the tunnel.
 */
export function renderWireguardConfig(c: WireguardConfig): string {
    const uplink = "$(ip -4 route show default | awk '{print $5; exit}')";
    const rules = (action: "A" | "D") => [
        `iptables -t mangle -${action} PREROUTING -i %i -j MARK --set-mark ${TUNNEL_MARK}`,
        `iptables -t nat -${action} POSTROUTING -m mark --mark ${TUNNEL_MARK} -o ${uplink} -j MASQUERADE`,
    ];
    return [
        "# Rendered by chain-platform (components/wireguard/wg-config.ts); changes here are overwritten.",
        "[Interface]",
        `Address = ${c.address}`,
        `ListenPort = ${c.listenPort}`,
        `PostUp = wg set %i private-key ${c.privateKeyPath}`,
        ...rules("A").map((rule) => `PostUp = ${rule}`),
        ...rules("D").map((rule) => `PostDown = ${rule}`),
        ...c.peers.flatMap((peer) => [
            "",
            `# ${peer.name}`,
            "[Peer]",
            `PublicKey = ${peer.publicKey}`,
            `AllowedIPs = ${peer.allowedIps.join(", ")}`,
        ]),
        "",
    ].join("\n");
}

/**
 * Applies a changed wg0.conf to the running tunnel: peers and their allowed IPs through
 * `wg syncconf` (existing sessions stay up), then one route per allowed network and none for a
 * network no peer has any more. wg-quick sets routes only at `up`.
 */
export const WIREGUARD_APPLY = [
    "if systemctl is-active --quiet wg-quick@wg0; then",
    '  stripped="$(mktemp)"; wg-quick strip wg0 > "$stripped"; wg syncconf wg0 "$stripped"; rm -f "$stripped"',
    "  allowed=\"$(wg show wg0 allowed-ips | cut -f2 | tr ' ' '\\n' | grep -v '^(none)$' | sort -u || true)\"",
    '  for cidr in $allowed; do ip -4 route replace "$cidr" dev wg0; done',
    "  ip -4 route show dev wg0 | awk '$0 !~ /proto kernel/ {print $1}' | while read -r dest; do",
    '    case "$dest" in */*) ;; *) dest="$dest/32" ;; esac',
    '    printf "%s\\n" "$allowed" | grep -qxF "$dest" || ip -4 route del "$dest" dev wg0',
    "  done",
    "else",
    // The tunnel is down (a first boot whose start failed, a crash): bring it up with the new file.
    "  systemctl restart wg-quick@wg0",
    "fi",
];

/** PKCS#8 header of an X25519 private key; the 32 key bytes follow it. */
const X25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");

/** The WireGuard public key (base64) of a private key (base64 of 32 bytes), as `wg pubkey` derives it. */
export function wireguardPublicKey(privateKeyBase64: string): string {
    const raw = Buffer.from(privateKeyBase64, "base64");
    if (raw.length !== 32) {
        throw new RangeError(`a WireGuard private key is 32 bytes; got ${raw.length}`);
    }
    const privateKey = createPrivateKey({
        key: Buffer.concat([X25519_PKCS8_PREFIX, raw]),
        format: "der",
        type: "pkcs8",
    });
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
