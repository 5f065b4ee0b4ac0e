/**
 * The configuration documented once: Pulumi.yaml's `config:` block and the README's configuration
 * reference, both rendered from the schema (`CONFIG_KEYS`) and the stack files' values. `npm run
 * tables -- --write` writes them; tests fail when either is stale. Pure.
 */
import { stringify } from "yaml";
import { AWS_CONFIG_DOCS, ConfigKeyDefinition } from "./schema";

/** Pulumi.yaml's `config:` entries (indented two spaces), in the schema's order. */
export function pulumiConfigBlock(keys: Readonly<Record<string, ConfigKeyDefinition>>): string {
    const lines: string[] = [];
    for (const [key, def] of Object.entries(keys)) {
        lines.push(`  ${key}:`);
        if (def.type === "object-array") {
            lines.push(
                "    # A list of objects: project config types cover only scalars and lists of scalars, so the key is",
                "    # declared untyped and config/schema.ts validates it.",
            );
        } else if (def.type === "array") {
            lines.push("    type: array", "    items:", "      type: string");
        } else {
            lines.push(`    type: ${def.type}`);
        }
        lines.push(`    description: ${JSON.stringify(def.description)}`);
    }
    return lines.join("\n");
}

/**
 * A stack file's value as the reference shows it: lists inline, objects by name, absent as "—", and a
 * string quoted where YAML needs the quotes to read it as a string ("17", "#channel").
 */
export function displayValue(value: unknown): string {
    if (value === undefined || value === null) return "—";
    if (typeof value === "string") return stringify(value).trim().replace(/\|/g, "\\|");
    if (Array.isArray(value)) {
        return value.length > 0 &&
            value.every((v) => typeof v === "object" && v !== null && "name" in v)
            ? value.map((v) => String((v as { name: unknown }).name)).join(", ")
            : `[${value.map(String).join(", ")}]`;
    }
    return String(value).replace(/\|/g, "\\|");
}

/** The README's reference table: key, type, each stack's value, the rule. */
export function configReferenceTable(
    keys: Readonly<Record<string, ConfigKeyDefinition>>,
    project: string,
    stacks: Readonly<Record<"staging" | "prod", Readonly<Record<string, unknown>>>>,
): string {
    const row = (key: string, type: string, configKey: string, rule: string) =>
        `| \`${key}\` | ${type} | ${displayValue(stacks.staging[configKey])} | ${displayValue(stacks.prod[configKey])} | ${rule} |`;
    return [
        "<!-- config-reference:begin (generated: npm run -s tables) -->",
        "| key | type | staging | prod | rule |",
        "|---|---|---|---|---|",
        ...Object.entries(AWS_CONFIG_DOCS).map(([key, doc]) => row(key, doc.type, key, doc.rule)),
        ...Object.entries(keys).map(([key, def]) =>
            row(key, def.type, `${project}:${key}`, def.rule),
        ),
        "<!-- config-reference:end -->",
    ].join("\n");
}

/** Pulumi.yaml's text with its generated `config:` entries (between the config markers) rendered from `keys`. */
export function withConfigBlock(
    project: string,
    keys: Readonly<Record<string, ConfigKeyDefinition>>,
): string {
    const begin = "  # config:begin (generated: npm run -s tables)";
    const end = "  # config:end";
    const from = project.indexOf(begin);
    const to = project.indexOf(end);
    if (from < 0 || to < from) throw new Error(`Pulumi.yaml has no ${begin} … ${end} block`);
    return `${project.slice(0, from)}${begin}\n${pulumiConfigBlock(keys)}\n${project.slice(to)}`;
}
