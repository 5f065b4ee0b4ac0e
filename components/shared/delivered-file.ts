/**
 * Configuration delivered, not baked: a file that routine changes touch (Nginx's upstreams, the
 * WireGuard peers) lives in an SSM parameter the stack updates in place; each server re-reads it on
 * a timer, checks the new file with the tool that reads it, swaps it in and reloads. A peer or an
 * upstream change then updates one parameter and replaces no instance. Pure but for `deliveredFile`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { WriteFile } from "./cloud-init";

/** Tag naming the file a parameter delivers: the offline plan lists its value as that rendered file. */
export const DELIVERED_FILE_TAG = "DeliveredFile";

/** Seconds between two reads of the parameter: the delay from `pulumi up` to a reloaded server. */
export const SYNC_INTERVAL_SECONDS = 60;

export interface SyncSpec {
    /** Short name of the file: script and unit names (platform-sync-<name>). */
    readonly name: string;
    readonly parameterName: string;
    readonly region: string;
    /** Absolute path of the live file. */
    readonly target: string;
    /** Where the candidate is written (same directory, so relative includes resolve alike). */
    readonly candidate: string;
    /** Octal mode of the live file. */
    readonly mode: string;
    /** Shell lines that exit non-zero when "$candidate" is not a valid file. */
    readonly check: readonly string[];
    /** Shell lines run after the swap, to make the running service use the new file. */
    readonly apply: readonly string[];
}

/**
 * The sync script: fetch the parameter (exact bytes, through jq), stop if it equals what was last
 * applied, check the candidate, swap it in atomically, apply, and only then record it as applied (a
 * failed apply is retried on the next run). A candidate that fails its check is left beside the live
 * file for the operator and the live file is kept. PLATFORM_SYNC_ROOT prefixes every path (tests).
 */
export function renderSyncScript(s: SyncSpec): string {
    return [
        "#!/bin/bash",
        // The path is where this kit first lived: the text is kept verbatim, since any change to it would
        // change every server's user data and so replace the load balancers and the WireGuard hub.
        `# Rendered by chain-platform (components/servers/delivered-file.ts): keeps ${s.target} equal to SSM ${s.parameterName}.`,
        "set -euo pipefail",
        'root="${PLATFORM_SYNC_ROOT:-}"',
        `target="$root${s.target}"`,
        `candidate="$root${s.candidate}"`,
        'applied="$target.applied"',
        "umask 077",
        `aws ssm get-parameter --region ${s.region} --name '${s.parameterName}' --output json | jq -j .Parameter.Value > "$candidate"`,
        '[ -s "$candidate" ] || { echo "empty parameter; keeping $target" >&2; exit 1; }',
        'if [ -f "$applied" ] && cmp -s "$candidate" "$applied"; then rm -f "$candidate"; exit 0; fi',
        'if [ -f "$target" ] && cmp -s "$candidate" "$target"; then',
        '  rm -f "$candidate"',
        "else",
        ...s.check.map(
            (line) =>
                `  ${line} || { echo "$candidate fails its check; keeping $target" >&2; exit 1; }`,
        ),
        `  chmod ${s.mode} "$candidate"`,
        '  mv -f "$candidate" "$target"',
        "fi",
        ...s.apply,
        'cp "$target" "$applied"',
        `echo "${s.target} updated from ${s.parameterName}"`,
        "",
    ].join("\n");
}

/** The script, a oneshot service and a timer that runs it every SYNC_INTERVAL_SECONDS. */
export function syncFiles(s: SyncSpec): WriteFile[] {
    const script = `/usr/local/bin/platform-sync-${s.name}`;
    return [
        { path: script, content: renderSyncScript(s), permissions: "0700" },
        {
            path: `/etc/systemd/system/platform-sync-${s.name}.service`,
            content: [
                "[Unit]",
                `Description=Update ${s.target} from SSM ${s.parameterName}`,
                "Wants=network-online.target",
                "After=network-online.target",
                "",
                "[Service]",
                "Type=oneshot",
                `ExecStart=${script}`,
                "",
            ].join("\n"),
        },
        {
            path: `/etc/systemd/system/platform-sync-${s.name}.timer`,
            content: [
                "[Unit]",
                `Description=Read SSM ${s.parameterName} every ${SYNC_INTERVAL_SECONDS} s`,
                "",
                "[Timer]",
                `OnBootSec=${SYNC_INTERVAL_SECONDS}`,
                `OnUnitActiveSec=${SYNC_INTERVAL_SECONDS}`,
                "AccuracySec=1s",
                "",
                "[Install]",
                "WantedBy=timers.target",
                "",
            ].join("\n"),
        },
    ];
}

/** First boot: load the units, write the file once now, then keep it current. */
export function syncBootCommands(name: string): string[][] {
    return [
        ["systemctl", "daemon-reload"],
        [`/usr/local/bin/platform-sync-${name}`],
        ["systemctl", "enable", "--now", `platform-sync-${name}.timer`],
    ];
}

export interface DeliveredFileArgs {
    /** SSM parameter name. */
    readonly parameterName: string;
    /** Absolute path of the file on the servers. */
    readonly path: string;
    readonly description: string;
    readonly content: pulumi.Input<string>;
    readonly tags?: Record<string, string>;
}

/**
 * The parameter that holds a delivered file: a String (these files hold no secret; the pack's
 * plaintext-secret policy checks it), Intelligent-Tiering so a file over 4 KB still fits.
 */
export function deliveredFile(
    name: string,
    args: DeliveredFileArgs,
    parent: pulumi.Resource,
): aws.ssm.Parameter {
    return new aws.ssm.Parameter(
        name,
        {
            name: args.parameterName,
            description: args.description,
            type: "String",
            tier: "Intelligent-Tiering",
            // `value` is always stored as a secret; these files are public, and reviewers must see their diff.
            insecureValue: args.content,
            tags: { ...args.tags, [DELIVERED_FILE_TAG]: args.path },
        },
        { parent },
    );
}
