/**
 * Day two: each routine change of the README's procedures, planned against the committed stack. None
 * replaces a server for configuration, and no change replaces more than one member of a tier at once.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { loadPriceTable } from "../offline/cost";
import { Inventory } from "../offline/inventory";
import { diffInventories, PlanDiff } from "../offline/review/diff";
import { plan, planned, PROJECT_DIR, StackName } from "./harness";

const prices = (region: string | undefined) => loadPriceTable(region, path.join(PROJECT_DIR, "pricing"));

function routine(stack: StackName, overrides: Record<string, unknown>): PlanDiff {
    const result = plan(stack, { overrides });
    assert.strictEqual(result.status, 0, result.stderr);
    return diffInventories(planned(stack), result.inventory as Inventory, prices);
}

const replaced = (diff: PlanDiff) => diff.resources.filter((r) => r.replacement || r.kind === "removed").map((r) => `${r.kind === "removed" ? "-" : "±"}${r.name}`).sort();
const changed = (diff: PlanDiff) => diff.resources.map((r) => r.name).sort();

describe("day two: routine changes reconfigure in place", () => {
    const peers = (stack: StackName) => (parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown[]> }).config["chain-platform:wireguardPeers"]!;

    it("a WireGuard peer updates the hub's configuration parameter and replaces nothing", () => {
        const diff = routine("prod", { "chain-platform:wireguardPeers": [...peers("prod"), { name: "carol", publicKey: "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=", allowedIps: ["10.98.0.12/32"] }] });
        assert.deepStrictEqual(changed(diff), ["wireguard-config"]);
        assert.deepStrictEqual(replaced(diff), []);
    });
    it("an API server adds the server and updates the load balancers' nginx.conf parameter, no load balancer replaced", () => {
        const diff = routine("prod", { "chain-platform:appServerCount": 5 });
        assert.deepStrictEqual(replaced(diff), []);
        assert.ok(changed(diff).includes("lb-config") && !changed(diff).some((n) => /^lb-\d$/.test(n)), changed(diff).join());
        assert.ok(diff.resources.some((r) => r.kind === "added" && r.name === "app-4"));
    });
    it("validators grow in place, 3f+1 at a time (staging: 4 → 7)", () => {
        const diff = routine("staging", { "chain-platform:validators": 7 });
        assert.deepStrictEqual(replaced(diff), []);
        assert.ok(diff.resources.some((r) => r.kind === "added"), "the new validator's key and configuration are added");
    });
    const rotations: [string, string, RegExp][] = [
        ["chain-platform:redisAuthTokenGeneration", "the Redis AUTH token", /^redis-auth-token$/],
        ["chain-platform:wireguardKeyGeneration", "the WireGuard hub key", /^wireguard-private-key$/],
        ["chain-platform:grafanaPasswordGeneration", "Grafana's admin password", /^monitoring-grafana-admin$/],
    ];
    for (const [key, what, holders] of rotations) {
        it(`rotating ${what} replaces only its random value`, () => {
            const diff = routine("prod", { [key]: 1 });
            // Offline the new value is unknown, so its holders (secret version, replication group, parameter,
            // Kubernetes Secret) show no input change; `pulumi preview` shows them as in-place updates.
            assert.deepStrictEqual(diff.resources.map((r) => [r.name, r.replacement, r.changes.map((c) => c.path)]), [[diff.resources[0]!.name, true, ["keepers.generation"]]]);
            assert.match(diff.resources[0]!.name, holders);
        });
    }
    it("no routine change replaces more than one member of a tier at once", () => {
        for (const diff of [routine("prod", { "chain-platform:appServerCount": 5 }), routine("staging", { "chain-platform:validators": 7 }), routine("prod", { "chain-platform:redisAuthTokenGeneration": 1 })]) {
            assert.deepStrictEqual(diff.findings.filter((f) => f.area === "whole tier at once"), []);
        }
    });
});
