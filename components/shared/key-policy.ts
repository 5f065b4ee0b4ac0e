/**
 * KMS key policies. The account root administers every key (delegating to IAM, never to a wildcard
 * principal); services that encrypt on the stack's behalf get exactly the grant they need.
 */
export const KEY_PURPOSES = ["data", "backups", "secrets", "cluster", "logs"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

export const KEY_DESCRIPTIONS: Readonly<Record<KeyPurpose, string>> = {
    data: "RDS and ElastiCache storage, EBS volumes, Performance Insights",
    backups: "S3 backup buckets (dumps, chain snapshots, configuration)",
    secrets: "Secrets Manager secrets and SSM SecureString parameters",
    cluster: "EKS envelope encryption of Kubernetes secrets",
    logs: "CloudWatch log groups (VPC flow logs, control-plane logs)",
};

/** What encrypting and decrypting EBS volumes with a key takes (with a grant for the attached volume). */
export const VOLUME_KEY_ACTIONS: readonly string[] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
];

export interface KeyPolicyContext {
    readonly accountId: string;
    readonly region: string;
    readonly partition: string;
    /**
     * ARN of EC2 Auto Scaling's service-linked role. EKS node groups launch their instances through it,
     * so it must be able to use the data key for their encrypted volumes, or every launch fails.
     * Default: the role's fixed ARN in this account.
     */
    readonly autoscalingRoleArn?: string;
}

/** EC2 Auto Scaling's service-linked role: AWS fixes its service, path and name. */
export const AUTOSCALING_SERVICE_LINKED_ROLE = {
    service: "autoscaling.amazonaws.com",
    roleName: "AWSServiceRoleForAutoScaling",
} as const;

/** A service-linked role's ARN: known before the role exists, as AWS fixes its path and name. */
export function serviceLinkedRoleArn(
    partition: string,
    accountId: string,
    role: { readonly service: string; readonly roleName: string },
): string {
    return `arn:${partition}:iam::${accountId}:role/aws-service-role/${role.service}/${role.roleName}`;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly Record<string, unknown>[];
}

export function keyPolicy(purpose: KeyPurpose, ctx: KeyPolicyContext): PolicyDocument {
    const statements: Record<string, unknown>[] = [
        {
            Sid: "AccountAdministersKeyThroughIam",
            Effect: "Allow",
            Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        },
    ];
    if (purpose === "logs") {
        statements.push({
            Sid: "CloudWatchLogsEncryptsThisAccountsLogGroups",
            Effect: "Allow",
            Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
            Action: [
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*",
            ],
            Resource: "*",
            Condition: {
                ArnLike: {
                    "kms:EncryptionContext:aws:logs:arn": `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
                },
            },
        });
    }
    if (purpose === "data") {
        const role =
            ctx.autoscalingRoleArn ??
            serviceLinkedRoleArn(ctx.partition, ctx.accountId, AUTOSCALING_SERVICE_LINKED_ROLE);
        statements.push(
            {
                Sid: "AutoScalingEncryptsNodeVolumes",
                Effect: "Allow",
                Principal: { AWS: role },
                Action: [...VOLUME_KEY_ACTIONS],
                Resource: "*",
            },
            {
                Sid: "AutoScalingGrantsToEc2ForAttachedVolumes",
                Effect: "Allow",
                Principal: { AWS: role },
                Action: "kms:CreateGrant",
                Resource: "*",
                Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
            },
        );
    }
    return { Version: "2012-10-17", Statement: statements };
}
