/**
 * What a pod needs to talk to the platform's PostgreSQL with the server verified: the RDS roots as a
 * ConfigMap in its namespace, mounted at one path, and libpq told to check certificate and host name
 * (`verify-full`; `require` encrypts but would accept any server). Pure.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PostgresConnection } from "./connections";

const CA_CONFIG_MAP = "rds-ca";
const CA_DIR = "/etc/rds-ca";
/** Where the roots are in a pod that mounts `postgresCaVolume`. */
export const POSTGRES_CA_FILE = `${CA_DIR}/ca.pem`;

/** The roots as a ConfigMap in `namespace`. */
export function postgresCaConfigMap(namespace: string, caBundle: string) {
    return {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: CA_CONFIG_MAP, namespace },
        data: { "ca.pem": caBundle },
    };
}

export const postgresCaVolume = { name: "rds-ca", configMap: { name: CA_CONFIG_MAP } };
export const postgresCaMount = { name: "rds-ca", mountPath: CA_DIR, readOnly: true };

/** libpq's environment for a verified connection. */
export const VERIFIED_TLS_ENV: readonly { readonly name: string; readonly value: string }[] = [
    { name: "PGSSLMODE", value: "verify-full" },
    { name: "PGSSLROOTCERT", value: POSTGRES_CA_FILE },
];

/** The same as connection-string parameters (for clients configured by URI, such as postgres_exporter). */
export const VERIFIED_TLS_PARAMETERS = `sslmode=verify-full&sslrootcert=${POSTGRES_CA_FILE}`;

/** Where a client connects: the database's host, port and name, from the Postgres component's connection. */
export type PostgresTarget = Pick<PostgresConnection, "host" | "port" | "database">;

/** libpq's environment for a verified connection to `target`; the user logs in from files. */
export function libpqEnvironment(
    target: PostgresTarget,
): { name: string; value: pulumi.Input<string> }[] {
    return [
        { name: "PGHOST", value: target.host },
        { name: "PGPORT", value: String(target.port) },
        { name: "PGDATABASE", value: target.database },
        ...VERIFIED_TLS_ENV,
    ];
}

/** Shell lines that give libpq the user and password read from files: never in the pod's spec. */
export function loginFromFiles(usernameFile: string, passwordFile: string): string[] {
    return [
        `PGUSER=$(cat ${usernameFile})`,
        `PGPASSWORD=$(cat ${passwordFile})`,
        "export PGUSER PGPASSWORD",
    ];
}
