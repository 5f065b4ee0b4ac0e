/** Loading the pack's configuration, and printing a policy report. */
import * as path from "path";
import { PolicyPackConfig } from "@pulumi/policy";
import { PACK_ENFORCEMENT, POLICIES } from "../policies/pack";
import { readPolicyConfigFile } from "./policy-config";
import { PolicyReport, PolicySubject, runPolicies } from "./policy-runner";

/** The pack's committed configuration (its exemptions), as CI passes it to `--policy-pack-config`. */
export const DEFAULT_POLICY_CONFIG = path.resolve(__dirname, "..", "policies", "config.json");

/** Reads a `--policy-pack-config` style JSON file, validated against the pack; without one, the committed configuration. */
export function readPolicyConfig(file: string = DEFAULT_POLICY_CONFIG): PolicyPackConfig {
    return readPolicyConfigFile(file, POLICIES);
}

export function runPack(
    subjects: readonly PolicySubject[],
    config?: PolicyPackConfig,
): Promise<PolicyReport> {
    return runPolicies(subjects, { policies: POLICIES, packEnforcement: PACK_ENFORCEMENT, config });
}

export function formatPolicyReport(report: PolicyReport): string {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const lines = [
        `Policies: ${POLICIES.length} checked, ${report.violations.length} violation(s) (${mandatory} mandatory), ${report.exemptions.length} exemption(s), ${report.skipped.length} check(s) skipped on unknown values`,
    ];
    for (const v of report.violations) {
        lines.push(`  [${v.enforcementLevel}] ${v.policy}  ${v.urn}`, `      ${v.message}`);
    }
    for (const e of report.exemptions) {
        lines.push(`  [exempted] ${e.policy}  ${e.urn}`, `      ${e.reason}`);
    }
    return lines.join("\n");
}
