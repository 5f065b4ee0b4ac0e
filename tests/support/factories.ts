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

/** The WireGuard peer the day-two and review tests add to prod (one plan serves both). */
export const ADDED_PEER = {
    name: "bob",
    publicKey: "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=",
    allowedIps: ["10.98.0.11/32"],
} as const;

/** The configuration override that adds ADDED_PEER to a stack's committed peers. */
export function withAddedPeer(committedPeers: readonly unknown[]): Record<string, unknown> {
    return { "chain-platform:wireguardPeers": [...committedPeers, ADDED_PEER] };
}
