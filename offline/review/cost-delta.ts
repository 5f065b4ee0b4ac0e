/**
 * The monthly cost delta of a diff, priced from the resources of both sides with the price tables
 * (never from the `cost` an inventory carries, which may be stale or edited). A changed, added or
 * removed resource without a price makes the delta unknown, with the priced part and the count of
 * unpriced resources beside it: never a false number. Pure.
 */
import { CostEstimate, estimateInventoryCost, PriceTable } from "../cost";
import { Inventory } from "../inventory";
import { COSMETIC, flatten } from "./changes";

export interface CostDelta {
    readonly currency: string;
    readonly before: CostEstimate;
    readonly after: CostEstimate;
    /** Exact delta; undefined when an unpriced resource changed. */
    readonly delta?: number;
    /** The sum over the priced resources that changed. */
    readonly pricedDelta: number;
    /** Resources that changed and have no price on at least one side. */
    readonly unpriced: readonly string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function costDelta(
    base: Inventory,
    head: Inventory,
    prices: (region: string | undefined) => PriceTable | undefined,
): CostDelta {
    const price = (inventory: Inventory) =>
        estimateInventoryCost(
            inventory.resources,
            inventory.outputs,
            prices(inventory.region),
            inventory.region ?? "an unrecorded region",
        );
    const before = price(base);
    const after = price(head);
    const items = (estimate: CostEstimate) =>
        new Map(estimate.items.map((i) => [i.urn, i.monthlyUsd]));
    const b = items(before);
    const a = items(after);
    // Tags and descriptions never change a price: a resource that changes only those is unchanged here.
    const priced = (inputs: Record<string, unknown>) =>
        JSON.stringify([...flatten(inputs).entries()].filter(([path]) => !COSMETIC.test(path)));
    const inputs = (inventory: Inventory) =>
        new Map(inventory.resources.map((r) => [r.urn, priced(r.inputs)]));
    const [ib, ia] = [inputs(base), inputs(head)];
    let pricedDelta = 0;
    const unpriced: string[] = [];
    for (const urn of new Set([...b.keys(), ...a.keys()])) {
        const [was, is] = [b.get(urn), a.get(urn)];
        const unchanged = ib.get(urn) === ia.get(urn) && base.region === head.region;
        if (unchanged && was === is) continue;
        if (was === null || is === null) {
            unpriced.push(urn);
            continue;
        }
        pricedDelta += (is ?? 0) - (was ?? 0);
    }
    return {
        currency: after.currency,
        before,
        after,
        delta: unpriced.length === 0 ? round(pricedDelta) : undefined,
        pricedDelta: round(pricedDelta),
        unpriced: unpriced.sort(),
    };
}
