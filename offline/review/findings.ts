/**
 * "Review first": what in a plan diff can hurt, ranked, each row saying why. In rank order: a whole
 * tier replaced in one update; stateful or serving resources deleted or replaced; protection switched
 * off; access widened; policy violations new in the head. Pure.
 */
import { Inventory, InventoryResource, Violation } from "../inventory";
import { accessWidened } from "./access";
import { ResourceChange } from "./changes";
import { protectionOff } from "./protection";

export const AREAS = [
    "whole tier at once",
    "stateful or serving",
    "protection off",
    "access widened",
    "new policy violation",
] as const;
export type Area = (typeof AREAS)[number];

export interface Finding {
    readonly area: Area;
    /** Resource names the row is about. */
    readonly subjects: readonly string[];
    readonly urn: string;
    readonly why: string;
}

/** What is lost when a resource of the type is deleted or replaced. */
const STATEFUL_OR_SERVING: Readonly<Record<string, string>> = {
    "aws:rds/instance:Instance": "database: its data and endpoint",
    "aws:elasticache/replicationGroup:ReplicationGroup": "cache: its data and endpoint",
    "aws:s3/bucket:Bucket": "bucket: its objects",
    "aws:ebs/volume:Volume": "volume: its data",
    "aws:kms/key:Key": "key: what it encrypts becomes unreadable once the key is gone",
    "aws:secretsmanager/secret:Secret": "secret: its value and who may read it",
    "aws:ssm/parameter:Parameter": "parameter: its value",
    "aws:eks/cluster:Cluster": "cluster: every workload on it",
    "aws:eks/nodeGroup:NodeGroup": "node group: its pods are evicted",
    "aws:ec2/instance:Instance": "server: down until the new one boots",
    "aws:ec2/eip:Eip": "public address: clients and DNS keep the old one",
    "aws:ec2/networkInterface:NetworkInterface": "interface: its addresses move",
    "aws:ec2/natGateway:NatGateway": "NAT gateway: its zone loses egress",
    "aws:ecr/repository:Repository": "image repository: its images",
    "aws:route53/record:Record": "DNS name",
    "aws:cloudwatch/logGroup:LogGroup": "log group: its logs",
    "kubernetes:apps/v1:StatefulSet": "stateful workload: pods restart, volumes may be recreated",
    "kubernetes:core/v1:PersistentVolumeClaim": "volume claim: its data",
    "kubernetes:core/v1:Namespace": "namespace: everything in it",
};

const label = (r: InventoryResource | undefined, key: string): string | undefined =>
    ((r?.inputs.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {})[key];

/** The tier a serving resource belongs to, or undefined when it has no peers to share the load. */
function tierOf(r: InventoryResource): string | undefined {
    const tags = (r.inputs.tags ?? {}) as Record<string, string>;
    switch (r.type) {
        case "aws:ec2/instance:Instance":
            return tags.Role ? `${tags.Role} servers` : undefined;
        case "aws:rds/instance:Instance":
            return r.inputs.replicateSourceDb === undefined
                ? "database primary"
                : "database replicas";
        case "aws:eks/nodeGroup:NodeGroup":
            return `node groups ${String((r.inputs.labels as Record<string, string> | undefined)?.role ?? tags.Role ?? "")}`.trim();
        case "kubernetes:apps/v1:StatefulSet":
            return label(r, "app.kubernetes.io/component") ?? r.name;
        default:
            return undefined;
    }
}

const lost = (c: ResourceChange) => c.kind === "removed" || c.replacement;

/** Tiers every member of which the diff deletes or replaces while the tier stays in the head. */
function wholeTiers(
    base: Inventory,
    head: Inventory,
    changes: readonly ResourceChange[],
): Finding[] {
    const members = new Map<string, string[]>();
    for (const r of base.resources) {
        const tier = r.custom ? tierOf(r) : undefined;
        if (tier) members.set(tier, [...(members.get(tier) ?? []), r.urn]);
    }
    const headTiers = new Set(head.resources.map((r) => (r.custom ? tierOf(r) : undefined)));
    const lostUrns = new Set(changes.filter(lost).map((c) => c.urn));
    const dependencies = new Map(head.resources.map((r) => [r.urn, new Set(r.dependencies)]));
    // Members that each wait for another (dependsOn the previous) are replaced one at a time: a rolling update.
    const rolling = (urns: readonly string[]) =>
        urns.length > 1 &&
        urns.filter((u) => urns.some((other) => other !== u && dependencies.get(u)?.has(other)))
            .length ===
            urns.length - 1;
    return [...members.entries()]
        .filter(([tier, urns]) => headTiers.has(tier) && urns.every((u) => lostUrns.has(u)))
        .map(([tier, urns]) => {
            const subjects = urns.map((u) => u.slice(u.lastIndexOf("::") + 2));
            const n = urns.length;
            return rolling(urns)
                ? {
                      area: "stateful or serving" as const,
                      subjects,
                      urn: urns[0]!,
                      why: `replaces every member of ${tier} (${n} of ${n}) one after another: each waits only until the previous is running, not serving; for no gap, roll with \`pulumi up --target\` and check health between`,
                  }
                : {
                      area: "whole tier at once" as const,
                      subjects,
                      urn: urns[0]!,
                      why: `replaces every member of ${tier} (${n} of ${n}) in one update: ${n === 1 ? "it is the only one, so its service is down" : "nothing serves"} until the new ones are up; change them one at a time`,
                  };
        });
}

const key = (v: Violation) => `${v.policy} ${v.urn} ${v.message}`;

function newViolations(base: Inventory, head: Inventory): Finding[] {
    const known = new Set(base.violations.map(key));
    return head.violations
        .filter((v) => !known.has(key(v)) && v.enforcementLevel !== "disabled")
        .sort(
            (a, b) =>
                (a.enforcementLevel === "mandatory" ? 0 : 1) -
                (b.enforcementLevel === "mandatory" ? 0 : 1),
        )
        .map((v) => ({
            area: "new policy violation" as const,
            subjects: [v.urn.slice(v.urn.lastIndexOf("::") + 2)],
            urn: v.urn,
            why: `${v.enforcementLevel} \`${v.policy}\`: ${v.message}`,
        }));
}

export function reviewFirst(
    base: Inventory,
    head: Inventory,
    changes: readonly ResourceChange[],
): Finding[] {
    const tiers = wholeTiers(base, head, changes);
    const inTier = new Set(tiers.flatMap((t) => t.subjects));
    const findings: Finding[] = [...tiers];
    for (const change of changes) {
        const subjects = [change.name];
        const what = STATEFUL_OR_SERVING[change.type];
        if (what && lost(change) && !inTier.has(change.name)) {
            const how =
                change.kind === "removed"
                    ? "deleted"
                    : change.deleteFirst
                      ? "replaced, deleted before its successor exists"
                      : "replaced";
            const cause = change.replacement
                ? ` (${change.changes
                      .filter((c) => c.forcesReplacement)
                      .map((c) => `\`${c.path}\``)
                      .slice(0, 3)
                      .join(", ")} forces it)`
                : "";
            findings.push({
                area: "stateful or serving",
                subjects,
                urn: change.urn,
                why: `${how}${cause} — ${what}`,
            });
        }
        for (const why of protectionOff(change))
            findings.push({ area: "protection off", subjects, urn: change.urn, why });
        for (const why of accessWidened(change))
            findings.push({ area: "access widened", subjects, urn: change.urn, why });
    }
    findings.push(...newViolations(base, head));
    return findings.sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area));
}
