/**
 * The dedicated PostgreSQL users: the script the bootstrap job runs, run against a real PostgreSQL
 * server as a master user with RDS's powers (CREATEROLE and the predefined roles to hand out, no
 * superuser); then each user can do its job and nothing more.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    DATABASE_USERS,
    scramVerifier,
    usersScript,
    verifierFile,
} from "../../components/database-users/users";
import { startPostgres, PostgresServer } from "../support/postgres-server";
import { databaseUsersObjects } from "../../components/database-users/objects";
import { jsonFieldToFile } from "../../components/shared/pods";
import { spawnSync } from "child_process";
import { requireTools } from "../support/tools";

const USERS = Object.values(DATABASE_USERS);

describe("database users script", () => {
    it("refuses a name psql would have to quote", () => {
        assert.throws(
            () =>
                usersScript([{ ...DATABASE_USERS.metrics, username: "metrics; DROP" }], "/secrets"),
            /plain PostgreSQL identifier/,
        );
    });

    it("reads every verifier from its file, never from the script", () => {
        const script = usersScript(USERS, "/secrets");
        for (const user of USERS)
            assert.ok(script.includes(`\`cat /secrets/${verifierFile(user)}\``), user.username);
        assert.doesNotMatch(script, /PASSWORD '/);
    });

    it("computes SCRAM verifiers only from printable passwords and a full salt", () => {
        const salt = Buffer.alloc(16, 7).toString("base64");
        assert.match(
            scramVerifier("Passw0rd", salt),
            /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}$/,
        );
        assert.notEqual(
            scramVerifier("Passw0rd", salt),
            scramVerifier("Passw0rd", Buffer.alloc(16, 8).toString("base64")),
        );
        assert.throws(() => scramVerifier("pass word", salt), /printable ASCII/);
        assert.throws(() => scramVerifier("Passw0rd", "c2hvcnQ="), /16 bytes/);
    });

    describe("against a real PostgreSQL server", function () {
        let server: PostgresServer;
        const secrets = fs.mkdtempSync(path.join(os.tmpdir(), "db-users-"));
        const passwords = {
            metrics_reader: "Metrics0nlyPassw0rd",
            dump_reader: "Dump0nlyPassw0rd",
        } as Record<string, string>;
        const admin = { user: "platform_admin", password: "AdminPassw0rd" };

        before(function () {
            requireTools(this, "initdb", "psql", "pg_dump");
            this.timeout(60000);
            server = startPostgres("bootstrap", "BootstrapPassw0rd");
            // The RDS master user: CREATEROLE, may hand out the predefined roles, not a superuser.
            const setup = server.client(
                "psql",
                "bootstrap",
                "BootstrapPassw0rd",
                "postgres",
                ["-v", "ON_ERROR_STOP=1"],
                [
                    `CREATE ROLE ${admin.user} LOGIN CREATEROLE CREATEDB PASSWORD '${admin.password}';`,
                    `GRANT pg_monitor, pg_read_all_data TO ${admin.user} WITH ADMIN OPTION;`,
                    `CREATE DATABASE platform OWNER ${admin.user};`,
                ].join("\n"),
            );
            assert.equal(setup.status, 0, setup.stderr);
            const data = server.client(
                "psql",
                admin.user,
                admin.password,
                "platform",
                ["-v", "ON_ERROR_STOP=1"],
                "CREATE TABLE accounts (id int primary key, owner text); INSERT INTO accounts VALUES (1, 'alice');",
            );
            assert.equal(data.status, 0, data.stderr);
            for (const [i, user] of USERS.entries()) {
                fs.writeFileSync(
                    path.join(secrets, verifierFile(user)),
                    scramVerifier(
                        passwords[user.username]!,
                        Buffer.alloc(16, i + 1).toString("base64"),
                    ),
                );
            }
        });
        after(() => server?.stop());

        const asAdmin = () =>
            server.client(
                "psql",
                admin.user,
                admin.password,
                "platform",
                ["-X", "-q"],
                usersScript(USERS, secrets),
            );

        it("creates the users as the master user, and again without error (idempotent)", () => {
            for (const attempt of [1, 2]) {
                const result = asAdmin();
                assert.equal(result.status, 0, `run ${attempt}: ${result.stderr}`);
            }
        });

        it("lets the dump user dump every table, and not write", () => {
            const dump = server.client(
                "pg_dump",
                "dump_reader",
                passwords.dump_reader!,
                "platform",
                ["--format=plain", "--no-owner", "--no-privileges"],
            );
            assert.equal(dump.status, 0, dump.stderr);
            assert.match(dump.stdout, /alice/);
            const write = server.client(
                "psql",
                "dump_reader",
                passwords.dump_reader!,
                "platform",
                ["-X"],
                "INSERT INTO accounts VALUES (2, 'mallory');",
            );
            assert.match(write.stderr, /permission denied/);
        });

        it("lets the metrics user read statistics but no table", () => {
            const stats = server.client(
                "psql",
                "metrics_reader",
                passwords.metrics_reader!,
                "platform",
                ["-X", "-tA", "-v", "ON_ERROR_STOP=1"],
                "SELECT count(*) > 0 FROM pg_stat_activity WHERE query IS NOT NULL;",
            );
            assert.equal(stats.status, 0, stats.stderr);
            assert.equal(stats.stdout.trim(), "t");
            const table = server.client(
                "psql",
                "metrics_reader",
                passwords.metrics_reader!,
                "platform",
                ["-X"],
                "SELECT * FROM accounts;",
            );
            assert.match(table.stderr, /permission denied/);
        });

        it("refuses a wrong password, and no password reaches the server (its log holds every statement), even from a failing statement", () => {
            const wrong = server.client(
                "psql",
                "dump_reader",
                "not-the-password",
                "platform",
                ["-X"],
                "SELECT 1;",
            );
            assert.match(wrong.stderr, /password authentication failed/);
            // The server logs a failing statement's text: make the script fail after the verifiers are set.
            const failing = server.client(
                "psql",
                admin.user,
                admin.password,
                "platform",
                ["-X", "-q"],
                usersScript(USERS, secrets) + "SELECT missing_function();\n",
            );
            assert.notEqual(failing.status, 0);
            for (const password of Object.values(passwords))
                assert.ok(!server.log().includes(password), "a password is in the server log");
            assert.match(
                server.log(),
                /ALTER ROLE metrics_reader PASSWORD 'SCRAM-SHA-256\$4096:/,
                "the log does hold the statements (the check above can fail)",
            );
        });
    });
});

describe("database users Job", () => {
    const objects = databaseUsersObjects({
        region: "us-east-1",
        image: "postgres:17-alpine",
        connection: {
            host: "db.example",
            port: 5432,
            database: "platform",
            caBundle: "PEM",
            masterSecretArn: "arn:master",
        },
        users: USERS.map((user, i) => ({
            user,
            secretArn: `arn:user-${i}`,
            secretVersion: `v${i}`,
        })),
        roleArn: "arn:role",
    });
    const job = objects.find((o) => o.kind === "Job")! as unknown as {
        metadata: { annotations: Record<string, string> };
        spec: {
            backoffLimit: number;
            activeDeadlineSeconds: number;
            template: { metadata: { annotations: Record<string, string> } };
        };
    };
    it("fails inside Pulumi's 10-minute wait for a Job and is replaced when unready, not left blocking later ups", () => {
        assert.strictEqual(job.metadata.annotations["pulumi.com/replaceUnready"], "true");
        assert.ok(job.spec.activeDeadlineSeconds < 600, String(job.spec.activeDeadlineSeconds));
    });
    it("runs again when its script or a user's secret version changes (the template carries both)", () => {
        const annotations = job.spec.template.metadata.annotations;
        assert.match(annotations["platform/script-sha256"]!, /^[0-9a-f]{64}$/);
        assert.deepStrictEqual(
            USERS.map((u) => annotations[`platform/${u.username}-version`]),
            USERS.map((_, i) => `v${i}`),
        );
    });
    it("extracts a field of a JSON secret into a file as the shell will (a SCRAM verifier survives intact)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "json-field-"));
        const verifier = scramVerifier("Passw0rd", Buffer.alloc(16, 3).toString("base64"));
        fs.writeFileSync(
            path.join(dir, "s.json"),
            JSON.stringify({ username: "dump_reader", password: "Passw0rd", verifier }),
        );
        const run = spawnSync(
            "sh",
            ["-c", jsonFieldToFile(path.join(dir, "s.json"), "verifier", path.join(dir, "v"))],
            { encoding: "utf8" },
        );
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(fs.readFileSync(path.join(dir, "v"), "utf8"), verifier);
    });
});
