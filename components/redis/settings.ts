/** ElastiCache facts the SDK's types do not enforce. */

/** Replication group ids: 1–40 characters, letters, digits and hyphens, starting with a letter. */
export function replicationGroupId(...parts: string[]): string {
    const id = parts.join("-").toLowerCase();
    if (id.length > 40 || !/^[a-z][a-z0-9-]*$/.test(id) || /--|-$/.test(id)) {
        throw new RangeError(
            `ElastiCache replication group id "${id}" must be 1–40 letters, digits and single hyphens, starting with a letter`,
        );
    }
    return id;
}

/** One zone per node, primary first, cycling when there are more nodes than zones. */
export function nodeZones(zones: readonly string[], nodes: number): string[] {
    return Array.from({ length: nodes }, (_, i) => zones[i % zones.length]!);
}

export const REDIS_ENGINE_VERSION = "7.1";
export const REDIS_PARAMETER_FAMILY = "redis7";
