import { withAliases } from "../shared/aliases";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { bucketPolicy, LifecycleRule } from "./documents";

export interface SecureBucketArgs {
    /** Globally unique bucket name (3–63 characters). No default. */
    readonly bucketName: string;
    /** KMS key for SSE-KMS; "s3-managed" only where AWS supports nothing else (server access logs). No default. */
    readonly encryption: { readonly keyArn: pulumi.Input<string> } | "s3-managed";
    /** Object Lock in governance mode with this default retention, days. Default: none. */
    readonly objectLockDays?: number;
    /** Lifecycle rules. Default: none. */
    readonly lifecycleRules?: readonly LifecycleRule[];
    /** Bucket that receives this bucket's server access logs. Default: no access logging. */
    readonly accessLogBucket?: pulumi.Input<string>;
    /** Statements added to the TLS-only bucket policy, as a function of the bucket ARN. Default: none. */
    readonly extraStatements?: (bucketArn: string) => Record<string, unknown>[];
    /** Tags for every taggable resource. Default: none. */
    readonly tags?: Record<string, string>;
    /** Let a destroy delete the bucket with its objects (staging, so it can be re-created). Default: false. */
    readonly forceDestroy?: boolean;
}

/**
 * An S3 bucket as this platform keeps them: encrypted, versioned, public access blocked, ACLs
 * disabled, TLS 1.2+ only, optionally object-locked, lifecycled and access-logged.
 */
export class SecureBucket extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;
    public readonly versioning: aws.s3.BucketVersioning;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:backups:SecureBucket (folder = module); the alias keeps existing stacks' resources.
        super(
            "platform:backup-store:SecureBucket",
            name,
            {},
            withAliases(opts, "platform:backups:SecureBucket"),
        );
        if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(args.bucketName)) {
            throw new pulumi.ResourceError(
                `S3 bucket name "${args.bucketName}" must be 3–63 lowercase letters, digits and hyphens`,
                this,
            );
        }
        const parent = { parent: this };
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            {
                bucket: args.bucketName,
                objectLockEnabled: args.objectLockDays !== undefined,
                forceDestroy: args.forceDestroy ?? false,
                tags: { ...args.tags, Name: args.bucketName },
            },
            parent,
        );
        const target = { bucket: bucket.id };

        new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { ...target, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            {
                ...target,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                ...target,
                rules: [
                    args.encryption === "s3-managed"
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : {
                              applyServerSideEncryptionByDefault: {
                                  sseAlgorithm: "aws:kms",
                                  kmsMasterKeyId: args.encryption.keyArn,
                              },
                              bucketKeyEnabled: true,
                          },
                ],
            },
            parent,
        );
        this.versioning = new aws.s3.BucketVersioning(
            `${name}-versioning`,
            { ...target, versioningConfiguration: { status: "Enabled" } },
            parent,
        );
        new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                ...target,
                policy: bucket.arn.apply((arn) => {
                    const base = bucketPolicy(arn);
                    return JSON.stringify({
                        ...base,
                        Statement: [...base.Statement, ...(args.extraStatements?.(arn) ?? [])],
                    });
                }),
            },
            parent,
        );
        if (args.lifecycleRules && args.lifecycleRules.length > 0) {
            new aws.s3.BucketLifecycleConfiguration(
                `${name}-lifecycle`,
                {
                    ...target,
                    rules: args.lifecycleRules.map((rule) => ({
                        ...rule,
                        filter: { ...rule.filter },
                        transitions: rule.transitions?.map((t) => ({ ...t })),
                    })),
                },
                { parent: this, dependsOn: [this.versioning] },
            );
        }
        if (args.objectLockDays !== undefined) {
            new aws.s3.BucketObjectLockConfiguration(
                `${name}-object-lock`,
                {
                    ...target,
                    rule: { defaultRetention: { mode: "GOVERNANCE", days: args.objectLockDays } },
                },
                { parent: this, dependsOn: [this.versioning] },
            );
        }
        if (args.accessLogBucket !== undefined) {
            new aws.s3.BucketLogging(
                `${name}-access-logs`,
                {
                    ...target,
                    targetBucket: args.accessLogBucket,
                    targetPrefix: `${args.bucketName}/`,
                },
                parent,
            );
        }
        this.bucket = bucket;
        this.registerOutputs({ bucketName: bucket.id, bucketArn: bucket.arn });
    }
}
