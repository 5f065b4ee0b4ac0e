/**
 * In prod, losing any one availability zone must leave 3 of 4 validators (n − f in general), a
 * database instance, a relay and a load balancer. Checked for each kind the stack declares.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configOf, stringListSetting } from "../lib/config";
import { stackPolicy } from "../lib/exemptions";
import { podSpecOf, Spec } from "../lib/kubernetes";
import { asArray, known, knownOr, tagsOf } from "../lib/values";

const ZONE_KEY = "topology.kubernetes.io/zone";
const DEFAULTS = { stacks: ["prod"], loadBalancerRole: "loadBalancer" };

/** Where a workload's pods may run: one zone, spread one per zone, or anywhere (worst case: together). */
type Placement = { kind: "zone"; zone: string } | { kind: "spread" } | { kind: "anywhere" };

export function placementOf(resource: Pick<PolicyResource, "type" | "props">): Placement {
    const pod = podSpecOf(resource.type, resource.props) ?? {};
    const selected = ((pod.nodeSelector ?? {}) as Record<string, string>)[ZONE_KEY];
    if (selected) return { kind: "zone", zone: selected };
    const terms = asArray(
        (
            ((pod.affinity as Spec | undefined)?.nodeAffinity as Spec | undefined)
                ?.requiredDuringSchedulingIgnoredDuringExecution as Spec | undefined
        )?.nodeSelectorTerms as Spec[] | undefined,
    );
    const pinned = terms
        .flatMap((t) => asArray(t.matchExpressions as Spec[] | undefined))
        .find(
            (e) =>
                e.key === ZONE_KEY &&
                e.operator === "In" &&
                asArray(e.values as string[]).length === 1,
        );
    if (pinned) return { kind: "zone", zone: asArray(pinned.values as string[])[0]! };
    const spread = asArray(pod.topologySpreadConstraints as Spec[] | undefined).some(
        (c) =>
            c.topologyKey === ZONE_KEY &&
            c.whenUnsatisfiable === "DoNotSchedule" &&
            Number(c.maxSkew) === 1,
    );
    return spread ? { kind: "spread" } : { kind: "anywhere" };
}

function component(resource: PolicyResource): string | undefined {
    const labels = ((resource.props.metadata as Spec | undefined)?.labels ?? {}) as Record<
        string,
        string
    >;
    return labels["app.kubernetes.io/component"];
}

function replicasOf(resource: PolicyResource): number {
    const replicas = (resource.props.spec as Spec | undefined)?.replicas;
    return typeof replicas === "number" ? replicas : 1;
}

/** The most pods of `workloads` one zone can take down: pinned pods of the worst zone plus every unplaced pod. */
export function worstZoneLoss(
    workloads: readonly { placement: Placement; replicas: number }[],
): number {
    const perZone = new Map<string, number>();
    let anywhere = 0;
    let spread = 0;
    for (const w of workloads) {
        if (w.placement.kind === "zone")
            perZone.set(w.placement.zone, (perZone.get(w.placement.zone) ?? 0) + w.replicas);
        else if (w.placement.kind === "anywhere") anywhere += w.replicas;
        else spread += w.replicas > 0 ? 1 : 0;
    }
    // Spread pods are one per zone at most, so a zone loss takes at most one of them.
    return Math.max(0, ...perZone.values()) + anywhere + Math.min(spread, 1);
}

/**
 * The instance's zone: its own, its subnet's, or the subnet of the network interface it boots on.
 * Throws the engine's unknown-value error in a preview.
 */
function zoneOfInstance(
    instance: PolicyResource,
    resources: readonly PolicyResource[],
): string | undefined {
    const direct = instance.props.availabilityZone as string | undefined;
    if (direct) return direct;
    const byId = (type: string, id: unknown) =>
        resources.find((r) => r.type === type && known(() => r.props.id) === id);
    const nicId = (instance.props.primaryNetworkInterface as Spec | undefined)?.networkInterfaceId;
    const nic =
        nicId === undefined
            ? undefined
            : (instance.propertyDependencies?.primaryNetworkInterface?.find(
                  (r) => r.type === "aws:ec2/networkInterface:NetworkInterface",
              ) ?? byId("aws:ec2/networkInterface:NetworkInterface", nicId));
    const holder = nic ?? instance;
    const subnet =
        holder.propertyDependencies?.subnetId?.find((r) => r.type === "aws:ec2/subnet:Subnet") ??
        byId("aws:ec2/subnet:Subnet", holder.props.subnetId);
    return subnet ? (subnet.props.availabilityZone as string | undefined) : undefined;
}

export const faultDomains: StackValidationPolicy = stackPolicy({
    name: "prod-fault-domains",
    description:
        "In prod, losing any one AZ leaves n − f validators (3 of 4), a database instance, a relay and a load balancer.",
    severity: "critical",
    configSchema: {
        properties: {
            stacks: {
                ...stringListSetting(DEFAULTS.stacks),
                description: "Stacks this policy applies to",
            },
            loadBalancerRole: { type: "string", default: DEFAULTS.loadBalancerRole },
        },
    },
    validateStack: (args, report) => {
        const config = configOf(args, DEFAULTS);
        const stack = args.resources[0]?.urn.split("::")[0]?.split(":").pop();
        if (!stack || !config.stacks.includes(stack)) return;

        const workloads = args.resources.filter(
            (r) =>
                r.type === "kubernetes:apps/v1:StatefulSet" ||
                r.type === "kubernetes:apps/v1:Deployment",
        );
        const placed = (kind: string) =>
            workloads
                .filter((w) => known(() => component(w)) === kind)
                .map((w) => ({
                    resource: w,
                    placement: known(() => placementOf(w)) ?? ({ kind: "anywhere" } as Placement),
                    replicas: known(() => replicasOf(w)) ?? 1,
                }));

        const validators = placed("validator");
        const validatorCount = validators.reduce((n, v) => n + v.replicas, 0);
        if (validatorCount > 0) {
            const tolerated = Math.floor((validatorCount - 1) / 3);
            const loss = worstZoneLoss(validators);
            if (loss > tolerated) {
                report(
                    `one AZ outage can take ${loss} of ${validatorCount} validators; consensus tolerates ${tolerated}. Pin each validator to its own zone (nodeSelector ${ZONE_KEY}) or spread them`,
                    validators[0]!.resource.urn,
                );
            }
        }
        const relays = placed("relay");
        const relayCount = relays.reduce((n, r) => n + r.replicas, 0);
        if (relayCount > 0 && worstZoneLoss(relays) >= relayCount) {
            report(
                `one AZ outage can take all ${relayCount} relays; spread them over zones`,
                relays[0]!.resource.urn,
            );
        }

        // A zone or multi-AZ flag unknown during a preview means "cannot tell": no report.
        const UNKNOWN = Symbol("unknown");
        const databases = args.resources.filter((r) => r.type === "aws:rds/instance:Instance");
        const multiAz = databases.map((d) => knownOr(() => d.props.multiAz === true, UNKNOWN));
        if (databases.length > 0 && !multiAz.includes(true) && !multiAz.includes(UNKNOWN)) {
            const zones = databases.map((d) =>
                knownOr(() => d.props.availabilityZone as string | undefined, UNKNOWN),
            );
            if (
                !zones.includes(UNKNOWN) &&
                (zones.includes(undefined) || new Set(zones).size < 2)
            ) {
                report(
                    `database instances are in ${new Set(zones.filter(Boolean)).size || "unspecified"} zone(s); place primary and replicas in at least two AZs, or enable multiAz`,
                    databases[0]!.urn,
                );
            }
        }

        const balancers = args.resources.filter(
            (r) =>
                r.type === "aws:ec2/instance:Instance" &&
                known(() => tagsOf(r.props).Role) === config.loadBalancerRole,
        );
        if (balancers.length > 0) {
            const zones = balancers.map((b) =>
                knownOr(() => zoneOfInstance(b, args.resources), UNKNOWN),
            );
            if (
                !zones.includes(UNKNOWN) &&
                (zones.includes(undefined) || new Set(zones).size < 2)
            ) {
                report(
                    `load balancers are in ${new Set(zones.filter(Boolean)).size || "unknown"} zone(s); one AZ outage would take them all`,
                    balancers[0]!.urn,
                );
            }
        }
    },
});
