/**
 * Each secret is readable only by what needs it: the privilege model (lib/privileges.ts) computes who
 * can read each secret, and this policy holds it to the readers declared here (the policy's own
 * allow-list, not the program's), in both directions: an undeclared reader is a leak, a declared
 * reader that cannot read is a broken service.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { stackPolicy } from "../lib/exemptions";
import { secretReaders } from "../lib/privileges";
import { known } from "../lib/values";

export interface ReaderRule {
    /** Regular expression over the secret's name; its groups fill `$1`… in `readers`. */
    readonly secret: string;
    /** Regular expressions over the names of the roles that must, and alone may, read it. */
    readonly readers: readonly string[];
}

const DEFAULTS = {
    rules: [
        { secret: "/wireguard/hub-private-key$", readers: ["-wireguard$"] },
        { secret: "/validators/(validator-\\d+)$", readers: ["-$1$"] },
        { secret: "/redis/auth-token$", readers: ["-app$", "-monitoring-redis-exporter$"] },
        { secret: "/alerting/[a-z-]+$", readers: ["-monitoring-alertmanager$"] },
        // The RDS-managed master credentials: the API, and the Job that creates the tools' own users.
        { secret: "^rds!db-", readers: ["-app$", "-database-users$"] },
        // Each tool's own PostgreSQL user: the tool, and the Job that sets its password.
        {
            secret: "/postgres/metrics_reader$",
            readers: ["-monitoring-postgres-exporter$", "-database-users$"],
        },
        { secret: "/postgres/dump_reader$", readers: ["-backup-postgres$", "-database-users$"] },
    ] as ReaderRule[],
};

export const secretsReadOnlyByOwners: StackValidationPolicy = stackPolicy({
    name: "secrets-read-only-by-owners",
    description:
        "Each Secrets Manager secret and SecureString parameter is readable (fetch and decrypt, managed policies included) by exactly the roles declared for it; the hub's key by the hub, each validator's key by that validator.",
    severity: "critical",
    configSchema: {
        properties: {
            rules: {
                type: "array",
                default: DEFAULTS.rules,
                items: {
                    type: "object",
                    properties: {
                        secret: { type: "string" },
                        readers: { type: "array", items: { type: "string" } },
                    },
                    required: ["secret", "readers"],
                },
            },
        },
    },
    validateStack: (args, report) => {
        const { rules } = configOf(args, DEFAULTS);
        const roleNames = args.resources
            .filter((r) => r.type === "aws:iam/role:Role")
            .map((r) => String(known(() => r.props.name) ?? r.name));
        for (const { secret, readers } of secretReaders(args.resources)) {
            const rule = rules
                .map((r) => ({ r, match: new RegExp(r.secret).exec(secret.name) }))
                .find((x) => x.match);
            if (!rule) {
                report(
                    `secret ${secret.name} has no declared readers; readable by: ${readers.map((p) => p.name).join(", ") || "nobody"}`,
                    secret.resource.urn,
                );
                continue;
            }
            const expected = rule.r.readers.map(
                (pattern) =>
                    new RegExp(
                        pattern.replace(/\$(\d)/g, (_, i: string) =>
                            rule.match![Number(i)]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
                        ),
                    ),
            );
            for (const reader of readers.filter((p) => !expected.some((e) => e.test(p.name)))) {
                report(
                    `role ${reader.name} can read secret ${secret.name}, which only ${rule.r.readers.join(", ")} may`,
                    secret.resource.urn,
                );
            }
            // A declared reader the stack has (the first up of an empty account has no workloads' roles) must be able to read.
            for (const role of roleNames.filter(
                (n) => expected.some((e) => e.test(n)) && !readers.some((p) => p.name === n),
            )) {
                report(
                    `role ${role} cannot read secret ${secret.name}, which it needs`,
                    secret.resource.urn,
                );
            }
        }
    },
});
