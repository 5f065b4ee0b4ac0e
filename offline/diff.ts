/**
 * Compares two inventories for review: first what must not be missed (network access, encryption and
 * keys, IAM, deletions), then every added, removed and changed resource with its changed properties
 * (secrets stay masked), replacements flagged, then the monthly cost before and after. Pure.
 */
import { Inventory, InventoryResource } from "./inventory";
import { money } from "./markdown";

export interface PropertyChange {
    readonly path: string;
    readonly before: unknown;
    readonly after: unknown;
    readonly forcesReplacement: boolean;
}

export interface ResourceChange {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly kind: "added" | "removed" | "changed";
    readonly changes: readonly PropertyChange[];
    readonly replacement: boolean;
}

export type FindingCategory = "network access" | "encryption and keys" | "IAM" | "deletion";

export interface Finding {
    readonly category: FindingCategory;
    readonly urn: string;
    readonly summary: string;
}

export interface PlanDiff {
    readonly findings: readonly Finding[];
    readonly resources: readonly ResourceChange[];
    readonly cost: { readonly before?: number; readonly after?: number; readonly delta?: number; readonly currency: string; readonly unknownBefore: number; readonly unknownAfter: number };
}

/** Inputs whose change makes the provider replace the resource (a subset of the providers' ForceNew fields). */
const FORCES_REPLACEMENT: Readonly<Record<string, readonly string[]>> = {
    "aws:ec2/vpc:Vpc": ["cidrBlock"],
    "aws:ec2/subnet:Subnet": ["cidrBlock", "availabilityZone", "vpcId"],
    "aws:ec2/instance:Instance": ["ami", "subnetId", "availabilityZone", "userData", "rootBlockDevice.encrypted", "rootBlockDevice.kmsKeyId"],
    "aws:ec2/securityGroup:SecurityGroup": ["name", "vpcId", "description"],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["securityGroupId"],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["securityGroupId"],
    "aws:rds/instance:Instance": ["identifier", "engine", "kmsKeyId", "storageEncrypted", "dbName", "username", "replicateSourceDb"],
    "aws:rds/parameterGroup:ParameterGroup": ["name", "family"],
    "aws:elasticache/replicationGroup:ReplicationGroup": ["replicationGroupId", "atRestEncryptionEnabled", "kmsKeyId", "subnetGroupName"],
    "aws:s3/bucket:Bucket": ["bucket", "objectLockEnabled"],
    "aws:kms/key:Key": ["customerMasterKeySpec", "keyUsage"],
    "aws:eks/cluster:Cluster": ["name", "encryptionConfig", "vpcConfig.subnetIds"],
    "aws:eks/nodeGroup:NodeGroup": ["nodeGroupName", "subnetIds", "instanceTypes", "amiType"],
    "aws:ecr/repository:Repository": ["name", "encryptionConfigurations"],
    "aws:secretsmanager/secret:Secret": ["name"],
    "aws:ssm/parameter:Parameter": ["name"],
    "kubernetes:apps/v1:StatefulSet": ["metadata.name", "spec.selector", "spec.volumeClaimTemplates", "spec.serviceName"],
    "kubernetes:apps/v1:Deployment": ["metadata.name", "spec.selector"],
};

const NETWORK_TYPES = /^(aws:vpc\/securityGroup(Ingress|Egress)Rule|aws:ec2\/securityGroup(Rule)?:|aws:ec2\/defaultSecurityGroup|kubernetes:core\/v1:Service$|kubernetes:networking\.k8s\.io\/v1:NetworkPolicy$)/;
const ENCRYPTION_PATH = /(kms|encrypt|sse|ssl|tls|keyArn|keyId|authToken|secure)/i;

function flatten(value: unknown, prefix = "", out: Map<string, unknown> = new Map()): Map<string, unknown> {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    } else if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
        value.forEach((inner, i) => flatten(inner, `${prefix}[${i}]`, out));
    } else {
        out.set(prefix, value);
    }
    return out;
}

function forcesReplacement(type: string, path: string): boolean {
    return (FORCES_REPLACEMENT[type] ?? []).some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

export function show(value: unknown): string {
    if (value === undefined) return "—";
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** "ingress tcp/5432 from 0.0.0.0/0" for a security group rule. */
function describeRule(r: InventoryResource): string {
    const i = r.inputs as Record<string, unknown>;
    const direction = r.type.includes("Egress") ? "egress" : r.type.includes("Ingress") ? "ingress" : String(i.type ?? "rules");
    const ports = i.fromPort === i.toPort ? String(i.fromPort ?? "") : `${String(i.fromPort)}-${String(i.toPort)}`;
    const peer = i.cidrIpv4 ?? i.cidrIpv6 ?? (Array.isArray(i.cidrBlocks) ? (i.cidrBlocks as string[]).join(",") : undefined) ?? (i.referencedSecurityGroupId ? `group ${String(i.referencedSecurityGroupId)}` : "—");
    return `${direction} ${String(i.ipProtocol ?? i.protocol ?? "")}/${ports} ${direction === "egress" ? "to" : "from"} ${String(peer)}`;
}

function findingsFor(change: ResourceChange, base?: InventoryResource, head?: InventoryResource): Finding[] {
    const findings: Finding[] = [];
    const subject = head ?? base!;
    if (change.kind === "removed") findings.push({ category: "deletion", urn: change.urn, summary: `${change.type} \`${change.name}\` is deleted` });
    if (NETWORK_TYPES.test(change.type) || (change.type === "aws:eks/cluster:Cluster" && change.changes.some((c) => c.path.startsWith("vpcConfig.endpointPublicAccess") || c.path.startsWith("vpcConfig.publicAccessCidrs")))) {
        const what = change.type.includes("ecurityGroup") && !change.type.endsWith(":SecurityGroup") ? describeRule(subject) : change.changes.map((c) => `${c.path}: ${show(c.before)} → ${show(c.after)}`).join("; ") || change.type;
        findings.push({ category: "network access", urn: change.urn, summary: `${change.kind}: ${what}` });
    }
    const encryptionChanges = change.changes.filter((c) => ENCRYPTION_PATH.test(c.path));
    if (change.type.startsWith("aws:kms/") || /ServerSideEncryption/.test(change.type) || (change.kind === "changed" && encryptionChanges.length > 0)) {
        findings.push({ category: "encryption and keys", urn: change.urn, summary: change.kind === "changed" ? encryptionChanges.map((c) => `${c.path}: ${show(c.before)} → ${show(c.after)}`).join("; ") : `${change.type} ${change.kind}` });
    }
    if (change.type.startsWith("aws:iam/")) {
        findings.push({ category: "IAM", urn: change.urn, summary: `${change.type} ${change.kind}${change.kind === "changed" ? `: ${change.changes.map((c) => c.path).join(", ")}` : ""}` });
    }
    return findings;
}

export function diffInventories(base: Inventory, head: Inventory): PlanDiff {
    const before = new Map(base.resources.map((r) => [r.urn, r]));
    const after = new Map(head.resources.map((r) => [r.urn, r]));
    const resources: ResourceChange[] = [];
    const findings: Finding[] = [];
    for (const urn of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const b = before.get(urn);
        const a = after.get(urn);
        if (!(b ?? a)!.custom) continue;
        let change: ResourceChange;
        if (!b || !a) {
            const r = (a ?? b)!;
            const props = flatten(r.inputs);
            change = { urn, type: r.type, name: r.name, kind: a ? "added" : "removed", changes: [...props.entries()].map(([path, v]) => ({ path, before: a ? undefined : v, after: a ? v : undefined, forcesReplacement: false })), replacement: false };
        } else {
            const pb = flatten(b.inputs);
            const pa = flatten(a.inputs);
            const changes = [...new Set([...pb.keys(), ...pa.keys()])].sort()
                .filter((path) => JSON.stringify(pb.get(path)) !== JSON.stringify(pa.get(path)))
                .map((path) => ({ path, before: pb.get(path), after: pa.get(path), forcesReplacement: forcesReplacement(a.type, path) }));
            if (changes.length === 0) continue;
            change = { urn, type: a.type, name: a.name, kind: "changed", changes, replacement: changes.some((c) => c.forcesReplacement) };
        }
        resources.push(change);
        findings.push(...findingsFor(change, b, a));
    }
    const order: FindingCategory[] = ["network access", "encryption and keys", "IAM", "deletion"];
    findings.sort((x, y) => order.indexOf(x.category) - order.indexOf(y.category) || x.urn.localeCompare(y.urn));
    const costBefore = base.cost?.monthlyUsd;
    const costAfter = head.cost?.monthlyUsd;
    return {
        findings,
        resources,
        cost: {
            before: costBefore,
            after: costAfter,
            delta: costBefore !== undefined && costAfter !== undefined ? Math.round((costAfter - costBefore) * 100) / 100 : undefined,
            currency: head.cost?.currency ?? base.cost?.currency ?? "USD",
            unknownBefore: base.cost?.unknown.length ?? 0,
            unknownAfter: head.cost?.unknown.length ?? 0,
        },
    };
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderDiffMarkdown(diff: PlanDiff, title = "Plan diff"): string {
    const counts = (kind: ResourceChange["kind"]) => diff.resources.filter((r) => r.kind === kind).length;
    const replaced = diff.resources.filter((r) => r.replacement).length;
    const signed = (n: number) => `${n >= 0 ? "+" : "−"}${money(Math.abs(n), diff.cost.currency)}`;
    const lines = [
        `## ${title}`,
        "",
        `**${counts("added")} to add, ${counts("changed")} to change (${replaced} replaced), ${counts("removed")} to delete** · monthly cost ${diff.cost.delta === undefined ? "unknown" : signed(diff.cost.delta)}`,
        "",
        "### Review first",
        "",
        ...(diff.findings.length === 0 ? ["Nothing touches network access, encryption, keys or IAM, and nothing is deleted."] : [
            "| area | resource | what |",
            "|---|---|---|",
            ...diff.findings.map((f) => `| ${f.category} | \`${f.urn.split("::").pop()}\` | ${cell(f.summary)} |`),
        ]),
        "",
        "### Changes",
        "",
        ...(diff.resources.length === 0 ? ["No resource changes."] : diff.resources.flatMap((r) => [
            `<details><summary>${r.kind === "added" ? "➕" : r.kind === "removed" ? "➖" : r.replacement ? "🔁" : "✏️"} ${r.kind}${r.replacement ? " (replacement)" : ""}: <code>${r.name}</code> (${r.type})</summary>`,
            "",
            "| property | before | after |",
            "|---|---|---|",
            ...r.changes.map((c) => `| ${c.forcesReplacement ? "🔁 " : ""}\`${c.path}\` | ${cell(show(c.before))} | ${cell(show(c.after))} |`),
            "",
            "</details>",
            "",
        ])),
        "",
        "### Monthly cost",
        "",
        "| before | after | delta |",
        "|---:|---:|---:|",
        `| ${diff.cost.before === undefined ? "unknown" : money(diff.cost.before, diff.cost.currency)} | ${diff.cost.after === undefined ? "unknown" : money(diff.cost.after, diff.cost.currency)} | ${diff.cost.delta === undefined ? "unknown" : signed(diff.cost.delta)} |`,
        ...(diff.cost.unknownAfter > 0 ? ["", `${diff.cost.unknownAfter} resource(s) of unknown price are not counted.`] : []),
    ];
    return `${lines.join("\n")}\n`;
}
