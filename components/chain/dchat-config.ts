/**
 * The dchat node's configuration file (`--config`, TOML). dchat's Config has no serde defaults, so a
 * file that exists must carry every section and key below, or the node refuses to start; a missing
 * file silently means built-in defaults. Keys and types as dchat's config/*.toml use them. Pure.
 */

type KeyType = "string" | "string[]" | "integer" | "float" | "boolean";

interface KeySpec {
    readonly type: KeyType;
    /** Exclusive lower bound dchat's validation enforces. */
    readonly above?: number;
    /** Inclusive upper bound. */
    readonly atMost?: number;
}

/** Every section and key dchat requires, with the bounds its validation checks. */
export const DCHAT_CONFIG_SCHEMA = {
    network: {
        listen_addresses: { type: "string[]" },
        bootstrap_peers: { type: "string[]" },
        max_connections: { type: "integer", above: 0 },
        connection_timeout_ms: { type: "integer", above: 0 },
        enable_mdns: { type: "boolean" },
        enable_upnp: { type: "boolean" },
    },
    storage: {
        data_dir: { type: "string" },
        max_message_cache_size: { type: "integer" },
        message_retention_days: { type: "integer" },
        enable_backup: { type: "boolean" },
        backup_interval_hours: { type: "integer" },
        db_pool_size: { type: "integer" },
        db_connection_timeout_secs: { type: "integer" },
        db_idle_timeout_secs: { type: "integer" },
        db_max_lifetime_secs: { type: "integer" },
        db_enable_wal: { type: "boolean" },
    },
    crypto: {
        key_rotation_interval_hours: { type: "integer", above: 0 },
        max_messages_per_key: { type: "integer" },
        enable_post_quantum: { type: "boolean" },
        noise_protocol_pattern: { type: "string" },
    },
    governance: {
        voting_period_hours: { type: "integer" },
        minimum_stake_for_proposal: { type: "integer" },
        quorum_threshold: { type: "float", above: 0, atMost: 1 },
        enable_anonymous_voting: { type: "boolean" },
    },
    relay: {
        enable_relay: { type: "boolean" },
        max_relay_connections: { type: "integer" },
        relay_reward_threshold: { type: "integer" },
        uptime_reporting_interval_minutes: { type: "integer" },
        stake_amount: { type: "integer" },
    },
} as const satisfies Record<string, Record<string, KeySpec>>;

type Schema = typeof DCHAT_CONFIG_SCHEMA;
type ValueOf<T extends KeyType> = T extends "string"
    ? string
    : T extends "string[]"
      ? readonly string[]
      : T extends "boolean"
        ? boolean
        : number;

/** A complete configuration: the type system already refuses a missing key. */
export type DchatConfig = {
    readonly [S in keyof Schema]: {
        readonly [K in keyof Schema[S]]: ValueOf<
            Schema[S][K] extends { type: infer T extends KeyType } ? T : never
        >;
    };
};

function tomlValue(value: unknown, type: KeyType): string {
    if (type === "string[]")
        return `[${(value as readonly string[]).map((v) => JSON.stringify(v)).join(", ")}]`;
    if (type === "string") return JSON.stringify(value);
    if (type === "float") {
        const n = value as number;
        return Number.isInteger(n) ? n.toFixed(1) : String(n);
    }
    if (type === "integer" && !Number.isInteger(value))
        throw new Error(`${String(value)} is not an integer`);
    return String(value);
}

/**
 * Problems of `config` against the schema (missing section or key, wrong type, out of bounds);
 * works on parsed TOML too, so tests can check the rendered file.
 */
export function configProblems(config: Record<string, unknown>): string[] {
    const problems: string[] = [];
    for (const [section, keys] of Object.entries(DCHAT_CONFIG_SCHEMA)) {
        const table = config[section] as Record<string, unknown> | undefined;
        if (!table || typeof table !== "object") {
            problems.push(`missing section [${section}]`);
            continue;
        }
        for (const [key, spec] of Object.entries(keys) as [string, KeySpec][]) {
            const value = table[key];
            const where = `${section}.${key}`;
            const typeOk =
                spec.type === "string[]"
                    ? Array.isArray(value) && value.every((v) => typeof v === "string")
                    : spec.type === "string"
                      ? typeof value === "string"
                      : spec.type === "boolean"
                        ? typeof value === "boolean"
                        : spec.type === "integer"
                          ? (typeof value === "number" && Number.isInteger(value)) ||
                            typeof value === "bigint"
                          : typeof value === "number";
            if (!typeOk) {
                problems.push(
                    value === undefined ? `missing ${where}` : `${where} must be ${spec.type}`,
                );
                continue;
            }
            const n = Number(value);
            if (spec.above !== undefined && !(n > spec.above))
                problems.push(`${where} must be > ${spec.above}`);
            if (spec.atMost !== undefined && !(n <= spec.atMost))
                problems.push(`${where} must be ≤ ${spec.atMost}`);
        }
    }
    return problems;
}

/** The TOML file, sections and keys in the schema's order; throws on a value dchat would refuse. */
export function renderDchatConfig(config: DchatConfig): string {
    const problems = configProblems(config as unknown as Record<string, unknown>);
    if (problems.length > 0) throw new Error(`dchat config: ${problems.join("; ")}`);
    const lines = [
        "# Rendered by the stack (components/chain/dchat-config.ts); dchat requires every key.",
    ];
    for (const [section, keys] of Object.entries(DCHAT_CONFIG_SCHEMA)) {
        lines.push("", `[${section}]`);
        const table = (config as unknown as Record<string, Record<string, unknown>>)[section]!;
        for (const [key, spec] of Object.entries(keys) as [string, KeySpec][]) {
            lines.push(`${key} = ${tomlValue(table[key], spec.type)}`);
        }
    }
    return lines.join("\n") + "\n";
}
