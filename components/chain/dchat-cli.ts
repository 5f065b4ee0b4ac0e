/**
 * dchat's command line as data, and a parser that accepts exactly what its clap definition accepts
 * (github.com/chikuno/dchat, src/main.rs at e08389612b2527e1ba035ee5277696c62665a257). The builders
 * never read this grammar: tests check what the builders produce against it, so a guessed flag fails.
 * Pure. Re-read src/main.rs when the pinned node version changes.
 */

/** What an option's value must look like once dchat parses it further (clap itself takes strings). */
export type ValueKind =
    "path" | "level" | "socketAddr" | "hostPort" | "url" | "u64" | "multiaddr" | "string";

export interface OptionSpec {
    readonly long: string;
    readonly short?: string;
    /** False for flags (clap SetTrue: `--flag=x` is an error). */
    readonly value: ValueKind | false;
    readonly required?: boolean;
    /** clap `Vec<_>` (Append); any other option given twice is an error. */
    readonly repeatable?: boolean;
}

export interface CommandSpec {
    readonly options: readonly OptionSpec[];
    /** False for subcommands whose options this grammar does not model (the platform never runs them). */
    readonly modeled: boolean;
}

/**
 * Options of the top-level `Cli` struct. They are not `global = true`, so clap accepts them only
 * before the subcommand.
 */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
    { long: "config", short: "c", value: "path" },
    { long: "log-level", short: "l", value: "level" },
    { long: "json-logs", value: false },
    { long: "metrics-addr", value: "socketAddr" },
    { long: "health-addr", value: "socketAddr" },
];

const unmodeled: CommandSpec = { options: [], modeled: false };

export const SUBCOMMANDS: Readonly<Record<string, CommandSpec>> = {
    validator: {
        modeled: true,
        options: [
            { long: "key", value: "path", required: true },
            { long: "chain-rpc", value: "url", required: true },
            // Makes the node ignore --key and generate a random key: never wanted here, but it exists.
            { long: "hsm", value: false },
            { long: "stake", value: "u64" },
            { long: "producer", value: false },
        ],
    },
    relay: {
        modeled: true,
        options: [
            { long: "listen", value: "hostPort" },
            { long: "bootstrap", value: "multiaddr", repeatable: true },
            { long: "hsm", value: false },
            { long: "kms-key-id", value: "string" },
            { long: "stake", value: "u64" },
        ],
    },
    health: { modeled: true, options: [{ long: "url", value: "url" }] },
    user: unmodeled,
    testnet: unmodeled,
    keygen: unmodeled,
    account: unmodeled,
    database: unmodeled,
    bot: unmodeled,
    marketplace: unmodeled,
    accessibility: unmodeled,
    chaos: unmodeled,
    governance: unmodeled,
    token: unmodeled,
    update: unmodeled,
};

/** Environment variables src/main.rs reads (the DCHAT_* ones only when a config file exists). */
export const READ_ENV = [
    "RUST_LOG",
    "DCHAT_LISTEN_ADDR",
    "DCHAT_BOOTSTRAP_PEERS",
    "DCHAT_DATA_DIR",
    "DCHAT_MAX_CONNECTIONS",
] as const;

/** Read, but harmful here: the relay then dials compose's hard-coded dchat-relay{1,2,3} names. */
export const FORBIDDEN_ENV: Readonly<Record<string, string>> = {
    DCHAT_RELAY_ID: "makes the relay dial the hard-coded names dchat-relay1..3",
};

export interface ParsedCommand {
    readonly global: Readonly<Record<string, readonly string[]>>;
    readonly subcommand: string;
    readonly options: Readonly<Record<string, readonly string[]>>;
}

const LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const IPV4 = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}";
const PORT = "([1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])";

/** `/ip4/<address>/tcp/<port>` or `/dns4|dns6|dns/<name>/tcp/<port>`, optionally `/p2p/<id>`; a hostname under /ip4 is invalid. */
export function isMultiaddr(text: string): boolean {
    const host = `(/ip4/${IPV4}|/dns[46]?/${LABEL}(\\.${LABEL})*)`;
    return new RegExp(
        `^${host}/(tcp/${PORT}|udp/${PORT}/quic-v1)(/p2p/[1-9A-HJ-NP-Za-km-z]+)?$`,
        "i",
    ).test(text);
}

const VALUE_CHECKS: Record<ValueKind, (v: string) => boolean> = {
    path: (v) => v.length > 0,
    level: (v) => ["trace", "debug", "info", "warn", "error"].includes(v),
    // Rust's SocketAddr parser: an IP literal and a port, never a hostname.
    socketAddr: (v) => new RegExp(`^(${IPV4}|\\[[0-9a-f:]+\\]):${PORT}$`, "i").test(v),
    hostPort: (v) => new RegExp(`^(${IPV4}|${LABEL}(\\.${LABEL})*):${PORT}$`, "i").test(v),
    url: (v) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v),
    u64: (v) => /^\d{1,20}$/.test(v) && BigInt(v) <= 18446744073709551615n,
    multiaddr: isMultiaddr,
    string: (v) => v.length > 0,
};

function findOption(options: readonly OptionSpec[], token: string): OptionSpec | undefined {
    if (token.startsWith("--")) return options.find((o) => o.long === token.slice(2).split("=")[0]);
    return options.find((o) => o.short !== undefined && o.short === token[1]);
}

/**
 * Parses `args` (what follows the entrypoint) as clap would for dchat; throws an Error naming the
 * first problem. Supports `--opt value`, `--opt=value`, `-c value` and `-cvalue`.
 */
export function parseDchatArgs(args: readonly string[]): ParsedCommand {
    const global: Record<string, string[]> = {};
    const options: Record<string, string[]> = {};
    let i = 0;
    const take = (
        specs: readonly OptionSpec[],
        into: Record<string, string[]>,
        where: string,
    ): boolean => {
        const token = args[i]!;
        if (!token.startsWith("-") || token === "-" || token === "--") return false;
        const spec = findOption(specs, token);
        if (!spec) {
            const isGlobal = where !== "before the subcommand" && findOption(GLOBAL_OPTIONS, token);
            throw new Error(
                isGlobal
                    ? `${token} is a global option: it must come before the subcommand (clap: unexpected argument)`
                    : `unexpected argument ${token} ${where}`,
            );
        }
        let value: string | undefined;
        const inline = token.startsWith("--")
            ? token.includes("=")
                ? token.slice(token.indexOf("=") + 1)
                : undefined
            : token.length > 2
              ? token.slice(2)
              : undefined;
        if (spec.value === false) {
            if (inline !== undefined)
                throw new Error(`--${spec.long} is a flag and takes no value (got "${inline}")`);
            value = "true";
        } else {
            value = inline ?? args[++i];
            if (value === undefined) throw new Error(`--${spec.long} needs a value`);
            if (!VALUE_CHECKS[spec.value](value))
                throw new Error(`--${spec.long}: "${value}" is not a valid ${spec.value}`);
        }
        if (into[spec.long] && !spec.repeatable)
            throw new Error(`--${spec.long} cannot be used multiple times`);
        (into[spec.long] ??= []).push(value);
        i++;
        return true;
    };
    while (i < args.length && take(GLOBAL_OPTIONS, global, "before the subcommand"));
    const subcommand = args[i];
    if (subcommand === undefined) throw new Error("no subcommand");
    const command = SUBCOMMANDS[subcommand];
    if (!command) throw new Error(`unrecognized subcommand "${subcommand}"`);
    if (!command.modeled)
        throw new Error(
            `subcommand "${subcommand}" exists, but this grammar does not model its options`,
        );
    i++;
    while (i < args.length) {
        if (!take(command.options, options, `for subcommand ${subcommand}`))
            throw new Error(
                `unexpected positional argument "${args[i]}" for subcommand ${subcommand}`,
            );
    }
    for (const required of command.options.filter((o) => o.required)) {
        if (!options[required.long])
            throw new Error(`subcommand ${subcommand} requires --${required.long}`);
    }
    return { global, subcommand, options };
}
