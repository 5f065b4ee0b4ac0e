import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { inventoryResource } from "../support/factories";
import { extractFiles, fileKind } from "../../offline/files";
import { maskSecrets, SECRET_MASK } from "../../offline/secrets";

const { specialSigKey, specialSecretSig, specialResourceSig, specialOutputValueSig } =
    pulumi.runtime;

describe("secret masking of wire-form inputs", () => {
    it("replaces secrets at any depth, including secret output values", () => {
        const wire = {
            password: { [specialSigKey]: specialSecretSig, value: "hunter2" },
            nested: {
                list: ["plain", { [specialSigKey]: specialSecretSig, value: { token: "t0p" } }],
            },
            output: { [specialSigKey]: specialOutputValueSig, value: "also-secret", secret: true },
        };
        const masked = maskSecrets(wire);
        assert.deepStrictEqual(masked, {
            nested: { list: ["plain", SECRET_MASK] },
            output: SECRET_MASK,
            password: SECRET_MASK,
        });
        assert.ok(!JSON.stringify(masked).match(/hunter2|t0p|also-secret/));
    });
    it("stands a resource reference in for its id, and sorts keys for stable output", () => {
        const masked = maskSecrets({
            b: 1,
            a: { [specialSigKey]: specialResourceSig, urn: "urn:x", id: "vpc-1" },
        });
        assert.deepStrictEqual(Object.keys(masked as object), ["a", "b"]);
        assert.strictEqual((masked as { a: unknown }).a, "vpc-1");
    });
});

describe("rendered files found in resources", () => {
    const cloudConfig = [
        "#cloud-config",
        "write_files:",
        "  - path: /etc/nginx/nginx.conf",
        "    content: |",
        "      events {}",
        "  - path: /etc/wireguard/wg0.conf",
        "    encoding: b64",
        `    content: ${Buffer.from("[Interface]\nListenPort = 51820\n").toString("base64")}`,
        "",
    ].join("\n");

    it("takes user data of instances and launch templates, and each write_files entry", () => {
        const files = extractFiles([
            inventoryResource("aws:ec2/instance:Instance", "lb-0", { userData: cloudConfig }),
            inventoryResource("aws:ec2/launchTemplate:LaunchTemplate", "app", {
                userData: Buffer.from("#!/bin/sh\necho hi\n").toString("base64"),
            }),
        ]);
        assert.deepStrictEqual(
            files.map((f) => [f.path, f.kind]),
            [
                ["app/user-data", "other"],
                ["lb-0/etc/nginx/nginx.conf", "nginx"],
                ["lb-0/etc/wireguard/wg0.conf", "wireguard"],
                ["lb-0/user-data", "cloud-init"],
            ],
        );
        assert.strictEqual(
            files.find((f) => f.kind === "wireguard")!.content,
            "[Interface]\nListenPort = 51820\n",
        );
        assert.strictEqual(files[0]!.content, "#!/bin/sh\necho hi\n");
    });
    it("takes ConfigMap entries and classifies them by name", () => {
        const files = extractFiles([
            inventoryResource("kubernetes:core/v1:ConfigMap", "monitoring-config", {
                data: {
                    "prometheus.yml": "global: {}",
                    "alerts.rules.yml": "groups: []",
                    "alertmanager.yml": "route: {}",
                    "chain-dashboard.json": "{}",
                    "notes.txt": "x",
                },
            }),
        ]);
        assert.deepStrictEqual(Object.fromEntries(files.map((f) => [f.path, f.kind])), {
            "monitoring-config/alertmanager.yml": "alertmanager",
            "monitoring-config/alerts.rules.yml": "prometheus-rules",
            "monitoring-config/chain-dashboard.json": "grafana-dashboard",
            "monitoring-config/notes.txt": "other",
            "monitoring-config/prometheus.yml": "prometheus",
        });
    });
    it("ignores resources without files", () => {
        assert.deepStrictEqual(
            extractFiles([
                inventoryResource("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }),
            ]),
            [],
        );
    });
    it("classifies by content first for cloud-config", () => {
        assert.strictEqual(fileKind("x/user-data", "#cloud-config\n"), "cloud-init");
    });
});
