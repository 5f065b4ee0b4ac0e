/**
 * The offline plan's zone world, made as awkward as AWS's: zone names map to zone IDs differently
 * in each account, and one us-east-1 zone ID (use1-az3) offers only previous-generation instance
 * types. A program that picks zones by name, or ignores what a zone offers, fails the plan here.
 */
import { createHash } from "crypto";

/** This mock account's mapping in us-east-1 (every account has its own; us-east-1b is use1-az3 here). */
const FIXED: Readonly<Record<string, readonly string[]>> = {
    "us-east-1": ["use1-az6", "use1-az3", "use1-az1", "use1-az5", "use1-az2", "use1-az4"],
};

/** Zone IDs offering previous-generation families only (no Nitro, no Graviton). */
export const LEGACY_ONLY_ZONE_IDS: readonly string[] = ["use1-az3"];
const LEGACY_FAMILIES = ["t2", "m4", "c4", "r4"];

const ABBREVIATIONS: Readonly<Record<string, string>> = {
    east: "e",
    west: "w",
    north: "n",
    south: "s",
    central: "c",
    northeast: "ne",
    southeast: "se",
    northwest: "nw",
    southwest: "sw",
    gov: "g",
};

/** AWS's zone-ID prefix of a region: us-east-1 → use1, ap-northeast-1 → apne1, us-gov-west-1 → usgw1. */
export function zoneIdPrefix(region: string): string {
    const [area, ...rest] = region.split("-");
    const number = rest.pop();
    return `${area}${rest.map((part) => ABBREVIATIONS[part] ?? part[0]).join("")}${number}`;
}

/** Zone IDs of the region's zone names, in the same order: fixed for us-east-1, rotated per account elsewhere. */
export function mockZoneIds(region: string, names: readonly string[], accountId: string): string[] {
    const fixed = FIXED[region];
    if (fixed && fixed.length === names.length) {
        return [...fixed];
    }
    const shift =
        parseInt(
            createHash("sha256").update(`${accountId}:${region}`).digest("hex").slice(0, 8),
            16,
        ) % names.length;
    return names.map((_, i) => `${zoneIdPrefix(region)}-az${((i + shift) % names.length) + 1}`);
}

/** `getInstanceTypeOfferings` by availability-zone-id: every requested type everywhere, but legacy-only zones offer only legacy families. */
export function mockInstanceTypeOfferings(
    zoneIds: readonly string[],
    requested: readonly string[],
): { instanceTypes: string[]; locations: string[]; locationTypes: string[] } {
    const rows = requested.flatMap((type) =>
        zoneIds
            .filter(
                (id) =>
                    !LEGACY_ONLY_ZONE_IDS.includes(id) ||
                    LEGACY_FAMILIES.includes(type.split(".")[0]!),
            )
            .map((id) => ({ type, id })),
    );
    return {
        instanceTypes: rows.map((r) => r.type),
        locations: rows.map((r) => r.id),
        locationTypes: rows.map(() => "availability-zone-id"),
    };
}
