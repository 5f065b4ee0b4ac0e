/**
 * The PostgreSQL users the platform's tools log in as, instead of the master user, and the script that
 * creates them. Each holds one predefined role: the exporter reads statistics (`pg_monitor`), the dump
 * jobs read every table (`pg_read_all_data`, PostgreSQL 14+; the schema admits no older major). Pure.
 */
import { createHash, createHmac, pbkdf2Sync } from "node:crypto";

export interface DatabaseUser {
    /** Login name. */
    readonly username: string;
    /** The predefined role it is a member of, and nothing else. */
    readonly memberOf: string;
    /** Concurrent connections it may hold. */
    readonly connectionLimit: number;
    /** Who logs in as it. */
    readonly purpose: string;
}

export const DATABASE_USERS = {
    metrics: {
        username: "metrics_reader",
        memberOf: "pg_monitor",
        connectionLimit: 10,
        purpose: "the PostgreSQL exporters",
    },
    dumps: {
        username: "dump_reader",
        memberOf: "pg_read_all_data",
        connectionLimit: 4,
        purpose: "the pg_dump backup jobs",
    },
} as const satisfies Record<string, DatabaseUser>;

export type DatabaseUserKey = keyof typeof DATABASE_USERS;

/** File under the secrets directory holding a user's SCRAM verifier (no newline). */
export function verifierFile(user: DatabaseUser): string {
    return `${user.username}.verifier`;
}

/** Iterations PostgreSQL itself uses (scram_iterations' default). */
const SCRAM_ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802, RFC 7677): handing the server
 * this instead of the password means the password is in no statement, so in no log — PostgreSQL logs
 * a failing statement's text. A verifier lets no one log in. `password` must be printable ASCII
 * (SASLprep leaves it unchanged); `salt` is 16 random bytes, base64.
 */
export function scramVerifier(password: string, salt: string): string {
    if (!/^[\x21-\x7e]+$/.test(password))
        throw new RangeError("the password must be printable ASCII without spaces");
    const saltBytes = Buffer.from(salt, "base64");
    if (saltBytes.length < 16) throw new RangeError("the salt must be at least 16 bytes, base64");
    const salted = pbkdf2Sync(password, saltBytes, SCRAM_ITERATIONS, 32, "sha256");
    const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
    const storedKey = createHash("sha256").update(hmac(salted, "Client Key")).digest();
    const serverKey = hmac(salted, "Server Key");
    return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${saltBytes.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/**
 * A psql script, idempotent, that creates each user if missing and sets its verifier and membership.
 * Verifiers are read from files by psql itself (backquotes), so they are in no command line, no
 * environment and no file of this repository; `:'name'` and format's %L quote them as literals. Attributes that only
 * a superuser may name (SUPERUSER, REPLICATION) are left at CREATE ROLE's defaults: RDS's master user
 * is not a superuser.
 */
export function usersScript(users: readonly DatabaseUser[], secretsDir: string): string {
    const lines = ["\\set ON_ERROR_STOP on"];
    for (const [i, user] of users.entries()) {
        if (!/^[a-z_][a-z0-9_]*$/.test(user.username))
            throw new RangeError(`not a plain PostgreSQL identifier: ${user.username}`);
        lines.push(
            `\\set verifier_${i} \`cat ${secretsDir}/${verifierFile(user)}\``,
            `SELECT 'CREATE ROLE ${user.username} LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${user.username}') \\gexec`,
            `ALTER ROLE ${user.username} WITH LOGIN NOCREATEDB NOCREATEROLE INHERIT CONNECTION LIMIT ${user.connectionLimit};`,
            `SELECT format('ALTER ROLE %I PASSWORD %L', '${user.username}', :'verifier_${i}') \\gexec`,
            `GRANT ${user.memberOf} TO ${user.username};`,
            `\\unset verifier_${i}`,
        );
    }
    return lines.join("\n") + "\n";
}
