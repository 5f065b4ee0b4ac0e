/**
 * Day two: each routine change of the README's procedures, planned against the committed stack. None
 * replaces a server for configuration, and no change replaces more than one member of a tier at once.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { loadPriceTable } from "../../offline/cost";
import { Inventory } from "../../offline/inventory";
import { diffInventories, PlanDiff } from "../../offline/review/diff";
import { plan, planned, prefetch, PROJECT_DIR, StackName } from "../support/harness";
import { withAddedPeer } from "../support/factories";

const prices = (region: string | undefined) =>
    loadPriceTable(region, path.join(PROJECT_DIR, "pricing"));

/** A routine change: the stack and the configuration it changes. */
type Change = readonly [StackName, Record<string, unknown>];

function routine([stack, overrides]: Change): PlanDiff {
    const result = plan(stack, { overrides });
    assert.strictEqual(result.status, 0, result.stderr);
    return diffInventories(planned(stack), result.inventory as Inventory, prices);
}

const replaced = (diff: PlanDiff) =>
    diff.resources
        .filter((r) => r.replacement || r.kind === "removed")
        .map((r) => `${r.kind === "removed" ? "-" : "±"}${r.name}`)
        .sort();
const changed = (diff: PlanDiff) => diff.resources.map((r) => r.name).sort();

const peers = (stack: StackName) =>
    (
        parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as {
            config: Record<string, unknown[]>;
        }
    ).config["chain-platform:wireguardPeers"]!;

/** Each routine change: the stack and the configuration it changes. */
const CHANGES = {
    peer: ["prod", withAddedPeer(peers("prod"))],
    apiServer: ["prod", { "chain-platform:appServerCount": 5 }],
    validators: ["staging", { "chain-platform:validators": 7 }],
    redisToken: ["prod", { "chain-platform:redisAuthTokenGeneration": 1 }],
    wireguardKey: ["prod", { "chain-platform:wireguardKeyGeneration": 1 }],
    grafanaPassword: ["prod", { "chain-platform:grafanaPasswordGeneration": 1 }],
    relays: ["prod", { "chain-platform:relays": 6 }],
    nodes: ["prod", { "chain-platform:nodesPerZone": 3 }],
    apiImage: ["prod", { "chain-platform:apiImage": "chain-api:1.0.1" }],
} satisfies Record<string, Change>;
// Planned by the worker while the tests before these run.
for (const [stack, overrides] of Object.values(CHANGES)) prefetch(stack, { overrides });

describe("day two: routine changes reconfigure in place", () => {
    it("a WireGuard peer updates the hub's configuration parameter and replaces nothing", () => {
        const diff = routine(CHANGES.peer);
        assert.deepStrictEqual(changed(diff), ["wireguard-config"]);
        assert.deepStrictEqual(replaced(diff), []);
    });
    it("an API server adds the server and updates the load balancers' nginx.conf parameter, no load balancer replaced", () => {
        const diff = routine(CHANGES.apiServer);
        assert.deepStrictEqual(replaced(diff), []);
        assert.ok(
            changed(diff).includes("lb-config") && !changed(diff).some((n) => /^lb-\d$/.test(n)),
            changed(diff).join(),
        );
        assert.ok(diff.resources.some((r) => r.kind === "added" && r.name === "app-4"));
    });
    it("validators grow in place, 3f+1 at a time (staging: 4 → 7)", () => {
        const diff = routine(CHANGES.validators);
        assert.deepStrictEqual(replaced(diff), []);
        assert.ok(
            diff.resources.some((r) => r.kind === "added"),
            "the new validator's key and configuration are added",
        );
    });
    // Each generated secret: its generation key, the random resource, and the inputs that hold its value.
    const rotations: [keyof typeof CHANGES, string, RegExp, string[]][] = [
        [
            "redisToken",
            "the Redis AUTH token",
            /^redis-auth-token$/,
            ["redis-group.authToken", "redis-auth-token.secretString"],
        ],
        [
            "wireguardKey",
            "the WireGuard hub key",
            /^wireguard-private-key$/,
            ["wireguard-private-key.value"],
        ],
        [
            "grafanaPassword",
            "Grafana's admin password",
            /^monitoring-grafana-admin$/,
            ["monitoring-grafana-admin.stringData"],
        ],
    ];
    for (const [change, what, holders, inputs] of rotations) {
        it(`rotating ${what} replaces only its random value`, () => {
            const diff = routine(CHANGES[change]);
            // Offline the new value is unknown, so its holders (secret version, replication group, parameter,
            // Kubernetes Secret) show no input change; `pulumi preview` shows them as in-place updates.
            assert.deepStrictEqual(
                diff.resources.map((r) => [r.name, r.replacement, r.changes.map((c) => c.path)]),
                [[diff.resources[0]!.name, true, ["keepers.generation"]]],
            );
            assert.match(diff.resources[0]!.name, holders);
            // The rotated value reaches its holders: their inputs depend on exactly that random resource.
            const random = diff.resources[0]!.urn;
            const holding = planned("prod").resources.flatMap((r) =>
                Object.entries(r.propertyDependencies ?? {})
                    .filter(([, urns]) => urns.includes(random))
                    .map(([input]) => `${r.name}.${input}`),
            );
            assert.deepStrictEqual(holding.sort(), [...inputs].sort());
        });
    }
    it("relays and node groups grow in place", () => {
        const relays = routine(CHANGES.relays);
        assert.deepStrictEqual(replaced(relays), []);
        assert.ok(
            relays.resources.some(
                (r) =>
                    r.name === "chain-statefulset-relay" &&
                    r.changes.some((c) => c.path === "spec.replicas" && c.after === 6),
            ),
        );
        const nodes = routine(CHANGES.nodes);
        assert.deepStrictEqual(replaced(nodes), []);
        assert.ok(
            nodes.resources.some(
                (r) =>
                    r.type === "aws:eks/nodeGroup:NodeGroup" &&
                    r.changes.some((c) => c.path.startsWith("scalingConfig")),
            ),
        );
    });
    it("a new API image replaces the API servers one after another, never all at once", () => {
        const diff = routine(CHANGES.apiImage);
        const servers = diff.resources
            .filter((r) => r.type === "aws:ec2/instance:Instance" && r.replacement)
            .map((r) => r.name)
            .sort();
        assert.deepStrictEqual(servers, ["app-0", "app-1", "app-2", "app-3"]);
        assert.deepStrictEqual(
            diff.findings.filter((f) => f.area === "whole tier at once"),
            [],
        );
        assert.ok(
            diff.findings.some((f) => /one after another/.test(f.why) && f.subjects.length === 4),
            "Review first says the tier rolls",
        );
    });
    it("no routine change replaces more than one member of a tier at once", () => {
        for (const diff of [
            routine(CHANGES.apiServer),
            routine(CHANGES.validators),
            routine(CHANGES.redisToken),
        ]) {
            assert.deepStrictEqual(
                diff.findings.filter((f) => f.area === "whole tier at once"),
                [],
            );
        }
    });
});
