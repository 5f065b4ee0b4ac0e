/** The human-readable summary of an inventory: resources per component and type. */
import { Inventory, InventoryResource } from "./inventory";

export interface ComponentCounts {
    /** The component's type token, or "" for resources declared at the stack's top level. */
    readonly componentType: string;
    /** Custom resources by type token. */
    readonly types: Map<string, number>;
    readonly total: number;
}

/** Custom resources grouped by their top-level component (by name; "(stack)" for those without one). */
export function countsByComponent(inventory: Inventory): Map<string, ComponentCounts> {
    const byUrn = new Map(inventory.resources.map((r) => [r.urn, r]));
    const groups = new Map<
        string,
        { componentType: string; types: Map<string, number>; total: number }
    >();
    for (const resource of inventory.resources) {
        if (!resource.custom) continue;
        let top: InventoryResource = resource;
        while (top.parent && byUrn.has(top.parent)) top = byUrn.get(top.parent)!;
        const [label, componentType] = top.custom ? ["(stack)", ""] : [top.name, top.type];
        const group = groups.get(label) ?? {
            componentType,
            types: new Map<string, number>(),
            total: 0,
        };
        group.types.set(resource.type, (group.types.get(resource.type) ?? 0) + 1);
        group.total++;
        groups.set(label, group);
    }
    return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function summarize(inventory: Inventory): string {
    const groups = countsByComponent(inventory);
    const custom = inventory.resources.filter((r) => r.custom).length;
    const lines = [
        `Offline plan of ${inventory.project}/${inventory.stack}: ${custom} resources in ${inventory.resources.length - custom} components`,
    ];
    for (const [name, group] of groups) {
        lines.push(
            `  ${group.componentType ? `${name} (${group.componentType})` : name}: ${group.total}`,
        );
        for (const [type, count] of [...group.types.entries()].sort(([a], [b]) =>
            a.localeCompare(b),
        )) {
            lines.push(`    ${String(count).padStart(4)}  ${type}`);
        }
    }
    lines.push(`Rendered files: ${inventory.files.length}`);
    for (const file of inventory.files) {
        lines.push(`  ${file.kind.padEnd(18)} ${file.path}`);
    }
    return lines.join("\n");
}
