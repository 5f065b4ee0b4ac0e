/**
 * The README's tables generated from the models over a plan, so a reviewer sees a change in them: who
 * can read which secret (privilege model) and who reaches whom (flow model). Names lose the stack's
 * prefix so the tables read for any stack.
 */
import { alertGroups, AlertRule } from "../components/monitoring/rules";
import { renderRunbooks } from "../components/monitoring/runbooks";
import { SCENARIOS, STALE_BACKUPS } from "../components/monitoring/scenarios";
import { NEEDED_FLOWS } from "../policies/data/needed-flows";
import { NEEDED_POD_FLOWS } from "../policies/data/needed-pod-flows";
import { allowedFlows } from "../policies/lib/flow-model";
import { podFlows } from "../policies/lib/pod-flows";
import { principalSummaries, secretReaders } from "../policies/lib/privileges";
import { PolicySubject, stackArgs } from "./policy-runner";

export const TABLE_BEGIN = "<!-- secret-readers:begin (generated: npm run -s tables) -->";
export const TABLE_END = "<!-- secret-readers:end -->";
export const FLOWS_BEGIN = "<!-- flows:begin (generated: npm run -s tables) -->";
export const FLOWS_END = "<!-- flows:end -->";

/** Every flow the security groups allow, with the reasons the needed-flow list gives for its ports. */
export function flowTable(subjects: readonly PolicySubject[]): string {
    const rows = allowedFlows(stackArgs(subjects).resources).map((f) => {
        const ports =
            f.protocol === "all"
                ? "all"
                : f.fromPort === f.toPort
                  ? String(f.fromPort)
                  : `${f.fromPort}–${f.toPort}`;
        const why = NEEDED_FLOWS.filter(
            (n) =>
                n.from === f.from &&
                n.to === f.to &&
                (f.protocol === "all" || n.protocol === f.protocol) &&
                n.port >= f.fromPort &&
                n.port <= f.toPort,
        ).map((n) => n.why);
        return `| ${f.from} | ${f.to} | ${f.protocol} ${ports} | ${why.join("; ") || "**not needed**"} |`;
    });
    return [
        FLOWS_BEGIN,
        "| from | to | port | why |",
        "|---|---|---|---|",
        ...rows,
        FLOWS_END,
    ].join("\n");
}

export const POD_FLOWS_BEGIN = "<!-- pod-flows:begin (generated: npm run -s tables) -->";
export const POD_FLOWS_END = "<!-- pod-flows:end -->";

/** Every pod-to-pod flow the NetworkPolicies allow, with the reason the needed pod-flow list gives. */
export function podFlowTable(subjects: readonly PolicySubject[]): string {
    const rows = podFlows(stackArgs(subjects).resources).map((f) => {
        const why = NEEDED_POD_FLOWS.find(
            (n) =>
                n.from === f.from &&
                n.to === f.to &&
                n.protocol === f.protocol &&
                n.port === f.port,
        )?.why;
        return `| ${f.from} | ${f.to} | ${f.protocol} ${f.port} | ${why ?? "**not needed**"} |`;
    });
    return [
        POD_FLOWS_BEGIN,
        "| from pod | to pod | port | why |",
        "|---|---|---|---|",
        ...rows,
        POD_FLOWS_END,
    ].join("\n");
}

export function secretReadersTable(subjects: readonly PolicySubject[], prefix: string): string {
    const strip = (name: string) => name.split(prefix).join("<prefix>");
    const rows = secretReaders(stackArgs(subjects).resources)
        .map(
            ({ secret, readers }) =>
                `| \`${strip(secret.name)}\` | ${secret.kind === "ssm" ? "SSM SecureString" : "Secrets Manager"} | ${
                    readers
                        .map((r) => `\`${strip(r.name)}\``)
                        .sort()
                        .join(", ") || "nobody"
                } |`,
        )
        .sort();
    return [
        TABLE_BEGIN,
        "| secret | kind | roles that can read it (fetch and decrypt) |",
        "|---|---|---|",
        ...rows,
        TABLE_END,
    ].join("\n");
}

export const SCENARIOS_BEGIN = "<!-- scenarios:begin (generated: npm run -s tables) -->";
export const SCENARIOS_END = "<!-- scenarios:end -->";

const alertRules = (): AlertRule[] =>
    alertGroups()
        .flatMap((g) => g.rules)
        .filter((r): r is AlertRule => "alert" in r);

/** Failure, alerts fired (with severity), who is paged: criticals page (PagerDuty in prod) and go to Slack, warnings to Slack. */
export function scenarioTable(): string {
    const severity = new Map(alertRules().map((a) => [a.alert, a.labels.severity]));
    const rows = [...SCENARIOS, STALE_BACKUPS].map((s) => {
        const counts = new Map<string, number>();
        for (const f of s.fires) counts.set(f.alert, (counts.get(f.alert) ?? 0) + 1);
        const fired =
            [...counts]
                .map(([alert, n]) => `${alert}${n > 1 ? ` ×${n}` : ""} (${severity.get(alert)})`)
                .join(", ") || "only Watchdog";
        const critical = s.fires.some((f) => severity.get(f.alert) === "critical");
        const paged =
            s.fires.length === 0
                ? "nobody"
                : critical
                  ? "on-call paged (PagerDuty in prod), Slack"
                  : "Slack";
        return `| ${s.name} | ${fired} | ${paged}${s.note ? `; ${s.note}` : ""} |`;
    });
    return [
        SCENARIOS_BEGIN,
        "| failure | alerts fired (severity) | who hears |",
        "|---|---|---|",
        ...rows,
        "| Prometheus down | none can fire: the Watchdog's heartbeats stop | the external dead man's switch pages |",
        SCENARIOS_END,
    ].join("\n");
}

/** The runbook section for every alert. */
export function runbookSection(): string {
    return renderRunbooks(alertRules());
}

export const PRINCIPALS_BEGIN = "<!-- principals:begin (generated: npm run -s tables) -->";
export const PRINCIPALS_END = "<!-- principals:end -->";

/** What each principal may do: IAM roles (trust, inline grants, attached policies) and Kubernetes RBAC bindings. */
export function principalTable(subjects: readonly PolicySubject[], prefix: string): string {
    const strip = (text: string) => text.split(prefix).join("<prefix>").replace(/\|/g, "\\|");
    const rows = principalSummaries(stackArgs(subjects).resources).map(
        (p) =>
            `| ${strip(p.principal)} | ${strip(p.assumedBy) || "—"} | ${p.grants.map((g) => strip(g)).join("<br>") || "—"} |`,
    );
    return [
        PRINCIPALS_BEGIN,
        "| principal | assumed by / bound | may do |",
        "|---|---|---|",
        ...rows,
        PRINCIPALS_END,
    ].join("\n");
}
