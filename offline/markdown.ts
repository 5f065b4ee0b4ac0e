/** The pull-request report of a plan, summary first. Pure: inventory in, Markdown out. */
import { Inventory, InventoryResource } from "./inventory";
import { countsByComponent } from "./summary";

export function money(value: number, currency = "USD"): string {
    return `${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** The topology as a mermaid diagram: LB → app servers → database/Redis; relays → validators; hub; monitoring. */
export function topologyDiagram(inventory: Inventory): string {
    const count = (predicate: (r: InventoryResource) => boolean) =>
        inventory.resources.filter(predicate).length;
    const role = (r: InventoryResource, value: string) =>
        r.type === "aws:ec2/instance:Instance" &&
        (r.inputs.tags as Record<string, string> | undefined)?.Role === value;
    const component = (r: InventoryResource, value: string) =>
        r.type === "kubernetes:apps/v1:StatefulSet" &&
        ((r.inputs.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {})[
            "app.kubernetes.io/component"
        ] === value;
    const replicas = (value: string) =>
        inventory.resources
            .filter((r) => component(r, value))
            .reduce(
                (n, r) => n + Number((r.inputs.spec as { replicas?: number }).replicas ?? 1),
                0,
            );
    return [
        "```mermaid",
        "flowchart LR",
        "  internet((internet))",
        `  lb["Nginx load balancers ×${count((r) => role(r, "loadBalancer"))}"]`,
        `  app["API servers ×${count((r) => role(r, "appServer"))}"]`,
        `  db[("PostgreSQL ×${count((r) => r.type === "aws:rds/instance:Instance")}")]`,
        `  redis[("Redis ×${count((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup")}")]`,
        `  relays["relays ×${replicas("relay")}"]`,
        `  validators["validators ×${replicas("validator")}"]`,
        `  wg["WireGuard hub ×${count((r) => role(r, "wireguardHub"))}"]`,
        "  monitoring[Prometheus · Alertmanager · Grafana · Jaeger]",
        "  internet -->|443| lb",
        "  internet -->|udp 51820| wg",
        "  lb --> app",
        "  app --> db",
        "  app --> redis",
        "  lb -->|/rpc| relays",
        "  relays --> validators",
        "  wg -.->|operators| monitoring",
        "  monitoring -.-> validators",
        "```",
    ].join("\n");
}

export function renderPlanMarkdown(inventory: Inventory): string {
    const custom = inventory.resources.filter((r) => r.custom);
    const byComponent = countsByComponent(inventory);
    const mandatory = inventory.violations.filter((v) => v.enforcementLevel === "mandatory");
    const cost = inventory.cost;
    const lines = [
        `## Offline plan: \`${inventory.project}/${inventory.stack}\``,
        "",
        `**${custom.length} resources** in ${byComponent.size} components · **policies:** ${mandatory.length === 0 ? "✅ no mandatory violation" : `❌ ${mandatory.length} mandatory violation(s)`}${inventory.violations.length > mandatory.length ? `, ${inventory.violations.length - mandatory.length} advisory` : ""} · **monthly cost:** ${cost ? `${money(cost.monthlyUsd, cost.currency)}${cost.unknown.length ? ` + ${cost.unknown.length} unknown` : ""}` : "not estimated"}`,
        "",
        "| component | resources |",
        "|---|---:|",
        ...[...byComponent.entries()].map(([name, group]) => `| ${name} | ${group.total} |`),
        "",
        "### Policy results",
        "",
        ...(inventory.violations.length === 0
            ? ["No violations."]
            : [
                  "| level | policy | resource | message |",
                  "|---|---|---|---|",
                  ...inventory.violations.map(
                      (v) =>
                          `| ${v.enforcementLevel} | \`${v.policy}\` | \`${v.urn.split("::").pop()}\` | ${v.message.replace(/\|/g, "\\|")} |`,
                  ),
              ]),
        "",
        "### Monthly cost",
        "",
        ...(cost
            ? [
                  `${money(cost.monthlyUsd, cost.currency)} — ${cost.label}.`,
                  ...(cost.unknown.length
                      ? [
                            "",
                            `Unknown price (not counted): ${cost.unknown.map((u) => `\`${u.split("::").pop()}\``).join(", ")}.`,
                        ]
                      : []),
              ]
            : ["Not estimated."]),
        "",
        "### Topology",
        "",
        topologyDiagram(inventory),
        "",
        "### Resources by component",
        "",
        ...[...byComponent.entries()].flatMap(([name, group]) => [
            `<details><summary>${name} (${group.total})</summary>`,
            "",
            "| type | count |",
            "|---|---:|",
            ...[...group.types.entries()]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([type, n]) => `| \`${type}\` | ${n} |`),
            "",
            "</details>",
            "",
        ]),
    ];
    return `${lines.join("\n")}\n`;
}
