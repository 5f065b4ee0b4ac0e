/** Which resources two inventories add, remove and change, property by property. Pure. */
import { Inventory, InventoryResource } from "../inventory";
import { forcesReplacement } from "./replacement";

export interface PropertyChange {
    readonly path: string;
    readonly before: unknown;
    readonly after: unknown;
    readonly forcesReplacement: boolean;
}

export interface ResourceChange {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly kind: "added" | "removed" | "changed";
    readonly changes: readonly PropertyChange[];
    /** A changed resource the provider will replace (a force-new input changed). */
    readonly replacement: boolean;
    /** The replacement deletes the old resource before the new one exists. */
    readonly deleteFirst: boolean;
    /** Only tags or descriptions change (and nothing is replaced). */
    readonly cosmetic: boolean;
    readonly before?: InventoryResource;
    readonly after?: InventoryResource;
}

/** Nested objects become dot paths; lists of objects become indexed paths; scalars and scalar lists are leaves. */
export function flatten(
    value: unknown,
    prefix = "",
    out: Map<string, unknown> = new Map(),
): Map<string, unknown> {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value))
            flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    } else if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
        value.forEach((inner, i) => flatten(inner, `${prefix}[${i}]`, out));
    } else {
        out.set(prefix, value);
    }
    return out;
}

/** Tags anywhere (instance, volume, launch-template tag specifications) and descriptions that replace nothing. */
export const COSMETIC =
    /^(tags|tagsAll|volumeTags|description)(\.|$)|^tagSpecifications\[\d+\]\.tags\./;

export function resourceChanges(base: Inventory, head: Inventory): ResourceChange[] {
    const before = new Map(base.resources.map((r) => [r.urn, r]));
    // A resource under a new URN that names its former one as an alias is the same resource, as the engine sees it.
    for (const r of head.resources) {
        const former = (r.aliases ?? []).find((alias) => before.has(alias));
        if (former && !before.has(r.urn)) {
            before.set(r.urn, before.get(former)!);
            before.delete(former);
        }
    }
    const after = new Map(head.resources.map((r) => [r.urn, r]));
    const changes: ResourceChange[] = [];
    for (const urn of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const b = before.get(urn);
        const a = after.get(urn);
        const subject = (a ?? b)!;
        if (!subject.custom) continue;
        const common = { urn, type: subject.type, name: subject.name, before: b, after: a };
        if (!b || !a) {
            const props = flatten(subject.inputs);
            changes.push({
                ...common,
                kind: a ? "added" : "removed",
                changes: [...props.entries()].map(([path, v]) => ({
                    path,
                    before: a ? undefined : v,
                    after: a ? v : undefined,
                    forcesReplacement: false,
                })),
                replacement: false,
                deleteFirst: false,
                cosmetic: false,
            });
            continue;
        }
        const pb = flatten(b.inputs);
        const pa = flatten(a.inputs);
        const properties = [...new Set([...pb.keys(), ...pa.keys()])]
            .sort()
            .filter((path) => JSON.stringify(pb.get(path)) !== JSON.stringify(pa.get(path)))
            // Pulumi computes no diff for ignored inputs: an AMI change under ignoreChanges replaces nothing.
            .filter(
                (path) =>
                    !(a.ignoreChanges ?? []).some(
                        (ignored) =>
                            path === ignored ||
                            path.startsWith(`${ignored}.`) ||
                            path.startsWith(`${ignored}[`),
                    ),
            )
            .map((path) => ({
                path,
                before: pb.get(path),
                after: pa.get(path),
                forcesReplacement: forcesReplacement(a.type, path, a.inputs),
            }));
        if (properties.length === 0) continue;
        const replacement = properties.some((c) => c.forcesReplacement);
        changes.push({
            ...common,
            kind: "changed",
            changes: properties,
            replacement,
            deleteFirst: replacement && a.deleteBeforeReplace === true,
            cosmetic: !replacement && properties.every((c) => COSMETIC.test(c.path)),
        });
    }
    return changes;
}
