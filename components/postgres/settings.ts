/**
 * PostgreSQL facts that RDS enforces but the SDK's types do not: parameter group families,
 * identifier rules, replica placement, and the settings a read replica must not carry.
 */
import { POSTGRES_MAJORS, supportedPostgresMajor } from "../../topology/postgres-versions";

/** "17" or "17.6" → "postgres17": the family must match the engine's major version. */
export function parameterGroupFamily(engineVersion: string): string {
    const major = supportedPostgresMajor(engineVersion);
    if (major === undefined) {
        throw new RangeError(
            `not a PostgreSQL engine version of a supported major (${POSTGRES_MAJORS.oldest}–${POSTGRES_MAJORS.newest}): ${engineVersion}`,
        );
    }
    return `postgres${major}`;
}

/**
 * An RDS instance identifier: 1–63 characters, lowercase letters, digits and hyphens, starting with
 * a letter, no two hyphens in a row, not ending with a hyphen.
 */
export function rdsIdentifier(...parts: string[]): string {
    const identifier = parts.join("-").toLowerCase();
    const problems = [
        identifier.length > 63 && `is ${identifier.length} characters; RDS allows 63`,
        !/^[a-z]/.test(identifier) && "must start with a letter",
        /[^a-z0-9-]/.test(identifier) && "may hold only letters, digits and hyphens",
        /--/.test(identifier) && "may not hold two hyphens in a row",
        /-$/.test(identifier) && "may not end with a hyphen",
    ].filter((p): p is string => typeof p === "string");
    if (problems.length > 0) {
        throw new RangeError(`RDS identifier "${identifier}" ${problems.join("; ")}`);
    }
    return identifier;
}

/**
 * Zones of the read replicas: each in its own zone, none in the primary's. The primary's zone is
 * the first; with Multi-AZ, RDS places primary and standby itself, and the first zone stays reserved.
 */
export function replicaZones(zones: readonly string[], count: number): string[] {
    if (count > zones.length - 1) {
        throw new RangeError(
            `${count} replicas need ${count + 1} zones (one for the primary); only ${zones.length} are planned`,
        );
    }
    return zones.slice(1, 1 + count);
}

/** Parameters of the cluster's parameter group: TLS only, and slow statements logged. */
export const POSTGRES_PARAMETERS: readonly {
    name: string;
    value: string;
    applyMethod: "immediate" | "pending-reboot";
}[] = [
    { name: "rds.force_ssl", value: "1", applyMethod: "immediate" },
    { name: "log_min_duration_statement", value: "250", applyMethod: "immediate" },
    { name: "log_connections", value: "1", applyMethod: "immediate" },
    { name: "log_disconnections", value: "1", applyMethod: "immediate" },
];

/**
 * Settings RDS refuses on a same-region read replica (CreateDBInstanceReadReplica takes none of
 * them, or takes them only from the source). Returns one message per offending setting.
 */
export function replicaRefusals(inputs: Record<string, unknown>): string[] {
    const refused: Record<string, string> = {
        username: "the master user comes from the source",
        password: "the master password comes from the source",
        manageMasterUserPassword: "the master secret belongs to the source",
        dbName: "the database comes from the source",
        dbSubnetGroupName: "a same-region replica uses its source's subnet group",
        engine: "the engine comes from the source",
        kmsKeyId: "a same-region replica is encrypted with its source's key",
    };
    const messages = Object.entries(refused)
        .filter(([key]) => inputs[key] !== undefined && inputs[key] !== null)
        .map(([key, why]) => `${key}: ${why}`);
    if (inputs.replicateSourceDb === undefined) {
        messages.push("replicateSourceDb: a replica names its source");
    }
    return messages;
}
