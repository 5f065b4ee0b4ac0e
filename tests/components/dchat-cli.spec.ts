import * as assert from "assert";
import { parse as parseYaml } from "yaml";
import { parse as parseToml } from "smol-toml";
import {
    FORBIDDEN_ENV,
    isMultiaddr,
    parseDchatArgs,
    READ_ENV,
} from "../../components/chain/dchat-cli";
import { configProblems } from "../../components/chain/dchat-config";
import { nodeConfig, relayArgs, validatorArgs } from "../../components/chain/node";
import { InventoryResource } from "../../offline/inventory";
import { listenerOf, portMap } from "../../topology/ports";
import { planned, renderedOne, STACKS } from "../support/harness";

const topology = { validators: 4, relays: 4, listeners: portMap() };
const validatorLine = () => validatorArgs(topology);

describe("dchat's command-line grammar", () => {
    it("accepts the builders' validator and relay command lines", () => {
        const validator = parseDchatArgs(validatorLine());
        assert.strictEqual(validator.subcommand, "validator");
        assert.deepStrictEqual(Object.keys(validator.global).sort(), [
            "config",
            "health-addr",
            "log-level",
            "metrics-addr",
        ]);
        const relay = parseDchatArgs(relayArgs(topology));
        assert.strictEqual(
            relay.options.bootstrap!.length,
            8,
            "repeatable --bootstrap, one per node",
        );
    });
    it("rejects the assumed flags of the old command line", () => {
        for (const flag of [
            "--role=validator",
            "--data-dir=/data",
            "--p2p-port=7070",
            "--rpc-port=7071",
            "--metrics-port=9101",
            "--peers=a:1",
            "--key-file=/keys/k",
        ]) {
            assert.throws(
                () => parseDchatArgs([flag, ...validatorLine()]),
                /unexpected argument/,
                flag,
            );
            assert.throws(
                () => parseDchatArgs([...validatorLine(), flag]),
                /unexpected argument/,
                flag,
            );
        }
        assert.throws(
            () => parseDchatArgs(["snapshot", "--rpc=http://v:1", "--output=/work/s.tar"]),
            /unrecognized subcommand "snapshot"/,
        );
    });
    it("requires --key and --chain-rpc of a validator", () => {
        const line = validatorLine();
        const without = (option: string) => {
            const i = line.indexOf(option);
            return [...line.slice(0, i), ...line.slice(i + 2)];
        };
        assert.throws(() => parseDchatArgs(without("--chain-rpc")), /requires --chain-rpc/);
        assert.throws(() => parseDchatArgs(without("--key")), /requires --key/);
    });
    it("refuses a global option after the subcommand, a repeated single option and a valued flag", () => {
        const line = validatorLine();
        const at = line.indexOf("validator");
        const moved = [...line.slice(2, at + 1), "--config", line[1]!, ...line.slice(at + 1)];
        assert.throws(
            () => parseDchatArgs(moved),
            /--config is a global option: it must come before the subcommand/,
        );
        assert.throws(
            () => parseDchatArgs([...line, "--stake", "1"]),
            /--stake cannot be used multiple times/,
        );
        assert.throws(
            () => parseDchatArgs([...line.filter((a) => a !== "--producer"), "--producer=true"]),
            /is a flag/,
        );
        assert.throws(
            () => parseDchatArgs(["--metrics-addr", "metrics.local:9101", "health"]),
            /not a valid socketAddr/,
        );
    });
    it("takes multiaddrs as libp2p parses them: a hostname needs /dns4, not /ip4", () => {
        assert.ok(isMultiaddr("/dns4/relay-0.relay.chain.svc.cluster.local/tcp/7080"));
        assert.ok(isMultiaddr("/ip4/10.0.0.1/tcp/7080"));
        assert.ok(!isMultiaddr("/ip4/relay-0.relay.chain.svc.cluster.local/tcp/7080"));
        assert.ok(!isMultiaddr("relay-0.relay:7080"));
    });
});

describe("dchat's configuration file", () => {
    for (const role of ["validator", "relay"] as const) {
        it(`renders every required key of the ${role}'s TOML, with dchat's types and bounds`, () => {
            const parsed = parseToml(nodeConfig(role, topology)) as Record<
                string,
                Record<string, unknown>
            >;
            assert.deepStrictEqual(configProblems(parsed), []);
            assert.deepStrictEqual(parsed.network!.listen_addresses, [
                `/ip4/0.0.0.0/tcp/${listenerOf(role, "p2p").port}`,
            ]);
            assert.ok((parsed.network!.bootstrap_peers as string[]).every(isMultiaddr));
            assert.strictEqual(parsed.storage!.data_dir, "/var/lib/dchat/data");
        });
    }
    it("leaves a validator out of its own bootstrap peers", () => {
        const parsed = parseToml(
            nodeConfig("validator", topology, "validator-2-0.validator-2.chain.svc.cluster.local"),
        ) as { network: { bootstrap_peers: string[] } };
        assert.strictEqual(parsed.network.bootstrap_peers.length, 7);
        assert.ok(!parsed.network.bootstrap_peers.some((p) => p.includes("validator-2-0")));
    });
    it("finds a missing key, a wrong type and a value out of bounds", () => {
        const parsed = parseToml(nodeConfig("relay", topology)) as Record<
            string,
            Record<string, unknown>
        >;
        delete parsed.crypto!.noise_protocol_pattern;
        parsed.network!.max_connections = 0;
        parsed.governance!.quorum_threshold = "0.1";
        delete parsed.relay;
        assert.deepStrictEqual(configProblems(parsed), [
            "network.max_connections must be > 0",
            "missing crypto.noise_protocol_pattern",
            "governance.quorum_threshold must be float",
            "missing section [relay]",
        ]);
    });
});

type Container = {
    name: string;
    args?: string[];
    command?: string[];
    env?: { name: string; value?: string }[];
    ports: { name: string; containerPort: number }[];
    livenessProbe: { httpGet: { path: string; port: number } };
    readinessProbe: { httpGet: { port: number } };
    workingDir?: string;
};
const nodeContainers = (stack: (typeof STACKS)[number]) =>
    planned(stack)
        .resources.filter(
            (r) =>
                r.type === "kubernetes:apps/v1:StatefulSet" &&
                ["validator", "relay"].includes(
                    (r.inputs.metadata as { labels: Record<string, string> }).labels[
                        "app.kubernetes.io/component"
                    ]!,
                ),
        )
        .map((r: InventoryResource) => ({
            resource: r,
            role: (r.inputs.metadata as { labels: Record<string, string> }).labels[
                "app.kubernetes.io/component"
            ] as "validator" | "relay",
            container: (r.inputs.spec as { template: { spec: { containers: Container[] } } })
                .template.spec.containers[0]!,
        }));

for (const stack of STACKS) {
    describe(`dchat nodes of ${stack}`, () => {
        it("run a command line dchat accepts, with the subcommand of their role and only variables it reads", () => {
            const nodes = nodeContainers(stack);
            assert.strictEqual(nodes.length, 5, "four validators and the relays");
            for (const { role, container, resource } of nodes) {
                assert.strictEqual(
                    container.command,
                    undefined,
                    `${resource.name}: the image's entrypoint is dchat`,
                );
                const parsed = parseDchatArgs(container.args!);
                assert.strictEqual(parsed.subcommand, role);
                assert.ok(!parsed.options.hsm, "--hsm would ignore the key");
                for (const variable of container.env ?? []) {
                    assert.ok(
                        (READ_ENV as readonly string[]).includes(variable.name) &&
                            !FORBIDDEN_ENV[variable.name],
                        `${resource.name}: ${variable.name}`,
                    );
                }
                assert.strictEqual(
                    container.workingDir,
                    "/var/lib/dchat/data",
                    "dchat opens ./dchat.db",
                );
            }
        });
        it("scrape, probe and listen on the port map's ports", () => {
            const scrape = parseYaml(renderedOne(stack, "prometheus").text) as {
                scrape_configs: { job_name: string; dns_sd_configs?: { port: number }[] }[];
            };
            const scraped = (job: string) =>
                scrape.scrape_configs.find((c) => c.job_name === job)!.dns_sd_configs![0]!.port;
            assert.deepStrictEqual(
                [scraped("validators"), scraped("relays")],
                [listenerOf("validator", "metrics").port, listenerOf("relay", "metrics").port],
            );
            for (const { role, container } of nodeContainers(stack)) {
                const parsed = parseDchatArgs(container.args!);
                const health = listenerOf(role, "health").port;
                const metrics = listenerOf(role, "metrics").port;
                assert.strictEqual(parsed.global["health-addr"]![0], `0.0.0.0:${health}`);
                assert.strictEqual(parsed.global["metrics-addr"]![0], `0.0.0.0:${metrics}`);
                assert.deepStrictEqual(
                    [container.livenessProbe.httpGet.port, container.readinessProbe.httpGet.port],
                    [health, health],
                );
                assert.strictEqual(container.livenessProbe.httpGet.path, "/health");
                assert.deepStrictEqual(
                    Object.fromEntries(container.ports.map((p) => [p.name, p.containerPort])),
                    { p2p: listenerOf(role, "p2p").port, health, metrics },
                );
                if (role === "relay")
                    assert.strictEqual(
                        parsed.options.listen![0],
                        `0.0.0.0:${listenerOf("relay", "p2p").port}`,
                    );
            }
        });
    });
}
