import * as assert from "assert";
import { faultsTolerated, isThreeFPlusOne, quorumOf } from "../../topology/bft";
import { dnsSuffixOf, partitionOf } from "../../topology/naming";
import { cidrsOverlap, formatCidr, parseCidr, subnetOf } from "../../topology/cidr";
import { listenerOf, portMap, SECURITY_GROUP_OF, SERVER_ROLES } from "../../topology/ports";
import { deriveSecurityRules } from "../../topology/security-rules";
import { planSubnets } from "../../topology/subnets";

describe("CIDR arithmetic", () => {
    it("parses networks and refuses host bits, bad octets and bad prefixes", () => {
        assert.deepStrictEqual(parseCidr("10.20.0.0/16"), {
            network: 10 * 2 ** 24 + 20 * 2 ** 16,
            prefix: 16,
        });
        for (const bad of [
            "10.20.0.1/16",
            "256.0.0.0/8",
            "10.0.0.0/33",
            "10.0.0/8",
            "10.0.0.0",
            "",
        ]) {
            assert.strictEqual(parseCidr(bad), undefined, bad);
        }
    });
    it("detects overlap, including containment", () => {
        const p = (c: string) => parseCidr(c)!;
        assert.ok(cidrsOverlap(p("10.0.0.0/8"), p("10.20.0.0/16")));
        assert.ok(cidrsOverlap(p("10.20.0.0/16"), p("10.20.255.0/24")));
        assert.ok(!cidrsOverlap(p("10.20.0.0/16"), p("10.21.0.0/16")));
    });
    it("cuts blocks and refuses out-of-range cuts", () => {
        assert.strictEqual(
            formatCidr(subnetOf(parseCidr("10.20.0.0/16")!, 20, 15)),
            "10.20.240.0/20",
        );
        assert.throws(() => subnetOf(parseCidr("10.20.0.0/16")!, 20, 16), /out of range/);
    });
});

describe("subnet plan", () => {
    for (const zones of [2, 4, 6]) {
        it(`gives ${zones} zones disjoint subnets inside the VPC`, () => {
            const names = Array.from({ length: zones }, (_, i) => `us-east-1${"abcdef"[i]}`);
            const plan = planSubnets("10.30.0.0/16", names);
            assert.deepStrictEqual(
                plan.map((p) => p.zone),
                names,
            );
            const all = plan
                .flatMap((p) => [p.publicCidr, p.privateCidr])
                .map((c) => parseCidr(c)!);
            const vpc = parseCidr("10.30.0.0/16")!;
            for (const [i, a] of all.entries()) {
                assert.ok(
                    cidrsOverlap(vpc, a) && a.prefix > vpc.prefix,
                    `${formatCidr(a)} is not inside the VPC`,
                );
                for (const b of all.slice(i + 1)) {
                    assert.ok(!cidrsOverlap(a, b), `${formatCidr(a)} overlaps ${formatCidr(b)}`);
                }
            }
        });
    }
    it("sizes private subnets for pods (/20 of a /16) and public ones small (/24)", () => {
        const [first] = planSubnets("10.20.0.0/16", ["us-east-1a"]);
        assert.deepStrictEqual(first, {
            zone: "us-east-1a",
            privateCidr: "10.20.0.0/20",
            publicCidr: "10.20.240.0/24",
        });
    });
    it("refuses more zones than it plans for", () => {
        assert.throws(
            () =>
                planSubnets(
                    "10.20.0.0/16",
                    Array.from({ length: 7 }, (_, i) => `z${i}`),
                ),
            /at most 6/,
        );
    });
});

describe("port map", () => {
    const listeners = portMap();
    it("names each listener once per role and never reuses a port within a security group", () => {
        const names = listeners.map((l) => `${l.role}/${l.name}`);
        assert.strictEqual(new Set(names).size, names.length);
        // Workloads that share a security group share its port space at the AWS layer.
        const byGroup = new Map<string, Set<string>>();
        for (const l of listeners) {
            const key = `${SECURITY_GROUP_OF[l.role]}:${l.protocol}/${l.port}`;
            byGroup.set(key, (byGroup.get(key) ?? new Set()).add(l.role));
        }
        for (const [key, roles] of byGroup) {
            assert.strictEqual(roles.size, 1, `${key} is used by ${[...roles].join(", ")}`);
        }
    });
    it("keeps the seeds' port ranges", () => {
        for (const role of ["validator", "relay"] as const) {
            for (const l of listeners.filter((x) => x.role === role && x.name !== "metrics")) {
                assert.ok(
                    l.port >= 7070 && l.port <= 7087,
                    `${role}/${l.name} ${l.port} outside 7070–7087`,
                );
            }
            const metrics = listenerOf(role, "metrics");
            assert.ok(metrics.port >= 9090 && metrics.port <= 9103);
        }
        assert.strictEqual(listenerOf("grafana", "web").port, 3000);
        assert.strictEqual(listenerOf("jaeger", "ui").port, 16686);
        assert.strictEqual(listenerOf("postgres", "postgres").port, 5432);
        assert.strictEqual(listenerOf("redis", "redis").port, 6379);
        assert.deepStrictEqual(
            [
                listenerOf("wireguardHub", "wireguard").port,
                listenerOf("wireguardHub", "wireguard").protocol,
            ],
            [51820, "udp"],
        );
        assert.strictEqual(listenerOf("appServer", "api").port, 8080);
    });
    it("lets only the load balancer and the WireGuard hub face the internet", () => {
        const open = listeners
            .filter((l) => l.from.includes("internet"))
            .map((l) => `${l.role}:${l.protocol}/${l.port}`)
            .sort();
        assert.deepStrictEqual(open, [
            "loadBalancer:tcp/443",
            "loadBalancer:tcp/80",
            "wireguardHub:udp/51820",
        ]);
    });
    it("opens SSH only when asked, and then only to operators", () => {
        assert.ok(!listeners.some((l) => l.port === 22));
        const ssh = portMap({ sshFromOperators: true }).filter((l) => l.port === 22);
        assert.deepStrictEqual(ssh.map((l) => l.role).sort(), [...SERVER_ROLES].sort());
        assert.ok(ssh.every((l) => l.from.length === 1 && l.from[0] === "operators"));
    });
    it("throws on a listener it does not have", () => {
        assert.throws(() => listenerOf("relay", "grpc"), /no listener "grpc" for role relay/);
    });
});

describe("security rules derived from the port map", () => {
    const rules = deriveSecurityRules(portMap(), {
        internetAllowList: { wireguardHub: ["192.0.2.0/24"] },
    });
    const internetIngress = rules.filter(
        (r) => r.direction === "ingress" && r.peer.kind === "cidr",
    );

    it("admits the internet only to the load balancer (80, 443) and the hub (51820/udp, allow-listed)", () => {
        assert.deepStrictEqual(
            internetIngress
                .map(
                    (r) =>
                        `${r.group}:${r.protocol}/${r.port}:${r.peer.kind === "cidr" ? r.peer.cidr : ""}`,
                )
                .sort(),
            [
                "loadBalancer:tcp/443:0.0.0.0/0",
                "loadBalancer:tcp/80:0.0.0.0/0",
                "wireguardHub:udp/51820:192.0.2.0/24",
            ],
        );
    });
    it("has an ingress rule for every flow of the map and the matching egress on the source", () => {
        for (const listener of portMap()) {
            for (const source of listener.from.filter((s) => s !== "internet")) {
                const sourceGroup =
                    source === "operators" ? "wireguardHub" : SECURITY_GROUP_OF[source];
                const targetGroup = SECURITY_GROUP_OF[listener.role];
                const matches = (
                    r: (typeof rules)[number],
                    group: string,
                    direction: string,
                    peer: string,
                ) =>
                    r.group === group &&
                    r.direction === direction &&
                    r.port === listener.port &&
                    r.protocol === listener.protocol &&
                    r.peer.kind === "group" &&
                    r.peer.group === peer;
                assert.ok(
                    rules.some((r) => matches(r, targetGroup, "ingress", sourceGroup)),
                    `no ingress for ${listener.role}/${listener.name} from ${source}`,
                );
                assert.ok(
                    rules.some((r) => matches(r, sourceGroup, "egress", targetGroup)),
                    `no egress for ${source} to ${listener.role}/${listener.name}`,
                );
            }
        }
    });
    it("gives databases and caches no egress and never opens all ports or all protocols", () => {
        assert.ok(
            !rules.some(
                (r) => (r.group === "postgres" || r.group === "redis") && r.direction === "egress",
            ),
        );
        assert.ok(rules.every((r) => r.port > 0 && (r.protocol === "tcp" || r.protocol === "udp")));
    });
    it("names rules uniquely and stably", () => {
        assert.strictEqual(new Set(rules.map((r) => r.key)).size, rules.length);
        assert.deepStrictEqual(
            deriveSecurityRules(portMap(), {
                internetAllowList: { wireguardHub: ["192.0.2.0/24"] },
            }),
            rules,
        );
    });
});

describe("partitions", () => {
    it("names each region's partition and endpoint DNS suffix (China's differ)", () => {
        assert.deepStrictEqual(
            ["us-east-1", "cn-north-1", "us-gov-west-1"].map((r) => [
                partitionOf(r),
                dnsSuffixOf(r),
            ]),
            [
                ["aws", "amazonaws.com"],
                ["aws-cn", "amazonaws.com.cn"],
                ["aws-us-gov", "amazonaws.com"],
            ],
        );
    });
});

describe("BFT arithmetic (topology/bft.ts)", () => {
    it("tolerates f of 3f+1 validators and needs more than two thirds for quorum", () => {
        const cases: [number, number, number][] = [
            [4, 1, 3],
            [7, 2, 5],
            [10, 3, 7],
            [31, 10, 21],
        ];
        for (const [n, f, quorum] of cases) {
            assert.strictEqual(faultsTolerated(n), f, `f of ${n}`);
            assert.strictEqual(quorumOf(n), quorum, `quorum of ${n}`);
            // Quorum survives f losses and not one more.
            assert.ok(n - f >= quorumOf(n) && n - f - 1 < quorumOf(n), `${n}`);
            assert.ok(isThreeFPlusOne(n));
        }
        assert.ok(![5, 6, 8, 9].some(isThreeFPlusOne));
    });
});
