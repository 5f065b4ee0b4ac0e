import { NamingArgs } from "../shared/args";
import { withAliases } from "../shared/aliases";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { keyPolicy, KeyPolicyContext } from "../shared/key-policy";
import { BACKUP_SCHEDULES } from "../../topology/retention";
import { lifecycleRules, replicationPolicy, writerPolicy } from "./documents";
import { SecureBucket } from "./secure-bucket";
import { serviceTrustWithinAccount } from "../shared/iam";

/** Backup buckets by purpose, and the prefix their one writer (a backup job) owns. */
export const BACKUP_BUCKETS = {
    dumps: { writer: "postgres", description: "PostgreSQL logical dumps" },
    snapshots: { writer: "chain", description: "chain snapshots" },
    config: { writer: "config", description: "configuration backups" },
} as const;
export type BackupPurpose = keyof typeof BACKUP_BUCKETS;

/** What a backup job needs to write: the bucket, the prefix it owns, and the policy allowing exactly that. */
export interface BackupWriter {
    readonly bucket: pulumi.Output<string>;
    /** Key prefix (no slashes) the writer policy allows; the job writes under `<prefix>/`. */
    readonly prefix: string;
    readonly policyArn: pulumi.Output<string>;
}

export interface BackupStoreArgs extends NamingArgs {
    /** Account, region and partition; bucket names end with the account id. No default. */
    readonly policyContext: KeyPolicyContext;
    /** Days a deleted replica key can be restored, as for the stack's other keys. No default. */
    readonly keyDeletionWindowDays: number;
    /** KMS key of the buckets. No default. */
    readonly backupsKeyArn: pulumi.Input<string>;
    /** Object Lock (governance) on every backup bucket. Default: false. */
    readonly objectLock?: boolean;
    /** Region of a replica of every backup bucket, with a key of its own. Default: no replica. */
    readonly replicaRegion?: string;
    /** Let a destroy delete the buckets with their objects (staging, so it can be re-created). Default: false. */
    readonly forceDestroy?: boolean;
}

/** S3 buckets for dumps, chain snapshots and configuration; prod adds Object Lock and a cross-region replica. */
export class BackupStore extends pulumi.ComponentResource {
    public readonly bucketNames: Readonly<Record<BackupPurpose, pulumi.Output<string>>>;
    public readonly bucketArns: Readonly<Record<BackupPurpose, pulumi.Output<string>>>;
    /** IAM policy per bucket, allowing its writer to read and write under its prefix only. */
    public readonly writerPolicyArns: Readonly<Record<BackupPurpose, pulumi.Output<string>>>;
    /** Per bucket, its writer's bundle: a job never re-derives the prefix its policy allows. */
    public readonly writers: Readonly<Record<BackupPurpose, BackupWriter>>;
    public readonly replicaBucketNames?: Readonly<Record<BackupPurpose, pulumi.Output<string>>>;

    constructor(name: string, args: BackupStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:backups:BackupStore (folder = module); the alias keeps existing stacks' resources.
        super(
            "platform:backup-store:BackupStore",
            name,
            {},
            withAliases(opts, "platform:backups:BackupStore"),
        );
        const objectLockDays = args.objectLock
            ? Math.min(...BACKUP_SCHEDULES.map((s) => s.keepDays))
            : undefined;
        const account = args.policyContext.accountId;
        const tags = args.tags ?? {};
        const parent = { parent: this };
        const purposes = Object.keys(BACKUP_BUCKETS) as BackupPurpose[];

        // Server access logs can only be delivered to an SSE-S3 bucket; it holds no backup data.
        const accessLogs = new SecureBucket(
            `${name}-access-logs`,
            {
                bucketName: `${args.namePrefix}-s3-access-logs-${account}`,
                forceDestroy: args.forceDestroy,
                encryption: "s3-managed",
                lifecycleRules: [
                    {
                        id: "expire-90d",
                        status: "Enabled",
                        filter: { prefix: "" },
                        expiration: { days: 90 },
                        noncurrentVersionExpiration: { noncurrentDays: 7 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 2 },
                    },
                ],
                extraStatements: (arn) => [
                    {
                        Sid: "S3ServerAccessLogsDelivery",
                        Effect: "Allow",
                        Principal: { Service: "logging.s3.amazonaws.com" },
                        Action: "s3:PutObject",
                        Resource: `${arn}/*`,
                        Condition: { StringEquals: { "aws:SourceAccount": account } },
                    },
                ],
                tags: { ...tags, Purpose: "s3-access-logs" },
            },
            parent,
        );

        const buckets = {} as Record<BackupPurpose, SecureBucket>;
        const writerPolicies = {} as Record<BackupPurpose, aws.iam.Policy>;
        for (const purpose of purposes) {
            const { writer, description } = BACKUP_BUCKETS[purpose];
            buckets[purpose] = new SecureBucket(
                `${name}-${purpose}`,
                {
                    bucketName: `${args.namePrefix}-${purpose}-${account}`,
                    forceDestroy: args.forceDestroy,
                    encryption: { keyArn: args.backupsKeyArn },
                    objectLockDays,
                    lifecycleRules: lifecycleRules(writer),
                    accessLogBucket: accessLogs.bucket.id,
                    tags: { ...tags, Purpose: purpose },
                },
                parent,
            );
            writerPolicies[purpose] = new aws.iam.Policy(
                `${name}-${purpose}-writer`,
                {
                    name: `${args.namePrefix}-backups-${purpose}-writer`,
                    description: `${description}: read and write under ${writer}/ only`,
                    policy: pulumi
                        .all([buckets[purpose].bucket.arn, args.backupsKeyArn])
                        .apply(([arn, key]) => JSON.stringify(writerPolicy(arn, writer, key))),
                    tags,
                },
                parent,
            );
        }

        if (args.replicaRegion !== undefined) {
            this.replicaBucketNames = this.replicate(name, args, buckets, objectLockDays);
        }

        const map = (f: (p: BackupPurpose) => pulumi.Output<string>) =>
            Object.fromEntries(purposes.map((p) => [p, f(p)])) as Record<
                BackupPurpose,
                pulumi.Output<string>
            >;
        this.bucketNames = map((p) => buckets[p].bucket.id);
        this.bucketArns = map((p) => buckets[p].bucket.arn);
        this.writerPolicyArns = map((p) => writerPolicies[p].arn);
        this.writers = Object.fromEntries(
            purposes.map((p) => [
                p,
                {
                    bucket: buckets[p].bucket.id,
                    prefix: BACKUP_BUCKETS[p].writer,
                    policyArn: writerPolicies[p].arn,
                },
            ]),
        ) as Record<BackupPurpose, BackupWriter>;
        this.registerOutputs({
            bucketNames: this.bucketNames,
            writerPolicyArns: this.writerPolicyArns,
            replicaBucketNames: this.replicaBucketNames,
        });
    }

    private replicate(
        name: string,
        args: BackupStoreArgs,
        sources: Record<BackupPurpose, SecureBucket>,
        objectLockDays: number | undefined,
    ): Record<BackupPurpose, pulumi.Output<string>> {
        const region = args.replicaRegion!;
        const tags = args.tags ?? {};
        const provider = new aws.Provider(`${name}-replica-region`, { region }, { parent: this });
        const inReplica = { parent: this, provider };
        const replicaKey = new aws.kms.Key(
            `${name}-replica-key`,
            {
                description: `${args.namePrefix} backups replica in ${region}`,
                enableKeyRotation: true,
                rotationPeriodInDays: 365,
                deletionWindowInDays: args.keyDeletionWindowDays,
                policy: JSON.stringify(keyPolicy("backups", { ...args.policyContext, region })),
                tags: { ...tags, Name: `${args.namePrefix}-backups-replica`, Purpose: "backups" },
            },
            inReplica,
        );
        new aws.kms.Alias(
            `${name}-replica-key-alias`,
            { name: `alias/${args.namePrefix}-backups-replica`, targetKeyId: replicaKey.keyId },
            inReplica,
        );

        const role = new aws.iam.Role(
            `${name}-replication`,
            {
                name: `${args.namePrefix}-backups-replication`,
                description: `${args.namePrefix}: replicate backup buckets to ${region}`,
                assumeRolePolicy: serviceTrustWithinAccount(
                    "s3.amazonaws.com",
                    args.policyContext.accountId,
                ),
                tags,
            },
            { parent: this },
        );

        const names = {} as Record<BackupPurpose, pulumi.Output<string>>;
        for (const purpose of Object.keys(sources) as BackupPurpose[]) {
            const source = sources[purpose];
            const replica = new SecureBucket(
                `${name}-${purpose}-replica`,
                {
                    bucketName: `${args.namePrefix}-${purpose}-${args.policyContext.accountId}-${region}`,
                    forceDestroy: args.forceDestroy,
                    encryption: { keyArn: replicaKey.arn },
                    objectLockDays,
                    lifecycleRules: lifecycleRules(BACKUP_BUCKETS[purpose].writer),
                    tags: { ...tags, Purpose: `${purpose}-replica` },
                },
                inReplica,
            );
            new aws.iam.RolePolicy(
                `${name}-${purpose}-replication`,
                {
                    role: role.id,
                    policy: pulumi
                        .all([
                            source.bucket.arn,
                            replica.bucket.arn,
                            args.backupsKeyArn,
                            replicaKey.arn,
                        ])
                        .apply(([s, r, sk, rk]) => JSON.stringify(replicationPolicy(s, r, sk, rk))),
                },
                { parent: this },
            );
            new aws.s3.BucketReplicationConfig(
                `${name}-${purpose}-replication`,
                {
                    bucket: source.bucket.id,
                    role: role.arn,
                    rules: [
                        {
                            id: "everything",
                            status: "Enabled",
                            filter: { prefix: "" },
                            deleteMarkerReplication: { status: "Enabled" },
                            sourceSelectionCriteria: {
                                sseKmsEncryptedObjects: { status: "Enabled" },
                            },
                            destination: {
                                bucket: replica.bucket.arn,
                                encryptionConfiguration: { replicaKmsKeyId: replicaKey.arn },
                            },
                        },
                    ],
                },
                { parent: this, dependsOn: [source.versioning, replica.versioning] },
            );
            names[purpose] = replica.bucket.id;
        }
        return names;
    }
}
