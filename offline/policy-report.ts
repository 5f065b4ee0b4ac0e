/** Loading the pack's configuration, and printing a policy report. */
import * as fs from "fs";
import { PolicyPackConfig } from "@pulumi/policy";
import { PACK_ENFORCEMENT, POLICIES } from "../policies/pack";
import { PolicyReport, PolicySubject, runPolicies } from "./policy-runner";

/** Reads a `--policy-pack-config` style JSON file. */
export function readPolicyConfig(file: string | undefined): PolicyPackConfig | undefined {
    return file ? (JSON.parse(fs.readFileSync(file, "utf8")) as PolicyPackConfig) : undefined;
}

export function runPack(subjects: readonly PolicySubject[], config?: PolicyPackConfig): Promise<PolicyReport> {
    return runPolicies(subjects, { policies: POLICIES, packEnforcement: PACK_ENFORCEMENT, config });
}

export function formatPolicyReport(report: PolicyReport): string {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const lines = [`Policies: ${POLICIES.length} checked, ${report.violations.length} violation(s) (${mandatory} mandatory), ${report.exemptions.length} exemption(s), ${report.skipped.length} check(s) skipped on unknown values`];
    for (const v of report.violations) {
        lines.push(`  [${v.enforcementLevel}] ${v.policy}  ${v.urn}`, `      ${v.message}`);
    }
    for (const e of report.exemptions) {
        lines.push(`  [exempted] ${e.policy}  ${e.urn}`, `      ${e.reason}`);
    }
    return lines.join("\n");
}
