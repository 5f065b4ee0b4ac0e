/** Policy documents and lifecycle rules of the backup buckets. Pure: plain values in, JSON out. */
import { BACKUP_SCHEDULES } from "../../topology/retention";

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly Record<string, unknown>[];
}

/** Refuses any request not made over TLS, and uploads not encrypted with KMS. */
export function bucketPolicy(bucketArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            {
                Sid: "DenyTlsBelow12",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
            },
        ],
    };
}

/** What one writer (a backup job) may do: write and read under its own prefix, with the backups key. */
export function writerPolicy(bucketArn: string, prefix: string, keyArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadWriteOwnPrefix",
                Effect: "Allow",
                Action: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"],
                Resource: `${bucketArn}/${prefix}/*`,
            },
            {
                Sid: "ListOwnPrefix",
                Effect: "Allow",
                Action: "s3:ListBucket",
                Resource: bucketArn,
                Condition: { StringLike: { "s3:prefix": [`${prefix}/*`] } },
            },
            {
                Sid: "UseBackupsKey",
                Effect: "Allow",
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: keyArn,
            },
        ],
    };
}

export interface LifecycleRule {
    readonly id: string;
    readonly status: "Enabled";
    readonly filter: { readonly prefix: string };
    readonly expiration?: { readonly days: number };
    readonly transitions?: readonly { readonly days: number; readonly storageClass: string }[];
    readonly noncurrentVersionExpiration?: { readonly noncurrentDays: number };
    readonly abortIncompleteMultipartUpload?: { readonly daysAfterInitiation: number };
}

/** One rule per schedule under the writer's prefix, plus the clean-up of old versions and uploads. */
export function lifecycleRules(writerPrefix: string): LifecycleRule[] {
    return [
        ...BACKUP_SCHEDULES.map((schedule) => ({
            id: `${schedule.name}-keep-${schedule.keepDays}d`,
            status: "Enabled" as const,
            filter: { prefix: `${writerPrefix}/${schedule.name}/` },
            expiration: { days: schedule.keepDays },
            ...(schedule.coldAfterDays
                ? {
                      transitions: [
                          {
                              days: schedule.coldAfterDays.days,
                              storageClass: schedule.coldAfterDays.storageClass,
                          },
                      ],
                  }
                : {}),
        })),
        {
            id: "noncurrent-versions-7d",
            status: "Enabled",
            filter: { prefix: "" },
            noncurrentVersionExpiration: { noncurrentDays: 7 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 2 },
        },
    ];
}

/** The replication role may read the source's versions and write replicas, with both keys. */
export function replicationPolicy(
    sourceArn: string,
    replicaArn: string,
    sourceKeyArn: string,
    replicaKeyArn: string,
): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                Resource: sourceArn,
            },
            {
                Effect: "Allow",
                Action: [
                    "s3:GetObjectVersionForReplication",
                    "s3:GetObjectVersionAcl",
                    "s3:GetObjectVersionTagging",
                    "s3:GetObjectRetention",
                    "s3:GetObjectLegalHold",
                ],
                Resource: `${sourceArn}/*`,
            },
            {
                Effect: "Allow",
                Action: [
                    "s3:ReplicateObject",
                    "s3:ReplicateDelete",
                    "s3:ReplicateTags",
                    "s3:ObjectOwnerOverrideToBucketOwner",
                ],
                Resource: `${replicaArn}/*`,
            },
            { Effect: "Allow", Action: "kms:Decrypt", Resource: sourceKeyArn },
            { Effect: "Allow", Action: "kms:Encrypt", Resource: replicaKeyArn },
        ],
    };
}
