/**
 * The stack configuration: every key, its type, range and meaning, and the rules across keys.
 * Validated once, here; the rest of the program receives the typed result.
 */
import { z } from "zod";
import { AWS_CATALOG_AS_OF, CatalogKind, catalogNames } from "../topology/aws-catalog";
import { AWS_REGIONS, AWS_REGIONS_AS_OF, isAwsRegion } from "../topology/aws-regions";
import { cidrsOverlap, isPrivateRange, parseCidr } from "../topology/cidr";
import { EKS_VERSIONS, EKS_VERSIONS_AS_OF } from "../topology/eks-versions";
import { POSTGRES_MAJORS, supportedPostgresMajor } from "../topology/postgres-versions";
import { MAX_AVAILABILITY_ZONES } from "../topology/subnets";
import { architectureIssues, capacityIssues, wireguardPeerIssues } from "./rules";
import { suggestion } from "./suggest";

export const ENVIRONMENTS = ["staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** CloudWatch Logs accepts only these retention periods. */
const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
] as const;

const cidr = (
    rule: string,
    check: (c: NonNullable<ReturnType<typeof parseCidr>>) => boolean = () => true,
) =>
    z.string().refine((text) => {
        const parsed = parseCidr(text);
        return parsed !== undefined && check(parsed);
    }, rule);

const integer = (min: number, max: number) =>
    z
        .number({ error: "must be a whole number" })
        .int({ error: "must be a whole number", abort: true })
        .min(min, { error: `must be at least ${min}`, abort: true })
        .max(max, { error: `must be at most ${max}`, abort: true });

const CATALOG_WORDS: Readonly<Record<CatalogKind, { what: string; example: string }>> = {
    ec2: { what: "an EC2 instance type", example: "m6i.large" },
    rds: { what: "an RDS instance class", example: "db.r6g.large" },
    cache: { what: "an ElastiCache node type (instance class)", example: "cache.t4g.medium" },
};

/** A name of the dated catalog; a typo fails here, not half-way through `pulumi up`. */
const instanceType = (kind: CatalogKind) => {
    const known = catalogNames(kind);
    const { what, example } = CATALOG_WORDS[kind];
    return z.string().superRefine((name, ctx) => {
        if (!known.includes(name)) {
            ctx.addIssue({
                code: "custom",
                message: `must be ${what} that exists, like ${example} (catalog: topology/aws-catalog.ts, as of ${AWS_CATALOG_AS_OF})${suggestion(name, known)}`,
            });
        }
    });
};

/** An AWS region of the dated list, with a did-you-mean for typos such as us-esat-1. */
export function regionRule(name: string): string | undefined {
    return isAwsRegion(name)
        ? undefined
        : `must be an AWS region such as us-east-1 (list: topology/aws-regions.ts, as of ${AWS_REGIONS_AS_OF})${suggestion(name, AWS_REGIONS)}`;
}

/**
 * How Pulumi.yaml declares a key; also how the program decodes the text Pulumi hands it.
 * "object-array": Pulumi.yaml types only scalars and lists of scalars, so such keys are declared
 * without a type and validated here alone.
 */
export type PulumiConfigType = "string" | "integer" | "boolean" | "array" | "object-array";

const WIREGUARD_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

const wireguardPeer = z.strictObject({
    name: z
        .string()
        .regex(/^[a-z][a-z0-9-]{1,31}$/, "must be 2–32 lowercase letters, digits or dashes"),
    publicKey: z
        .string()
        .regex(WIREGUARD_KEY, "must be a WireGuard public key: base64 of 32 bytes (44 characters)"),
    allowedIps: z.array(cidr("must be an IPv4 network")).min(1, "must list at least one network"),
});

/** Each key of the project namespace: declared type, schema and one-line meaning (the README's reference is built from it). */
export const CONFIG_KEYS = {
    environment: {
        type: "string",
        schema: z.enum(ENVIRONMENTS, { error: `must be one of ${ENVIRONMENTS.join(", ")}` }),
        description: "Which environment this stack is; selects the rules of the environment table.",
    },
    owner: {
        type: "string",
        schema: z
            .string()
            .regex(/^[a-z][a-z0-9-]{1,39}$/, "must be 2–40 lowercase letters, digits or dashes"),
        description: "Team that owns the stack; the `Owner` tag of every AWS resource.",
    },
    vpcCidr: {
        type: "string",
        schema: cidr(
            "must be a private IPv4 network (10/8, 172.16/12, 192.168/16 or 100.64/10) of prefix /16 to /20",
            (c) => isPrivateRange(c) && c.prefix >= 16 && c.prefix <= 20,
        ),
        description: "Address block of the VPC; cut into one private and one public subnet per AZ.",
    },
    availabilityZones: {
        type: "integer",
        schema: integer(2, MAX_AVAILABILITY_ZONES),
        description: "How many AZs the VPC, node groups and replicas span.",
    },
    natGateways: {
        type: "string",
        schema: z.enum(["single", "perAz"], { error: "must be single or perAz" }),
        description:
            "One NAT gateway for the VPC, or one per AZ so that losing an AZ keeps egress.",
    },
    flowLogRetentionDays: {
        type: "integer",
        schema: z
            .number()
            .refine(
                (n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n),
                `must be a CloudWatch Logs retention period (${LOG_RETENTION_DAYS.join(", ")})`,
            ),
        description: "Days the VPC flow logs are kept.",
    },
    wireguardCidr: {
        type: "string",
        schema: cidr(
            "must be an IPv4 network of prefix /16 to /29",
            (c) => c.prefix >= 16 && c.prefix <= 29,
        ),
        description: "Tunnel addresses of WireGuard peers; must not overlap the VPC.",
    },
    wireguardAllowedSources: {
        type: "array",
        schema: z
            .array(cidr("must be an IPv4 network"), { error: "must be a list of IPv4 networks" })
            .min(1, "must list at least one network"),
        description: "Internet networks that may reach the hub on UDP 51820.",
    },
    wireguardPeers: {
        type: "object-array",
        schema: z.array(wireguardPeer, {
            error: "must be a list of peers { name, publicKey, allowedIps }",
        }),
        description:
            "WireGuard peers of the hub: operators and sites, with the networks each may use.",
    },
    sshFromOperators: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description:
            "Run sshd on the servers, reachable only through the WireGuard hub (SSM Session Manager is always available).",
    },
    kmsDeletionWindowDays: {
        type: "integer",
        schema: integer(7, 30),
        description: "Days a scheduled KMS key deletion waits.",
    },
    validators: {
        type: "integer",
        schema: integer(4, 31).refine(
            (n) => (n - 1) % 3 === 0,
            "must be 3f+1 with f ≥ 1 (4, 7, 10, …) so that consensus tolerates f faults",
        ),
        description: "Validator count.",
    },
    relays: { type: "integer", schema: integer(1, 16), description: "Relay count." },
    deletionProtection: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "Deletion protection and final snapshots on stateful resources.",
    },
    postgresEngineVersion: {
        type: "string",
        schema: z
            .string()
            .refine(
                (v) => supportedPostgresMajor(v) !== undefined,
                `must be a PostgreSQL major version ${POSTGRES_MAJORS.oldest}–${POSTGRES_MAJORS.newest}, optionally with a minor, e.g. "17" or "17.6"`,
            ),
        description:
            "PostgreSQL engine version; the parameter group family follows its major version.",
    },
    postgresMultiAz: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "A synchronous standby of the primary in another AZ.",
    },
    postgresInstanceClass: {
        type: "string",
        schema: instanceType("rds"),
        description: "RDS instance class of the primary and the replicas.",
    },
    postgresStorageGb: {
        type: "integer",
        schema: integer(20, 65536),
        description: "Allocated gp3 storage of each PostgreSQL instance, GiB.",
    },
    postgresReadReplicas: {
        type: "integer",
        schema: integer(0, 5),
        description: "Read replicas, each in an AZ other than the primary's.",
    },
    postgresBackupRetentionDays: {
        type: "integer",
        schema: integer(7, 35),
        description: "Days of automated backups (point-in-time recovery window).",
    },
    redisReplicas: {
        type: "integer",
        schema: integer(0, 5),
        description: "Redis replicas beside the primary.",
    },
    redisMultiAz: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "Redis multi-AZ with automatic failover.",
    },
    redisSnapshotRetentionDays: {
        type: "integer",
        schema: integer(1, 35),
        description: "Days of Redis snapshots.",
    },
    backupObjectLock: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "S3 Object Lock (governance mode) on the backup buckets.",
    },
    backupReplicaRegion: {
        type: "string",
        schema: z.string().superRefine((name, ctx) => {
            const rule = name === "none" ? undefined : regionRule(name);
            if (rule) ctx.addIssue({ code: "custom", message: `${rule}, or none` });
        }),
        description: "Region of the cross-region replica of the backup buckets, or none.",
    },
    redisNodeType: {
        type: "string",
        schema: instanceType("cache"),
        description: "ElastiCache node type.",
    },
    appServerInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the API servers.",
    },
    appServerCount: {
        type: "integer",
        schema: integer(1, 20),
        description: "API servers, spread over the AZs.",
    },
    loadBalancerInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the Nginx load balancers.",
    },
    loadBalancerCount: {
        type: "integer",
        schema: integer(1, 4),
        description: "Nginx load balancers, each in its own AZ.",
    },
    apiImage: {
        type: "string",
        schema: z
            .string()
            .regex(
                /^[a-z0-9][a-z0-9._/-]*(:(?!latest$)[A-Za-z0-9._-]{1,128}|@sha256:[0-9a-f]{64})$/,
                "must be an ECR repository with an explicit tag (not latest) or digest, e.g. chain-api:1.4.2",
            ),
        description:
            "API image in this account's ECR registry, repository:tag or repository@sha256:digest.",
    },
    publicDomain: {
        type: "string",
        schema: z
            .string()
            .regex(
                /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
                "must be a lowercase DNS name such as api.example.com",
            ),
        description: "Public name of the API and chain RPC, served by Nginx.",
    },
    publicZone: {
        type: "string",
        schema: z
            .string()
            .regex(
                /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
                "must be a lowercase DNS name such as chain.example.com",
            ),
        description:
            "Public Route 53 hosted zone that holds publicDomain: its A records and Let's Encrypt's DNS-01 challenges.",
    },
    acmeEmail: {
        type: "string",
        schema: z.email("must be an email address"),
        description: "Contact of the Let's Encrypt account (expiry notices).",
    },
    wireguardInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the WireGuard hub.",
    },
    kubernetesVersion: {
        type: "string",
        schema: z
            .string()
            .refine(
                (v) => EKS_VERSIONS.some((e) => e.version === v),
                `must be an EKS version of the support table (topology/eks-versions.ts, as of ${EKS_VERSIONS_AS_OF}): ${EKS_VERSIONS.map((e) => e.version).join(", ")}`,
            ),
        description:
            "EKS control plane version (pinned); must be in EKS standard support on the day of the plan (topology/eks-versions.ts).",
    },
    clusterAdminRoleArns: {
        type: "array",
        schema: z
            .array(
                z
                    .string()
                    .regex(
                        /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
                        "must be an IAM role ARN such as arn:aws:iam::123456789012:role/deploy",
                    ),
                { error: "must be a list of IAM role ARNs" },
            )
            .min(
                1,
                "must name at least the role CI deploys with: EKS authorises Kubernetes calls by access entry, and nobody else has one",
            ),
        description:
            "IAM roles given EKS cluster-admin access entries: CI's deploy and preview roles and the operators' role; each in this account (checked at preview).",
    },
    clusterPublicAccessCidrs: {
        type: "array",
        schema: z.array(
            cidr(
                "must be a public IPv4 network of prefix /16 or longer: no set of entries may approach the whole internet (0.0.0.0/1 + 128.0.0.0/1 is 0.0.0.0/0), and private ranges (10/8, 172.16/12, 192.168/16, 100.64/10) never reach a public endpoint",
                (c) => c.prefix >= 16 && !isPrivateRange(c),
            ),
            { error: "must be a list of IPv4 networks" },
        ),
        description:
            "Networks that may reach the EKS API over the internet; empty keeps the endpoint private.",
    },
    nodesPerZone: {
        type: "integer",
        schema: integer(1, 10),
        description: "EKS nodes per availability zone (one managed node group per zone).",
    },
    chainVolumeGb: {
        type: "integer",
        schema: integer(20, 16384),
        description: "Encrypted gp3 volume of each validator and relay, GiB.",
    },
    chainImageDigest: {
        type: "string",
        schema: z
            .string()
            .regex(
                /^(sha256:[0-9a-f]{64}|build)$/,
                "must be sha256:<64 hex digits> (a pushed image) or build",
            ),
        description:
            "Digest of the chain node image in the stack's ECR repository, or build to build it from chainImageBuildContext.",
    },
    chainImageBuildContext: {
        type: "string",
        schema: z
            .string()
            .regex(/^(none|[A-Za-z0-9._/-]+)$/, "must be a relative directory path, or none"),
        description:
            "Docker build context of the chain node image (used when chainImageDigest is build).",
    },
    prometheusRetentionDays: {
        type: "integer",
        schema: integer(1, 400),
        description: "Days Prometheus keeps samples.",
    },
    prometheusVolumeGb: {
        type: "integer",
        schema: integer(10, 16384),
        description: "Encrypted gp3 volume of Prometheus, GiB.",
    },
    alertSlackChannel: {
        type: "string",
        schema: z
            .string()
            .regex(/^#[a-z0-9._-]{1,79}$/, "must be a Slack channel such as #chain-alerts"),
        description:
            "Slack channel of every alert; the webhook URL is a Secrets Manager secret written out of band.",
    },
    alertPagerDuty: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description:
            "Page critical alerts through PagerDuty; the routing key is a Secrets Manager secret written out of band.",
    },
    chainWorkloads: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description:
            "Declare the Kubernetes workloads (chain, monitoring, backups); false for the first up of an empty account, before the EKS API is reachable through WireGuard and the node image is pushed.",
    },
    nodeInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the EKS node groups.",
    },
    redisAuthTokenGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of the Redis AUTH token; raise it by 1 to rotate the token (README, Day two).",
    },
    wireguardKeyGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of the WireGuard hub's private key; raise it by 1 to rotate the key (README, Day two).",
    },
    grafanaPasswordGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of Grafana's admin password; raise it by 1 to rotate it (README, Day two).",
    },
    databaseUserPasswordGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of the PostgreSQL exporter and dump users' passwords; raise it by 1 to rotate them (README, Day two).",
    },
} as const satisfies Record<
    string,
    { type: PulumiConfigType; schema: z.ZodType; description: string }
>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

const shape = Object.fromEntries(
    Object.entries(CONFIG_KEYS).map(([key, def]) => [key, def.schema]),
) as {
    [K in ConfigKey]: (typeof CONFIG_KEYS)[K]["schema"];
};

/**
 * Rules between keys: the environment table of the design and the fault-tolerance arithmetic.
 * They run only when every key is valid on its own, so each problem is reported once.
 */
export const platformConfigSchema = z.strictObject(shape).superRefine(
    (c, ctx) => {
        const problem = (key: ConfigKey, message: string) =>
            ctx.addIssue({ code: "custom", path: [key], message });

        const vpc = parseCidr(c.vpcCidr);
        const tunnel = parseCidr(c.wireguardCidr);
        if (vpc && tunnel && cidrsOverlap(vpc, tunnel)) {
            problem("wireguardCidr", `must not overlap vpcCidr ${c.vpcCidr}`);
        }
        if (c.postgresReadReplicas > c.availabilityZones - 1) {
            problem(
                "postgresReadReplicas",
                `must be at most availabilityZones - 1 (${c.availabilityZones - 1}): each replica sits in an AZ other than the primary's`,
            );
        }
        if (c.loadBalancerCount > c.availabilityZones) {
            problem(
                "loadBalancerCount",
                `must be at most availabilityZones (${c.availabilityZones}): each load balancer has an AZ of its own`,
            );
        }
        for (const issue of [
            ...wireguardPeerIssues(c),
            ...architectureIssues(c),
            ...capacityIssues(c),
        ]) {
            ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        }
        if (c.publicDomain !== c.publicZone && !c.publicDomain.endsWith(`.${c.publicZone}`)) {
            problem(
                "publicDomain",
                `must be inside publicZone ${c.publicZone}: its records and certificate challenges are written there`,
            );
        }
        if (c.chainImageDigest === "build" && c.chainImageBuildContext === "none") {
            problem(
                "chainImageBuildContext",
                "must name the Docker build context when chainImageDigest is build",
            );
        }
        if (c.redisMultiAz && c.redisReplicas < 1) {
            problem(
                "redisMultiAz",
                "needs redisReplicas of at least 1 (automatic failover promotes a replica)",
            );
        }
        if (c.redisReplicas + 1 > c.availabilityZones && c.redisMultiAz) {
            problem(
                "redisReplicas",
                `must be at most availabilityZones - 1 (${c.availabilityZones - 1}) with redisMultiAz, one node per AZ`,
            );
        }
        if (c.environment !== "prod") {
            return;
        }
        // Losing one AZ may cost at most f validators, so no AZ may hold more than f of them.
        const faultsTolerated = Math.floor((c.validators - 1) / 3);
        const zonesNeeded = Math.ceil(c.validators / Math.max(faultsTolerated, 1));
        if (c.availabilityZones < zonesNeeded) {
            problem(
                "availabilityZones",
                `must be at least ${zonesNeeded} in prod: ${c.validators} validators tolerate ${faultsTolerated} lost, so no AZ may hold more than ${faultsTolerated}`,
            );
        }
        if (c.natGateways !== "perAz") {
            problem(
                "natGateways",
                "must be perAz in prod, so that losing an AZ does not cut egress from the others",
            );
        }
        if (c.kmsDeletionWindowDays < 30) {
            problem("kmsDeletionWindowDays", "must be 30 in prod");
        }
        if (!c.deletionProtection) {
            problem("deletionProtection", "must be true in prod");
        }
        if (c.postgresReadReplicas < 2) {
            problem("postgresReadReplicas", "must be at least 2 in prod");
        }
        if (c.postgresBackupRetentionDays < 14) {
            problem("postgresBackupRetentionDays", "must be at least 14 in prod");
        }
        if (c.loadBalancerCount < 2) {
            problem("loadBalancerCount", "must be at least 2 in prod");
        }
        if (!c.postgresMultiAz) {
            problem("postgresMultiAz", "must be true in prod");
        }
        if (!c.redisMultiAz) {
            problem("redisMultiAz", "must be true in prod (multi-AZ with automatic failover)");
        }
        if (!c.alertPagerDuty) {
            problem("alertPagerDuty", "must be true in prod: critical alerts page someone");
        }
        if (!c.backupObjectLock) {
            problem("backupObjectLock", "must be true in prod");
        }
        if (c.backupReplicaRegion === "none") {
            problem("backupReplicaRegion", "must name a second region in prod");
        }
        if (c.relays < 2) {
            problem(
                "relays",
                "must be at least 2 in prod, so that one AZ loss leaves a relay path",
            );
        }
    },
    { when: (payload) => payload.issues.length === 0 },
);

export type PlatformConfig = z.infer<typeof platformConfigSchema>;
