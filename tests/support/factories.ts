/** Plain values the offline tools read, for tests that build them by hand. */
import { InventoryResource } from "../../offline/inventory";

/** A custom resource of an offline-plan inventory, with a URN of a stack "s" of project "p". */
export function inventoryResource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
): InventoryResource {
    return {
        urn: `urn:pulumi:s::p::${type}::${name}`,
        type,
        name,
        custom: true,
        inputs,
        dependencies: [],
    };
}
