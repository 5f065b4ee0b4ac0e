/**
 * Turns the raw stack configuration (the flat "namespace:key" → string map Pulumi hands a program)
 * into a typed `StackConfig`, or a `ConfigError` that lists every problem.
 */
import { z } from "zod";
import { ConfigError, ConfigProblem } from "./errors";
import { partitionOf } from "../topology/naming";
import { kubernetesVersionProblem } from "../topology/eks-versions";
import {
    CONFIG_KEYS,
    ConfigKey,
    Environment,
    ENVIRONMENTS,
    PlatformConfig,
    platformConfigSchema,
    PulumiConfigType,
    regionRule,
} from "./schema";
import { suggestion } from "./suggest";

/** Provider keys the stack may set; any other `aws:` key is a typo. */
const AWS_KEYS = ["region", "profile", "allowedAccountIds"] as const;

/**
 * Stacks whose name fixes their environment: prod's guarantees (deletion protection, Multi-AZ,
 * the prod policies) follow the stack, so a one-line edit of `environment` cannot switch them off.
 * Other stack names choose their environment.
 */
const STACK_ENVIRONMENTS: Readonly<Record<string, Environment>> = {
    prod: "prod",
    staging: "staging",
};

export interface StackConfig extends PlatformConfig {
    /** `aws:region`. */
    readonly region: string;
}

export interface RawConfig {
    /** Flat map as from `pulumi.runtime.allConfig()`: structured values are JSON text. */
    readonly values: Readonly<Record<string, string>>;
    /** Keys whose values are secret; never echoed in messages. */
    readonly secretKeys?: readonly string[];
}

export interface ParseContext {
    /** The stack's name (`pulumi.getStack()`); the stacks of STACK_ENVIRONMENTS must match their environment. */
    readonly stack?: string;
    /** The day of the plan, for the EKS support window; now when not given (tests pass a fixed day). */
    readonly today?: Date;
}

/** Pulumi hands numbers, booleans and lists to the program as JSON text; strings as they are. */
function decode(text: string, type: PulumiConfigType = "array"): unknown {
    if (type === "string") {
        return text;
    }
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** Long values are cut: a misplaced key or certificate must not land whole in a CI log. */
function clip(text: string): string {
    return text.length <= MAX_SHOWN ? text : `${text.slice(0, 16)}… (${text.length} characters)`;
}

const MAX_SHOWN = 80;

export function parseStackConfig(
    project: string,
    raw: RawConfig,
    context: ParseContext = {},
): StackConfig {
    const secret = new Set(raw.secretKeys ?? []);
    const exact = (fullKey: string): string => {
        if (!(fullKey in raw.values)) {
            return "(not set)";
        }
        const [namespace, key] = [
            fullKey.slice(0, fullKey.indexOf(":")),
            fullKey.slice(fullKey.indexOf(":") + 1),
        ];
        // Known keys show as the program reads them; unknown ones as Pulumi would hand them over (JSON or text).
        const known =
            (namespace === project && key in CONFIG_KEYS) ||
            (namespace === "aws" && (AWS_KEYS as readonly string[]).includes(key));
        // A value under an unknown key may be a secret typed into the wrong key: it never reaches a CI log.
        if (secret.has(fullKey) || !known) {
            return secret.has(fullKey)
                ? "[secret]"
                : "(value not shown: unknown keys may hold a misplaced secret)";
        }
        const type = namespace === project ? CONFIG_KEYS[key as ConfigKey].type : "string";
        return JSON.stringify(decode(raw.values[fullKey]!, type));
    };
    const shown = (fullKey: string): string => clip(exact(fullKey));
    const problems: ConfigProblem[] = [];
    const platformValues: Record<string, unknown> = {};
    const projectKeys = Object.keys(CONFIG_KEYS);

    for (const [fullKey, text] of Object.entries(raw.values)) {
        const separator = fullKey.indexOf(":");
        const namespace = fullKey.slice(0, separator);
        const key = fullKey.slice(separator + 1);
        if (namespace === project) {
            if (key in CONFIG_KEYS) {
                platformValues[key] = decode(text, CONFIG_KEYS[key as ConfigKey].type);
            } else {
                problems.push({
                    key: fullKey,
                    value: shown(fullKey),
                    rule: `is not a configuration key of this project${suggestion(key, projectKeys)}`,
                });
            }
        } else if (namespace === "aws" && !(AWS_KEYS as readonly string[]).includes(key)) {
            problems.push({
                key: fullKey,
                value: shown(fullKey),
                rule: `is not an AWS provider key this stack uses (${AWS_KEYS.join(", ")})${suggestion(key, AWS_KEYS)}`,
            });
        }
    }

    const region = raw.values["aws:region"];
    const regionProblem =
        region === undefined
            ? "must be set to an AWS region such as us-east-1"
            : regionRule(region);
    if (regionProblem) {
        problems.push({ key: "aws:region", value: shown("aws:region"), rule: regionProblem });
    }
    const required = context.stack === undefined ? undefined : STACK_ENVIRONMENTS[context.stack];
    // An environment that is no environment at all is the schema's problem; report it once.
    const environment = platformValues.environment;
    if (
        required !== undefined &&
        environment !== required &&
        (ENVIRONMENTS as readonly unknown[]).includes(environment)
    ) {
        problems.push({
            key: `${project}:environment`,
            value: shown(`${project}:environment`),
            rule: `must be ${required} in the stack named ${context.stack}: the environment's guarantees follow the stack's name, so editing this key cannot switch them off`,
        });
    }

    const result = platformConfigSchema.safeParse(platformValues);
    if (result.success && region !== undefined && !regionProblem) {
        const replica = result.data.backupReplicaRegion;
        if (replica === region) {
            problems.push({
                key: `${project}:backupReplicaRegion`,
                value: JSON.stringify(replica),
                rule: "must differ from aws:region: a replica in the same region survives no regional outage",
            });
        } else if (replica !== "none" && partitionOf(replica) !== partitionOf(region)) {
            problems.push({
                key: `${project}:backupReplicaRegion`,
                value: JSON.stringify(replica),
                rule: `must be in the partition of aws:region (${partitionOf(region)}): S3 replicates only within a partition`,
            });
        }
    }
    if (result.success) {
        const versionProblem = kubernetesVersionProblem(
            result.data.kubernetesVersion,
            context.today ?? new Date(),
        );
        if (versionProblem) {
            problems.push({
                key: `${project}:kubernetesVersion`,
                value: shown(`${project}:kubernetesVersion`),
                rule: versionProblem,
            });
        }
    }
    if (!result.success) {
        problems.push(
            ...result.error.issues.map((issue) => describeIssue(project, issue, raw.values, exact)),
        );
    }
    if (problems.length > 0 || !result.success) {
        throw new ConfigError(problems);
    }
    return { ...result.data, region: region! };
}

function describeIssue(
    project: string,
    issue: z.core.$ZodIssue,
    values: RawConfig["values"],
    shown: (key: string) => string,
): ConfigProblem {
    const [topKey, ...rest] = issue.path.map(String);
    const fullKey = `${project}:${topKey}${rest.map((p) => `[${p}]`).join("")}`;
    const baseKey = `${project}:${topKey}`;
    if (!(baseKey in values)) {
        return {
            key: fullKey,
            value: "(not set)",
            rule: "is required (every key is set in the stack file; see the configuration reference)",
        };
    }
    const value = clip(rest.length === 0 ? shown(baseKey) : elementOf(shown(baseKey), rest));
    return { key: fullKey, value, rule: issue.message };
}

/** The element of a shown list at the issue's path, e.g. the bad entry of wireguardAllowedSources. */
function elementOf(shownValue: string, path: readonly string[]): string {
    // A path ending inside an object names the field; show the value of that field.
    try {
        const element = path.reduce<unknown>(
            (value, step) => (value as Record<string, unknown>)?.[step],
            JSON.parse(shownValue),
        );
        return JSON.stringify(element);
    } catch {
        return shownValue;
    }
}
