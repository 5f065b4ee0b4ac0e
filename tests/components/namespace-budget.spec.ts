import * as assert from "assert";
import { namespaceBudget, QUOTA_HEADROOM } from "../../components/shared/namespace-budget";
import { mebibytes, millicores } from "../../policies/lib/quantities";
import { namespaceQuotas } from "../../policies/rules/parity";
import { fromInventory } from "../../offline/policy-input";
import { runPolicies } from "../../offline/policy-runner";
import { ofType, planned } from "../support/harness";
import { check, Subject } from "../support/policy-helper";

const container = (name: string, cpu: [string, string], memory: [string, string]) => ({
    name,
    image: "x:1",
    resources: {
        requests: { cpu: cpu[0], memory: memory[0] },
        limits: { cpu: cpu[1], memory: memory[1] },
    },
});
const statefulSet = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "relay", namespace: "chain" },
    spec: {
        replicas: 4,
        template: {
            spec: {
                initContainers: [container("init", ["2", "2"], ["64Mi", "64Mi"])],
                containers: [container("relay", ["500m", "1"], ["1Gi", "1536Mi"])],
            },
        },
    },
};
const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "exporter", namespace: "chain" },
    spec: {
        replicas: 2,
        template: {
            spec: { containers: [container("exporter", ["100m", "200m"], ["128Mi", "256Mi"])] },
        },
    },
};
const elsewhere = { ...deployment, metadata: { name: "other", namespace: "monitoring" } };

describe("namespace budget (LimitRange and ResourceQuota from the declared pods)", () => {
    it("parses quantities", () => {
        assert.deepStrictEqual(
            [millicores("500m"), millicores("2"), millicores("1.5"), millicores("x")],
            [500, 2000, 1500, undefined],
        );
        assert.deepStrictEqual(
            [
                mebibytes("1Gi"),
                mebibytes("256Mi"),
                mebibytes("1024Ki"),
                mebibytes("1e3"),
                mebibytes("1048576k") !== undefined,
                mebibytes("1K"),
            ],
            [1024, 256, 1, undefined, true, undefined],
        );
    });
    it("sizes the quota for every declared pod at once (init containers, Deployment surge) with headroom, and caps containers at the largest", () => {
        const [limitRange, quota] = namespaceBudget("chain", [statefulSet, deployment, elsewhere]);
        // relay pods: max(500m, init 2000m) = 2000m × 4; exporter: 100m × (2 + surge 1)
        const requestsCpu = (2000 * 4 + 100 * 3) * QUOTA_HEADROOM;
        assert.strictEqual(
            (quota!.spec as { hard: Record<string, string> }).hard["requests.cpu"],
            `${Math.ceil(requestsCpu)}m`,
        );
        assert.strictEqual(
            (quota!.spec as { hard: Record<string, string> }).hard["limits.memory"],
            `${Math.ceil((1536 * 4 + 256 * 3) * QUOTA_HEADROOM)}Mi`,
        );
        assert.deepStrictEqual(
            (limitRange!.spec as { limits: { max: unknown }[] }).limits[0]!.max,
            { cpu: "2000m", memory: "1536Mi" },
        );
        // Small containers: the defaults never exceed max (the API server refuses that LimitRange).
        const tiny = {
            ...deployment,
            spec: {
                replicas: 1,
                template: {
                    spec: { containers: [container("t", ["10m", "100m"], ["16Mi", "128Mi"])] },
                },
            },
        };
        const [small] = namespaceBudget("chain", [tiny]);
        assert.deepStrictEqual(
            (small!.spec as { limits: { default: unknown }[] }).limits[0]!.default,
            { cpu: "100m", memory: "128Mi" },
        );
    });
    it("gives each namespace of the stack its LimitRange and ResourceQuota, and the policy passes them", () => {
        const prod = planned("prod");
        for (const type of ["kubernetes:core/v1:LimitRange", "kubernetes:core/v1:ResourceQuota"]) {
            assert.deepStrictEqual(
                ofType(prod, type)
                    .map((r) => (r.inputs.metadata as { namespace: string }).namespace)
                    .sort(),
                ["backups", "chain", "database-users", "monitoring"],
            );
        }
        assert.ok(!prod.violations.some((v) => v.policy === "k8s-namespace-quotas"));
    });
    it("k8s-namespace-quotas fires on a quota the declared pods do not fit, and on a namespace without one", async () => {
        const prod = planned("prod");
        const shrunk = prod.resources.map((r) =>
            r.type === "kubernetes:core/v1:ResourceQuota" && r.name.startsWith("chain-")
                ? {
                      ...r,
                      inputs: {
                          ...r.inputs,
                          spec: {
                              hard: {
                                  "requests.cpu": "1000m",
                                  "requests.memory": "1Gi",
                                  "limits.cpu": "1",
                                  "limits.memory": "1Gi",
                              },
                          },
                      },
                  }
                : r,
        );
        const run = await runPolicies(fromInventory(shrunk), { policies: [namespaceQuotas] });
        assert.match(
            run.violations.map((v) => v.message).join("\n"),
            /namespace chain: the declared pods need requests\.cpu \d+m, the ResourceQuota allows 1000m/,
        );
        const podsCapped = prod.resources.map((r) =>
            r.type === "kubernetes:core/v1:ResourceQuota" && r.name.startsWith("chain-")
                ? {
                      ...r,
                      inputs: {
                          ...r.inputs,
                          spec: {
                              hard: { ...(r.inputs.spec as { hard: object }).hard, pods: "1" },
                          },
                      },
                  }
                : r,
        );
        assert.match(
            (
                await runPolicies(fromInventory(podsCapped), { policies: [namespaceQuotas] })
            ).violations
                .map((v) => v.message)
                .join(),
            /exceed the ResourceQuota's pods 1/,
        );
        const bare: Subject[] = [
            {
                type: "kubernetes:apps/v1:StatefulSet",
                name: "relay",
                props: statefulSet as unknown as Record<string, unknown>,
            },
        ];
        assert.deepStrictEqual((await check(namespaceQuotas, bare)).messages.sort(), [
            "namespace chain has no LimitRange",
            "namespace chain has no ResourceQuota",
        ]);
    });
});
