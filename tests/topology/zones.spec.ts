import * as assert from "assert";
import { mockInstanceTypeOfferings, mockZoneIds, zoneIdPrefix } from "../../offline/mock-zones";
import { chooseZones, EKS_UNSUPPORTED_ZONE_IDS, Zone } from "../../topology/zones";
import { plan, STACKS } from "../support/harness";

/** us-east-1 of an account where us-east-1a is use1-az3: the old name-sorted choice took it. */
const US_EAST_1: Zone[] = [
    { name: "us-east-1a", id: "use1-az3" },
    { name: "us-east-1b", id: "use1-az5" },
    { name: "us-east-1c", id: "use1-az1" },
    { name: "us-east-1d", id: "use1-az6" },
    { name: "us-east-1e", id: "use1-az2" },
    { name: "us-east-1f", id: "use1-az4" },
];
const ALL_IDS = US_EAST_1.map((z) => z.id);
const TYPES = [
    { role: "appServerInstanceType", type: "m6i.xlarge" },
    { role: "nodeInstanceType", type: "m6i.xlarge" },
    { role: "loadBalancerInstanceType", type: "c6i.large" },
];
const everywhereBut = (...missing: string[]) => ALL_IDS.filter((id) => !missing.includes(id));

describe("zone choice by zone ID", () => {
    it("skips use1-az3 (no EKS control plane) even when every type is offered there", () => {
        const choice = chooseZones({
            zones: US_EAST_1,
            count: 4,
            instanceTypes: TYPES,
            offerings: { "m6i.xlarge": ALL_IDS, "c6i.large": ALL_IDS },
        });
        assert.strictEqual(choice.problem, undefined);
        assert.deepStrictEqual(
            choice.chosen.map((z) => z.id),
            ["use1-az1", "use1-az2", "use1-az4", "use1-az5"],
        );
        assert.deepStrictEqual(
            choice.rejected.map((r) => r.zone.id),
            ["use1-az3"],
        );
        assert.match(choice.rejected[0]!.reasons.join(), /EKS/);
        assert.ok(
            EKS_UNSUPPORTED_ZONE_IDS.includes("usw1-az2") &&
                EKS_UNSUPPORTED_ZONE_IDS.includes("cac1-az3"),
        );
    });

    it("skips a zone that does not offer an instance type, naming the type and who needs it", () => {
        const choice = chooseZones({
            zones: US_EAST_1,
            count: 2,
            instanceTypes: TYPES,
            offerings: { "m6i.xlarge": everywhereBut("use1-az1"), "c6i.large": ALL_IDS },
        });
        assert.deepStrictEqual(
            choice.chosen.map((z) => z.id),
            ["use1-az2", "use1-az4"],
        );
        const az1 = choice.rejected.find((r) => r.zone.id === "use1-az1")!;
        assert.deepStrictEqual(az1.reasons, [
            "m6i.xlarge (appServerInstanceType, nodeInstanceType) is not offered there",
        ]);
    });

    it("orders by zone ID, so accounts with different name mappings choose the same physical zones", () => {
        const shuffled = US_EAST_1.map((z, i) => ({
            name: US_EAST_1[(i + 2) % 6]!.name,
            id: z.id,
        })).reverse();
        const offerings = { "m6i.xlarge": ALL_IDS, "c6i.large": ALL_IDS };
        const a = chooseZones({ zones: US_EAST_1, count: 3, instanceTypes: TYPES, offerings });
        const b = chooseZones({ zones: shuffled, count: 3, instanceTypes: TYPES, offerings });
        assert.deepStrictEqual(
            a.chosen.map((z) => z.id),
            b.chosen.map((z) => z.id),
        );
        assert.deepStrictEqual(
            chooseZones({
                zones: [
                    { name: "x-1a", id: "x1-az10" },
                    { name: "x-1b", id: "x1-az2" },
                ],
                count: 2,
                instanceTypes: [],
                offerings: {},
            }).chosen.map((z) => z.id),
            ["x1-az2", "x1-az10"],
        );
    });

    it("explains which zones were rejected and why when too few qualify", () => {
        const choice = chooseZones({
            zones: US_EAST_1,
            count: 4,
            instanceTypes: TYPES,
            offerings: { "m6i.xlarge": ALL_IDS, "c6i.large": ["use1-az1", "use1-az2", "use1-az3"] },
        });
        assert.strictEqual(choice.chosen.length, 2);
        assert.match(choice.problem!, /must not exceed the 2 zone\(s\)/);
        assert.match(
            choice.problem!,
            /us-east-1a \(use1-az3\): EKS does not accept control-plane subnets there \|/,
        );
        assert.match(choice.problem!, /us-east-1b \(use1-az5\): c6i\.large/);
    });

    it("mocks: zone IDs in AWS's format, shuffled per account, use1-az3 offering only legacy types", () => {
        assert.deepStrictEqual(
            ["us-east-1", "ap-northeast-1", "us-gov-west-1", "eu-central-1"].map(zoneIdPrefix),
            ["use1", "apne1", "usgw1", "euc1"],
        );
        const names = US_EAST_1.map((z) => z.name);
        const ids = mockZoneIds("us-east-1", names, "123456789012");
        assert.deepStrictEqual([...ids].sort(), ALL_IDS.slice().sort());
        assert.ok(
            ids.indexOf("use1-az3") < 2,
            "the mock account must map use1-az3 to a name the old name-sorted choice took",
        );
        const offered = mockInstanceTypeOfferings(ids, ["m6i.xlarge", "m4.large"]);
        const where = (type: string) =>
            offered.locations.filter((_, i) => offered.instanceTypes[i] === type);
        assert.ok(!where("m6i.xlarge").includes("use1-az3"));
        assert.ok(where("m4.large").includes("use1-az3"));
    });

    for (const stack of STACKS) {
        it(`${stack}: the plan's zones exclude use1-az3 and are ordered by zone ID`, () => {
            const result = plan(stack);
            // Zones are chosen before anything is declared; a policy finding elsewhere (exit 1) does not change them.
            assert.ok(
                result.inventory,
                `the plan of ${stack} wrote no inventory (exit ${result.status}):\n${result.stderr}`,
            );
            const outputs = result.inventory.outputs as {
                availabilityZones: string[];
                availabilityZoneIds: string[];
            };
            assert.ok(!outputs.availabilityZoneIds.includes("use1-az3"), JSON.stringify(outputs));
            assert.deepStrictEqual(
                outputs.availabilityZoneIds,
                [...outputs.availabilityZoneIds].sort(),
            );
            // The names the plan chose are the ones the mock account maps to those IDs.
            const names = US_EAST_1.map((z) => z.name);
            const ids = mockZoneIds("us-east-1", names, "123456789012");
            const idOf = (name: string) => ids[names.indexOf(name)];
            assert.deepStrictEqual(
                outputs.availabilityZones.map(idOf),
                outputs.availabilityZoneIds,
            );
        });
    }
});
