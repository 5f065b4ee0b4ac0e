/**
 * The files a stack deploys, found in the declared resources: EC2 user data, the `write_files` of
 * cloud-init documents, files delivered through SSM parameters, ConfigMap entries. Pure: takes the (masked) inventory resources.
 */
import * as path from "path";
import { parse } from "yaml";
import { DELIVERED_FILE_TAG } from "../components/shared/delivered-file";
import { FileKind, InventoryResource, PlanFile } from "./inventory";

export interface RenderedFile extends PlanFile {
    readonly content: string;
}

export function fileKind(fileName: string, content: string): FileKind {
    const base = path.posix.basename(fileName);
    if (content.startsWith("#cloud-config")) return "cloud-init";
    if (/nginx.*\.conf$/.test(base)) return "nginx";
    if (/^wg\d*\.conf$/.test(base)) return "wireguard";
    if (/^alertmanager\.ya?ml$/.test(base)) return "alertmanager";
    if (/rules?\.ya?ml$/.test(base)) return "prometheus-rules";
    if (/^prometheus\.ya?ml$/.test(base)) return "prometheus";
    if (/\.json$/.test(base) && /dashboard/.test(fileName)) return "grafana-dashboard";
    return "other";
}

function decodeUserData(resource: InventoryResource): string | undefined {
    const { userData, userDataBase64 } = resource.inputs as {
        userData?: unknown;
        userDataBase64?: unknown;
    };
    if (typeof userData === "string") {
        // Launch templates take base64; instances take text.
        return resource.type === "aws:ec2/launchTemplate:LaunchTemplate"
            ? Buffer.from(userData, "base64").toString("utf8")
            : userData;
    }
    return typeof userDataBase64 === "string"
        ? Buffer.from(userDataBase64, "base64").toString("utf8")
        : undefined;
}

interface WriteFile {
    path?: unknown;
    content?: unknown;
    encoding?: unknown;
}

function writeFilesOf(cloudConfig: string): { path: string; content: string }[] {
    const doc = parse(cloudConfig) as { write_files?: WriteFile[] } | null;
    return (doc?.write_files ?? [])
        .filter((f): f is WriteFile & { path: string } => typeof f.path === "string")
        .map((f) => {
            const raw = typeof f.content === "string" ? f.content : "";
            const content =
                f.encoding === "b64" || f.encoding === "base64"
                    ? Buffer.from(raw, "base64").toString("utf8")
                    : raw;
            return { path: f.path, content };
        });
}

export function extractFiles(resources: readonly InventoryResource[]): RenderedFile[] {
    const files: RenderedFile[] = [];
    const add = (resource: InventoryResource, relative: string, content: string) => {
        const file = path.posix.join(resource.name, relative.replace(/^\/+/, ""));
        files.push({ path: file, resource: resource.urn, kind: fileKind(file, content), content });
    };
    for (const resource of resources) {
        const userData = decodeUserData(resource);
        if (userData !== undefined) {
            add(resource, "user-data", userData);
            if (userData.startsWith("#cloud-config")) {
                for (const entry of writeFilesOf(userData)) {
                    add(resource, entry.path, entry.content);
                }
            }
        }
        // A configuration file delivered through SSM (components/shared/delivered-file.ts), under the path it is written to.
        const delivered = (resource.inputs.tags as Record<string, unknown> | undefined)?.[
            DELIVERED_FILE_TAG
        ];
        if (
            resource.type === "aws:ssm/parameter:Parameter" &&
            typeof delivered === "string" &&
            typeof resource.inputs.insecureValue === "string"
        ) {
            add(resource, delivered, resource.inputs.insecureValue);
        }
        if (resource.type === "kubernetes:core/v1:ConfigMap") {
            const data = (resource.inputs.data ?? {}) as Record<string, unknown>;
            for (const [key, content] of Object.entries(data)) {
                if (typeof content === "string") {
                    add(resource, key, content);
                }
            }
        }
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
}
