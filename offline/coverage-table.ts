/**
 * The README's policy table and peer-coverage section, generated from the pack and from
 * policies/data/peer-checks.ts: each policy with the peer checks it covers, and every applicable peer
 * check with its policy, its reason for not applying, or its gap. Pure.
 */
import { PEER_CHECKS, PEER_SOURCES, PeerCheck, PeerTool } from "../policies/data/peer-checks";

export const POLICY_TABLE_BEGIN = "<!-- policies:begin (generated: npm run -s tables) -->";
export const POLICY_TABLE_END = "<!-- policies:end -->";
export const COVERAGE_BEGIN = "<!-- coverage:begin (generated: npm run -s tables) -->";
export const COVERAGE_END = "<!-- coverage:end -->";

const TOOLS: readonly PeerTool[] = ["checkov", "trivy", "kics"];
const TOOL_NAMES: Readonly<Record<PeerTool, string>> = {
    checkov: "Checkov",
    trivy: "trivy",
    kics: "KICS",
};
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One row per policy: what it checks and the peer checks it corresponds to (KICS by query name). */
export function policyTable(
    policies: readonly { readonly name: string; readonly description: string }[],
    checks: readonly PeerCheck[] = PEER_CHECKS,
): string {
    const of = (policy: string, tool: PeerTool) =>
        checks
            .filter((c) => c.tool === tool && c.policy === policy)
            .map((c) => (tool === "kics" ? c.title : c.id) + (c.partly ? " (partly)" : ""));
    const rows = policies.map(
        (p) =>
            `| \`${p.name}\` | ${cell(p.description)} | ${of(p.name, "checkov").join(", ") || "—"} | ${of(p.name, "trivy").join(", ") || "—"} | ${cell(of(p.name, "kics").join("; ")) || "—"} |`,
    );
    return [
        POLICY_TABLE_BEGIN,
        "| policy | checks | Checkov | trivy | KICS |",
        "|---|---|---|---|---|",
        ...rows,
        POLICY_TABLE_END,
    ].join("\n");
}

function verdict(c: PeerCheck): string {
    if (c.policy) return `\`${c.policy}\`${c.partly ? ` (partly: ${c.partly})` : ""}`;
    if (c.notApplicable) return `not applicable: ${c.notApplicable}`;
    return `**gap**: ${c.gap ?? "not covered"}`;
}

/** Per tool: counts, then every applicable check with its policy or reason (folded). */
export function coverageSection(checks: readonly PeerCheck[] = PEER_CHECKS): string {
    const blocks = TOOLS.flatMap((tool) => {
        const mine = checks.filter((c) => c.tool === tool);
        const covered = mine.filter((c) => c.policy);
        const summary = `${TOOL_NAMES[tool]}: ${mine.length} applicable checks — ${covered.length} covered by a policy (${covered.filter((c) => c.partly).length} partly), ${mine.filter((c) => c.notApplicable).length} not applicable, ${mine.filter((c) => !c.policy && !c.notApplicable).length} gaps (${PEER_SOURCES[tool]})`;
        return [
            `<details><summary>${summary}</summary>`,
            "",
            "| id | check | covered by, or why not |",
            "|---|---|---|",
            ...mine.map((c) => `| ${c.id} | ${cell(c.title)} | ${cell(verdict(c))} |`),
            "",
            "</details>",
            "",
        ];
    });
    return [COVERAGE_BEGIN, ...blocks, COVERAGE_END].join("\n");
}
