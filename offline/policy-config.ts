/**
 * Reading a `--policy-pack-config` file and holding it to the pack, as the Pulumi engine does: an
 * unknown policy name or enforcement level is an error, never a silent default (a typo such as
 * `advisry` must not turn a mandatory policy advisory).
 */
import * as fs from "fs";
import { PolicyPackConfig } from "@pulumi/policy";
import { InputError, jsonProblem } from "./command";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;

interface PackPolicy {
    readonly name: string;
    readonly configSchema?: { readonly properties?: Record<string, unknown> };
}

/** Every problem of a configuration against the pack's policies, in words; empty when valid. */
export function policyConfigProblems(config: unknown, policies: readonly PackPolicy[]): string[] {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        return ["must be a JSON object of policy name → enforcement level or settings"];
    }
    const byName = new Map(policies.map((p) => [p.name, p]));
    const levels: readonly string[] = ENFORCEMENT_LEVELS;
    const problems: string[] = [];
    const checkLevel = (where: string, level: unknown) => {
        if (typeof level !== "string" || !levels.includes(level)) {
            problems.push(
                `${where}: enforcement level must be one of ${ENFORCEMENT_LEVELS.join(", ")}`,
            );
        }
    };
    for (const [name, given] of Object.entries(config as Record<string, unknown>)) {
        const policy = byName.get(name);
        if (!policy && name !== "all") {
            problems.push(`${name}: is not a policy of this pack`);
            continue;
        }
        if (typeof given === "string") {
            checkLevel(name, given);
        } else if (given !== null && typeof given === "object" && !Array.isArray(given)) {
            const { enforcementLevel, ...settings } = given as Record<string, unknown>;
            if (enforcementLevel !== undefined) checkLevel(name, enforcementLevel);
            const known = Object.keys(policy?.configSchema?.properties ?? {});
            for (const key of Object.keys(settings)) {
                if (!known.includes(key))
                    problems.push(
                        `${name}.${key}: is not a setting of this policy${known.length ? ` (settings: ${known.join(", ")})` : " (it has none)"}`,
                    );
            }
        } else {
            problems.push(`${name}: must be an enforcement level or an object of settings`);
        }
    }
    return problems;
}

/** Reads and validates a configuration file; bad input is an InputError naming the file. */
export function readPolicyConfigFile(
    file: string,
    policies: readonly PackPolicy[],
): PolicyPackConfig {
    let config: unknown;
    try {
        config = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new InputError(
            `policy configuration ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : jsonProblem(error)}`,
        );
    }
    const problems = policyConfigProblems(config, policies);
    if (problems.length > 0) {
        throw new InputError(
            `policy configuration ${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
        );
    }
    return config as PolicyPackConfig;
}
