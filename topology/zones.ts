/**
 * Which availability zones the stack uses. Zone NAMES (us-east-1a) map to different physical zones
 * in each account; zone IDs (use1-az1) do not. So zones are qualified and ordered by ID: the same
 * physical zones in every account, the same choice on every run, and never a zone that cannot
 * launch what the stack needs. Pure: the program feeds it the preview-time lookups.
 */

/**
 * Zone IDs where EKS refuses control-plane subnets (UnsupportedAvailabilityZoneException).
 * Source: Amazon EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets"
 * (subnet requirements) and the AWS re:Post article on EKS cluster creation errors, read 2026-11-22.
 */
export const EKS_UNSUPPORTED_ZONE_IDS: readonly string[] = ["use1-az3", "usw1-az2", "cac1-az3"];

export interface Zone {
    readonly name: string;
    readonly id: string;
}

export interface ZoneNeeds {
    /** The region's zones as `getAvailabilityZones` lists them (names and IDs in the same order). */
    readonly zones: readonly Zone[];
    /** How many zones the stack spans (`availabilityZones`). */
    readonly count: number;
    /** Each EC2 instance type the stack launches, with who uses it (for the message). */
    readonly instanceTypes: readonly { readonly role: string; readonly type: string }[];
    /** Zone IDs offering each instance type (from `getInstanceTypeOfferings` by availability-zone-id). */
    readonly offerings: Readonly<Record<string, readonly string[]>>;
    /** Zone IDs EKS refuses; defaults to the dated list above. */
    readonly eksUnsupportedZoneIds?: readonly string[];
}

export interface ZoneChoice {
    /** The first `count` qualified zones by zone ID; shorter than `count` when too few qualify. */
    readonly chosen: readonly Zone[];
    /** Every zone left out for a reason, with the reasons. */
    readonly rejected: readonly { readonly zone: Zone; readonly reasons: readonly string[] }[];
    /** Why the choice falls short, naming each rejected zone; undefined when `count` zones qualify. */
    readonly problem?: string;
}

/** Orders zone IDs by region prefix, then number (use1-az2 before use1-az10). */
function byZoneId(a: Zone, b: Zone): number {
    return a.id.localeCompare(b.id, "en", { numeric: true });
}

export function chooseZones(needs: ZoneNeeds): ZoneChoice {
    const unsupported = new Set(needs.eksUnsupportedZoneIds ?? EKS_UNSUPPORTED_ZONE_IDS);
    const qualified: Zone[] = [];
    const rejected: { zone: Zone; reasons: string[] }[] = [];
    for (const zone of [...needs.zones].sort(byZoneId)) {
        const reasons: string[] = [];
        if (unsupported.has(zone.id)) {
            reasons.push("EKS does not accept control-plane subnets there");
        }
        // One reason per instance type, naming every role that needs it.
        const missing = new Map<string, string[]>();
        for (const { role, type } of needs.instanceTypes) {
            if (!(needs.offerings[type] ?? []).includes(zone.id)) {
                missing.set(type, [...(missing.get(type) ?? []), role]);
            }
        }
        for (const [type, roles] of missing) {
            reasons.push(`${type} (${roles.join(", ")}) is not offered there`);
        }
        if (reasons.length > 0) {
            rejected.push({ zone, reasons });
        } else {
            qualified.push(zone);
        }
    }
    const chosen = qualified.slice(0, needs.count);
    if (chosen.length >= needs.count) {
        return { chosen, rejected };
    }
    const why = rejected
        .map(({ zone, reasons }) => `${zone.name} (${zone.id}): ${reasons.join("; ")}`)
        .join(" | ");
    return {
        chosen,
        rejected,
        problem:
            `must not exceed the ${qualified.length} zone(s) offering everything the stack needs` +
            (qualified.length > 0
                ? ` (${qualified.map((z) => `${z.name} = ${z.id}`).join(", ")})`
                : "") +
            (why ? `; rejected: ${why}` : "") +
            "; lower availabilityZones, or choose instance types offered in more zones",
    };
}
