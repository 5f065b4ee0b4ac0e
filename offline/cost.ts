/**
 * Monthly cost estimate of an inventory from the dated price table in `pricing/`. A resource whose
 * price is not in the table is "unknown" and counted apart, never as zero. Pure but for
 * `estimatePlanCost`, which reads the table.
 */
import * as fs from "fs";
import * as path from "path";
import { retainedBackups } from "../topology/retention";
import { InventoryResource } from "./inventory";

export interface PriceTable {
    readonly region: string;
    readonly currency: string;
    readonly asOf: string;
    readonly hoursPerMonth: number;
    readonly ec2Hourly: Readonly<Record<string, number>>;
    readonly rdsHourly: Readonly<Record<string, number>>;
    readonly elasticacheHourly: Readonly<Record<string, number>>;
    readonly monthly: {
        readonly ebsGp3PerGb: number;
        readonly rdsGp3PerGb: number;
        readonly s3StandardPerGb: number;
        readonly kmsKey: number;
        readonly secretsManagerSecret: number;
    };
    readonly hourly: {
        readonly natGateway: number;
        readonly publicIpv4: number;
        readonly eksControlPlane: number;
        readonly networkLoadBalancer: number;
    };
}

export interface CostItem {
    readonly urn: string;
    readonly type: string;
    /** Null when a price is missing from the table. */
    readonly monthlyUsd: number | null;
    readonly basis: string;
}

export interface CostEstimate {
    /** Sum of the known items, rounded to cents. */
    readonly monthlyUsd: number;
    readonly currency: string;
    readonly pricesAsOf: string;
    readonly label: string;
    /** URNs of resources whose price is unknown. */
    readonly unknown: readonly string[];
    readonly items: readonly CostItem[];
}

/** Types that cost nothing by themselves (their usage may, and is not estimated). */
const FREE =
    /^(aws:(ec2\/(vpc|subnet|routeTable|routeTableAssociation|internetGateway|securityGroup|defaultSecurityGroup|launchTemplate|flowLog)|vpc\/securityGroup(Ingress|Egress)Rule|iam\/.*|kms\/alias|s3\/bucket(?!:Bucket$).*|rds\/(subnetGroup|parameterGroup)|elasticache\/(subnetGroup|parameterGroup)|secretsmanager\/secretVersion|ssm\/parameter|cloudwatch\/(logGroup|metricAlarm)|ecr\/.*|eks\/addon)|kubernetes:|random:|pulumi:|docker:|platform:)/;

export interface StorageEstimates {
    /** Expected GiB stored per S3 bucket, by bucket name. */
    readonly bucketGb: Readonly<Record<string, number>>;
}

const round = (n: number) => Math.round(n * 100) / 100;

function gb(size: unknown): number {
    const match = /^(\d+(?:\.\d+)?)(Gi|G|Ti|T|Mi)?$/.exec(String(size ?? ""));
    if (!match) return 0;
    const scale: Record<string, number> = { Gi: 1, G: 1, Ti: 1024, T: 1024, Mi: 1 / 1024 };
    return Number(match[1]) * (scale[match[2] ?? "Gi"] ?? 1);
}

/** Multiplies known numbers; any unknown factor makes the product unknown. */
function times(...factors: (number | null | undefined)[]): number | null {
    return factors.every((f): f is number => typeof f === "number" && Number.isFinite(f))
        ? factors.reduce<number>((a, b) => a * b, 1)
        : null;
}

function plus(...terms: (number | null)[]): number | null {
    return terms.every((t): t is number => t !== null)
        ? terms.reduce<number>((a, b) => a + b, 0)
        : null;
}

/**
 * Prices every resource that costs money. Without a price table (a region the repository has none
 * for), each of them is unknown.
 */
export function estimateCost(
    resources: readonly InventoryResource[],
    prices: PriceTable | undefined,
    storage: StorageEstimates = { bucketGb: {} },
    region = prices?.region ?? "unknown",
): CostEstimate {
    const h = prices?.hoursPerMonth ?? null;
    const items: CostItem[] = [];
    const add = (r: InventoryResource, monthly: number | null, basis: string) =>
        items.push({
            urn: r.urn,
            type: r.type,
            monthlyUsd: monthly === null ? null : round(monthly),
            basis,
        });
    const lookup = (table: Readonly<Record<string, number>> | undefined, key: unknown) =>
        table && typeof key === "string" && key in table ? table[key]! : null;

    for (const r of resources) {
        if (!r.custom) continue;
        const i = r.inputs as Record<string, unknown>;
        switch (r.type) {
            case "aws:ec2/instance:Instance": {
                const disk = times(
                    (i.rootBlockDevice as { volumeSize?: number } | undefined)?.volumeSize ?? 0,
                    prices?.monthly.ebsGp3PerGb,
                );
                add(
                    r,
                    plus(times(lookup(prices?.ec2Hourly, i.instanceType), h), disk),
                    `${String(i.instanceType)} × ${h} h + root volume`,
                );
                break;
            }
            case "aws:ec2/natGateway:NatGateway":
                add(
                    r,
                    times(prices?.hourly.natGateway, h),
                    `NAT gateway × ${h} h (data processing not estimated)`,
                );
                break;
            case "aws:ec2/eip:Eip":
                add(r, times(prices?.hourly.publicIpv4, h), `public IPv4 × ${h} h`);
                break;
            case "aws:rds/instance:Instance": {
                const copies = i.multiAz === true ? 2 : 1;
                const storageGb =
                    typeof i.allocatedStorage === "number"
                        ? i.allocatedStorage
                        : Number(i.maxAllocatedStorage ?? 0) / 2;
                add(
                    r,
                    times(
                        plus(
                            times(lookup(prices?.rdsHourly, i.instanceClass), h),
                            times(storageGb, prices?.monthly.rdsGp3PerGb),
                        ),
                        copies,
                    ),
                    `${String(i.instanceClass)}${copies === 2 ? " Multi-AZ" : ""} × ${h} h + ${storageGb} GiB`,
                );
                break;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup": {
                const nodes = Number(i.numCacheClusters ?? 1);
                add(
                    r,
                    times(lookup(prices?.elasticacheHourly, i.nodeType), h, nodes),
                    `${nodes} × ${String(i.nodeType)} × ${h} h`,
                );
                break;
            }
            case "aws:eks/cluster:Cluster":
                add(r, times(prices?.hourly.eksControlPlane, h), `EKS control plane × ${h} h`);
                break;
            case "aws:eks/nodeGroup:NodeGroup": {
                const type = (i.instanceTypes as string[] | undefined)?.[0];
                const nodes = Number(
                    (i.scalingConfig as { desiredSize?: number } | undefined)?.desiredSize ?? 0,
                );
                add(
                    r,
                    times(
                        nodes,
                        plus(
                            times(lookup(prices?.ec2Hourly, type), h),
                            times(50, prices?.monthly.ebsGp3PerGb),
                        ),
                    ),
                    `${nodes} × ${String(type)} × ${h} h + 50 GiB root`,
                );
                break;
            }
            case "aws:kms/key:Key":
                add(r, prices?.monthly.kmsKey ?? null, "customer-managed key");
                break;
            case "aws:secretsmanager/secret:Secret":
                add(r, prices?.monthly.secretsManagerSecret ?? null, "secret");
                break;
            case "aws:s3/bucket:Bucket": {
                const estimate = storage.bucketGb[String(i.bucket)];
                add(
                    r,
                    times(estimate, prices?.monthly.s3StandardPerGb),
                    estimate === undefined
                        ? "no storage estimate"
                        : `≈ ${estimate} GiB Standard (requests not estimated)`,
                );
                break;
            }
            default:
                if (r.type === "kubernetes:apps/v1:StatefulSet") {
                    const spec = i.spec as
                        | {
                              replicas?: number;
                              volumeClaimTemplates?: {
                                  spec?: { resources?: { requests?: { storage?: string } } };
                              }[];
                          }
                        | undefined;
                    const perReplica = (spec?.volumeClaimTemplates ?? []).reduce(
                        (sum, t) => sum + gb(t.spec?.resources?.requests?.storage),
                        0,
                    );
                    if (perReplica > 0)
                        add(
                            r,
                            times(perReplica, spec?.replicas ?? 1, prices?.monthly.ebsGp3PerGb),
                            `${spec?.replicas ?? 1} × ${perReplica} GiB gp3`,
                        );
                } else if (
                    r.type === "kubernetes:core/v1:Service" &&
                    (i.spec as { type?: string } | undefined)?.type === "LoadBalancer"
                ) {
                    add(
                        r,
                        times(prices?.hourly.networkLoadBalancer, h),
                        `NLB × ${h} h (LCUs not estimated)`,
                    );
                } else if (r.type.startsWith("aws:") && !FREE.test(r.type)) {
                    add(r, null, "no price in the table");
                }
        }
    }
    const known = items.filter((item) => item.monthlyUsd !== null);
    return {
        monthlyUsd: round(known.reduce((sum, item) => sum + item.monthlyUsd!, 0)),
        currency: prices?.currency ?? "USD",
        pricesAsOf: prices?.asOf ?? "none",
        label: prices
            ? `Estimate from ${prices.region} on-demand list prices as of ${prices.asOf}; usage-based charges are not included`
            : `No price table for ${region} in pricing/; every price is unknown`,
        unknown: items.filter((item) => item.monthlyUsd === null).map((item) => item.urn),
        items: items.sort((a, b) => a.urn.localeCompare(b.urn)),
    };
}

/** Assumed size of one backup relative to its source: compressed dumps and snapshots. */
export const BACKUP_SIZE_RATIO = { dumps: 0.25, snapshots: 0.5 } as const;

/**
 * Expected GiB per backup bucket, from the declared sources: each source's size (the primary
 * database's storage, a validator's volume) × the ratio above × the number of backups the schedules
 * keep; the configuration bucket holds about 1 GiB. Replicas mirror their source bucket.
 */
export function backupStorageEstimate(
    sizes: { readonly postgresGb: number; readonly chainGb: number },
    buckets: {
        readonly primary: Readonly<Record<string, string>>;
        readonly replica?: Readonly<Record<string, string>>;
    },
): StorageEstimates {
    const copies = retainedBackups();
    const perPurpose: Record<string, number> = {
        dumps: Math.round(sizes.postgresGb * BACKUP_SIZE_RATIO.dumps * copies),
        snapshots: Math.round(sizes.chainGb * BACKUP_SIZE_RATIO.snapshots * copies),
        config: 1,
    };
    const bucketGb: Record<string, number> = {};
    for (const names of [buckets.primary, buckets.replica ?? {}]) {
        for (const [purpose, name] of Object.entries(names)) {
            if (purpose in perPurpose) bucketGb[name] = perPurpose[purpose]!;
        }
    }
    return { bucketGb };
}

/** Sizes of the backup sources, read from the declared resources. */
export function backupSourceSizes(resources: readonly InventoryResource[]): {
    postgresGb: number;
    chainGb: number;
} {
    const primary = resources.find(
        (r) => r.type === "aws:rds/instance:Instance" && r.inputs.replicateSourceDb === undefined,
    );
    const validator = resources.find(
        (r) =>
            r.type === "kubernetes:apps/v1:StatefulSet" &&
            ((r.inputs.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {})[
                "app.kubernetes.io/component"
            ] === "validator",
    );
    const claims =
        (
            validator?.inputs.spec as
                | {
                      volumeClaimTemplates?: {
                          spec?: { resources?: { requests?: { storage?: string } } };
                      }[];
                  }
                | undefined
        )?.volumeClaimTemplates ?? [];
    return {
        postgresGb: Number(primary?.inputs.allocatedStorage ?? 0),
        chainGb: claims.reduce((sum, t) => sum + gb(t.spec?.resources?.requests?.storage), 0),
    };
}

/** The region's price table from `pricingDir`, or undefined when the repository has none for it. */
export function loadPriceTable(
    region: string | undefined,
    pricingDir: string,
): PriceTable | undefined {
    const file = path.join(pricingDir, `${region}.json`);
    return region !== undefined && fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, "utf8")) as PriceTable)
        : undefined;
}

/** An inventory's estimate: resources priced from `prices`, storage from its declared sources and outputs. Pure. */
export function estimateInventoryCost(
    resources: readonly InventoryResource[],
    outputs: Record<string, unknown>,
    prices: PriceTable | undefined,
    region: string,
): CostEstimate {
    const backups = (outputs.backups ?? {}) as {
        buckets?: Record<string, string>;
        replicaBuckets?: Record<string, string>;
    };
    return estimateCost(
        resources,
        prices,
        backupStorageEstimate(backupSourceSizes(resources), {
            primary: backups.buckets ?? {},
            replica: backups.replicaBuckets,
        }),
        region,
    );
}

/** The plan's estimate: the region's price table if the repository has one, storage from the inventory. */
export function estimatePlanCost(
    resources: readonly InventoryResource[],
    outputs: Record<string, unknown>,
    region: string,
    pricingDir: string,
): CostEstimate {
    return estimateInventoryCost(resources, outputs, loadPriceTable(region, pricingDir), region);
}
