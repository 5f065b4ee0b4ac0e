/**
 * What the policy runner reads: an offline-plan inventory or a `pulumi stack export` document.
 * Secrets of a stack export (ciphertext or plaintext) become unknown values: policies skip what reads them.
 */
import { InputError } from "./command";
import { InventoryResource } from "./inventory";
import { asInventory, assertStackExport } from "./inventory-schema";
import { PolicySubject } from "./policy-runner";
import { UNKNOWN_MARK } from "./secrets";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

interface ExportedResource {
    urn: string;
    type: string;
    custom?: boolean;
    inputs?: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    deleteBeforeReplace?: boolean;
}

function maskExportSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(maskExportSecrets);
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) return UNKNOWN_MARK;
        return Object.fromEntries(
            Object.entries(record).map(([k, v]) => [k, maskExportSecrets(v)]),
        );
    }
    return value;
}

export function fromInventory(resources: readonly InventoryResource[]): PolicySubject[] {
    return resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        props: r.inputs,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        deleteBeforeReplace: r.deleteBeforeReplace === true,
    }));
}

export function fromStackExport(resources: readonly ExportedResource[]): PolicySubject[] {
    return resources
        .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
        .map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.urn.slice(r.urn.lastIndexOf("::") + 2),
            props: maskExportSecrets(r.inputs ?? {}) as Record<string, unknown>,
            parent: r.parent,
            dependencies: r.dependencies ?? [],
            propertyDependencies: r.propertyDependencies,
            deleteBeforeReplace: r.deleteBeforeReplace === true,
        }));
}

/** Reads either document; anything else, or either of the wrong shape, is an InputError naming `what`. */
export function subjectsOf(
    document: unknown,
    what = "the document",
): { kind: "inventory" | "stack export"; subjects: PolicySubject[] } {
    const doc = document as { resources?: unknown; deployment?: { resources?: unknown } } | null;
    if (doc && Array.isArray(doc.resources)) {
        return {
            kind: "inventory",
            subjects: fromInventory(asInventory(document, what).resources),
        };
    }
    if (doc && doc.deployment) {
        assertStackExport(document, what);
        return {
            kind: "stack export",
            subjects: fromStackExport(doc.deployment.resources as ExportedResource[]),
        };
    }
    throw new InputError(
        `${what} is not an offline-plan inventory (top-level resources) nor a pulumi stack export (deployment.resources)`,
    );
}
