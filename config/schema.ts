/**
 * The stack configuration: every key, its type, range and meaning, and the rules across keys.
 * Validated once, here; the rest of the program receives the typed result.
 */
import { z } from "zod";
import { AWS_CATALOG_AS_OF, CatalogKind, catalogNames } from "../topology/aws-catalog";
import { AWS_REGIONS, AWS_REGIONS_AS_OF, isAwsRegion } from "../topology/aws-regions";
import { faultsTolerated, isThreeFPlusOne } from "../topology/bft";
import { cidrsOverlap, isPrivateRange, parseCidr } from "../topology/cidr";
import { EKS_VERSIONS, EKS_VERSIONS_AS_OF } from "../topology/eks-versions";
import { POSTGRES_MAJORS, supportedPostgresMajor } from "../topology/postgres-versions";
import { MAX_AVAILABILITY_ZONES } from "../topology/subnets";
import { architectureIssues, capacityIssues, wireguardPeerIssues } from "./rules";
import { suggestion } from "./suggest";

import { ENVIRONMENTS, Environment } from "../topology/naming";
export { ENVIRONMENTS };
export type { Environment };

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
        rule: "`staging` or `prod`; selects the environment rules below; the stack named `prod` must be `prod` and the one named `staging` must be `staging` (other stack names choose)",
    },
    owner: {
        type: "string",
        schema: z
            .string()
            .regex(/^[a-z][a-z0-9-]{1,39}$/, "must be 2–40 lowercase letters, digits or dashes"),
        description: "Team that owns the stack; the `Owner` tag of every AWS resource.",
        rule: "2–40 lowercase letters, digits, dashes; the `Owner` tag",
    },
    vpcCidr: {
        type: "string",
        schema: cidr(
            "must be a private IPv4 network (10/8, 172.16/12, 192.168/16 or 100.64/10) of prefix /16 to /20",
            (c) => isPrivateRange(c) && c.prefix >= 16 && c.prefix <= 20,
        ),
        description: "Address block of the VPC; cut into one private and one public subnet per AZ.",
        rule: "private IPv4 network, /16 to /20",
    },
    availabilityZones: {
        type: "integer",
        schema: integer(2, MAX_AVAILABILITY_ZONES),
        description: "How many AZs the VPC, node groups and replicas span.",
        rule: "2–6; zones are chosen by zone ID at preview among those offering EKS and every instance type (fewer qualifying zones is an error listing each rejected zone and why); prod: no AZ may hold more than f validators (4 validators → 4 AZs)",
    },
    natGateways: {
        type: "string",
        schema: z.enum(["single", "perAz"], { error: "must be single or perAz" }),
        description:
            "One NAT gateway for the VPC, or one per AZ so that losing an AZ keeps egress.",
        rule: "`single` or `perAz`; prod: `perAz`",
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
        rule: "a CloudWatch Logs retention period",
    },
    wireguardCidr: {
        type: "string",
        schema: cidr(
            "must be an IPv4 network of prefix /16 to /29",
            (c) => c.prefix >= 16 && c.prefix <= 29,
        ),
        description: "Tunnel addresses of WireGuard peers; must not overlap the VPC.",
        rule: "IPv4 network /16 to /29, not overlapping `vpcCidr`",
    },
    wireguardAllowedSources: {
        type: "array",
        schema: z
            .array(cidr("must be an IPv4 network"), { error: "must be a list of IPv4 networks" })
            .min(1, "must list at least one network"),
        description: "Internet networks that may reach the hub on UDP 51820.",
        rule: "non-empty list of IPv4 networks",
    },
    wireguardPeers: {
        type: "object-array",
        schema: z.array(wireguardPeer, {
            error: "must be a list of peers { name, publicKey, allowedIps }",
        }),
        description:
            "WireGuard peers of the hub: operators and sites, with the networks each may use.",
        rule: "each `{ name, publicKey, allowedIps }`: unique names and unique WireGuard public keys (base64 of 32 bytes); exactly one tunnel address per peer (a /32 inside `wireguardCidr`, not the hub's first address); every other entry a routed site network, RFC 1918, outside the tunnel and `vpcCidr`; no network claimed by two peers",
    },
    sshFromOperators: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description:
            "Run sshd on the servers, reachable only through the WireGuard hub (SSM Session Manager is always available).",
        rule: "SSH on servers, only from the WireGuard hub",
    },
    kmsDeletionWindowDays: {
        type: "integer",
        schema: integer(7, 30),
        description: "Days a scheduled KMS key deletion waits.",
        rule: "7–30; prod: 30",
    },
    validators: {
        type: "integer",
        schema: integer(4, 31).refine(
            isThreeFPlusOne,
            "must be 3f+1 with f ≥ 1 (4, 7, 10, …) so that consensus tolerates f faults",
        ),
        description: "Validator count.",
        rule: "3f+1 with f ≥ 1 (4, 7, 10, …), at most 31",
    },
    relays: {
        type: "integer",
        schema: integer(1, 16),
        description: "Relay count.",
        rule: "1–16; prod: at least 2",
    },
    deletionProtection: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "Deletion protection and final snapshots on stateful resources.",
        rule: "prod: true",
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
        rule: 'PostgreSQL major 14–19 (optionally `.minor`), **quoted** (`"16.10"`: unquoted YAML reads 16.1, and the plan refuses it); the parameter group family follows it',
    },
    postgresMultiAz: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "A synchronous standby of the primary in another AZ.",
        rule: "standby in another AZ; prod: true",
    },
    postgresInstanceClass: {
        type: "string",
        schema: instanceType("rds"),
        description: "RDS instance class of the primary and the replicas.",
        rule: "an RDS for PostgreSQL instance class of the dated catalog `topology/aws-catalog.ts` (a typo is refused with a suggestion)",
    },
    postgresStorageGb: {
        type: "integer",
        schema: integer(20, 65536),
        description: "Allocated gp3 storage of each PostgreSQL instance, GiB.",
        rule: "20–65536",
    },
    postgresReadReplicas: {
        type: "integer",
        schema: integer(0, 5),
        description: "Read replicas, each in an AZ other than the primary's.",
        rule: "0–5, at most `availabilityZones` − 1; prod: at least 2",
    },
    postgresBackupRetentionDays: {
        type: "integer",
        schema: integer(7, 35),
        description: "Days of automated backups (point-in-time recovery window).",
        rule: "7–35; prod: at least 14",
    },
    redisReplicas: {
        type: "integer",
        schema: integer(0, 5),
        description: "Redis replicas beside the primary.",
        rule: "0–5; with `redisMultiAz` at least 1 and at most `availabilityZones` − 1",
    },
    redisMultiAz: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "Redis multi-AZ with automatic failover.",
        rule: "multi-AZ with automatic failover; prod: true",
    },
    redisSnapshotRetentionDays: {
        type: "integer",
        schema: integer(1, 35),
        description: "Days of Redis snapshots.",
        rule: "1–35",
    },
    backupObjectLock: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description: "S3 Object Lock (governance mode) on the backup buckets.",
        rule: "S3 Object Lock (governance, 7 days) on backup buckets; prod: true",
    },
    backupReplicaRegion: {
        type: "string",
        schema: z.string().superRefine((name, ctx) => {
            const rule = name === "none" ? undefined : regionRule(name);
            if (rule) ctx.addIssue({ code: "custom", message: `${rule}, or none` });
        }),
        description: "Region of the cross-region replica of the backup buckets, or none.",
        rule: "a region of `topology/aws-regions.ts` other than `aws:region` and in its partition, or `none`; prod: a region",
    },
    redisNodeType: {
        type: "string",
        schema: instanceType("cache"),
        description: "ElastiCache node type.",
        rule: "an ElastiCache node type of the dated catalog `topology/aws-catalog.ts` (a typo is refused with a suggestion)",
    },
    appServerInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the API servers.",
        rule: "an x86_64 EC2 instance type of the dated catalog `topology/aws-catalog.ts` (a typo is refused with a suggestion) (the servers boot the amd64 Ubuntu AMI)",
    },
    appServerCount: {
        type: "integer",
        schema: integer(1, 20),
        description: "API servers, spread over the AZs.",
        rule: "1–20",
    },
    loadBalancerInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the Nginx load balancers.",
        rule: "an x86_64 EC2 instance type of the dated catalog `topology/aws-catalog.ts` (a typo is refused with a suggestion)",
    },
    loadBalancerCount: {
        type: "integer",
        schema: integer(1, 4),
        description: "Nginx load balancers, each in its own AZ.",
        rule: "1–4, at most `availabilityZones`; prod: at least 2",
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
        rule: "`repository:tag` (not `latest`) or `repository@sha256:…` in this account's ECR registry",
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
        rule: "lowercase DNS name served by Nginx",
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
        rule: "a public Route 53 hosted zone of the account that holds `publicDomain`; looked up at preview",
    },
    acmeEmail: {
        type: "string",
        schema: z.email("must be an email address"),
        description: "Contact of the Let's Encrypt account (expiry notices).",
        rule: "an email address (Let's Encrypt notices)",
    },
    wireguardInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the WireGuard hub.",
        rule: "an x86_64 EC2 instance type of the dated catalog `topology/aws-catalog.ts` (a typo is refused with a suggestion)",
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
        rule: "**quoted**; a version of the dated EKS support table `topology/eks-versions.ts` still in standard support on the day of the plan (a plan after its end names the versions to move to)",
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
        rule: "IAM role ARNs of this account (checked at preview: replace the example account), at least one; each gets an EKS access entry with `AmazonEKSClusterAdminPolicy`",
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
        rule: "public IPv4 networks of prefix /16 or longer (so no set of entries approaches the internet, e.g. 0.0.0.0/1 + 128.0.0.0/1), no private ranges; empty keeps the EKS endpoint private",
    },
    nodesPerZone: {
        type: "integer",
        schema: integer(1, 10),
        description: "EKS nodes per availability zone (one managed node group per zone).",
        rule: "1–10; one managed node group per AZ; `availabilityZones` × `nodesPerZone` nodes, less a per-node reserve, must hold every validator and relay at its requests plus the cluster services (`topology/capacity.ts`)",
    },
    chainVolumeGb: {
        type: "integer",
        schema: integer(20, 16384),
        description: "Encrypted gp3 volume of each validator and relay, GiB.",
        rule: "20–16384 (seeds: 100 GB minimum, 500 GB recommended)",
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
        rule: "`sha256:<64 hex>` of the node image in the stack's ECR repository, or `build`",
    },
    chainImageBuildContext: {
        type: "string",
        schema: z
            .string()
            .regex(/^(none|[A-Za-z0-9._/-]+)$/, "must be a relative directory path, or none"),
        description:
            "Docker build context of the chain node image (used when chainImageDigest is build).",
        rule: "directory to build the image from when `chainImageDigest` is `build`, else `none`",
    },
    prometheusRetentionDays: {
        type: "integer",
        schema: integer(1, 400),
        description: "Days Prometheus keeps samples.",
        rule: "1–400",
    },
    prometheusVolumeGb: {
        type: "integer",
        schema: integer(10, 16384),
        description: "Encrypted gp3 volume of Prometheus, GiB.",
        rule: "10–16384",
    },
    alertSlackChannel: {
        type: "string",
        schema: z
            .string()
            .regex(/^#[a-z0-9._-]{1,79}$/, "must be a Slack channel such as #chain-alerts"),
        description:
            "Slack channel of every alert; the webhook URL is a Secrets Manager secret written out of band.",
        rule: "a Slack channel; the webhook URL is the secret `<prefix>/alerting/slack-webhook-url`",
    },
    alertPagerDuty: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description:
            "Page critical alerts through PagerDuty; the routing key is a Secrets Manager secret written out of band.",
        rule: "page criticals through PagerDuty (key: `<prefix>/alerting/pagerduty-routing-key`); prod: true",
    },
    chainWorkloads: {
        type: "boolean",
        schema: z.boolean({ error: "must be true or false" }),
        description:
            "Declare the Kubernetes workloads (chain, monitoring, backups); false for the first up of an empty account, before the EKS API is reachable through WireGuard and the node image is pushed.",
        rule: "declare the Kubernetes workloads (chain, monitoring, backups); `false` only for the first `up` of an empty account",
    },
    nodeInstanceType: {
        type: "string",
        schema: instanceType("ec2"),
        description: "EC2 instance type of the EKS node groups.",
        rule: "an x86_64 EC2 instance type of the dated catalog `topology/aws-catalog.ts` (a typo is refused with a suggestion) (AL2023 x86_64 nodes) large enough for one validator after the per-node reserve",
    },
    redisAuthTokenGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of the Redis AUTH token; raise it by 1 to rotate the token (README, Day two).",
        rule: "0–1000; raise by 1 to rotate the Redis AUTH token (Day two)",
    },
    wireguardKeyGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of the WireGuard hub's private key; raise it by 1 to rotate the key (README, Day two).",
        rule: "0–1000; raise by 1 to rotate the WireGuard hub's private key (Day two)",
    },
    grafanaPasswordGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of Grafana's admin password; raise it by 1 to rotate it (README, Day two).",
        rule: "0–1000; raise by 1 to rotate Grafana's admin password (Day two)",
    },
    databaseUserPasswordGeneration: {
        type: "integer",
        schema: integer(0, 1000),
        description:
            "Generation of the PostgreSQL exporter and dump users' passwords; raise it by 1 to rotate them (README, Day two).",
        rule: "0–1000; raise by 1 to rotate the PostgreSQL exporter and dump users' passwords (Day two)",
    },
} as const satisfies Record<string, ConfigKeyDefinition>;

/** One configuration key: its Pulumi type, its rule, and its documentation (Pulumi.yaml and the README are generated from these). */
export interface ConfigKeyDefinition {
    readonly type: PulumiConfigType;
    readonly schema: z.ZodType;
    /** What the key is (Pulumi.yaml's description). */
    readonly description: string;
    /** What it accepts and how the environments differ (the README's configuration reference). */
    readonly rule: string;
}

/** The `aws:` keys the stack reads, documented beside its own. */
export const AWS_CONFIG_DOCS = {
    "aws:region": {
        type: "string",
        rule: "an AWS region of the dated list `topology/aws-regions.ts` (`us-esat-1` is refused: did you mean us-east-1?); `profile` and `allowedAccountIds` are the only other `aws:` keys allowed",
    },
} as const;

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
        const tolerated = faultsTolerated(c.validators);
        const zonesNeeded = Math.ceil(c.validators / Math.max(tolerated, 1));
        if (c.availabilityZones < zonesNeeded) {
            problem(
                "availabilityZones",
                `must be at least ${zonesNeeded} in prod: ${c.validators} validators tolerate ${tolerated} lost, so no AZ may hold more than ${tolerated}`,
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
