/**
 * Reads Pulumi.yaml and a stack settings file into the flat configuration map the Pulumi CLI would
 * hand the program: "namespace:key" → string, structured values as JSON text.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { SECRET_MASK } from "./secrets";

export interface StackSettings {
    readonly project: string;
    readonly config: Record<string, string>;
    /** Keys stored encrypted (`secure:`); the offline plan cannot decrypt them and passes a mask. */
    readonly secretKeys: string[];
}

export function projectName(projectDir: string): string {
    const project = parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { name?: unknown };
    if (typeof project.name !== "string") {
        throw new Error("Pulumi.yaml has no project name");
    }
    return project.name;
}

export function readStackSettings(projectDir: string, stackFile: string): StackSettings {
    const project = projectName(projectDir);
    const settings = (parse(fs.readFileSync(stackFile, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(settings.config ?? {})) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            config[key] = SECRET_MASK;
            secretKeys.push(key);
        } else {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { project, config, secretKeys };
}
