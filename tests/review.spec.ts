import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { backupSourceSizes, backupStorageEstimate, estimateCost, PriceTable } from "../offline/cost";
import { diffInventories, renderDiffMarkdown } from "../offline/diff";
import { Inventory, InventoryResource } from "../offline/inventory";
import { renderPlanMarkdown } from "../offline/markdown";
import { retainedBackups } from "../topology/retention";
import { plan, planned, PROJECT_DIR, STACKS } from "./harness";

const prices = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "pricing/us-east-1.json"), "utf8")) as PriceTable;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-"));
const resource = (type: string, name: string, inputs: Record<string, unknown>): InventoryResource => ({ urn: `urn:pulumi:s::p::${type}::${name}`, type, name, custom: true, inputs, dependencies: [] });
const copy = (inventory: Inventory) => JSON.parse(JSON.stringify(inventory)) as Inventory;
const mutable = (r: InventoryResource) => r.inputs as Record<string, unknown>;

describe("cost estimate", () => {
    it("prices each kind of resource from the table, and counts an unknown price apart, never as zero", () => {
        const cost = estimateCost([
            resource("aws:ec2/instance:Instance", "app", { instanceType: "t3.large", rootBlockDevice: { volumeSize: 20 } }),
            resource("aws:rds/instance:Instance", "db", { instanceClass: "db.t4g.large", allocatedStorage: 100, multiAz: true }),
            resource("aws:elasticache/replicationGroup:ReplicationGroup", "redis", { nodeType: "cache.r6g.large", numCacheClusters: 3 }),
            resource("aws:ec2/natGateway:NatGateway", "nat", {}),
            resource("aws:ec2/eip:Eip", "eip", {}),
            resource("aws:ec2/instance:Instance", "exotic", { instanceType: "x2iedn.32xlarge" }),
            resource("aws:dynamodb/table:Table", "table", {}),
            resource("aws:ec2/vpc:Vpc", "vpc", {}),
        ], prices);
        const byName = Object.fromEntries(cost.items.map((i) => [i.urn.split("::").pop(), i.monthlyUsd]));
        assert.strictEqual(byName.app, 62.34); // 0.0832 × 730 + 20 GiB × 0.08
        assert.strictEqual(byName.db, 211.34); // (0.129 × 730 + 100 GiB × 0.115) × 2 for Multi-AZ
        assert.strictEqual(byName.redis, 451.14); // 0.206 × 730 × 3
        assert.strictEqual(byName.nat, 32.85);
        assert.strictEqual(byName.eip, 3.65);
        assert.strictEqual(byName.exotic, null);
        assert.strictEqual(byName.table, null);
        assert.ok(!("vpc" in byName), "free resources are not listed");
        assert.strictEqual(cost.monthlyUsd, 761.32);
        assert.deepStrictEqual(cost.unknown.map((u) => u.split("::").pop()), ["exotic", "table"]);
        assert.match(cost.label, /as of 2025-01-15/);
    });
    it("estimates backup storage from the configuration and the seeds' retention", () => {
        assert.strictEqual(retainedBackups(), 96); // 6/day × 7 + 30 + 12 + 12
        const estimate = backupStorageEstimate({ postgresGb: 100, chainGb: 200 }, { primary: { dumps: "d", snapshots: "s", config: "c" }, replica: { dumps: "d2" } });
        assert.deepStrictEqual(estimate.bucketGb, { d: 2400, s: 9600, c: 1, d2: 2400 });
        const cost = estimateCost([resource("aws:s3/bucket:Bucket", "d", { bucket: "d" }), resource("aws:s3/bucket:Bucket", "x", { bucket: "x" })], prices, estimate);
        assert.deepStrictEqual(cost.items.map((i) => i.monthlyUsd), [55.2, null]);
    });
    for (const stack of STACKS) {
        it(`${stack}: the plan carries cost.monthlyUsd and a per-resource breakdown`, () => {
            const cost = planned(stack).cost!;
            assert.ok(cost.monthlyUsd > 500, String(cost.monthlyUsd));
            assert.ok(cost.items.some((i) => i.type === "aws:eks/cluster:Cluster" && i.monthlyUsd === 73));
            assert.strictEqual(Math.round(cost.items.reduce((s, i) => s + (i.monthlyUsd ?? 0), 0) * 100) / 100, cost.monthlyUsd);
        });
    }
    it("costs prod more than staging", () => assert.ok(planned("prod").cost!.monthlyUsd > planned("staging").cost!.monthlyUsd));
    it("reads backup source sizes from the declared database and validator volume", () => {
        assert.deepStrictEqual(backupSourceSizes(planned("prod").resources), { postgresGb: 500, chainGb: 500 });
    });
    it("plans a region the repository has no price table for, every price unknown rather than zero", () => {
        const result = plan("staging", { overrides: { "aws:region": "eu-west-1" } });
        assert.strictEqual(result.status, 0, result.stderr);
        const cost = result.inventory!.cost!;
        assert.strictEqual(cost.monthlyUsd, 0);
        assert.ok(cost.items.length > 20 && cost.items.every((i) => i.monthlyUsd === null));
        assert.strictEqual(cost.unknown.length, cost.items.length);
        assert.match(cost.label, /No price table for eu-west-1/);
    });
    it("refuses more availability zones than the region has, naming the key", () => {
        const result = plan("prod", { overrides: { "aws:region": "eu-west-1" } });
        assert.strictEqual(result.status, 2, result.stderr);
        assert.match(result.stderr, /chain-platform:availabilityZones = 4: must not exceed the 3 zone\(s\) offering everything the stack needs .*\(region eu-west-1\)/);
    });
});

describe("Markdown report", () => {
    const report = renderPlanMarkdown(planned("staging"));
    it("puts the summary first: counts, policy result, monthly cost", () => {
        const [heading, , summary] = report.split("\n");
        assert.strictEqual(heading, "## Offline plan: `chain-platform/staging`");
        assert.match(summary!, /^\*\*\d+ resources\*\* in \d+ components · \*\*policies:\*\* ✅ no mandatory violation · \*\*monthly cost:\*\* [\d,.]+ USD/);
        assert.ok(report.indexOf("### Policy results") < report.indexOf("### Monthly cost"));
        assert.ok(report.indexOf("### Monthly cost") < report.indexOf("### Resources by component"));
    });
    it("draws the topology and lists resources by component and type", () => {
        assert.match(report, /```mermaid\nflowchart LR[\s\S]*lb --> app[\s\S]*app --> db[\s\S]*relays --> validators[\s\S]*```/);
        assert.match(report, /validators\["validators ×4"\]/);
        assert.match(report, /<details><summary>network \(\d+\)<\/summary>[\s\S]*\| `aws:ec2\/vpc:Vpc` \| 1 \|/);
    });
    it("shows violations when there are any", () => {
        const inventory = { ...copy(planned("staging")), violations: [{ policy: "required-tags", enforcementLevel: "mandatory" as const, urn: "urn:pulumi:staging::p::aws:ec2/vpc:Vpc::vpc", message: "missing tags: Owner" }] };
        assert.match(renderPlanMarkdown(inventory), /❌ 1 mandatory violation[\s\S]*\| mandatory \| `required-tags` \| `vpc` \| missing tags: Owner \|/);
    });
});

describe("plan diff", () => {
    const base = planned("staging");
    it("shows nothing to review for identical plans", () => {
        const diff = diffInventories(base, base);
        assert.deepStrictEqual([diff.findings, diff.resources, diff.cost.delta], [[], [], 0]);
    });
    it("puts an opened port first, under network access", () => {
        const head = copy(base);
        const rule = head.resources.find((r) => r.name === "network-appServer-in-tcp-8080-loadBalancer")!;
        mutable(rule).cidrIpv4 = "0.0.0.0/0";
        delete mutable(rule).referencedSecurityGroupId;
        const diff = diffInventories(base, head);
        assert.deepStrictEqual(diff.findings.map((f) => [f.category, f.summary]), [["network access", "changed: ingress tcp/8080 from 0.0.0.0/0"]]);
        const md = renderDiffMarkdown(diff);
        assert.ok(md.indexOf("network access") < md.indexOf("### Changes"));
        assert.match(md, /\| `cidrIpv4` \| — \| 0\.0\.0\.0\/0 \|/);
    });
    it("shows a resized database with its changed property and the cost delta", () => {
        const head = copy(base);
        const db = head.resources.find((r) => r.type === "aws:rds/instance:Instance" && r.inputs.replicateSourceDb === undefined)!;
        mutable(db).instanceClass = "db.r6g.xlarge";
        const resized = { ...head, cost: { ...head.cost!, monthlyUsd: base.cost!.monthlyUsd + 234.33 } };
        const diff = diffInventories(base, resized);
        const change = diff.resources.find((r) => r.urn === db.urn)!;
        assert.deepStrictEqual(change.changes.map((c) => [c.path, c.before, c.after, c.forcesReplacement]), [["instanceClass", "db.t4g.large", "db.r6g.xlarge", false]]);
        assert.strictEqual(diff.cost.delta, 234.33);
        const md = renderDiffMarkdown(diff);
        assert.match(md, /monthly cost \+234\.33 USD/);
        assert.match(md, /\| [\d,.]+ USD \| [\d,.]+ USD \| \+234\.33 USD \|/);
        assert.ok(md.indexOf("### Changes") < md.indexOf("### Monthly cost"));
    });
    it("flags a deletion under review-first, and a replacement with its property", () => {
        const full = copy(base);
        const gone = full.resources.find((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup");
        const head: Inventory = { ...full, resources: full.resources.filter((r) => r !== gone) };
        const subnet = head.resources.find((r) => r.type === "aws:ec2/subnet:Subnet")!;
        mutable(subnet).cidrBlock = "10.20.64.0/20";
        const diff = diffInventories(base, head);
        assert.ok(diff.findings.some((f) => f.category === "deletion" && f.urn === gone!.urn));
        const replaced = diff.resources.find((r) => r.urn === subnet.urn)!;
        assert.strictEqual(replaced.replacement, true);
        const md = renderDiffMarkdown(diff);
        assert.match(md, /🔁 changed \(replacement\): <code>network-(private|public)-0<\/code>/);
        assert.match(md, /\| 🔁 `cidrBlock` \|/);
        assert.match(md, /➖ removed: <code>redis-group<\/code>/);
        assert.match(md, /1 to delete/);
    });
    it("reports key and IAM changes under review-first, with secrets still masked", () => {
        const head = copy(base);
        const key = head.resources.find((r) => r.type === "aws:kms/key:Key")!;
        mutable(key).enableKeyRotation = false;
        const role = head.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy")!;
        mutable(role).policy = '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
        const redis = head.resources.find((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup")!;
        mutable(redis).snapshotRetentionLimit = 5;
        const diff = diffInventories(base, head);
        assert.deepStrictEqual([...new Set(diff.findings.map((f) => f.category))], ["encryption and keys", "IAM"]);
        assert.doesNotMatch(renderDiffMarkdown(diff), /authToken/);
    });
    it("runs from the command line on two inventories and writes Markdown", () => {
        const head = copy(base);
        mutable(head.resources.find((r) => r.type === "aws:rds/instance:Instance")!).instanceClass = "db.m6g.large";
        fs.writeFileSync(path.join(dir, "base.json"), JSON.stringify(base));
        fs.writeFileSync(path.join(dir, "head.json"), JSON.stringify(head));
        const child = spawnSync(process.execPath, ["-r", "./scripts/register.js", "scripts/plan-diff.ts", path.join(dir, "base.json"), path.join(dir, "head.json"), "--markdown", path.join(dir, "diff.md")], { cwd: PROJECT_DIR, encoding: "utf8" });
        assert.strictEqual(child.status, 0, child.stderr);
        assert.match(fs.readFileSync(path.join(dir, "diff.md"), "utf8"), /0 to add, 1 to change/);
        const bad = spawnSync(process.execPath, ["-r", "./scripts/register.js", "scripts/plan-diff.ts", path.join(dir, "base.json")], { cwd: PROJECT_DIR, encoding: "utf8" });
        assert.strictEqual(bad.status, 2);
        assert.match(bad.stderr, /^usage: npm run plan:diff/m);
    });
});

describe("workflows", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validator = require("@action-validator/core") as { validateWorkflow(text: string): { errors: unknown[] } };
    const workflows = fs.readdirSync(path.join(PROJECT_DIR, ".github/workflows")).map((f) => ({ file: f, text: fs.readFileSync(path.join(PROJECT_DIR, ".github/workflows", f), "utf8") }));
    it("are valid GitHub Actions workflows (action-validator); a broken one is not", () => {
        assert.ok(workflows.length >= 2);
        for (const w of workflows) assert.deepStrictEqual(validator.validateWorkflow(w.text).errors, [], w.file);
        assert.notDeepStrictEqual(validator.validateWorkflow("on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps: []\n").errors, []);
    });
    it("plan, check and diff every pull request offline for both stacks, and fail on a mandatory violation", () => {
        const pr = parse(workflows.find((w) => w.file === "pull-request.yml")!.text) as { on: Record<string, unknown>; jobs: Record<string, { strategy?: { matrix: { stack: string[] } }; steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }> };
        assert.ok("pull_request" in pr.on);
        const offline = pr.jobs["offline-plan"]!;
        assert.deepStrictEqual(offline.strategy!.matrix.stack, ["staging", "prod"]);
        const runs = offline.steps.map((s) => s.run ?? "").join("\n");
        assert.match(runs, /npm run -s plan -- --stack \$\{\{ matrix\.stack \}\} --json head\.json --markdown plan\.md/);
        assert.match(runs, /npm run -s plan:diff -- --base origin\/\$\{\{ github\.base_ref \}\}/);
        assert.match(runs, /exit 1/);
        const preview = pr.jobs.preview!.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        assert.deepStrictEqual([preview.with!.command, preview.with!.policyPacks, preview.with!["comment-on-pr"], preview.with!.diff, preview.with!["always-include-summary"]], ["preview", "policies", true, true, true]);
    });
    it("post each stack's report as a pull-request comment, forks included, without running their code", () => {
        const comment = parse(workflows.find((w) => w.file === "pr-comment.yml")!.text) as { on: { workflow_run: { workflows: string[] } }; permissions: Record<string, string>; jobs: { comment: { steps: { uses?: string; with?: Record<string, unknown> }[] } } };
        assert.deepStrictEqual(comment.on.workflow_run.workflows, ["pull request"]);
        assert.strictEqual(comment.permissions["pull-requests"], "write");
        const steps = comment.jobs.comment.steps;
        assert.ok(!steps.some((s) => s.uses?.startsWith("actions/checkout")), "never checks out the pull request");
        assert.match(String(steps.find((s) => s.uses?.startsWith("actions/github-script"))!.with!.script), /createComment/);
    });
    it("deploy staging on push to main, then prod behind its environment", () => {
        const deploy = parse(workflows.find((w) => w.file === "deploy.yml")!.text) as { on: { push: { branches: string[] } }; jobs: Record<string, { needs?: string; with: { stack: string } }> };
        assert.deepStrictEqual(deploy.on.push.branches, ["main"]);
        assert.deepStrictEqual([deploy.jobs.staging!.with.stack, deploy.jobs.prod!.with.stack, deploy.jobs.prod!.needs], ["staging", "prod", "staging"]);
        const up = parse(workflows.find((w) => w.file === "pulumi-up.yml")!.text) as { jobs: { up: { environment: string; steps: { uses?: string; with?: Record<string, unknown> }[] } } };
        assert.strictEqual(up.jobs.up.environment, "${{ inputs.stack }}");
        assert.strictEqual(up.jobs.up.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!.with!.command, "up");
    });
});
