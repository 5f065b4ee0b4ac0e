/**
 * Renders `#cloud-config` user data. Pure: plain values in, YAML text out. User data never holds a
 * secret: servers fetch secrets at boot through their instance role (see `fetchSecretScript`).
 */
import { stringify } from "yaml";

export interface WriteFile {
    readonly path: string;
    readonly content: string;
    /** Octal mode. Default: "0644". */
    readonly permissions?: string;
    /** Default: "root:root". */
    readonly owner?: string;
    /** Write after packages are installed, so a package's own file does not replace it. Default: false. */
    readonly defer?: boolean;
}

export interface CloudConfig {
    readonly hostname: string;
    /** Debian/Ubuntu packages. */
    readonly packages: readonly string[];
    /** Snaps installed before the files are used (classic confinement). */
    readonly snaps?: readonly string[];
    readonly writeFiles: readonly WriteFile[];
    /** Commands run once at first boot, in order. */
    readonly runcmd: readonly (string | readonly string[])[];
}

export interface ServerBasics {
    readonly hostname: string;
    readonly nodeExporterPort: number;
    /** Keep sshd running (reachable only from the WireGuard hub). */
    readonly ssh: boolean;
}

/** What every server runs: updates, node_exporter on the port map's port, the AWS CLI, sshd off unless asked. */
export function baseConfig(basics: ServerBasics, own: Omit<CloudConfig, "hostname">): CloudConfig {
    return {
        hostname: basics.hostname,
        packages: ["prometheus-node-exporter", "jq", "unattended-upgrades", ...own.packages],
        snaps: ["aws-cli", ...(own.snaps ?? [])],
        writeFiles: [
            {
                path: "/etc/default/prometheus-node-exporter",
                content: `ARGS="--web.listen-address=:${basics.nodeExporterPort} --collector.systemd"\n`,
            },
            ...own.writeFiles,
        ],
        runcmd: [
            ["systemctl", "restart", "prometheus-node-exporter"],
            ...(basics.ssh ? [] : [["systemctl", "disable", "--now", "ssh.socket", "ssh.service"]]),
            ...own.runcmd,
        ],
    };
}

export function renderCloudConfig(config: CloudConfig): string {
    const document = {
        hostname: config.hostname,
        preserve_hostname: false,
        package_update: true,
        package_upgrade: true,
        packages: [...config.packages],
        ...(config.snaps && config.snaps.length > 0
            ? {
                  snap: {
                      commands: config.snaps.map((name) => ["snap", "install", name, "--classic"]),
                  },
              }
            : {}),
        write_files: config.writeFiles.map((f) => ({
            path: f.path,
            content: f.content,
            owner: f.owner ?? "root:root",
            permissions: f.permissions ?? "0644",
            ...(f.defer ? { defer: true } : {}),
        })),
        runcmd: config.runcmd.map((c) => (typeof c === "string" ? c : [...c])),
    };
    return `#cloud-config\n${stringify(document, { lineWidth: 0 })}`;
}

export interface SecretSource {
    readonly kind: "secretsmanager" | "ssm";
    /** Secret ARN or SSM parameter name. */
    readonly id: string;
    readonly region: string;
}

/**
 * Shell commands that write one Secrets Manager secret or SSM SecureString to a root-only file.
 * The secret travels from AWS to the file at boot; user data only names it.
 */
export function secretFetchCommands(source: SecretSource, target: string): string[] {
    const read =
        source.kind === "secretsmanager"
            ? `aws secretsmanager get-secret-value --region ${source.region} --secret-id '${source.id}' --query SecretString --output text`
            : `aws ssm get-parameter --region ${source.region} --name '${source.id}' --with-decryption --query Parameter.Value --output text`;
    return [
        `mkdir -p "$(dirname '${target}')"`,
        `${read} > '${target}.tmp'`,
        `mv '${target}.tmp' '${target}'`,
    ];
}

/** A strict POSIX shell script that creates files readable by root only. */
export function shellScript(lines: readonly string[]): string {
    return ["#!/bin/sh", "set -eu", "umask 077", ...lines, ""].join("\n");
}
