/**
 * Access widened by a change: new ingress or egress sources and ports, NetworkPolicies that allow
 * more or deny less, new VPN peers or routes, IAM or RBAC grants added, public endpoints opened. Each
 * detector compares the resource's before and after and names what is new. Pure.
 */
import { InventoryResource } from "../inventory";
import { ResourceChange } from "./changes";

type Inputs = Record<string, unknown>;

const asList = (v: unknown): unknown[] =>
    v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
const newIn = <T>(before: readonly T[], after: readonly T[]): T[] =>
    after.filter((x) => !before.includes(x));

/** "ingress tcp/5432 from 10.0.0.0/16" for a security group rule resource. */
export function describeRule(r: InventoryResource): string {
    const i = r.inputs;
    const direction = r.type.includes("Egress") ? "egress" : "ingress";
    const ports =
        i.fromPort === i.toPort
            ? String(i.fromPort ?? "all")
            : `${String(i.fromPort)}-${String(i.toPort)}`;
    const peer =
        i.cidrIpv4 ??
        i.cidrIpv6 ??
        i.prefixListId ??
        (i.referencedSecurityGroupId ? `group ${String(i.referencedSecurityGroupId)}` : "—");
    return `${direction} ${String(i.ipProtocol ?? "")}/${ports} ${direction === "egress" ? "to" : "from"} ${String(peer)}`;
}

const RULE_FIELDS = [
    "cidrIpv4",
    "cidrIpv6",
    "prefixListId",
    "referencedSecurityGroupId",
    "fromPort",
    "toPort",
    "ipProtocol",
];

function securityGroupRule(change: ResourceChange): string[] {
    if (!/^aws:vpc\/securityGroup(Ingress|Egress)Rule:/.test(change.type)) return [];
    if (change.kind === "added") return [`new ${describeRule(change.after!)}`];
    if (change.kind === "changed" && change.changes.some((c) => RULE_FIELDS.includes(c.path))) {
        return [`${describeRule(change.before!)} becomes ${describeRule(change.after!)}`];
    }
    return [];
}

/** The rules of a NetworkPolicy as comparable strings. */
function policyRules(inputs: Inputs | undefined): string[] {
    const spec = (inputs?.spec ?? {}) as { ingress?: unknown[]; egress?: unknown[] };
    return [
        ...asList(spec.ingress).map((r) => `ingress ${JSON.stringify(r)}`),
        ...asList(spec.egress).map((r) => `egress ${JSON.stringify(r)}`),
    ];
}

function networkPolicy(change: ResourceChange): string[] {
    if (change.type !== "kubernetes:networking.k8s.io/v1:NetworkPolicy") return [];
    const before = policyRules(change.before?.inputs);
    const after = policyRules(change.after?.inputs);
    if (change.kind === "removed") {
        return before.length === 0
            ? ["default-deny NetworkPolicy deleted: its pods accept and send anything"]
            : [];
    }
    const added = newIn(before, after);
    const selectorChanged =
        change.kind === "changed" &&
        change.changes.some((c) => c.path.startsWith("spec.podSelector"));
    return [
        ...added.map(
            (rule) => `NetworkPolicy allows ${rule.length > 160 ? `${rule.slice(0, 157)}…` : rule}`,
        ),
        ...(selectorChanged && after.length > 0 ? ["NetworkPolicy now selects other pods"] : []),
    ];
}

/** WireGuard peers in any rendered configuration among the inputs: "name key → allowed IPs". */
export function wireguardPeers(inputs: Inputs | undefined): Map<string, string> {
    const peers = new Map<string, string>();
    const visit = (value: unknown) => {
        if (typeof value === "string") {
            if (!value.includes("[Peer]")) return;
            for (const block of value.split(/^\s*\[Peer\]\s*$/m).slice(1)) {
                const key = /PublicKey\s*=\s*(\S+)/.exec(block)?.[1];
                const allowed = /AllowedIPs\s*=\s*([^\n]+)/.exec(block)?.[1]?.trim() ?? "";
                if (key) peers.set(key, allowed);
            }
            // The name is the comment line just before each [Peer].
            for (const match of value.matchAll(
                /#\s*([^\n]+)\n\s*\[Peer\]\s*\n\s*PublicKey\s*=\s*(\S+)/g,
            )) {
                peers.set(match[2]!, `${peers.get(match[2]!) ?? ""} (${match[1]!.trim()})`);
            }
        } else if (value !== null && typeof value === "object") {
            Object.values(value).forEach(visit);
        }
    };
    visit(inputs);
    return peers;
}

function vpnPeers(change: ResourceChange): string[] {
    const before = wireguardPeers(change.before?.inputs);
    const after = wireguardPeers(change.after?.inputs);
    const found: string[] = [];
    for (const [key, allowed] of after) {
        const was = before.get(key);
        if (was === undefined)
            found.push(`new VPN peer ${key.slice(0, 8)}… with routes ${allowed}`);
        else if (was !== allowed)
            found.push(`VPN peer ${key.slice(0, 8)}… routes ${was} become ${allowed}`);
    }
    return found;
}

function routes(change: ResourceChange): string[] {
    if (change.type === "aws:ec2/route:Route" && change.kind === "added") {
        const i = change.after!.inputs;
        return [
            `new route to ${String(i.destinationCidrBlock ?? i.destinationIpv6CidrBlock ?? i.destinationPrefixListId)}`,
        ];
    }
    if (change.type === "aws:ec2/routeTable:RouteTable") {
        const list = (r?: InventoryResource) =>
            asList(r?.inputs.routes).map((x) => JSON.stringify(x));
        return newIn(list(change.before), list(change.after)).map((r) => `new route ${r}`);
    }
    return [];
}

/** Allow grants of an IAM-style policy document as "principal action resource[ if condition]". */
export function grants(document: unknown): string[] {
    let doc = document;
    if (typeof doc === "string") {
        try {
            doc = JSON.parse(doc);
        } catch {
            return [];
        }
    }
    const statements = asList((doc as { Statement?: unknown } | null)?.Statement) as Record<
        string,
        unknown
    >[];
    const out: string[] = [];
    for (const s of statements) {
        if (s?.Effect !== "Allow") continue;
        const principals =
            s.Principal === undefined
                ? ["-"]
                : typeof s.Principal === "string"
                  ? [s.Principal]
                  : Object.entries(s.Principal as Record<string, unknown>).flatMap(([k, v]) =>
                        asList(v).map((p) => `${k}:${String(p)}`),
                    );
        const actions =
            s.NotAction !== undefined
                ? asList(s.NotAction).map((a) => `all but ${String(a)}`)
                : asList(s.Action).map(String);
        const resources =
            s.NotResource !== undefined
                ? asList(s.NotResource).map((r) => `all but ${String(r)}`)
                : s.Resource === undefined
                  ? ["-"]
                  : asList(s.Resource).map(String);
        const condition = s.Condition ? " if conditions" : "";
        for (const p of principals)
            for (const a of actions)
                for (const r of resources)
                    out.push(`${p === "-" ? "" : `${p} `}${a} on ${r}${condition}`);
    }
    return out;
}

const POLICY_FIELDS: Readonly<Record<string, readonly string[]>> = {
    "aws:iam/rolePolicy:RolePolicy": ["policy"],
    "aws:iam/policy:Policy": ["policy"],
    "aws:iam/role:Role": ["assumeRolePolicy", "inlinePolicies"],
    "aws:s3/bucketPolicy:BucketPolicy": ["policy"],
    "aws:kms/key:Key": ["policy"],
    "aws:secretsmanager/secretPolicy:SecretPolicy": ["policy"],
    "aws:ecr/repositoryPolicy:RepositoryPolicy": ["policy"],
};

function iam(change: ResourceChange): string[] {
    const fields = POLICY_FIELDS[change.type];
    if (change.type.endsWith("PolicyAttachment") && change.kind === "added") {
        return [
            `attaches ${String(change.after!.inputs.policyArn)} to ${String(change.after!.inputs.role ?? change.after!.inputs.user ?? change.after!.inputs.group)}`,
        ];
    }
    if (!fields || change.kind === "removed") return [];
    const collect = (r?: InventoryResource) =>
        fields.flatMap((f) =>
            asList(r?.inputs[f]).flatMap((d) =>
                typeof d === "object" && d !== null && "policy" in d
                    ? grants((d as { policy: unknown }).policy)
                    : grants(d),
            ),
        );
    const added = newIn(collect(change.before), collect(change.after));
    return added.length === 0
        ? []
        : [
              `IAM grants ${added.slice(0, 3).join("; ")}${added.length > 3 ? `; and ${added.length - 3} more` : ""}`,
          ];
}

function rbac(change: ResourceChange): string[] {
    if (change.kind === "removed") return [];
    if (/:rbac\.authorization\.k8s\.io\/v1:(Cluster)?Role$/.test(change.type)) {
        const triples = (r?: InventoryResource) =>
            asList(r?.inputs.rules).flatMap((rule) => {
                const x = rule as { apiGroups?: string[]; resources?: string[]; verbs?: string[] };
                return asList(x.apiGroups).flatMap((g) =>
                    asList(x.resources).flatMap((res) =>
                        asList(x.verbs).map(
                            (v) => `${String(v)} ${String(g) || "core"}/${String(res)}`,
                        ),
                    ),
                );
            });
        const added = newIn(triples(change.before), triples(change.after));
        return added.length === 0
            ? []
            : [
                  `RBAC grants ${added.slice(0, 4).join(", ")}${added.length > 4 ? ` and ${added.length - 4} more` : ""}`,
              ];
    }
    if (/:rbac\.authorization\.k8s\.io\/v1:(Cluster)?RoleBinding$/.test(change.type)) {
        const subjects = (r?: InventoryResource) =>
            asList(r?.inputs.subjects).map(
                (s) => `${String((s as Inputs).kind)} ${String((s as Inputs).name)}`,
            );
        return newIn(subjects(change.before), subjects(change.after)).map(
            (s) =>
                `RBAC binds ${s} to ${String((change.after!.inputs.roleRef as Inputs | undefined)?.name)}`,
        );
    }
    if (change.type === "aws:eks/accessEntry:AccessEntry" && change.kind === "added")
        return [`cluster access for ${String(change.after!.inputs.principalArn)}`];
    return [];
}

function publicEndpoints(change: ResourceChange): string[] {
    const found: string[] = [];
    for (const c of change.kind === "removed" ? [] : change.changes) {
        if (
            /^(vpcConfig\.endpointPublicAccess|associatePublicIpAddress|mapPublicIpOnLaunch)$/.test(
                c.path,
            ) &&
            c.after === true &&
            c.before !== true
        )
            found.push(`public: ${c.path} on`);
        if (/^vpcConfig\.publicAccessCidrs/.test(c.path) && c.after !== undefined)
            found.push(`public API endpoint admits ${String(c.after)}`);
        if (c.path === "spec.type" && c.after === "LoadBalancer")
            found.push("Service exposed through a load balancer");
        if (/aws-load-balancer-scheme$/.test(c.path) && c.after === "internet-facing")
            found.push("load balancer becomes internet-facing");
    }
    if (change.type === "aws:ec2/eip:Eip" && change.kind === "added")
        found.push("new public IP address");
    return found;
}

const DETECTORS = [securityGroupRule, networkPolicy, vpnPeers, routes, iam, rbac, publicEndpoints];

export function accessWidened(change: ResourceChange): string[] {
    if (change.cosmetic) return [];
    return DETECTORS.flatMap((detect) => detect(change));
}
