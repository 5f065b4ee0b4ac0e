/**
 * The failure-scenario suite: each scenario of components/monitoring/scenarios.ts laid over a healthy
 * platform and run through `promtool test rules` against both stacks' rendered rules, expecting exactly
 * its alerts (name, severity, labels, summary) and every other alert silent.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { AlertRule, alertGroups } from "../../components/monitoring/rules";
import {
    healthySeries,
    RELAYS,
    Scenario,
    SCENARIOS,
    STALE_BACKUPS,
    VALIDATORS,
} from "../../components/monitoring/scenarios";
import { renderedOne, STACKS } from "../support/harness";
import { expandTemplate } from "../support/alert-templates";
import { requireTools, runAsync, runSpread, ToolResult } from "../support/tools";

const alerts = alertGroups()
    .flatMap((g) => g.rules)
    .filter((r): r is AlertRule => "alert" in r);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "scenarios-"));

/** One promtool test file: the scenario's series, and for every alert of the rules exactly what must fire. */
function scenarioTest(
    scenario: Scenario,
    rulesFile: string,
    rules: readonly AlertRule[],
    options: {
        /** Step of the input series. */
        interval: string;
        /** How often promtool evaluates the rules. */
        evaluationInterval: string;
        evalTime: string;
        series: Record<string, string>;
    },
): string {
    const expected = (rule: AlertRule) =>
        [
            ...(rule.alert === "Watchdog" ? [{ alert: "Watchdog" }] : []),
            ...scenario.fires.filter((f) => f.alert === rule.alert),
        ].map((f) => {
            const labels = { ...(f.labels ?? {}), severity: rule.labels.severity };
            return {
                exp_labels: labels,
                exp_annotations: Object.fromEntries(
                    Object.entries(rule.annotations).map(([k, v]) => [
                        k,
                        expandTemplate(v, labels, f.value),
                    ]),
                ),
            };
        });
    return stringify({
        rule_files: [rulesFile],
        evaluation_interval: options.evaluationInterval,
        tests: [
            {
                interval: options.interval,
                input_series: Object.entries(options.series).map(([series, values]) => ({
                    series,
                    values,
                })),
                alert_rule_test: rules.map((rule) => ({
                    eval_time: options.evalTime,
                    alertname: rule.alert,
                    exp_alerts: expected(rule),
                })),
            },
        ],
    });
}

/** The chain's scrapes, all answering: without them the quorum and relay alerts rightly fire. */
function everyNodeUp(values: string): Record<string, string> {
    return Object.fromEntries(
        [
            ...VALIDATORS.map((i) => `up{job="validators", instance="${i}"}`),
            ...RELAYS.map((i) => `up{job="relays", instance="${i}"}`),
        ].map((series) => [series, values]),
    );
}

function writeSuite(
    dir: string,
    rulesText: string,
    rules: readonly AlertRule[],
    only?: (s: Scenario) => boolean,
): string[] {
    fs.writeFileSync(path.join(dir, "alerts.rules.yml"), rulesText);
    const files = SCENARIOS.filter((s) => !only || only(s)).map((scenario, i) => {
        const file = path.join(dir, `${String(i).padStart(2, "0")}.test.yml`);
        fs.writeFileSync(
            file,
            scenarioTest(scenario, "alerts.rules.yml", rules, {
                interval: "15s",
                // Prometheus evaluates every 15 s; here once a minute, which costs a quarter as much. A
                // scenario is a steady failure from the first sample (the first test holds them to
                // that), judged at 20 minutes, past every "for", where the verdict does not depend on
                // the step (the alert cases in monitoring.spec.ts test thresholds and "for" at the
                // series' own step). A failure starting mid-way would: "for: 45s" from 19:15 fires at
                // 20:00 on a 15 s grid, not on a 1 m one.
                evaluationInterval: "1m",
                evalTime: "20m",
                series: { ...healthySeries(), ...scenario.series },
            }),
        );
        return file;
    });
    // A day without a successful backup: coarse steps, and only the series that matter.
    const stale = path.join(dir, "stale.test.yml");
    fs.writeFileSync(
        stale,
        scenarioTest(STALE_BACKUPS, "alerts.rules.yml", rules, {
            interval: "1h",
            evaluationInterval: "1h",
            evalTime: "27h",
            series: {
                ...everyNodeUp("1x30"),
                'kube_cronjob_status_last_successful_time{namespace="backups", cronjob="backup-postgres-daily"}':
                    "0x30",
            },
        }),
    );
    return only ? files : [...files, stale];
}

/** promtool's verdict per rules text: the stacks render the same rules, so the suite runs once. */
const verdicts = new Map<string, ToolResult>();

describe("failure scenarios (promtool test rules)", () => {
    it("has a healthy baseline and, for every failure, at least one real alert", () => {
        assert.ok(SCENARIOS.length >= 19);
        // Steady from the first sample: one value (or none) for all 100 steps, so the once-a-minute
        // evaluation below gives the verdict a 15 s one would.
        for (const scenario of SCENARIOS)
            for (const [series, values] of Object.entries(scenario.series))
                assert.match(
                    values,
                    /^(_|-?[\d.]+(e[+-]?\d+)?)x100$/,
                    `${scenario.name}: ${series}`,
                );
        assert.deepStrictEqual(
            SCENARIOS[0]!.fires,
            [],
            "the healthy platform fires nothing but the watchdog",
        );
        assert.ok(
            SCENARIOS.slice(1).every((s) => s.fires.length > 0),
            "a scenario without an alert is an outage nobody hears of",
        );
        const names = new Set(alerts.map((a) => a.alert));
        for (const s of [...SCENARIOS, STALE_BACKUPS])
            for (const f of s.fires)
                assert.ok(names.has(f.alert), `${s.name}: no alert ${f.alert}`);
    });
    for (const stack of STACKS) {
        it(`${stack}: each scenario fires exactly its alerts, with summaries naming what failed`, async function () {
            requireTools(this, "promtool");
            const rulesText = renderedOne(stack, "prometheus-rules").text;
            const result =
                verdicts.get(rulesText) ??
                (await runSpread(
                    "promtool",
                    ["test", "rules"],
                    writeSuite(fs.mkdtempSync(path.join(scratch, `${stack}-`)), rulesText, alerts),
                ));
            verdicts.set(rulesText, result);
            const failed = (result.stdout + result.stderr)
                .split("\n")
                .filter(
                    (line, i, lines) => /FAILED/.test(line) || /FAILED/.test(lines[i - 1] ?? ""),
                )
                .join("\n");
            assert.strictEqual(result.status, 0, failed.slice(0, 4000));
        });
    }
    it("fails when an alert is removed or its threshold moves so a scenario no longer fires", async function () {
        requireTools(this, "promtool");
        const rulesText = renderedOne("prod", "prometheus-rules").text;
        const withoutApiDown = rulesText.replace(/\n\s+- alert: ApiDown\n(\s{8,}.*\n)+/, "\n");
        assert.notStrictEqual(withoutApiDown, rulesText);
        const apiOutage = (s: Scenario) => s.fires.some((f) => f.alert === "ApiDown");
        // Quorum counted as "fewer than two up": the two-down scenarios no longer fire it.
        const laxQuorum = rulesText.replace(
            '(count(up{job="validators"} == 1) or vector(0)) < 3',
            '(count(up{job="validators"} == 1) or vector(0)) < 2',
        );
        assert.notStrictEqual(laxQuorum, rulesText);
        const quorumLost = (s: Scenario) =>
            s.fires.some((f) => f.alert === "ValidatorsBelowQuorum");
        const suite = (name: string, text: string, only: (s: Scenario) => boolean) =>
            runAsync("promtool", [
                "test",
                "rules",
                ...writeSuite(fs.mkdtempSync(path.join(scratch, `${name}-`)), text, alerts, only),
            ]);
        // The three runs at once, on all cores.
        const [removed, moved, same] = await Promise.all([
            suite("removed", withoutApiDown, apiOutage),
            suite("moved", laxQuorum, quorumLost),
            // And the unmutated rules pass the same files: the failures are the mutations'.
            suite("same", rulesText, (s) => apiOutage(s) || quorumLost(s)),
        ]);
        assert.notStrictEqual(removed.status, 0);
        assert.match(
            removed.stdout + removed.stderr,
            /alertname: ApiDown/,
            "the failure must be the missing alert, not a broken file",
        );
        assert.notStrictEqual(moved.status, 0);
        assert.match(moved.stdout + moved.stderr, /alertname: ValidatorsBelowQuorum/);
        assert.strictEqual(same.status, 0, same.stdout + same.stderr);
    });
});

describe("alert summaries name what failed", () => {
    const referenced = (rule: AlertRule) =>
        [...rule.annotations.summary.matchAll(/\{\{ \$labels\.(\w+) \}\}/g)].map((m) => m[1]!);
    it("every label a summary uses is on the alert in every scenario that fires it, so no summary renders a blank", () => {
        for (const scenario of [...SCENARIOS, STALE_BACKUPS]) {
            for (const fired of scenario.fires) {
                const rule = alerts.find((a) => a.alert === fired.alert)!;
                for (const label of referenced(rule)) {
                    assert.ok(
                        fired.labels?.[label],
                        `${scenario.name}: ${fired.alert}'s summary uses $labels.${label}, which the alert does not carry`,
                    );
                }
            }
        }
    });
    it("catches a summary naming a label the targets do not carry (the old {{ $labels.pod }})", () => {
        const rule = alerts.find((a) => a.alert === "ValidatorDown")!;
        const broken = {
            ...rule,
            annotations: { ...rule.annotations, summary: "Validator {{ $labels.pod }} is down" },
        };
        const fired = SCENARIOS.flatMap((s) => s.fires).find((f) => f.alert === "ValidatorDown")!;
        assert.ok(referenced(broken).some((label) => !fired.labels?.[label]));
    });
});
