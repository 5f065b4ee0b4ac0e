/**
 * Reads Pulumi.yaml and a stack settings file into the flat configuration map the Pulumi CLI would
 * hand the program: "namespace:key" → string, structured values as JSON text.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ConfigError, ConfigProblem } from "../config/errors";
import { firstLine, InputError } from "./command";
import { SECRET_MASK } from "./secrets";

export interface StackSettings {
    readonly project: string;
    readonly config: Record<string, string>;
    /** Keys stored encrypted (`secure:`); the offline plan cannot decrypt them and passes a mask. */
    readonly secretKeys: string[];
}

/** Provider keys that are strings, beside the project's keys declared `type: string` in Pulumi.yaml. */
const PROVIDER_STRING_KEYS = ["aws:region", "aws:profile"];

interface ProjectFile {
    readonly name: string;
    readonly stringKeys: ReadonlySet<string>;
}

function readProject(projectDir: string): ProjectFile {
    const project = parseYaml(
        path.join(projectDir, "Pulumi.yaml"),
        fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"),
    ) as { name?: unknown; config?: Record<string, { type?: unknown } | null> };
    if (typeof project.name !== "string") {
        throw new InputError("Pulumi.yaml has no project name");
    }
    const name = project.name;
    const declared = Object.entries(project.config ?? {})
        .filter(([, decl]) => decl?.type === "string")
        .map(([key]) => `${name}:${key}`);
    return { name, stringKeys: new Set([...declared, ...PROVIDER_STRING_KEYS]) };
}

/** YAML text → value; a syntax error is an InputError naming the file and position, never quoting the line. */
function parseYaml(file: string, text: string, options: { schema?: "failsafe" } = {}): unknown {
    try {
        return parse(text, options);
    } catch (error) {
        throw new InputError(`${file}: not valid YAML: ${firstLine(error)}`);
    }
}

export function projectName(projectDir: string): string {
    return readProject(projectDir).name;
}

export function readStackSettings(projectDir: string, stackFile: string): StackSettings {
    const { name: project, stringKeys } = readProject(projectDir);
    const text = fs.readFileSync(stackFile, "utf8");
    const settings = (parseYaml(stackFile, text) ?? {}) as { config?: Record<string, unknown> };
    if (
        typeof settings !== "object" ||
        Array.isArray(settings) ||
        (settings.config !== undefined &&
            (settings.config === null ||
                typeof settings.config !== "object" ||
                Array.isArray(settings.config)))
    ) {
        throw new InputError(
            `${stackFile}: must be a mapping with a config: mapping of key → value`,
        );
    }
    // The same file with every scalar as written: `16.10` stays "16.10" where YAML proper reads 16.1.
    const written =
        (
            (parseYaml(stackFile, text, { schema: "failsafe" }) ?? {}) as {
                config?: Record<string, unknown>;
            }
        ).config ?? {};
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const problems: ConfigProblem[] = [];
    for (const [rawKey, value] of Object.entries(settings.config ?? {})) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            config[key] = SECRET_MASK;
            secretKeys.push(key);
        } else if (
            stringKeys.has(key) &&
            typeof value !== "string" &&
            (value === null || typeof value !== "object")
        ) {
            // An unquoted 16.10 or 1.30 reaches the program as 16.1 or 1.3, a different version.
            const asWritten = String(written[rawKey]);
            problems.push({
                key,
                value: asWritten,
                rule: `is a string key, but YAML reads the unquoted ${asWritten} as the ${value === null ? "null value" : `${typeof value} ${String(value)}`}; quote it (${key.split(":")[1]}: "${asWritten}") so it arrives as written`,
            });
        } else {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    if (problems.length > 0) {
        throw new ConfigError(problems);
    }
    return { project, config, secretKeys };
}
