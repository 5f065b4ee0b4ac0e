/**
 * A throwaway PostgreSQL server on a Unix socket in a scratch folder, for running the scripts the
 * stack renders against the real server. Password authentication only, as on RDS; its bootstrap
 * superuser stays local to the scratch folder.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./tools";

export interface PostgresServer {
    readonly socketDir: string;
    /** psql (or pg_dump) as `user` with `password` against `database`; stdin is the script. */
    client(
        program: "psql" | "pg_dump",
        user: string,
        password: string,
        database: string,
        args: readonly string[],
        input?: string,
    ): ReturnType<typeof run>;
    /** The server's log so far. */
    log(): string;
    stop(): void;
}

const asServerUser = (command: string, args: readonly string[]) =>
    // initdb refuses to run as root; Debian's package creates the postgres user.
    process.getuid?.() === 0
        ? run("runuser", ["-u", "postgres", "--", command, ...args])
        : run(command, args);

export function startPostgres(superuser: string, superuserPassword: string): PostgresServer {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-"));
    fs.chmodSync(dir, 0o777);
    const pwfile = path.join(dir, "pw");
    fs.writeFileSync(pwfile, superuserPassword, { mode: 0o644 });
    const data = path.join(dir, "data");
    const init = asServerUser("initdb", [
        "-D",
        data,
        "-U",
        superuser,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "-E",
        "UTF8",
        "--no-sync",
    ]);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    fs.rmSync(pwfile);
    const logFile = path.join(dir, "server.log");
    // Every statement logged, so a test sees whatever text reached the server.
    const start = asServerUser("pg_ctl", [
        "-D",
        data,
        "-o",
        `-k ${dir} -c listen_addresses='' -c fsync=off -c log_statement=all`,
        "-w",
        "-l",
        logFile,
        "start",
    ]);
    if (start.status !== 0)
        throw new Error(
            `pg_ctl start failed: ${start.stderr}${fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""}`,
        );
    return {
        socketDir: dir,
        client: (program, user, password, database, args, input) => {
            return run(program, args, input, {
                PGHOST: dir,
                PGUSER: user,
                PGPASSWORD: password,
                PGDATABASE: database,
            });
        },
        log: () => fs.readFileSync(logFile, "utf8"),
        stop: () => {
            asServerUser("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
