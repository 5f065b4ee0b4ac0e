/**
 * The plan diff as a pull-request comment that fits GitHub (a comment holds at most 65,536
 * characters, and the plan report shares it): "Review first" always whole, grouped so one cause is
 * one row; long values as size and hash (the full report is the workflow's artifact); resource
 * details folded and cut at the budget, tag-only changes in one line. Pure.
 */
import { createHash } from "crypto";
import { money } from "../markdown";
import { PlanDiff } from "./diff";
import { Finding } from "./findings";

/** Characters the diff may use; the plan report (about 10,000) and a marker share the comment. */
export const DIFF_BUDGET = 45_000;
const LONG_VALUE = 100;

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A value as a table cell: short values as written, long ones as size, hash and (multi-line) line count. */
export function showValue(value: unknown): string {
    if (value === undefined) return "—";
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (text.length <= LONG_VALUE && !text.includes("\n")) return text;
    const lines = text.split("\n").length;
    return `‹${text.length.toLocaleString("en-US")} chars${lines > 1 ? `, ${lines} lines` : ""}, sha256 ${createHash("sha256").update(text).digest("hex").slice(0, 12)}›`;
}

/** Lines only in `after` and only in `before` of two multi-line strings. */
function lineDelta(before: unknown, after: unknown): string {
    if (
        typeof before !== "string" ||
        typeof after !== "string" ||
        !(before.includes("\n") || after.includes("\n"))
    )
        return "";
    const b = before.split("\n");
    const a = after.split("\n");
    const added = a.filter((line) => !b.includes(line)).length;
    const removed = b.filter((line) => !a.includes(line)).length;
    return ` (+${added} −${removed} lines)`;
}

/** Rows with the same area and reason become one row naming every resource. */
function grouped(
    findings: readonly Finding[],
): { area: string; subjects: string[]; why: string }[] {
    const rows = new Map<string, { area: string; subjects: string[]; why: string }>();
    for (const f of findings) {
        const k = `${f.area}\u0000${f.why}`;
        const row = rows.get(k) ?? { area: f.area, subjects: [], why: f.why };
        row.subjects.push(...f.subjects.filter((s) => !row.subjects.includes(s)));
        rows.set(k, row);
    }
    return [...rows.values()];
}

const names = (subjects: readonly string[]) =>
    `${subjects
        .slice(0, 4)
        .map((s) => `\`${s}\``)
        .join(", ")}${subjects.length > 4 ? ` and ${subjects.length - 4} more` : ""}`;

function signed(n: number, currency: string): string {
    return `${n >= 0 ? "+" : "−"}${money(Math.abs(n), currency)}`;
}

export function costHeadline(diff: PlanDiff): string {
    const { delta, pricedDelta, unpriced, currency } = diff.cost;
    return delta !== undefined
        ? signed(delta, currency)
        : `unknown (${signed(pricedDelta, currency)} priced, ${unpriced.length} changed resource(s) without a price)`;
}

export function renderDiffMarkdown(
    diff: PlanDiff,
    options: { readonly title?: string; readonly budget?: number; readonly artifact?: string } = {},
): string {
    const budget = options.budget ?? DIFF_BUDGET;
    const resources = diff.resources;
    const counts = (kind: string) => resources.filter((r) => r.kind === kind).length;
    const replaced = resources.filter((r) => r.replacement);
    const cosmetic = resources.filter((r) => r.cosmetic);
    const rows = grouped(diff.findings);
    const head: string[] = [
        `## ${options.title ?? "Plan diff"}`,
        "",
        `**${counts("added")} to add, ${counts("changed")} to change (${replaced.length} replaced), ${counts("removed")} to delete** · monthly cost ${costHeadline(diff)}`,
        "",
        "### Review first",
        "",
        ...(rows.length === 0
            ? [
                  "Nothing to review first: no stateful or serving resource is deleted or replaced, no protection is switched off, no access is widened, no policy violation is new.",
              ]
            : [
                  "| area | resources | why |",
                  "|---|---|---|",
                  ...rows.map((r) => `| ${r.area} | ${names(r.subjects)} | ${cell(r.why)} |`),
              ]),
        ...(cosmetic.length > 0
            ? [
                  "",
                  `${cosmetic.length} resource(s) change only tags or descriptions: ${names(cosmetic.map((r) => r.name))}.`,
              ]
            : []),
        "",
    ];
    const tail: string[] = [
        "",
        "### Monthly cost",
        "",
        "| before | after | delta |",
        "|---:|---:|---:|",
        `| ${money(diff.cost.before.monthlyUsd, diff.cost.currency)}${diff.cost.before.unknown.length ? ` + ${diff.cost.before.unknown.length} unpriced` : ""} | ${money(diff.cost.after.monthlyUsd, diff.cost.currency)}${diff.cost.after.unknown.length ? ` + ${diff.cost.after.unknown.length} unpriced` : ""} | ${costHeadline(diff)} |`,
        "",
        `${diff.cost.after.label}.${diff.cost.unpriced.length ? ` Without a price: ${names(diff.cost.unpriced.map((u) => u.slice(u.lastIndexOf("::") + 2)))}.` : ""}`,
    ];
    // Details of resources named in Review first come first; tag-only changes are not detailed.
    const flagged = new Set(diff.findings.map((f) => f.urn));
    const detailed = resources
        .filter((r) => !r.cosmetic)
        .sort((a, b) => Number(flagged.has(b.urn)) - Number(flagged.has(a.urn)));
    const body: string[] = ["### Changes", ""];
    let used = [...head, ...tail].join("\n").length + 400;
    let shown = 0;
    for (const r of detailed) {
        const block = [
            `<details><summary>${r.kind === "added" ? "➕" : r.kind === "removed" ? "➖" : r.replacement ? "🔁" : "✏️"} ${r.kind}${r.replacement ? (r.deleteFirst ? " (replacement, delete first)" : " (replacement)") : ""}: <code>${r.name}</code> (${r.type})</summary>`,
            "",
            "| property | before | after |",
            "|---|---|---|",
            ...r.changes.map(
                (c) =>
                    `| ${c.forcesReplacement ? "🔁 " : ""}\`${c.path}\`${lineDelta(c.before, c.after)} | ${cell(showValue(c.before))} | ${cell(showValue(c.after))} |`,
            ),
            "",
            "</details>",
            "",
        ].join("\n");
        if (used + block.length > budget) break;
        body.push(block);
        used += block.length + 1;
        shown++;
    }
    if (detailed.length === 0) body.push("No resource changes.", "");
    if (shown < detailed.length) {
        body.push(
            `… ${detailed.length - shown} more changed resource(s) are in the full report${options.artifact ? ` (artifact \`${options.artifact}\`)` : ""}.`,
            "",
        );
    }
    return `${[...head, ...body, ...tail].join("\n")}\n`;
}
