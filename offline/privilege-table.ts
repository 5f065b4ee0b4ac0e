/**
 * The README's table of who can read which secret, generated from the privilege model over a plan,
 * so a reviewer sees a change in it. Names lose the stack's prefix so the table reads for any stack.
 */
import { secretReaders } from "../policies/lib/privileges";
import { PolicySubject, stackArgs } from "./policy-runner";

export const TABLE_BEGIN = "<!-- secret-readers:begin (generated: npm run -s tables) -->";
export const TABLE_END = "<!-- secret-readers:end -->";

export function secretReadersTable(subjects: readonly PolicySubject[], prefix: string): string {
    const strip = (name: string) => name.split(prefix).join("<prefix>");
    const rows = secretReaders(stackArgs(subjects).resources)
        .map(({ secret, readers }) => `| \`${strip(secret.name)}\` | ${secret.kind === "ssm" ? "SSM SecureString" : "Secrets Manager"} | ${readers.map((r) => `\`${strip(r.name)}\``).sort().join(", ") || "nobody"} |`)
        .sort();
    return [TABLE_BEGIN, "| secret | kind | roles that can read it (fetch and decrypt) |", "|---|---|---|", ...rows, TABLE_END].join("\n");
}
