/**
 * Which EC2 instance types, RDS instance classes and ElastiCache node types exist, as dated data,
 * so a typo (`m6i.xlarg`, `db.m6g.medium`) is refused at preview instead of failing at `pulumi up`
 * half-way through a deploy. Current-generation families only; a family missing here is added
 * here, never accepted by pattern.
 *
 * Sources, read 2026-11-22: Amazon EC2 "Instance type specifications" (general purpose, compute
 * optimized, memory optimized), Amazon RDS "Supported DB engines for DB instance classes"
 * (PostgreSQL column), Amazon ElastiCache "Supported node types". vCPU and memory are the
 * published figures; every listed family follows AWS's size ladder (`Nxlarge` = 4·N vCPUs).
 */
export const AWS_CATALOG_AS_OF = "2026-11-22";

export type Architecture = "x86_64" | "arm64";

export interface Ec2InstanceType {
    readonly name: string;
    readonly vcpus: number;
    readonly memoryGib: number;
    readonly architecture: Architecture;
}

interface Family {
    readonly architecture: Architecture;
    /** GiB of memory per vCPU: 2 for c, 4 for m, 8 for r families. */
    readonly gibPerVcpu: number;
    readonly sizes: readonly string[];
}

/** Burstable families share one irregular ladder: small sizes keep 2 vCPUs with less memory. */
const BURSTABLE: Readonly<Record<string, readonly [number, number]>> = {
    nano: [2, 0.5],
    micro: [2, 1],
    small: [2, 2],
    medium: [2, 4],
    large: [2, 8],
    xlarge: [4, 16],
    "2xlarge": [8, 32],
};

const INTEL_5 = [
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
];
const INTEL_6 = [...INTEL_5, "32xlarge"];
const INTEL_7 = [...INTEL_6, "48xlarge"];
const GRAVITON = [
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
];
const GRAVITON_8 = [...GRAVITON, "24xlarge", "48xlarge"];

const FAMILIES: Readonly<Record<string, Family>> = {
    m5: { architecture: "x86_64", gibPerVcpu: 4, sizes: INTEL_5 },
    m5a: { architecture: "x86_64", gibPerVcpu: 4, sizes: INTEL_5 },
    m6i: { architecture: "x86_64", gibPerVcpu: 4, sizes: INTEL_6 },
    m6a: { architecture: "x86_64", gibPerVcpu: 4, sizes: [...INTEL_6, "48xlarge"] },
    m7i: { architecture: "x86_64", gibPerVcpu: 4, sizes: INTEL_7 },
    m7a: { architecture: "x86_64", gibPerVcpu: 4, sizes: ["medium", ...INTEL_7] },
    m6g: { architecture: "arm64", gibPerVcpu: 4, sizes: GRAVITON },
    m7g: { architecture: "arm64", gibPerVcpu: 4, sizes: GRAVITON },
    m8g: { architecture: "arm64", gibPerVcpu: 4, sizes: GRAVITON_8 },
    c5: {
        architecture: "x86_64",
        gibPerVcpu: 2,
        sizes: [
            "large",
            "xlarge",
            "2xlarge",
            "4xlarge",
            "9xlarge",
            "12xlarge",
            "18xlarge",
            "24xlarge",
        ],
    },
    c6i: { architecture: "x86_64", gibPerVcpu: 2, sizes: INTEL_6 },
    c6a: { architecture: "x86_64", gibPerVcpu: 2, sizes: [...INTEL_6, "48xlarge"] },
    c7i: { architecture: "x86_64", gibPerVcpu: 2, sizes: INTEL_7 },
    c6g: { architecture: "arm64", gibPerVcpu: 2, sizes: GRAVITON },
    c7g: { architecture: "arm64", gibPerVcpu: 2, sizes: GRAVITON },
    c8g: { architecture: "arm64", gibPerVcpu: 2, sizes: GRAVITON_8 },
    r5: { architecture: "x86_64", gibPerVcpu: 8, sizes: INTEL_5 },
    r6i: { architecture: "x86_64", gibPerVcpu: 8, sizes: INTEL_6 },
    r7i: { architecture: "x86_64", gibPerVcpu: 8, sizes: INTEL_7 },
    r6g: { architecture: "arm64", gibPerVcpu: 8, sizes: GRAVITON },
    r7g: { architecture: "arm64", gibPerVcpu: 8, sizes: GRAVITON },
    r8g: { architecture: "arm64", gibPerVcpu: 8, sizes: GRAVITON_8 },
};

const BURSTABLE_FAMILIES: Readonly<Record<string, Architecture>> = {
    t3: "x86_64",
    t3a: "x86_64",
    t4g: "arm64",
};

/** vCPUs of a non-burstable size: medium 1, large 2, xlarge 4, Nxlarge 4·N. */
function vcpusOf(size: string): number {
    if (size === "medium") {
        return 1;
    }
    if (size === "large") {
        return 2;
    }
    const match = /^(\d*)xlarge$/.exec(size);
    return 4 * Number(match![1] || 1);
}

function buildEc2(): ReadonlyMap<string, Ec2InstanceType> {
    const types = new Map<string, Ec2InstanceType>();
    for (const [family, architecture] of Object.entries(BURSTABLE_FAMILIES)) {
        for (const [size, [vcpus, memoryGib]] of Object.entries(BURSTABLE)) {
            types.set(`${family}.${size}`, {
                name: `${family}.${size}`,
                vcpus,
                memoryGib,
                architecture,
            });
        }
    }
    for (const [family, spec] of Object.entries(FAMILIES)) {
        for (const size of spec.sizes) {
            const vcpus = vcpusOf(size);
            types.set(`${family}.${size}`, {
                name: `${family}.${size}`,
                vcpus,
                memoryGib: vcpus * spec.gibPerVcpu,
                architecture: spec.architecture,
            });
        }
    }
    return types;
}

export const EC2_INSTANCE_TYPES: ReadonlyMap<string, Ec2InstanceType> = buildEc2();

const RDS_T = ["micro", "small", "medium", "large", "xlarge", "2xlarge"];
const RDS_GRAVITON = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];

/** RDS for PostgreSQL instance classes (db.t3.micro is in, db.m6g.medium is not: RDS Graviton starts at large). */
export const RDS_INSTANCE_CLASSES: ReadonlySet<string> = new Set(
    Object.entries({
        t3: RDS_T,
        t4g: RDS_T,
        m5: INTEL_5,
        m6i: INTEL_6,
        m6g: RDS_GRAVITON,
        m7g: RDS_GRAVITON,
        r5: INTEL_5,
        r6i: INTEL_6,
        r6g: RDS_GRAVITON,
        r7g: RDS_GRAVITON,
    }).flatMap(([family, sizes]) => sizes.map((size) => `db.${family}.${size}`)),
);

const CACHE_5 = ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"];
const CACHE_GRAVITON = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];

/** ElastiCache (Redis OSS / Valkey) node types. */
export const CACHE_NODE_TYPES: ReadonlySet<string> = new Set(
    Object.entries({
        t3: ["micro", "small", "medium"],
        t4g: ["micro", "small", "medium"],
        m5: CACHE_5,
        m6g: CACHE_GRAVITON,
        m7g: CACHE_GRAVITON,
        r5: CACHE_5,
        r6g: CACHE_GRAVITON,
        r7g: CACHE_GRAVITON,
    }).flatMap(([family, sizes]) => sizes.map((size) => `cache.${family}.${size}`)),
);

export type CatalogKind = "ec2" | "rds" | "cache";

export function catalogNames(kind: CatalogKind): readonly string[] {
    return kind === "ec2"
        ? [...EC2_INSTANCE_TYPES.keys()]
        : [...(kind === "rds" ? RDS_INSTANCE_CLASSES : CACHE_NODE_TYPES)];
}
