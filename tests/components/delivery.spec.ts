/**
 * Delivered configuration (components/shared/delivered-file.ts): the servers' sync scripts, as the
 * plan renders them, run here on a scratch root with the AWS CLI, Nginx, WireGuard and systemd
 * stubbed by scripts that log their calls. Real jq, cmp and bash do the work.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderedFile } from "../support/harness";
import { requireTools } from "../support/tools";

interface World {
    readonly root: string;
    readonly log: () => string[];
    readonly run: (env?: Record<string, string>) => { status: number | null; stderr: string };
    readonly setParameter: (value: string) => void;
}

/** A scratch root with stubs on PATH; `script` is the rendered sync script. */
function world(script: string, stubs: Record<string, string>): World {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sync-"));
    const bin = path.join(root, "bin");
    fs.mkdirSync(bin);
    const logFile = path.join(root, "calls.log");
    const parameter = path.join(root, "parameter");
    const stub = (name: string, body: string) =>
        fs.writeFileSync(
            path.join(bin, name),
            `#!/bin/bash\necho "${name} $*" >> '${logFile}'\n${body}\n`,
            { mode: 0o755 },
        );
    // The AWS CLI answers get-parameter with the parameter's JSON, as `--output json` does.
    stub(
        "aws",
        `jq -n --rawfile v '${parameter}' '{Parameter: {Name: "x", Type: "String", Value: $v}}'`,
    );
    for (const [name, body] of Object.entries(stubs)) stub(name, body);
    fs.writeFileSync(path.join(root, "sync"), script, { mode: 0o755 });
    return {
        root,
        log: () =>
            fs.existsSync(logFile)
                ? fs
                      .readFileSync(logFile, "utf8")
                      .trim()
                      .split("\n")
                      .filter((l) => !l.startsWith("aws "))
                : [],
        run: (env = {}) => {
            fs.rmSync(logFile, { force: true });
            const child = spawnSync("bash", [path.join(root, "sync")], {
                encoding: "utf8",
                env: {
                    ...process.env,
                    ...env,
                    PATH: `${bin}:${process.env.PATH}`,
                    PLATFORM_SYNC_ROOT: root,
                },
            });
            return { status: child.status, stderr: child.stderr };
        },
        setParameter: (value: string) => fs.writeFileSync(parameter, value),
    };
}

const rendered = (file: string) => renderedFile("prod", file);

describe("delivered configuration: Nginx", () => {
    let script: string;
    let conf: string;
    before(() => {
        script = rendered("lb-0/usr/local/bin/platform-sync-nginx");
        conf = rendered("lb-config/etc/nginx/nginx.conf");
    });
    const make = () => {
        const w = world(script, {
            nginx: 'exit "${NGINX_T:-0}"',
            systemctl: '[ "$1" = is-active ] && exit 0; exit 0',
        });
        fs.mkdirSync(path.join(w.root, "etc/nginx"), { recursive: true });
        fs.writeFileSync(path.join(w.root, "etc/nginx/nginx.conf"), "# distribution default\n");
        return w;
    };
    it("reads the load balancers' SSM parameter, checks the new file with nginx -t, swaps it in and reloads", function () {
        requireTools(this, "jq");
        assert.match(
            script,
            /aws ssm get-parameter --region us-east-1 --name '\/chain-platform-prod\/lb\/nginx\.conf' --output json \| jq -j \.Parameter\.Value/,
        );
        const w = make();
        w.setParameter(conf);
        const result = w.run();
        assert.strictEqual(result.status, 0, result.stderr);
        assert.strictEqual(
            fs.readFileSync(path.join(w.root, "etc/nginx/nginx.conf"), "utf8"),
            conf,
            "byte for byte",
        );
        assert.strictEqual(
            fs.statSync(path.join(w.root, "etc/nginx/nginx.conf")).mode & 0o777,
            0o644,
        );
        assert.deepStrictEqual(w.log(), [
            `nginx -t -q -c ${w.root}/etc/nginx/nginx-sync.conf`,
            "systemctl is-active --quiet nginx",
            "systemctl reload nginx",
        ]);
    });
    it("does nothing when the parameter is unchanged: no check, no reload, no leftover candidate", function () {
        requireTools(this, "jq");
        const w = make();
        w.setParameter(conf);
        w.run();
        const again = w.run();
        assert.strictEqual(again.status, 0, again.stderr);
        assert.deepStrictEqual(w.log(), []);
        assert.ok(!fs.existsSync(path.join(w.root, "etc/nginx/nginx-sync.conf")));
    });
    it("retries a failed reload on the next run, without checking the unchanged file again", function () {
        requireTools(this, "jq");
        const w = world(script, {
            nginx: "exit 0",
            systemctl: '[ "$1" = is-active ] && exit 0; exit "${RELOAD:-0}"',
        });
        fs.mkdirSync(path.join(w.root, "etc/nginx"), { recursive: true });
        w.setParameter(conf);
        assert.notStrictEqual(w.run({ RELOAD: "1" }).status, 0, "the reload failed");
        const retry = w.run();
        assert.strictEqual(retry.status, 0, retry.stderr);
        assert.deepStrictEqual(w.log(), [
            "systemctl is-active --quiet nginx",
            "systemctl reload nginx",
        ]);
        assert.deepStrictEqual(w.run().status, 0);
        assert.deepStrictEqual(w.log(), [], "applied: nothing more to do");
    });
    it("keeps the running file when the new one fails nginx -t, or the parameter is empty", function () {
        requireTools(this, "jq");
        for (const [value, env, message] of [
            [conf, { NGINX_T: "1" }, /fails its check/],
            ["", {}, /empty parameter/],
        ] as const) {
            const w = make();
            w.setParameter(value);
            const result = w.run(env);
            assert.notStrictEqual(result.status, 0);
            assert.match(result.stderr, message);
            assert.strictEqual(
                fs.readFileSync(path.join(w.root, "etc/nginx/nginx.conf"), "utf8"),
                "# distribution default\n",
            );
            assert.ok(!w.log().some((l) => l.startsWith("systemctl reload")));
        }
    });
});

describe("delivered configuration: WireGuard", () => {
    let script: string;
    let conf: string;
    before(() => {
        script = rendered("wireguard-server/usr/local/bin/platform-sync-wireguard");
        conf = rendered("wireguard-config/etc/wireguard/wg0.conf");
    });
    it("applies a peer change to the running tunnel with wg syncconf and fixes the routes, without a restart", function () {
        requireTools(this, "jq");
        const w = world(script, {
            "wg-quick": 'echo "[Interface]"',
            // Two peers now: a laptop and a site network; 10.98.0.99 belonged to a peer that was removed.
            wg: '[ "$1" = show ] && printf "keyA\\t10.98.0.10/32\\nkeyB\\t10.98.0.20/32 192.168.50.0/24\\n"; exit 0',
            ip: '[ "$3" = show ] && printf "10.98.0.0/24 proto kernel scope link src 10.98.0.1\\n10.98.0.10 proto static scope link\\n10.98.0.99 proto static scope link\\n"; exit 0',
            systemctl: "exit 0",
        });
        fs.mkdirSync(path.join(w.root, "etc/wireguard"), { recursive: true });
        fs.writeFileSync(path.join(w.root, "etc/wireguard/wg0.conf"), "[Interface]\n");
        w.setParameter(conf);
        const result = w.run();
        assert.strictEqual(result.status, 0, result.stderr);
        assert.strictEqual(
            fs.readFileSync(path.join(w.root, "etc/wireguard/wg0.conf"), "utf8"),
            conf,
        );
        assert.strictEqual(
            fs.statSync(path.join(w.root, "etc/wireguard/wg0.conf")).mode & 0o777,
            0o600,
        );
        const calls = w.log();
        assert.strictEqual(
            calls[0],
            `wg-quick strip ${w.root}/etc/wireguard/wg0-sync.conf`,
            "the candidate is checked first",
        );
        assert.ok(
            calls.some((c) => /^wg syncconf wg0 \S+$/.test(c)),
            calls.join("\n"),
        );
        for (const cidr of ["10.98.0.10/32", "10.98.0.20/32", "192.168.50.0/24"])
            assert.ok(calls.includes(`ip -4 route replace ${cidr} dev wg0`), cidr);
        assert.ok(
            calls.includes("ip -4 route del 10.98.0.99/32 dev wg0"),
            "the removed peer's route goes",
        );
        assert.ok(
            !calls.some((c) => /10\.98\.0\.(0\/24|10\/32) dev wg0$/.test(c) && c.includes(" del ")),
            "the kernel route and current peers stay",
        );
        assert.ok(
            !calls.some((c) => /systemctl (restart|stop)/.test(c)),
            "the tunnel is never restarted",
        );
    });
});
