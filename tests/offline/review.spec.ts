import * as assert from "assert";
import { spawnSync } from "child_process";
import { inventoryResource, withAddedPeer } from "../support/factories";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import {
    backupSourceSizes,
    backupStorageEstimate,
    estimateCost,
    loadPriceTable,
    PriceTable,
} from "../../offline/cost";
import { diffInventories, PlanDiff } from "../../offline/review/diff";
import { renderDiffMarkdown } from "../../offline/review/render";
import { Inventory, InventoryResource } from "../../offline/inventory";
import { renderPlanMarkdown } from "../../offline/markdown";
import { onDemandHourly, pricesFor } from "../../offline/price-list";
import { CatalogKind, catalogNames } from "../../topology/aws-catalog";
import { retainedBackups } from "../../topology/retention";
import { ofType, plan, planned, prefetch, PROJECT_DIR, STACKS } from "../support/harness";
import { runInProcess } from "../support/in-process";
import { runAsync, ToolResult } from "../support/tools";

const prices = JSON.parse(
    fs.readFileSync(path.join(PROJECT_DIR, "pricing/us-east-1.json"), "utf8"),
) as PriceTable;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-"));
const copy = (inventory: Inventory) => JSON.parse(JSON.stringify(inventory)) as Inventory;
const mutable = (r: InventoryResource) => r.inputs as Record<string, unknown>;

const prodPeers = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8")).config[
    "chain-platform:wireguardPeers"
] as { name: string }[];
/** Changes to prod a reviewer sees in the plan diff, each as its configuration. */
const HEADS = {
    peer: withAddedPeer(prodPeers),
    apiServer: { "chain-platform:appServerCount": 5 },
    database: { "chain-platform:postgresInstanceClass": "db.r6g.4xlarge" },
    tagOnly: { "chain-platform:owner": "chain-team" },
};
const OTHER_REGION = { "aws:region": "eu-west-1" };
// Planned by the worker while the tests before these run.
for (const overrides of Object.values(HEADS)) prefetch("prod", { overrides });
for (const stack of STACKS) prefetch(stack, { overrides: OTHER_REGION });

describe("cost estimate", () => {
    it("prices each kind of resource from the table, and counts an unknown price apart, never as zero", () => {
        const cost = estimateCost(
            [
                inventoryResource("aws:ec2/instance:Instance", "app", {
                    instanceType: "t3.large",
                    rootBlockDevice: { volumeSize: 20 },
                }),
                inventoryResource("aws:rds/instance:Instance", "db", {
                    instanceClass: "db.t4g.large",
                    allocatedStorage: 100,
                    multiAz: true,
                }),
                inventoryResource("aws:elasticache/replicationGroup:ReplicationGroup", "redis", {
                    nodeType: "cache.r6g.large",
                    numCacheClusters: 3,
                }),
                inventoryResource("aws:ec2/natGateway:NatGateway", "nat", {}),
                inventoryResource("aws:ec2/eip:Eip", "eip", {}),
                inventoryResource("aws:ec2/instance:Instance", "exotic", {
                    instanceType: "x2iedn.32xlarge",
                }),
                inventoryResource("aws:dynamodb/table:Table", "table", {}),
                inventoryResource("aws:ec2/vpc:Vpc", "vpc", {}),
            ],
            prices,
        );
        const byName = Object.fromEntries(
            cost.items.map((i) => [i.urn.split("::").pop(), i.monthlyUsd]),
        );
        assert.strictEqual(byName.app, 62.34); // 0.0832 × 730 + 20 GiB × 0.08
        assert.strictEqual(byName.db, 211.34); // (0.129 × 730 + 100 GiB × 0.115) × 2 for Multi-AZ
        assert.strictEqual(byName.redis, 451.14); // 0.206 × 730 × 3
        assert.strictEqual(byName.nat, 32.85);
        assert.strictEqual(byName.eip, 3.65);
        assert.strictEqual(byName.exotic, null);
        assert.strictEqual(byName.table, null);
        assert.ok(!("vpc" in byName), "free resources are not listed");
        assert.strictEqual(cost.monthlyUsd, 761.32);
        assert.deepStrictEqual(
            cost.unknown.map((u) => u.split("::").pop()),
            ["exotic", "table"],
        );
        assert.ok(cost.label.includes(`as of ${prices.asOf}`), cost.label);
    });
    it("has a dated price for every instance type, class and node type the schema accepts, in every region the stacks use", () => {
        for (const stack of STACKS) {
            const region = String(
                (
                    parse(
                        fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8"),
                    ) as { config: Record<string, unknown> }
                ).config["aws:region"],
            );
            const table = loadPriceTable(region, path.join(PROJECT_DIR, "pricing"));
            assert.ok(table, `no price table for ${region}`);
            assert.match(table.asOf, /^\d{4}-\d{2}-\d{2}$/);
            const kinds: [CatalogKind, Readonly<Record<string, number>>][] = [
                ["ec2", table.ec2Hourly],
                ["rds", table.rdsHourly],
                ["cache", table.elasticacheHourly],
            ];
            for (const [kind, hourly] of kinds) {
                assert.deepStrictEqual(
                    catalogNames(kind).filter(
                        (n) => !(typeof hourly[n] === "number" && hourly[n]! > 0),
                    ),
                    [],
                    `${region} ${kind}`,
                );
            }
        }
    });
    it("reads on-demand hourly prices from Price List API documents, and reports what has none", () => {
        const doc = (instanceType: string, usd: string, unit = "Hrs") =>
            JSON.stringify({
                product: {
                    productFamily: "Database Instance",
                    attributes: {
                        instanceType,
                        regionCode: "us-east-1",
                        databaseEngine: "PostgreSQL",
                    },
                },
                terms: {
                    OnDemand: {
                        "ABC.JRTCKXETXF": {
                            priceDimensions: {
                                "ABC.JRTCKXETXF.6YS6EN2CT7": {
                                    unit,
                                    pricePerUnit: { USD: usd },
                                    description: "$x per RDS db.r6g.large Single-AZ instance hour",
                                },
                            },
                        },
                    },
                },
            });
        assert.deepStrictEqual(onDemandHourly(doc("db.r6g.large", "0.2250000000")), {
            name: "db.r6g.large",
            usd: 0.225,
        });
        assert.strictEqual(onDemandHourly(doc("db.r6g.large", "0.0000000000")), undefined);
        assert.strictEqual(onDemandHourly(doc("db.r6g.large", "0.1", "Quantity")), undefined);
        const result = pricesFor(
            [
                doc("db.r6g.large", "0.225"),
                doc("db.m6g.large", "0.152"),
                doc("db.x2g.large", "0.5"),
            ],
            ["db.r6g.large", "db.m6g.large", "db.r7g.large"],
        );
        assert.deepStrictEqual(result, {
            prices: { "db.r6g.large": 0.225, "db.m6g.large": 0.152 },
            missing: ["db.r7g.large"],
        });
    });
    it("estimates backup storage from the configuration and the seeds' retention", () => {
        assert.strictEqual(retainedBackups(), 96); // 6/day × 7 + 30 + 12 + 12
        const estimate = backupStorageEstimate(
            { postgresGb: 100, chainGb: 200 },
            { primary: { dumps: "d", snapshots: "s", config: "c" }, replica: { dumps: "d2" } },
        );
        assert.deepStrictEqual(estimate.bucketGb, { d: 2400, s: 9600, c: 1, d2: 2400 });
        const cost = estimateCost(
            [
                inventoryResource("aws:s3/bucket:Bucket", "d", { bucket: "d" }),
                inventoryResource("aws:s3/bucket:Bucket", "x", { bucket: "x" }),
            ],
            prices,
            estimate,
        );
        assert.deepStrictEqual(
            cost.items.map((i) => i.monthlyUsd),
            [55.2, null],
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: the plan carries cost.monthlyUsd and a per-resource breakdown`, () => {
            const cost = planned(stack).cost!;
            assert.ok(cost.monthlyUsd > 500, String(cost.monthlyUsd));
            assert.ok(
                cost.items.some((i) => i.type === "aws:eks/cluster:Cluster" && i.monthlyUsd === 73),
            );
            assert.strictEqual(
                Math.round(cost.items.reduce((s, i) => s + (i.monthlyUsd ?? 0), 0) * 100) / 100,
                cost.monthlyUsd,
            );
        });
    }
    it("costs prod more than staging", () =>
        assert.ok(planned("prod").cost!.monthlyUsd > planned("staging").cost!.monthlyUsd));
    it("reads backup source sizes from the declared database and validator volume", () => {
        assert.deepStrictEqual(backupSourceSizes(planned("prod").resources), {
            postgresGb: 500,
            chainGb: 500,
        });
    });
    it("plans a region the repository has no price table for, every price unknown rather than zero", () => {
        const result = plan("staging", { overrides: OTHER_REGION });
        assert.strictEqual(result.status, 0, result.stderr);
        const cost = result.inventory!.cost!;
        assert.strictEqual(cost.monthlyUsd, 0);
        assert.ok(cost.items.length > 20 && cost.items.every((i) => i.monthlyUsd === null));
        assert.strictEqual(cost.unknown.length, cost.items.length);
        assert.match(cost.label, /No price table for eu-west-1/);
    });
    it("refuses more availability zones than the region has, naming the key", () => {
        const result = plan("prod", { overrides: OTHER_REGION });
        assert.strictEqual(result.status, 2, result.stderr);
        assert.match(
            result.stderr,
            /chain-platform:availabilityZones = 4: must not exceed the 3 zone\(s\) offering everything the stack needs .*\(region eu-west-1\)/,
        );
    });
});

describe("Markdown report", () => {
    let report: string;
    before(() => (report = renderPlanMarkdown(planned("staging"))));
    it("puts the summary first: counts, policy result, monthly cost", () => {
        const [heading, , summary] = report.split("\n");
        assert.strictEqual(heading, "## Offline plan: `chain-platform/staging`");
        assert.match(
            summary!,
            /^\*\*\d+ resources\*\* in \d+ components · \*\*policies:\*\* ✅ no mandatory violation · \*\*monthly cost:\*\* [\d,.]+ USD/,
        );
        assert.ok(report.indexOf("### Policy results") < report.indexOf("### Monthly cost"));
        assert.ok(
            report.indexOf("### Monthly cost") < report.indexOf("### Resources by component"),
        );
    });
    it("draws the topology and lists resources by component and type", () => {
        assert.match(
            report,
            /```mermaid\nflowchart LR[\s\S]*lb --> app[\s\S]*app --> db[\s\S]*relays --> validators[\s\S]*```/,
        );
        assert.match(report, /validators\["validators ×4"\]/);
        assert.match(
            report,
            /<details><summary>network \(\d+\)<\/summary>[\s\S]*\| `aws:ec2\/vpc:Vpc` \| 1 \|/,
        );
    });
    it("shows violations when there are any", () => {
        const inventory = {
            ...copy(planned("staging")),
            violations: [
                {
                    policy: "required-tags",
                    enforcementLevel: "mandatory" as const,
                    urn: "urn:pulumi:staging::p::aws:ec2/vpc:Vpc::vpc",
                    message: "missing tags: Owner",
                },
            ],
        };
        assert.match(
            renderPlanMarkdown(inventory),
            /❌ 1 mandatory violation[\s\S]*\| mandatory \| `required-tags` \| `vpc` \| missing tags: Owner \|/,
        );
    });
});

describe("plan diff", () => {
    const prices = (region: string | undefined) =>
        loadPriceTable(region, path.join(PROJECT_DIR, "pricing"));
    let base: Inventory;
    /** `plan:diff --base HEAD` as a process, and the TMPDIR it was given (see "command line"). */
    let fromRevision: { result: Promise<ToolResult>; tmp: string };
    before(() => {
        base = planned("prod");
        // The one run that plans a git revision takes seconds (a process of its own, as it plans
        // another checkout): it starts here and runs while the tests below do; its test awaits it.
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "diff-revision-"));
        const head = path.join(dir, "revision-head.json");
        fs.writeFileSync(head, JSON.stringify(planned("staging")));
        fromRevision = {
            tmp,
            result: runAsync(
                process.execPath,
                [
                    "-r",
                    "./scripts/register.js",
                    "scripts/plan-diff.ts",
                    "--base",
                    "HEAD",
                    "--stack",
                    "staging",
                    head,
                ],
                { cwd: PROJECT_DIR, env: { TMPDIR: tmp } },
            ),
        };
    });
    const headOf = (overrides: Record<string, unknown>) => {
        const result = plan("prod", { overrides });
        assert.strictEqual(result.status, 0, result.stderr);
        return result.inventory!;
    };
    const diffTo = (head: Inventory) => diffInventories(base, head, prices);
    const rows = (diff: PlanDiff, area?: string) =>
        diff.findings.filter((f) => area === undefined || f.area === area);
    /** The comment as CI posts it: the diff above the head's plan report. */
    const commentSize = (diff: PlanDiff, head: Inventory) =>
        renderDiffMarkdown(diff).length + renderPlanMarkdown(head).length;

    it("shows nothing to review for identical plans, at an exact cost delta of zero", () => {
        const diff = diffTo(base);
        assert.deepStrictEqual([diff.findings, diff.resources, diff.cost.delta], [[], [], 0]);
        assert.match(renderDiffMarkdown(diff), /Nothing to review first/);
    });

    // Prod can no longer be switched to staging by configuration (the stack's name decides); the
    // reviewer's case is the same diff: prod's plan against staging's settings under prod's name.
    describe("prod switched to staging's settings", () => {
        let switched: Inventory;
        let diff: PlanDiff;
        before(() => {
            const head = JSON.parse(
                JSON.stringify(planned("staging")).replace(
                    /urn:pulumi:staging::/g,
                    "urn:pulumi:prod::",
                ),
            ) as Inventory;
            switched = { ...head, stack: "prod" };
            diff = diffTo(switched);
        });
        const why = (area: string) =>
            rows(diff, area)
                .map((f) => `${f.subjects.join(",")}: ${f.why}`)
                .join("\n");
        it("puts protection switched off under Review first: deletion protection, final snapshot, Multi-AZ, object lock", () => {
            const off = why("protection off");
            assert.match(off, /postgres-primary: deletion protection off/);
            assert.match(off, /postgres-primary: no final snapshot/);
            assert.match(off, /postgres-primary: standby or failover off.*multiAz/);
            assert.match(off, /backups-dumps-bucket: object lock off/);
        });
        it("puts the backup buckets' replacement and the database tiers first", () => {
            assert.match(
                why("stateful or serving"),
                /backups-dumps-bucket: replaced \(`bucket`.* forces it\) — bucket: its objects/,
            );
            assert.strictEqual(diff.findings[0]!.area, "whole tier at once");
        });
        it("keeps tag-only changes out of Review first, folded into one line", () => {
            const cosmetic = new Set(diff.resources.filter((r) => r.cosmetic).map((r) => r.urn));
            assert.ok(cosmetic.size > 20, String(cosmetic.size));
            assert.deepStrictEqual(
                diff.findings.filter((f) => cosmetic.has(f.urn)),
                [],
            );
            assert.match(
                renderDiffMarkdown(diff),
                new RegExp(`${cosmetic.size} resource\\(s\\) change only tags or descriptions`),
            );
        });
        it("fits a GitHub comment with room to spare, Review first whole, the rest pointed to the artifact", () => {
            assert.ok(commentSize(diff, switched) < 60_000, String(commentSize(diff, switched)));
            const small = renderDiffMarkdown(diff, {
                budget: 8_000,
                artifact: "offline-plan-prod",
            });
            for (const f of diff.findings)
                assert.ok(small.includes(f.why.replace(/\|/g, "\\|").replace(/\n/g, " ")), f.why);
            assert.match(
                small,
                /… \d+ more changed resource\(s\) are in the full report \(artifact `offline-plan-prod`\)/,
            );
            assert.doesNotMatch(small, /#cloud-config/, "user data is shown as size and hash");
        });
    });

    describe("a WireGuard peer added", () => {
        let head: Inventory;
        let diff: PlanDiff;
        before(() => {
            head = headOf(HEADS.peer);
            diff = diffTo(head);
        });
        it("is access widened: a new VPN peer with its routes", () => {
            assert.ok(
                rows(diff, "access widened").some((f) =>
                    /new VPN peer xTIBA5rb… with routes 10\.98\.0\.11\/32 \(bob\)/.test(f.why),
                ),
            );
        });
        it("replaces no server", () => {
            assert.deepStrictEqual(
                diff.resources.filter((r) => r.replacement).map((r) => r.name),
                [],
            );
            assert.deepStrictEqual(rows(diff, "whole tier at once"), []);
            assert.ok(commentSize(diff, head) < 60_000);
        });
    });

    describe("an API server added", () => {
        let head: Inventory;
        let diff: PlanDiff;
        before(() => {
            head = headOf(HEADS.apiServer);
            diff = diffTo(head);
        });
        it("adds the server and replaces no load balancer", () => {
            assert.ok(diff.resources.some((r) => r.kind === "added" && r.name === "app-4"));
            assert.deepStrictEqual(
                diff.resources.filter((r) => r.replacement).map((r) => r.name),
                [],
            );
            assert.deepStrictEqual(rows(diff, "whole tier at once"), []);
        });
        it("costs one more server, priced from the resources", () => {
            const server = diff.cost.after.items.find((i) => i.urn.endsWith("::app-4"))!;
            assert.ok(server.monthlyUsd! > 100);
            assert.strictEqual(
                diff.cost.delta,
                Math.round((diff.cost.after.monthlyUsd - diff.cost.before.monthlyUsd) * 100) / 100,
            );
            assert.ok(commentSize(diff, head) < 60_000);
        });
    });

    describe("the database resized", () => {
        let head: Inventory;
        before(() => (head = headOf(HEADS.database)));
        it("prices a class outside the old nine-type table from the one price table", () => {
            const diff = diffTo(head);
            const table = prices("us-east-1")!;
            const copies = ofType(head, "aws:rds/instance:Instance").reduce(
                (n, r) => n + (r.inputs.multiAz === true ? 2 : 1),
                0,
            );
            const expected =
                Math.round(
                    (table.rdsHourly["db.r6g.4xlarge"]! - table.rdsHourly["db.m6g.xlarge"]!) *
                        730 *
                        copies *
                        100,
                ) / 100;
            assert.ok(
                Math.abs(diff.cost.delta! - expected) < 0.05,
                `${diff.cost.delta} vs ${expected}`,
            );
            assert.match(renderDiffMarkdown(diff), /monthly cost \+[\d,.]+ USD/);
        });
        it("never trusts the cost an inventory carries: an edited or stale total changes nothing", () => {
            const stale = { ...head, cost: { ...head.cost!, monthlyUsd: base.cost!.monthlyUsd } };
            assert.strictEqual(diffTo(stale).cost.delta, diffTo(head).cost.delta);
            assert.ok(diffTo(head).cost.delta! > 1000);
        });
        it("makes the delta unknown, never a number, when a changed resource has no price", () => {
            const withoutClass = (region: string | undefined) => {
                const table = prices(region)!;
                const { ["db.r6g.4xlarge"]: _dropped, ...rdsHourly } = table.rdsHourly;
                return { ...table, rdsHourly };
            };
            const diff = diffInventories(base, head, withoutClass);
            assert.strictEqual(diff.cost.delta, undefined);
            assert.strictEqual(diff.cost.unpriced.length, 3);
            assert.match(
                renderDiffMarkdown(diff),
                /monthly cost unknown \([+−][\d,.]+ USD priced, 3 changed resource\(s\) without a price\)/,
            );
            const noTable = diffInventories(base, head, () => undefined);
            assert.strictEqual(noTable.cost.delta, undefined);
        });
    });

    describe("a tag-only change", () => {
        let diff: PlanDiff;
        before(() => (diff = diffTo(headOf(HEADS.tagOnly))));
        it("reviews nothing first, folds every change into one line, and costs exactly nothing", () => {
            assert.deepStrictEqual(diff.findings, []);
            assert.ok(
                diff.resources.length > 100 && diff.resources.every((r) => r.cosmetic),
                diff.resources
                    .filter((r) => !r.cosmetic)
                    .map((r) => r.name)
                    .join(),
            );
            assert.strictEqual(diff.cost.delta, 0);
            const md = renderDiffMarkdown(diff);
            assert.match(md, /Nothing to review first/);
            assert.ok(md.length < 5_000, String(md.length));
        });
    });

    it("matches a renamed component's resources through their aliases: nothing added or removed", () => {
        // The plan before the component types were renamed, as it recorded them: the former URNs.
        let renamed = 0;
        const formerPlan: Inventory = {
            ...copy(base),
            resources: base.resources.map((r) => {
                if (!r.aliases) return r;
                renamed++;
                const { aliases, ...rest } = r;
                return { ...rest, urn: aliases[0]! };
            }),
        };
        assert.ok(renamed > 100, "the stack renamed component types with aliases");
        const diff = diffInventories(formerPlan, base, prices);
        assert.deepStrictEqual([diff.resources.length, diff.findings], [0, []]);
        // Without the aliases the same rename would be a delete and a create of each resource.
        const unaliased: Inventory = {
            ...copy(base),
            resources: base.resources.map(({ aliases: _aliases, ...r }) => r),
        };
        const broken = diffInventories(formerPlan, unaliased, prices);
        assert.ok(
            broken.resources.some((r) => r.kind === "removed") &&
                broken.resources.some((r) => r.kind === "added"),
        );
    });

    it("names an opened port under access widened, and an ingress rule's tag change nowhere", () => {
        const head = copy(base);
        const rule = head.resources.find(
            (r) => r.name === "network-appServer-in-tcp-8080-loadBalancer",
        )!;
        mutable(rule).cidrIpv4 = "0.0.0.0/0";
        delete mutable(rule).referencedSecurityGroupId;
        const other = head.resources.find(
            (r) =>
                r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" &&
                r !== rule,
        )!;
        mutable(other).tags = { ...(other.inputs.tags as object), Owner: "someone" };
        const diff = diffTo(head);
        assert.deepStrictEqual(
            diff.findings.map((f) => [f.area, f.subjects[0]]),
            [["access widened", rule.name]],
        );
        assert.match(
            diff.findings[0]!.why,
            /ingress tcp\/8080 from group .* becomes ingress tcp\/8080 from 0\.0\.0\.0\/0/,
        );
    });
    it("predicts replacements from force-new inputs, with the delete-first ones said", () => {
        const head = copy(base);
        const subnet = head.resources.find((r) => r.type === "aws:ec2/subnet:Subnet")!;
        mutable(subnet).cidrBlock = "10.30.200.0/24";
        const lb = head.resources.find((r) => r.name === "lb-0")!;
        mutable(lb).userData = `${String(lb.inputs.userData)}\n# changed`;
        const diff = diffTo(head);
        assert.strictEqual(diff.resources.find((r) => r.urn === subnet.urn)!.replacement, true);
        const server = diff.resources.find((r) => r.urn === lb.urn)!;
        assert.deepStrictEqual(
            [server.replacement, server.deleteFirst],
            [true, lb.deleteBeforeReplace === true],
        );
        assert.match(renderDiffMarkdown(diff), /🔁 `userData` \(\+1 −0 lines\)/);
        const inPlace = copy(head);
        mutable(inPlace.resources.find((r) => r.name === "lb-0")!).userDataReplaceOnChange = false;
        assert.strictEqual(
            diffTo(inPlace).resources.find((r) => r.urn === lb.urn)!.replacement,
            false,
        );
    });
    it("warns when one update replaces every member of a tier at once, and says how a chained tier rolls", () => {
        const head = copy(base);
        for (const name of ["lb-0", "lb-1"])
            mutable(head.resources.find((r) => r.name === name)!).userData =
                "#cloud-config\nhostname: changed\n";
        assert.deepStrictEqual(
            rows(diffTo(head), "whole tier at once"),
            [],
            "lb-1 waits for lb-0: a rolling replacement",
        );
        assert.deepStrictEqual(
            rows(diffTo(head), "stateful or serving").map((f) => [
                f.subjects,
                /one after another/.test(f.why),
            ]),
            [[["lb-0", "lb-1"], true]],
        );
        const unchained = {
            ...head,
            resources: head.resources.map((r) =>
                r.name === "lb-1"
                    ? { ...r, dependencies: r.dependencies.filter((d) => !d.endsWith("::lb-0")) }
                    : r,
            ),
        };
        assert.deepStrictEqual(
            rows(diffTo(unchained), "whole tier at once").map((f) => f.subjects),
            [["lb-0", "lb-1"]],
        );
        const one = copy(base);
        mutable(one.resources.find((r) => r.name === "lb-0")!).userData =
            "#cloud-config\nhostname: changed\n";
        assert.deepStrictEqual(rows(diffTo(one), "whole tier at once"), []);
        assert.match(
            rows(diffTo(one), "stateful or serving")[0]!.why,
            /^replaced.*`userData`.* — server: down until the new one boots/,
        );
    });
    it("predicts no replacement for an input under ignoreChanges (the servers' AMI)", () => {
        const head = copy(base);
        mutable(head.resources.find((r) => r.name === "lb-0")!).ami = "ami-0123456789abcdef0";
        assert.deepStrictEqual(diffTo(head).resources, []);
    });
    it("names a mandatory policy violation new in the head", () => {
        const head = {
            ...copy(base),
            violations: [
                ...base.violations,
                {
                    policy: "rds-protected",
                    enforcementLevel: "mandatory" as const,
                    urn: "urn:pulumi:prod::chain-platform::aws:rds/instance:Instance::postgres-primary",
                    message: "deletion protection is off",
                },
            ],
        };
        assert.deepStrictEqual(
            rows(diffTo(head), "new policy violation").map((f) => f.why),
            ["mandatory `rds-protected`: deletion protection is off"],
        );
    });
    it("reports IAM and RBAC broadened, keys' protection off, and secrets stay masked", () => {
        const head = copy(base);
        const key = head.resources.find((r) => r.type === "aws:kms/key:Key")!;
        mutable(key).enableKeyRotation = false;
        const policy = head.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy")!;
        mutable(policy).policy = '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
        const role = head.resources.find(
            (r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        )!;
        mutable(role).rules = [
            ...(role.inputs.rules as unknown[]),
            { apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] },
        ];
        const diff = diffTo(head);
        assert.match(
            rows(diff, "protection off")
                .map((f) => f.why)
                .join(),
            /key rotation off/,
        );
        const widened = rows(diff, "access widened")
            .map((f) => f.why)
            .join("\n");
        assert.match(widened, /IAM grants \* on \*/);
        assert.match(widened, /RBAC grants get core\/nodes\/proxy/);
        assert.doesNotMatch(renderDiffMarkdown(diff), /authToken"?: *"[^[]/);
    });

    describe("command line", () => {
        // In-process, as `npm run plan:diff` runs it, with its temporary folders under `scratch`.
        const run = (...args: string[]) => runInProcess("plan-diff", args, { TMPDIR: scratch });
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "diff-tmp-"));
        const write = (name: string, value: unknown) => {
            fs.writeFileSync(
                path.join(dir, name),
                typeof value === "string" ? value : JSON.stringify(value),
            );
            return path.join(dir, name);
        };
        const noTrace = (stderr: string) =>
            assert.doesNotMatch(stderr, /^\s+at /m, "stack trace printed");
        it("writes the comment and the full report, and leaves no temporary files", () => {
            const head = copy(base);
            mutable(
                head.resources.find((r) => r.type === "aws:rds/instance:Instance")!,
            ).instanceClass = "db.r6g.large";
            const child = run(
                write("base.json", base),
                write("head.json", head),
                "--markdown",
                path.join(dir, "diff.md"),
                "--full",
                path.join(dir, "full.json"),
            );
            assert.strictEqual(child.status, 0, child.stderr);
            assert.match(
                fs.readFileSync(path.join(dir, "diff.md"), "utf8"),
                /^## Plan diff: `chain-platform\/prod`/,
            );
            assert.ok(
                (JSON.parse(fs.readFileSync(path.join(dir, "full.json"), "utf8")) as PlanDiff)
                    .resources.length === 1,
            );
            assert.deepStrictEqual(fs.readdirSync(scratch), []);
        });
        it("refuses two different stacks unless told to compare them", () => {
            const staging = write("staging.json", planned("staging"));
            const refused = run(write("base.json", base), staging);
            assert.strictEqual(refused.status, 2, refused.stderr);
            assert.match(
                refused.stderr,
                /is chain-platform\/prod but .* is chain-platform\/staging; .*--compare-stacks/,
            );
            const compared = run(write("base.json", base), staging, "--compare-stacks");
            assert.strictEqual(compared.status, 0, compared.stderr);
            assert.match(
                compared.stdout,
                /^## Stack comparison: `chain-platform\/prod` → `chain-platform\/staging`/m,
            );
        });
        it("answers bad input with exit 2, a message and no stack trace", () => {
            const cases: [string[], RegExp][] = [
                [
                    [
                        write("shape.json", { resources: [{}] }),
                        write("shape2.json", { resources: [{}] }),
                    ],
                    /is not an offline-plan inventory[\s\S]*resources\.0\.urn/,
                ],
                [[write("text.json", "{not json"), write("base.json", base)], /not valid JSON/],
                [[write("base.json", base), path.join(dir, "missing.json")], /no such file/],
                [
                    [write("base.json", base), write("head.json", base), "--markdown"],
                    /--markdown needs a value/,
                ],
                [[write("base.json", base)], /give BASE\.json and HEAD\.json/],
            ];
            for (const [args, message] of cases) {
                const child = run(...args);
                assert.strictEqual(child.status, 2, `${args.join(" ")}: ${child.stderr}`);
                assert.match(child.stderr, message);
                noTrace(child.stderr);
            }
            assert.deepStrictEqual(fs.readdirSync(scratch), []);
        });
        it("plans a git revision in a worktree it removes again, leaving no temporary folder", async () => {
            const child = await fromRevision.result;
            assert.strictEqual(child.status, 0, child.stderr);
            assert.match(child.stdout, /^## Plan diff: `chain-platform\/staging`/m);
            assert.deepStrictEqual(fs.readdirSync(fromRevision.tmp), []);
            const worktrees = spawnSync("git", ["worktree", "list"], {
                cwd: PROJECT_DIR,
                encoding: "utf8",
            })
                .stdout.trim()
                .split("\n");
            assert.strictEqual(worktrees.length, 1, worktrees.join("\n"));
        });
        it("never quotes a file's text in an error (it may hold a secret)", () => {
            const child = run(
                write("secret.json", '{"password": hunter2secret}'),
                write("base.json", base),
            );
            assert.strictEqual(child.status, 2, child.stderr);
            assert.match(child.stderr, /not valid JSON/);
            assert.doesNotMatch(child.stderr, /hunter2/);
        });
    });
});

describe("workflows", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validator = require("@action-validator/core") as {
        validateWorkflow(text: string): { errors: unknown[] };
    };
    const workflows = fs.readdirSync(path.join(PROJECT_DIR, ".github/workflows")).map((f) => ({
        file: f,
        text: fs.readFileSync(path.join(PROJECT_DIR, ".github/workflows", f), "utf8"),
    }));
    it("are valid GitHub Actions workflows (action-validator); a broken one is not", () => {
        assert.ok(workflows.length >= 2);
        for (const w of workflows)
            assert.deepStrictEqual(validator.validateWorkflow(w.text).errors, [], w.file);
        assert.notDeepStrictEqual(
            validator.validateWorkflow(
                "on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps: []\n",
            ).errors,
            [],
        );
    });
    it("plan, check and diff every pull request offline for both stacks, and fail on a mandatory violation", () => {
        const pr = parse(workflows.find((w) => w.file === "pull-request.yml")!.text) as {
            on: Record<string, unknown>;
            jobs: Record<
                string,
                {
                    strategy?: { matrix: { stack: string[] } };
                    steps: { run?: string; uses?: string; with?: Record<string, unknown> }[];
                }
            >;
        };
        assert.ok("pull_request" in pr.on);
        const offline = pr.jobs["offline-plan"]!;
        assert.deepStrictEqual(offline.strategy!.matrix.stack, ["staging", "prod"]);
        const runs = offline.steps.map((s) => s.run ?? "").join("\n");
        assert.match(
            runs,
            /npm run -s plan -- --stack \$\{\{ matrix\.stack \}\} --json head\.json --markdown plan\.md/,
        );
        assert.match(runs, /npm run -s plan:diff -- --base origin\/\$\{\{ github\.base_ref \}\}/);
        assert.match(runs, /exit 1/);
        const preview = pr.jobs.preview!.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        assert.deepStrictEqual(
            [
                preview.with!.command,
                preview.with!.policyPacks,
                preview.with!["comment-on-pr"],
                preview.with!.diff,
                preview.with!["always-include-summary"],
            ],
            ["preview", "policies", true, true, true],
        );
    });
    it("post each stack's report as a pull-request comment, forks included, without running their code", () => {
        const comment = parse(workflows.find((w) => w.file === "pr-comment.yml")!.text) as {
            on: { workflow_run: { workflows: string[] } };
            permissions: Record<string, string>;
            jobs: { comment: { steps: { uses?: string; with?: Record<string, unknown> }[] } };
        };
        assert.deepStrictEqual(comment.on.workflow_run.workflows, ["pull request"]);
        assert.strictEqual(comment.permissions["pull-requests"], "write");
        const steps = comment.jobs.comment.steps;
        assert.ok(
            !steps.some((s) => s.uses?.startsWith("actions/checkout")),
            "never checks out the pull request",
        );
        assert.match(
            String(steps.find((s) => s.uses?.startsWith("actions/github-script"))!.with!.script),
            /createComment/,
        );
    });
    it("deploy staging on push to main, then prod behind its environment", () => {
        const deploy = parse(workflows.find((w) => w.file === "deploy.yml")!.text) as {
            on: { push: { branches: string[] } };
            jobs: Record<string, { needs?: string; with: { stack: string } }>;
        };
        assert.deepStrictEqual(deploy.on.push.branches, ["main"]);
        assert.deepStrictEqual(
            [
                deploy.jobs.staging!.with.stack,
                deploy.jobs.prod!.with.stack,
                deploy.jobs.prod!.needs,
            ],
            ["staging", "prod", "staging"],
        );
        const up = parse(workflows.find((w) => w.file === "pulumi-up.yml")!.text) as {
            jobs: {
                up: {
                    environment: string;
                    steps: { uses?: string; with?: Record<string, unknown> }[];
                };
            };
        };
        assert.strictEqual(up.jobs.up.environment, "${{ inputs.stack }}");
        assert.strictEqual(
            up.jobs.up.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!.with!.command,
            "up",
        );
    });
});
