/** The human-readable summary of an inventory: resources per component and type. */
import { Inventory, InventoryResource } from "./inventory";

/** The top-level component a resource belongs to (itself, when it is one), or "(stack)". */
function topLevelOf(resource: InventoryResource, byUrn: ReadonlyMap<string, InventoryResource>): InventoryResource | undefined {
    let current: InventoryResource | undefined = resource;
    while (current?.parent && byUrn.has(current.parent)) {
        current = byUrn.get(current.parent);
    }
    return current && !current.custom ? current : undefined;
}

export function summarize(inventory: Inventory): string {
    const byUrn = new Map(inventory.resources.map((r) => [r.urn, r]));
    const groups = new Map<string, Map<string, number>>();
    for (const resource of inventory.resources) {
        if (!resource.custom) continue;
        const top = topLevelOf(resource, byUrn);
        const label = top ? `${top.name} (${top.type})` : "(stack)";
        const types = groups.get(label) ?? new Map<string, number>();
        types.set(resource.type, (types.get(resource.type) ?? 0) + 1);
        groups.set(label, types);
    }
    const custom = inventory.resources.filter((r) => r.custom).length;
    const lines = [`Offline plan of ${inventory.project}/${inventory.stack}: ${custom} resources in ${inventory.resources.length - custom} components`];
    for (const [label, types] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const total = [...types.values()].reduce((a, b) => a + b, 0);
        lines.push(`  ${label}: ${total}`);
        for (const [type, count] of [...types.entries()].sort(([a], [b]) => a.localeCompare(b))) {
            lines.push(`    ${String(count).padStart(4)}  ${type}`);
        }
    }
    lines.push(`Rendered files: ${inventory.files.length}`);
    for (const file of inventory.files) {
        lines.push(`  ${file.kind.padEnd(18)} ${file.path}`);
    }
    return lines.join("\n");
}
