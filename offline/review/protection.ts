/**
 * Protection switched off: a change that removes a safeguard (deletion protection, final snapshot,
 * Multi-AZ, backups, object lock, versioning, encryption, logging, key rotation), or the removal of a
 * resource whose only job is such a safeguard. Each rule says why it matters. Pure.
 */
import { PropertyChange, ResourceChange } from "./changes";

interface Rule {
    /** Matches the property path (list indexes stripped). */
    readonly path: RegExp;
    readonly off: (before: unknown, after: unknown) => boolean;
    readonly why: string;
}

const turnedOff = (before: unknown, after: unknown) => before === true && after !== true;
const turnedOn = (before: unknown, after: unknown) => before !== true && after === true;
const lowered = (before: unknown, after: unknown) =>
    typeof before === "number" && (typeof after !== "number" || after < before);
const removed = (before: unknown, after: unknown) =>
    before !== undefined && before !== "" && (after === undefined || after === "");

const RULES: readonly Rule[] = [
    {
        path: /^deletionProtection$/,
        off: turnedOff,
        why: "deletion protection off: one mistaken delete destroys it",
    },
    {
        path: /^skipFinalSnapshot$/,
        off: turnedOn,
        why: "no final snapshot: deleting the database keeps no copy",
    },
    {
        path: /^(multiAz|multiAzEnabled|automaticFailoverEnabled)$/,
        off: turnedOff,
        why: "standby or failover off: losing one zone or node takes it down",
    },
    {
        path: /^(backupRetentionPeriod|snapshotRetentionLimit)$/,
        off: lowered,
        why: "fewer days of automated backups to restore from",
    },
    {
        path: /^objectLockEnabled$/,
        off: turnedOff,
        why: "object lock off: backups can be deleted or overwritten",
    },
    {
        path: /^rule\.defaultRetention\.(days|years)$/,
        off: lowered,
        why: "shorter object-lock retention",
    },
    {
        path: /^versioningConfiguration\.status$/,
        off: (b, a) => b === "Enabled" && a !== "Enabled",
        why: "versioning suspended: overwritten or deleted objects are gone",
    },
    {
        path: /^(storageEncrypted|atRestEncryptionEnabled|transitEncryptionEnabled|encrypted|rootBlockDevice\.encrypted)$/,
        off: turnedOff,
        why: "encryption off",
    },
    {
        path: /^(kmsKeyId|kmsKeyArn|kmsMasterKeyId|encryptionConfig\.provider\.keyArn|rule\.applyServerSideEncryptionByDefault\.kmsMasterKeyId)$/,
        off: removed,
        why: "customer-managed key removed: encryption falls back to an AWS-owned key or none",
    },
    { path: /^enableKeyRotation$/, off: turnedOff, why: "key rotation off" },
    {
        path: /^deletionWindowInDays$/,
        off: lowered,
        why: "shorter window to cancel a key's deletion",
    },
    {
        path: /^forceDestroy$/,
        off: turnedOn,
        why: "force destroy on: deleting the bucket deletes every object",
    },
    { path: /^retentionInDays$/, off: lowered, why: "logs kept for fewer days" },
    {
        path: /^enabledClusterLogTypes$/,
        off: (b, a) => Array.isArray(b) && b.some((t) => !(Array.isArray(a) && a.includes(t))),
        why: "control-plane log types dropped",
    },
    {
        path: /^(blockPublicAcls|blockPublicPolicy|ignorePublicAcls|restrictPublicBuckets)$/,
        off: turnedOff,
        why: "public-access block loosened",
    },
    {
        path: /^(monitoringInterval|performanceInsightsRetentionPeriod)$/,
        off: (b, a) => typeof b === "number" && b > 0 && !(typeof a === "number" && a > 0),
        why: "database monitoring off",
    },
];

/** Resource types that exist only to protect something: deleting one switches its protection off. */
const SAFEGUARDS: Readonly<Record<string, string>> = {
    "aws:s3/bucketVersioning:BucketVersioning": "versioning configuration deleted",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "public-access block deleted",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
        "default encryption deleted",
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration":
        "object-lock retention deleted",
    "aws:s3/bucketLogging:BucketLogging": "access logging deleted",
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": "cross-region replication deleted",
    "aws:s3/bucketPolicy:BucketPolicy": "bucket policy (TLS-only, deny rules) deleted",
    "aws:ec2/flowLog:FlowLog": "VPC flow logs deleted",
    "aws:cloudwatch/metricAlarm:MetricAlarm": "alarm deleted",
    "kubernetes:policy/v1:PodDisruptionBudget":
        "disruption budget deleted: a drain may evict every replica",
};

export function protectionOff(change: ResourceChange): string[] {
    if (change.kind === "removed") {
        const why = SAFEGUARDS[change.type];
        return why ? [why] : [];
    }
    if (change.kind !== "changed") return [];
    const found = new Set<string>();
    for (const c of change.changes) {
        const bare = c.path.replace(/\[\d+\]/g, "");
        for (const rule of RULES) {
            if (rule.path.test(bare) && rule.off(c.before, c.after))
                found.add(`${rule.why} (\`${c.path}\`: ${brief(c)})`);
        }
    }
    return [...found];
}

function brief(c: PropertyChange): string {
    const show = (v: unknown) =>
        v === undefined ? "unset" : typeof v === "string" ? v : JSON.stringify(v);
    return `${show(c.before)} → ${show(c.after)}`;
}
