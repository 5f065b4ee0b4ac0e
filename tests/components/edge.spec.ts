import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderNginxConfig } from "../../components/load-balancer/nginx";
import { baseConfig, renderCloudConfig } from "../../components/shared/cloud-init";
import { renderWireguardConfig, wireguardPublicKey } from "../../components/wireguard/wg-config";
import { parseStackConfig } from "../../config/parse";
import { ConfigError } from "../../config/errors";
import { InventoryResource } from "../../offline/inventory";
import { PlanMocks } from "../../offline/mock-values";
import { readStackSettings } from "../../offline/stack-file";
import {
    ofType,
    plan,
    planned,
    PROJECT_DIR,
    renderedFiles,
    renderedOne,
    STACKS,
} from "../support/harness";
import { cloudInitSchema, requireTools, run } from "../support/tools";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "edge-"));
let scratchFiles = 0;

/** A throwaway certificate for `nginx -t`, made once per run (an RSA key takes openssl a while). */
let certificateDir: string | undefined;
function throwawayCertificate(): string {
    if (!certificateDir) {
        const dir = path.join(scratch, "tls");
        fs.mkdirSync(dir);
        const made = run("openssl", [
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=throwaway",
            "-keyout",
            path.join(dir, "privkey.pem"),
            "-out",
            path.join(dir, "fullchain.pem"),
        ]);
        assert.strictEqual(made.status, 0, made.stderr);
        certificateDir = dir;
    }
    return certificateDir;
}

/** `nginx -t` on a rendered nginx.conf, its absolute paths moved into a scratch directory with a throwaway certificate. */
function nginxTest(conf: string): ReturnType<typeof run> {
    const dir = path.join(scratch, `nginx-${++scratchFiles}`);
    fs.mkdirSync(path.join(dir, "log"), { recursive: true });
    const tls = throwawayCertificate();
    const local = conf
        .replace(/\/etc\/nginx\/tls\//g, `${tls}/`)
        .replace(/\/var\/log\/nginx\//g, `${dir}/log/`)
        .replace("/run/nginx.pid", `${dir}/nginx.pid`);
    fs.writeFileSync(path.join(dir, "nginx.conf"), local);
    return run("nginx", ["-t", "-p", `${dir}/`, "-c", path.join(dir, "nginx.conf")]);
}

/** A scratch file holding `text`. */
function scratchFile(name: string, text: string): string {
    const file = path.join(scratch, `${name}-${++scratchFiles}`);
    fs.writeFileSync(file, text);
    return file;
}

function wgQuickStrip(text: string): ReturnType<typeof run> {
    const file = path.join(scratch, `wg${++scratchFiles}.conf`);
    fs.writeFileSync(file, text, { mode: 0o600 });
    return run("wg-quick", ["strip", file]);
}

const nginxInput = {
    serverName: "api.example.com",
    httpPort: 80,
    httpsPort: 443,
    statusPort: 9103,
    statusAllowedFrom: ["10.20.0.0/16"],
    apiUpstreams: ["10.20.1.10:8080", "10.20.17.10:8080"],
    certificatePath: "/etc/nginx/tls/fullchain.pem",
    certificateKeyPath: "/etc/nginx/tls/privkey.pem",
    rateLimit: { perSecond: 20, burst: 40 },
};

describe("nginx.conf renderer", () => {
    const conf = renderNginxConfig(nginxInput);
    it("redirects HTTP to HTTPS, offers only TLS 1.2 and 1.3, sends HSTS, limits each client", () => {
        assert.match(
            conf,
            /listen 80 default_server;[\s\S]*return 301 https:\/\/api\.example\.com\$request_uri;/,
        );
        assert.match(conf, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
        assert.doesNotMatch(conf, /TLSv1(\.1)?[ ;]/);
        assert.match(conf, /Strict-Transport-Security "max-age=63072000/);
        assert.match(conf, /limit_req_zone \$binary_remote_addr zone=per_client:10m rate=20r\/s;/);
        assert.match(conf, /limit_req zone=per_client burst=40 nodelay;/);
    });
    it("proxies to the given upstreams, serves stub_status privately, and /rpc only with a relay upstream", () => {
        assert.match(
            conf,
            /upstream api \{\n\s+server 10\.20\.1\.10:8080 [^\n]*\n\s+server 10\.20\.17\.10:8080 /,
        );
        assert.match(
            conf,
            /listen 9103;\n\s+server_name _;\n\s+allow 10\.20\.0\.0\/16;\n\s+deny all;\n\s+location = \/stub_status/,
        );
        assert.doesNotMatch(conf, /chain_rpc/);
        assert.match(
            renderNginxConfig({ ...nginxInput, rpcUpstream: "relay-rpc.internal:7081" }),
            /resolver 169\.254\.169\.253[\s\S]*location \/rpc\/ \{\n\s+set \$chain_rpc relay-rpc\.internal:7081;[\s\S]*proxy_pass http:\/\/\$chain_rpc;/,
        );
        assert.throws(
            () => renderNginxConfig({ ...nginxInput, apiUpstreams: [] }),
            /at least one API upstream/,
        );
    });
    it("passes nginx -t, with and without the relay upstream; a broken file does not", function () {
        requireTools(this, "nginx", "openssl");
        for (const text of [
            conf,
            renderNginxConfig({ ...nginxInput, rpcUpstream: "127.0.0.1:7081" }),
        ]) {
            const result = nginxTest(text);
            assert.strictEqual(result.status, 0, result.stderr);
        }
        assert.notStrictEqual(
            nginxTest(
                conf.replace("ssl_protocols TLSv1.2 TLSv1.3;", "ssl_protocols TLSv1.2 TLSv1.3"),
            ).status,
            0,
        );
    });
});

describe("cloud-init renderer", () => {
    const text = renderCloudConfig(
        baseConfig(
            { hostname: "h", nodeExporterPort: 9100, ssh: false },
            {
                packages: ["nginx"],
                writeFiles: [{ path: "/etc/x", content: "y\n", defer: true }],
                runcmd: [["true"]],
            },
        ),
    );
    it("renders #cloud-config with node_exporter on the given port and sshd disabled", () => {
        assert.match(text, /^#cloud-config\n/);
        assert.match(text, /--web\.listen-address=:9100/);
        assert.match(text, /- ssh\.socket/);
        assert.doesNotMatch(
            renderCloudConfig(
                baseConfig(
                    { hostname: "h", nodeExporterPort: 9100, ssh: true },
                    { packages: [], writeFiles: [], runcmd: [] },
                ),
            ),
            /ssh\.socket/,
        );
    });
    it("is valid to cloud-init schema; an invalid document is not; the batched check agrees with the command", function () {
        requireTools(this, "cloud-init");
        const valid = scratchFile("user-data", text);
        const invalid = scratchFile("user-data", "#cloud-config\npackages: 5\nwrite_files: nope\n");
        const byCommand = [valid, invalid].map((file) => run("cloud-init", ["schema", "-c", file]));
        assert.strictEqual(byCommand[0]!.status, 0, byCommand[0]!.stdout + byCommand[0]!.stderr);
        assert.notStrictEqual(byCommand[1]!.status, 0);
        // The stacks' user data go through cloudInitSchema, one interpreter for all files: it must
        // say what `cloud-init schema -c` says, file by file.
        const batched = cloudInitSchema([valid, invalid]);
        assert.deepStrictEqual(
            batched.map((v) => v.valid),
            byCommand.map((r) => r.status === 0),
        );
        assert.match(batched[1]!.message, /packages: 5 is not of type 'array'/);
        assert.ok(byCommand[1]!.stdout.concat(byCommand[1]!.stderr).includes(batched[1]!.message));
    });
});

describe("WireGuard", () => {
    it("derives public keys exactly as wg pubkey does", function () {
        requireTools(this, "wg");
        for (let i = 0; i < 5; i++) {
            const privateKey = run("wg", ["genkey"]).stdout.trim();
            assert.strictEqual(
                wireguardPublicKey(privateKey),
                run("wg", ["pubkey"], `${privateKey}\n`).stdout.trim(),
            );
        }
        assert.throws(() => wireguardPublicKey(Buffer.alloc(16).toString("base64")), /32 bytes/);
    });
    it("renders wg0.conf without a private key, which wg-quick accepts", function () {
        const conf = renderWireguardConfig({
            address: "10.99.0.1/24",
            listenPort: 51820,
            privateKeyPath: "/etc/wireguard/private.key",
            tunnelCidr: "10.99.0.0/24",
            peers: [
                {
                    name: "alice",
                    publicKey: "F1q5xAlLKmByuoLyWCDTM7MIVw5C//GomwiepM58Hic=",
                    allowedIps: ["10.99.0.10/32"],
                },
            ],
        });
        assert.doesNotMatch(conf, /^PrivateKey/m);
        assert.match(conf, /PostUp = wg set %i private-key \/etc\/wireguard\/private\.key/);
        assert.match(conf, /MASQUERADE/);
        requireTools(this, "wg-quick");
        const stripped = wgQuickStrip(conf);
        assert.strictEqual(stripped.status, 0, stripped.stderr);
        assert.match(stripped.stdout, /\[Peer\]\nPublicKey = F1q5x/);
    });
    it("refuses peers with bad keys, duplicate names, or overlapping networks", () => {
        const base = readStackSettings(
            PROJECT_DIR,
            path.join(PROJECT_DIR, "Pulumi.staging.yaml"),
        ).config;
        const withPeers = (peers: unknown) => {
            try {
                parseStackConfig("chain-platform", {
                    values: { ...base, "chain-platform:wireguardPeers": JSON.stringify(peers) },
                });
                return [];
            } catch (error) {
                assert.ok(ConfigError.is(error));
                return error.problems.map((p) => `${p.key}: ${p.rule}`);
            }
        };
        const alice = {
            name: "alice",
            publicKey: "F1q5xAlLKmByuoLyWCDTM7MIVw5C//GomwiepM58Hic=",
            allowedIps: ["10.99.0.10/32"],
        };
        assert.deepStrictEqual(withPeers([alice]), []);
        assert.match(
            withPeers([{ ...alice, publicKey: "not-a-key" }]).join(),
            /wireguardPeers\[0\]\[publicKey\]: must be a WireGuard public key/,
        );
        assert.match(
            withPeers([{ ...alice, publicKey: Buffer.alloc(31).toString("base64") }]).join(),
            /base64 of 32 bytes/,
        );
        assert.match(
            withPeers([alice, { ...alice, allowedIps: ["10.99.0.0/28"] }]).join(),
            /wireguardPeers\[1\]\[name\]: duplicates[\s\S]*wireguardPeers\[1\]\[allowedIps\]\[0\]: overlaps 10\.99\.0\.10\/32 of peer alice/,
        );
        assert.match(
            withPeers([{ ...alice, allowedIps: ["10.20.5.0/24"] }]).join(),
            /overlaps vpcCidr/,
        );
    });
});

for (const stack of STACKS) {
    describe(`servers and edge of ${stack}`, () => {
        const expected = stack === "prod" ? { app: 4, lb: 2 } : { app: 2, lb: 1 };
        const instances = (role: string) =>
            ofType(planned(stack), "aws:ec2/instance:Instance").filter(
                (i) => (i.inputs.tags as Record<string, string>).Role === role,
            );
        const outputs = () =>
            planned(stack).outputs as {
                publicSubnetIds: string[];
                privateSubnetIds: string[];
                kmsKeyArns: Record<string, string>;
                wireguard: { publicKey: string };
            };
        const rendered = (kind: string) => planned(stack).files.filter((f) => f.kind === kind);
        const outDir = () => plan(stack).outDir;
        /** The network interface an instance boots on. */
        const nicOf = (instance: InventoryResource) => {
            const urn = instance.propertyDependencies?.primaryNetworkInterface?.[0];
            const nic = planned(stack).resources.find(
                (r) => r.urn === urn && r.type === "aws:ec2/networkInterface:NetworkInterface",
            );
            assert.ok(nic, `${instance.name} boots on no declared network interface`);
            return nic;
        };

        it(`declares ${expected.app} app servers in private subnets without public IPs, and ${expected.lb} load balancer(s) in distinct public subnets`, () => {
            assert.strictEqual(instances("appServer").length, expected.app);
            assert.ok(
                instances("appServer").every(
                    (i) =>
                        i.inputs.associatePublicIpAddress === false &&
                        outputs().privateSubnetIds.includes(i.inputs.subnetId as string),
                ),
            );
            const lbs = instances("loadBalancer");
            assert.strictEqual(lbs.length, expected.lb);
            // Edge servers boot on a network interface that already holds their Elastic IP.
            const lbNics = lbs.map((i) => nicOf(i));
            assert.strictEqual(new Set(lbNics.map((n) => n.inputs.subnetId)).size, expected.lb);
            assert.ok(
                lbNics.every((n) =>
                    outputs().publicSubnetIds.includes(n.inputs.subnetId as string),
                ),
            );
            const eips = ofType(planned(stack), "aws:ec2/eip:Eip").filter(
                (e) => e.inputs.networkInterface !== undefined,
            );
            assert.strictEqual(eips.length, expected.lb + 1);
            assert.ok(
                lbs.every((i) => eips.some((e) => i.dependencies.includes(e.urn))),
                "an edge server does not wait for its Elastic IP",
            );
        });
        it("requires IMDSv2 and an encrypted gp3 root volume with the data key on every server, and recovers failed hosts", () => {
            const all = ofType(planned(stack), "aws:ec2/instance:Instance");
            assert.strictEqual(all.length, expected.app + expected.lb + 1);
            for (const instance of all) {
                assert.strictEqual(
                    (instance.inputs.metadataOptions as Record<string, unknown>).httpTokens,
                    "required",
                    instance.name,
                );
                assert.deepStrictEqual(
                    (({ encrypted, kmsKeyId, volumeType }) => ({
                        encrypted,
                        kmsKeyId,
                        volumeType,
                    }))(instance.inputs.rootBlockDevice as Record<string, unknown>),
                    { encrypted: true, kmsKeyId: outputs().kmsKeyArns.data, volumeType: "gp3" },
                );
            }
            const alarms = ofType(planned(stack), "aws:cloudwatch/metricAlarm:MetricAlarm").filter(
                (a) => a.inputs.metricName === "StatusCheckFailed_System",
            );
            assert.strictEqual(alarms.length, all.length);
            assert.ok(
                alarms.every(
                    (a) =>
                        (a.inputs.alarmActions as string[])[0] ===
                        "arn:aws:automate:us-east-1:ec2:recover",
                ),
            );
        });
        it("routes for operators on the hub: source/destination check off, key from an SSM SecureString under the secrets key", () => {
            const [hub] = instances("wireguardHub");
            assert.strictEqual(nicOf(hub!).inputs.sourceDestCheck, false);
            const parameter = ofType(planned(stack), "aws:ssm/parameter:Parameter").find(
                (p) => p.inputs.type === "SecureString",
            )!;
            assert.deepStrictEqual(
                [parameter.inputs.type, parameter.inputs.keyId, parameter.inputs.value],
                ["SecureString", outputs().kmsKeyArns.secrets, "[secret]"],
            );
        });
        it("lists every rendered file with its kind and writes it under --out", () => {
            assert.strictEqual(
                rendered("nginx").length,
                1,
                "one nginx.conf, delivered to every load balancer through SSM",
            );
            assert.strictEqual(rendered("wireguard").length, 1);
            assert.strictEqual(rendered("cloud-init").length, expected.app + expected.lb + 1);
            for (const file of planned(stack).files) {
                assert.ok(fs.existsSync(path.join(outDir(), file.path)), file.path);
            }
        });
        it("renders nginx.conf that passes nginx -t, with every app server as an upstream", function () {
            requireTools(this, "nginx", "openssl");
            const appIps = (planned(stack).outputs as { appServers: { privateIps: string[] } })
                .appServers.privateIps;
            for (const { path: file, text: conf } of renderedFiles(stack, "nginx")) {
                for (const ip of appIps)
                    assert.ok(conf.includes(`server ${ip}:8080 `), `${file} lacks ${ip}`);
                const result = nginxTest(conf);
                assert.strictEqual(result.status, 0, `${file}: ${result.stderr}`);
            }
        });
        it("renders user data that cloud-init schema accepts", function () {
            requireTools(this, "cloud-init");
            const files = rendered("cloud-init").map((file) => path.join(outDir(), file.path));
            assert.ok(files.length > 2, "servers' user data rendered");
            for (const verdict of cloudInitSchema(files))
                assert.ok(verdict.valid, `${verdict.file}: ${verdict.message}`);
        });
        it("renders wg0.conf for the configured peers, and the exported public key is what wg pubkey derives", function () {
            requireTools(this, "wg", "wg-quick");
            const conf = renderedOne(stack, "wireguard").text;
            const peers = readStackSettings(
                PROJECT_DIR,
                path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`),
            ).config["chain-platform:wireguardPeers"]!;
            for (const peer of JSON.parse(peers) as { publicKey: string }[])
                assert.ok(conf.includes(`PublicKey = ${peer.publicKey}`));
            assert.strictEqual(wgQuickStrip(conf).status, 0);
            // The plan's deterministic stand-in for the hub's random key, as the mocks produce it.
            const privateKey = new PlanMocks("us-east-1").newResource({
                type: "random:index/randomBytes:RandomBytes",
                name: "wireguard-private-key",
                inputs: { length: 32 },
            }).state.base64 as string;
            assert.strictEqual(
                outputs().wireguard.publicKey,
                run("wg", ["pubkey"], `${privateKey}\n`).stdout.trim(),
            );
        });
        it("keeps every secret out of user data and rendered files", () => {
            // The secrets the plan generates, as the mocks answer for the resources it declares.
            for (const [type, name, length] of [
                ["random:index/randomBytes:RandomBytes", "wireguard-private-key", 32],
                ["random:index/randomPassword:RandomPassword", "redis-auth-token", 64],
            ] as const) {
                const declared = ofType(planned(stack), type).find((r) => r.name === name);
                assert.strictEqual(declared?.inputs.length, length, `${type} ${name}`);
            }
            const mocks = new PlanMocks("us-east-1");
            const secrets = [
                mocks.newResource({
                    type: "random:index/randomBytes:RandomBytes",
                    name: "wireguard-private-key",
                    inputs: { length: 32 },
                }).state.base64 as string,
                mocks.newResource({
                    type: "random:index/randomPassword:RandomPassword",
                    name: "redis-auth-token",
                    inputs: { length: 64 },
                }).state.result as string,
            ];
            const files = renderedFiles(stack);
            // Every kind of file that could be handed a secret is among those searched.
            for (const kind of ["cloud-init", "wireguard", "nginx", "alertmanager", "prometheus"])
                assert.ok(
                    files.some((f) => f.kind === kind),
                    `no rendered ${kind} file searched`,
                );
            for (const { path: file, text } of files) {
                for (const secret of secrets)
                    assert.ok(!text.includes(secret), `${file} holds a secret`);
                assert.doesNotMatch(text, /^PrivateKey\s*=/m);
            }
            const userData = ofType(planned(stack), "aws:ec2/instance:Instance").map(
                (i: InventoryResource) => i.inputs.userData as string,
            );
            assert.ok(
                userData.every(
                    (u) => u.startsWith("#cloud-config") && !secrets.some((s) => u.includes(s)),
                ),
            );
            assert.ok(!planned(stack).violations.some((v) => v.policy === "no-plaintext-secrets"));
        });
        it("grants each server kind only its own secrets", () => {
            const policies = ofType(planned(stack), "aws:iam/rolePolicy:RolePolicy").filter((p) =>
                /-own$/.test(p.name),
            );
            const app = JSON.parse(
                policies.find((p) => p.name === "app-own")!.inputs.policy as string,
            ) as { Statement: { Action: string; Resource: unknown }[] };
            const reads = app.Statement.filter(
                (s) => s.Action === "secretsmanager:GetSecretValue",
            ).flatMap((s) => s.Resource as string[]);
            assert.strictEqual(reads.length, 2);
            assert.ok(
                reads.every((arn) =>
                    /:secret:(rds!db-|chain-platform-[a-z]+\/redis\/auth-token)/.test(arn),
                ),
                reads.join(),
            );
            const hub = JSON.parse(
                policies.find((p) => p.name === "wireguard-own")!.inputs.policy as string,
            ) as { Statement: { Action: string; Resource: string }[] };
            assert.match(
                hub.Statement[0]!.Resource,
                /:parameter\/chain-platform-[a-z]+\/wireguard\/hub-private-key$/,
            );
        });
    });
}
