/**
 * How a dchat node starts on the cluster: its command line (global options before the subcommand),
 * its configuration file and the few environment variables it reads. Facts from
 * github.com/chikuno/dchat (src/main.rs, Dockerfile, config/*.toml); tests check the result against
 * the grammar in dchat-cli.ts. Pure.
 */
import { listenerOf, Listener } from "../../topology/ports";
import { DchatConfig, renderDchatConfig } from "./dchat-config";
import { RELAY, relayPodHost, serviceHost, validatorPodHost } from "./names";

/** The image's user (Dockerfile: `dchat`, uid 1000), so it owns what it writes on the volumes. */
export const NODE_USER = 1000;

/** Mount points: the image's data and configuration directories, and the memory volume of the key. */
export const NODE_PATHS = {
    data: "/var/lib/dchat/data",
    config: "/var/lib/dchat/config",
    keys: "/var/lib/dchat/keys",
} as const;
export const CONFIG_FILE = "dchat.toml";
export const KEY_FILE = "validator.key";

/** RUST_LOG overrides --log-level and the image sets it, so both are set from this one value. */
const LOG_LEVEL = "info";

/** Stakes: the validator's is dchat's default; the relay's matches dchat's own relay configuration. */
export const STAKE = { validator: 10000, relay: 5000 } as const;

export type NodeRole = "validator" | "relay";

export interface NodeTopology {
    readonly validators: number;
    readonly relays: number;
    readonly listeners: readonly Listener[];
}

const port = (role: NodeRole, name: string, listeners: readonly Listener[]) =>
    listenerOf(role, name, listeners).port;

/** `/dns4/<pod>/tcp/<p2p>` of every node but `self`: libp2p takes multiaddrs, and a hostname under /ip4 is invalid. */
export function p2pPeers(topology: NodeTopology, self?: string): string[] {
    const validators = Array.from(
        { length: topology.validators },
        (_, i) =>
            `/dns4/${validatorPodHost(i)}/tcp/${port("validator", "p2p", topology.listeners)}`,
    );
    const relays = Array.from(
        { length: topology.relays },
        (_, i) => `/dns4/${relayPodHost(i)}/tcp/${port("relay", "p2p", topology.listeners)}`,
    );
    return [...validators, ...relays].filter(
        (peer) => self === undefined || !peer.startsWith(`/dns4/${self}/`),
    );
}

/**
 * Validators' required --chain-rpc: the relays' HTTP server, the same endpoint Nginx's /rpc/ reaches
 * through the NLB. dchat only logs this URL today; it must still name something that exists.
 */
export function chainRpcUrl(listeners: readonly Listener[]): string {
    return `http://${serviceHost(RELAY)}:${port("relay", "health", listeners)}`;
}

/** Options of the top-level command: clap accepts them only before the subcommand. */
function globalArgs(role: NodeRole, listeners: readonly Listener[]): string[] {
    return [
        "--config",
        `${NODE_PATHS.config}/${CONFIG_FILE}`,
        "--log-level",
        LOG_LEVEL,
        // The default 127.0.0.1:9090 is unreachable from Prometheus' pod.
        "--metrics-addr",
        `0.0.0.0:${port(role, "metrics", listeners)}`,
        "--health-addr",
        `0.0.0.0:${port(role, "health", listeners)}`,
    ];
}

/** The container's args (the image's entrypoint is the dchat binary). */
export function validatorArgs(topology: NodeTopology): string[] {
    return [
        ...globalArgs("validator", topology.listeners),
        "validator",
        "--key",
        `${NODE_PATHS.keys}/${KEY_FILE}`,
        "--chain-rpc",
        chainRpcUrl(topology.listeners),
        "--stake",
        String(STAKE.validator),
        // Every validator of the 3f+1 set proposes in turn; without it none produces blocks.
        "--producer",
    ];
}

/** Relays share one pod template, so each one's --bootstrap list includes itself; libp2p refuses a dial to its own peer id. */
export function relayArgs(topology: NodeTopology): string[] {
    return [
        ...globalArgs("relay", topology.listeners),
        "relay",
        "--listen",
        `0.0.0.0:${port("relay", "p2p", topology.listeners)}`,
        ...p2pPeers(topology).flatMap((peer) => ["--bootstrap", peer]),
        "--stake",
        String(STAKE.relay),
    ];
}

/** Only variables dchat reads; never DCHAT_RELAY_ID (it dials compose's hard-coded relay names). */
export function nodeEnv(): { name: string; value: string }[] {
    return [
        { name: "RUST_LOG", value: LOG_LEVEL },
        { name: "DCHAT_DATA_DIR", value: NODE_PATHS.data },
    ];
}

/** The node's configuration file; `self` (a pod's DNS name) is left out of its bootstrap peers. */
export function nodeConfig(role: NodeRole, topology: NodeTopology, self?: string): string {
    const config: DchatConfig = {
        network: {
            listen_addresses: [`/ip4/0.0.0.0/tcp/${port(role, "p2p", topology.listeners)}`],
            bootstrap_peers: p2pPeers(topology, self),
            max_connections: role === "relay" ? 200 : 100,
            connection_timeout_ms: 15000,
            // Peers are named above; multicast discovery and port mapping mean nothing inside a VPC.
            enable_mdns: false,
            enable_upnp: false,
        },
        storage: {
            data_dir: NODE_PATHS.data,
            max_message_cache_size: 50000,
            message_retention_days: 90,
            // Backups are the platform's VolumeSnapshots (components/backup-jobs), not the node's own copies.
            enable_backup: false,
            backup_interval_hours: 6,
            db_pool_size: 20,
            db_connection_timeout_secs: 30,
            db_idle_timeout_secs: 600,
            db_max_lifetime_secs: 1800,
            // WAL keeps the database consistent in a crash-consistent volume snapshot.
            db_enable_wal: true,
        },
        crypto: {
            key_rotation_interval_hours: 168,
            max_messages_per_key: 10000,
            enable_post_quantum: false,
            noise_protocol_pattern: "Noise_XX_25519_ChaChaPoly_BLAKE2s",
        },
        governance: {
            voting_period_hours: 168,
            minimum_stake_for_proposal: 1000,
            quorum_threshold: 0.1,
            enable_anonymous_voting: true,
        },
        relay: {
            enable_relay: role === "relay",
            max_relay_connections: 100,
            relay_reward_threshold: 100,
            uptime_reporting_interval_minutes: 10,
            stake_amount: STAKE.relay,
        },
    };
    return renderDchatConfig(config);
}
