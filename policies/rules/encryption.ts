/** Encryption at rest and in transit, with customer-managed keys. */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { resourcePolicy, stackPolicy } from "../lib/exemptions";
import { asArray, known, knownOr, parseJson } from "../lib/values";

const T = {
    bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    sse: [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    versioning: [
        "aws:s3/bucketVersioning:BucketVersioning",
        "aws:s3/bucketVersioningV2:BucketVersioningV2",
    ],
    publicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    bucketPolicy: ["aws:s3/bucketPolicy:BucketPolicy"],
    logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
    lifecycle: [
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    ],
};

/** A customer key: an ARN or key id, never the AWS-managed aliases. */
function isCustomerKey(key: unknown): boolean {
    return typeof key === "string" && key.length > 0 && !/alias\/aws\//.test(key);
}

/** Whether `resource` configures `bucket` (its `bucket` input is that bucket, by dependency or by name). */
function configures(resource: PolicyResource, bucket: PolicyResource): boolean {
    const viaProperty = resource.propertyDependencies?.bucket;
    if (viaProperty && viaProperty.length > 0) {
        return viaProperty.some((d) => d.urn === bucket.urn);
    }
    const name = known(() => resource.props.bucket);
    const bucketNames = [known(() => bucket.props.bucket), known(() => bucket.props.id)].filter(
        (n) => n !== undefined,
    );
    return (
        (name !== undefined && bucketNames.includes(name)) ||
        resource.dependencies.some((d) => d.urn === bucket.urn)
    );
}

function deniesInsecureTransport(policyText: unknown): boolean {
    const doc = parseJson(policyText) as { Statement?: unknown } | undefined;
    return asArray(doc?.Statement as Record<string, unknown>[] | undefined).some((s) => {
        const condition = s.Condition as Record<string, Record<string, unknown>> | undefined;
        const secure = condition?.Bool?.["aws:SecureTransport"];
        return s.Effect === "Deny" && (secure === false || secure === "false");
    });
}

/** One property of every bucket, as its own policy: an exemption from one leaves the others in force. */
function bucketPolicy(
    name: string,
    description: string,
    related: readonly string[],
    holds: (bucket: PolicyResource, configurations: PolicyResource[]) => boolean,
    message: string,
): StackValidationPolicy {
    return stackPolicy({
        name,
        description,
        severity: "high",
        validateStack: (args, report) => {
            const configurations = args.resources.filter((r) => related.includes(r.type));
            for (const bucket of args.resources.filter((r) => T.bucket.includes(r.type))) {
                const mine = configurations.filter((c) => configures(c, bucket));
                // Holds when satisfied, and also when a value it needs is unknown (a preview).
                if (!knownOr(() => holds(bucket, mine), true)) report(message, bucket.urn);
            }
        },
    });
}

export const s3BucketKmsEncrypted = bucketPolicy(
    "s3-bucket-kms-encrypted",
    "Every S3 bucket: default encryption SSE-KMS with a customer-managed key.",
    T.sse,
    (bucket, sse) => {
        const rules = sse.flatMap((s) =>
            asArray(s.props.rules as Record<string, unknown>[] | undefined),
        );
        const inline = asArray(
            (bucket.props.serverSideEncryptionConfiguration as Record<string, unknown> | undefined)
                ?.rule as Record<string, unknown>[] | undefined,
        );
        return [...rules, ...inline].some((rule) => {
            const d = rule.applyServerSideEncryptionByDefault as
                Record<string, unknown> | undefined;
            return d?.sseAlgorithm === "aws:kms" && isCustomerKey(d.kmsMasterKeyId);
        });
    },
    "the bucket has no SSE-KMS encryption with a customer-managed key",
);

export const s3BucketVersioned = bucketPolicy(
    "s3-bucket-versioned",
    "Every S3 bucket: versioning Enabled (an overwrite or delete keeps the previous version).",
    T.versioning,
    (_bucket, versioning) =>
        versioning.some(
            (v) =>
                (v.props.versioningConfiguration as Record<string, unknown>).status === "Enabled",
        ),
    "the bucket has no versioning with status Enabled",
);

export const s3BucketPublicAccessBlocked = bucketPolicy(
    "s3-bucket-public-access-blocked",
    "Every S3 bucket: all four public-access-block settings on.",
    T.publicAccessBlock,
    (_bucket, blocks) =>
        blocks.some((b) =>
            [
                "blockPublicAcls",
                "blockPublicPolicy",
                "ignorePublicAcls",
                "restrictPublicBuckets",
            ].every((k) => b.props[k] === true),
        ),
    "the bucket's public access is not fully blocked (all four settings true)",
);

export const s3BucketTlsOnly = bucketPolicy(
    "s3-bucket-tls-only",
    "Every S3 bucket: a bucket policy denying requests without TLS (aws:SecureTransport false).",
    T.bucketPolicy,
    (_bucket, policies) => policies.some((p) => deniesInsecureTransport(p.props.policy)),
    'the bucket has no policy denying requests with "aws:SecureTransport": false',
);

export const s3BucketAbortsIncompleteUploads = bucketPolicy(
    "s3-bucket-aborts-incomplete-uploads",
    "Every S3 bucket: an enabled lifecycle rule aborting incomplete multipart uploads (their parts are billed and invisible otherwise).",
    T.lifecycle,
    (_bucket, lifecycles) =>
        lifecycles.some((l) =>
            asArray(l.props.rules as Record<string, unknown>[] | undefined).some(
                (rule) =>
                    rule.status === "Enabled" &&
                    typeof (
                        rule.abortIncompleteMultipartUpload as Record<string, unknown> | undefined
                    )?.daysAfterInitiation === "number",
            ),
        ),
    "no enabled lifecycle rule aborts incomplete multipart uploads (abortIncompleteMultipartUpload)",
);

export const s3BucketAccessLogged = bucketPolicy(
    "s3-bucket-access-logged",
    "Every S3 bucket: server access logging to a log bucket (who read or wrote which object).",
    T.logging,
    (_bucket, logging) =>
        logging.some(
            (l) => typeof l.props.targetBucket === "string" && l.props.targetBucket !== "",
        ),
    "the bucket has no server access logging (BucketLogging)",
);

export const S3_BUCKET_POLICIES = [
    s3BucketKmsEncrypted,
    s3BucketVersioned,
    s3BucketPublicAccessBlocked,
    s3BucketTlsOnly,
    s3BucketAbortsIncompleteUploads,
    s3BucketAccessLogged,
];

const RDS_DEFAULTS = { minimumBackupRetentionDays: 7 };

export const rdsEncrypted: ResourceValidationPolicy = resourcePolicy({
    name: "rds-encrypted-private-backed-up",
    description:
        "RDS: storage and Performance Insights encrypted with a customer key, not publicly accessible, backups retained.",
    severity: "critical",
    configSchema: {
        properties: {
            minimumBackupRetentionDays: {
                type: "integer",
                default: RDS_DEFAULTS.minimumBackupRetentionDays,
            },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== "aws:rds/instance:Instance" && args.type !== "aws:rds/cluster:Cluster")
            return;
        // Direct property reads: an unknown value (preview) makes the engine skip this check, never fail it.
        const p = args.props;
        const config = configOf(args, RDS_DEFAULTS);
        if (p.publiclyAccessible === true) {
            report("the database is publicly accessible");
        }
        // A replica inherits its source's encryption and keeps no backups of its own.
        if (p.replicateSourceDb === undefined) {
            if (p.storageEncrypted !== true) report("storage is not encrypted (storageEncrypted)");
            if (!isCustomerKey(p.kmsKeyId))
                report("storage encryption names no customer-managed key (kmsKeyId)");
            const retention = p.backupRetentionPeriod as number | undefined;
            if (retention === undefined || retention < config.minimumBackupRetentionDays) {
                report(
                    `backups are kept ${retention ?? "the default"} days; at least ${config.minimumBackupRetentionDays} are required`,
                );
            }
        }
        if (
            p.performanceInsightsEnabled === true &&
            !isCustomerKey(p.performanceInsightsKmsKeyId)
        ) {
            report(
                "Performance Insights is on without a customer-managed key (performanceInsightsKmsKeyId)",
            );
        }
    },
});

function forcesSsl(group: PolicyResource): boolean {
    return asArray(
        known(() => group.props.parameters) as Record<string, unknown>[] | undefined,
    ).some(
        (param) =>
            known(() => param.name) === "rds.force_ssl" && String(known(() => param.value)) === "1",
    );
}

export const rdsForceSsl: StackValidationPolicy = stackPolicy({
    name: "rds-force-ssl",
    description: "Every PostgreSQL instance uses a parameter group that sets rds.force_ssl = 1.",
    severity: "high",
    validateStack: (args, report) => {
        const groups = args.resources.filter(
            (r) => r.type === "aws:rds/parameterGroup:ParameterGroup",
        );
        for (const db of args.resources.filter((r) => r.type === "aws:rds/instance:Instance")) {
            const engine = known(() => db.props.engine);
            if (engine !== undefined && !String(engine).startsWith("postgres")) continue;
            if (engine === undefined && known(() => db.props.replicateSourceDb) === undefined)
                continue;
            const groupName = known(() => db.props.parameterGroupName);
            const group =
                db.propertyDependencies?.parameterGroupName?.[0] ??
                groups.find(
                    (g) =>
                        known(() => g.props.name) === groupName ||
                        known(() => g.props.id) === groupName,
                );
            if (!group) {
                report(
                    `the instance uses parameter group ${String(groupName ?? "(default)")}, which this stack does not declare with rds.force_ssl = 1`,
                    db.urn,
                );
            } else if (!forcesSsl(group)) {
                report(`parameter group ${group.name} does not set rds.force_ssl = 1`, db.urn);
            }
        }
    },
});

export const elasticacheEncrypted: ResourceValidationPolicy = resourcePolicy({
    name: "elasticache-encrypted",
    description:
        "ElastiCache: at-rest encryption with a customer key, in-transit encryption, and an auth token.",
    severity: "critical",
    validateResource: (args, report) => {
        if (args.type !== "aws:elasticache/replicationGroup:ReplicationGroup") return;
        const p = args.props;
        if (p.atRestEncryptionEnabled !== true) report("at-rest encryption is off");
        if (!isCustomerKey(p.kmsKeyId))
            report("at-rest encryption names no customer-managed key (kmsKeyId)");
        if (p.transitEncryptionEnabled !== true) report("in-transit encryption is off");
        if (
            p.authToken === undefined &&
            asArray(p.userGroupIds as unknown[] | undefined).length === 0
        )
            report("no auth token or user group");
    },
});

function encrypted(volume: Record<string, unknown> | undefined): boolean {
    return volume !== undefined && (volume.encrypted === true || volume.encrypted === "true");
}

export const volumesEncrypted: ResourceValidationPolicy = resourcePolicy({
    name: "ebs-volumes-encrypted",
    description: "EC2 instance, launch template and EBS volumes are encrypted.",
    severity: "high",
    validateResource: (args, report) => {
        const p = args.props;
        switch (args.type) {
            case "aws:ec2/instance:Instance":
                if (!encrypted(p.rootBlockDevice as Record<string, unknown> | undefined))
                    report("the root volume is not encrypted (rootBlockDevice.encrypted)");
                for (const device of asArray(
                    p.ebsBlockDevices as Record<string, unknown>[] | undefined,
                )) {
                    if (!encrypted(device))
                        report(`volume ${String(device.deviceName)} is not encrypted`);
                }
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate": {
                const mappings = asArray(
                    p.blockDeviceMappings as Record<string, unknown>[] | undefined,
                );
                if (mappings.length === 0)
                    report("the template maps no encrypted root volume (blockDeviceMappings)");
                for (const mapping of mappings) {
                    if (!encrypted(mapping.ebs as Record<string, unknown> | undefined))
                        report(`volume ${String(mapping.deviceName)} is not encrypted`);
                }
                break;
            }
            case "aws:ebs/volume:Volume":
                if (p.encrypted !== true) report("the volume is not encrypted");
                break;
        }
    },
});

function principalsOf(statement: Record<string, unknown>): string[] {
    const principal = statement.Principal;
    if (typeof principal === "string") return [principal];
    if (principal && typeof principal === "object")
        return Object.values(principal).flatMap((v) => asArray(v as string | string[]));
    return [];
}

export const kmsKeysRotatedScoped: ResourceValidationPolicy = resourcePolicy({
    name: "kms-key-rotation-no-wildcard",
    description: "KMS keys rotate, and no key policy grants to a wildcard principal.",
    severity: "high",
    validateResource: (args, report) => {
        if (args.type !== "aws:kms/key:Key") return;
        if (args.props.enableKeyRotation !== true)
            report("key rotation is off (enableKeyRotation)");
        const policy = args.props.policy;
        if (policy === undefined) {
            report("the key has no explicit key policy");
            return;
        }
        const doc = parseJson(policy) as { Statement?: unknown } | undefined;
        for (const statement of asArray(doc?.Statement as Record<string, unknown>[] | undefined)) {
            if (
                statement.Effect === "Allow" &&
                principalsOf(statement).some((p) => p === "*" || p.endsWith(":*"))
            ) {
                report(
                    `statement ${String(statement.Sid ?? "(no Sid)")} allows a wildcard principal`,
                );
            }
        }
    },
});

export const eksSecretsEncrypted: ResourceValidationPolicy = resourcePolicy({
    name: "eks-secrets-encrypted",
    description: "EKS envelope-encrypts Kubernetes secrets with a customer key.",
    severity: "high",
    validateResource: (args, report) => {
        if (args.type !== "aws:eks/cluster:Cluster") return;
        const config = args.props.encryptionConfig as Record<string, unknown> | undefined;
        const resources = asArray(config?.resources as string[] | undefined);
        const key = (config?.provider as Record<string, unknown> | undefined)?.keyArn;
        if (!resources.includes("secrets") || key === undefined) {
            report("Kubernetes secrets are not encrypted with a KMS key (encryptionConfig)");
        }
    },
});

export const ecrHardened: ResourceValidationPolicy = resourcePolicy({
    name: "ecr-kms-immutable-scanned",
    description: "ECR repositories: KMS encryption, immutable tags, scan on push.",
    severity: "high",
    validateResource: (args, report) => {
        if (args.type !== "aws:ecr/repository:Repository") return;
        const p = args.props;
        const encryption = asArray(
            p.encryptionConfigurations as Record<string, unknown>[] | undefined,
        )[0];
        if (encryption?.encryptionType !== "KMS") report("the repository is not KMS-encrypted");
        if (p.imageTagMutability !== "IMMUTABLE") report("image tags are mutable");
        if (
            (p.imageScanningConfiguration as Record<string, unknown> | undefined)?.scanOnPush !==
            true
        )
            report("images are not scanned on push");
    },
});

export const secretsWithCustomerKeys: ResourceValidationPolicy = resourcePolicy({
    name: "secrets-customer-key",
    description:
        "Secrets Manager secrets and SSM SecureString parameters are encrypted with a customer key.",
    severity: "high",
    validateResource: (args, report) => {
        const p = args.props;
        if (args.type === "aws:secretsmanager/secret:Secret") {
            if (!isCustomerKey(p.kmsKeyId))
                report("the secret is not encrypted with a customer-managed key (kmsKeyId)");
        }
        if (args.type === "aws:ssm/parameter:Parameter" && p.type === "SecureString") {
            if (!isCustomerKey(p.keyId))
                report("the SecureString is not encrypted with a customer-managed key (keyId)");
        }
    },
});

export const logGroupsEncrypted: ResourceValidationPolicy = resourcePolicy({
    name: "log-groups-encrypted-retained",
    description:
        "CloudWatch log groups are encrypted with a customer key and keep logs for a set period.",
    severity: "medium",
    validateResource: (args, report) => {
        if (args.type !== "aws:cloudwatch/logGroup:LogGroup") return;
        if (!isCustomerKey(args.props.kmsKeyId))
            report("the log group is not encrypted with a customer-managed key (kmsKeyId)");
        if (!(Number(args.props.retentionInDays) > 0))
            report("the log group keeps logs forever or not at all; set retentionInDays");
    },
});
