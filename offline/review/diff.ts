/** A plan diff: what changes between two inventories, what to review first, and what it costs. Pure. */
import { PriceTable } from "../cost";
import { Inventory } from "../inventory";
import { ResourceChange, resourceChanges } from "./changes";
import { CostDelta, costDelta } from "./cost-delta";
import { Finding, reviewFirst } from "./findings";

export interface PlanDiff {
    readonly base: { readonly project: string; readonly stack: string };
    readonly head: { readonly project: string; readonly stack: string };
    readonly findings: readonly Finding[];
    readonly resources: readonly ResourceChange[];
    readonly cost: CostDelta;
}

export function diffInventories(
    base: Inventory,
    head: Inventory,
    prices: (region: string | undefined) => PriceTable | undefined,
): PlanDiff {
    const resources = resourceChanges(base, head);
    return {
        base: { project: base.project, stack: base.stack },
        head: { project: head.project, stack: head.stack },
        findings: reviewFirst(base, head, resources),
        resources,
        cost: costDelta(base, head, prices),
    };
}
