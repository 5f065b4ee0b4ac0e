/**
 * AWS-managed policies the stack attaches, as dated data for the privilege model. Each entry holds
 * the statements of the policy's default version that grant reading secrets (ssm:Get*, secretsmanager:*,
 * kms:Decrypt); the rest of each document grants none of those, and an empty list says so. Source: the AWS
 * Managed Policy reference (docs.aws.amazon.com/aws-managed-policy), read 2026-11-22. A policy attached
 * but missing here is reported by the model, so a new attachment cannot slip past it.
 */
export const MANAGED_POLICIES_READ_ON = "2026-11-22";

export interface ManagedPolicy {
    /** Default version when read. */
    readonly version: string;
    readonly secretReadStatements: readonly Record<string, unknown>[];
}

export const AWS_MANAGED_POLICIES: Readonly<Record<string, ManagedPolicy>> = {
    // v2: ssm:GetParameter and ssm:GetParameters on every parameter (with SSM Agent's other actions).
    AmazonSSMManagedInstanceCore: {
        version: "v2",
        secretReadStatements: [
            { Effect: "Allow", Action: ["ssm:GetParameter", "ssm:GetParameters"], Resource: "*" },
        ],
    },
    AmazonEKSWorkerNodePolicy: { version: "current", secretReadStatements: [] },
    AmazonEC2ContainerRegistryReadOnly: { version: "current", secretReadStatements: [] },
    AmazonEKS_CNI_Policy: { version: "current", secretReadStatements: [] },
    AmazonEBSCSIDriverPolicy: { version: "current", secretReadStatements: [] },
    AmazonEKSClusterPolicy: { version: "current", secretReadStatements: [] },
    // CloudWatch Logs writes to RDSOSMetrics only.
    AmazonRDSEnhancedMonitoringRole: { version: "current", secretReadStatements: [] },
};

/** The managed policy an ARN names ("arn:aws:iam::aws:policy/service-role/X" → "X"), if AWS-managed. */
export function managedPolicyName(policyArn: string): string | undefined {
    const match = /^arn:aws[a-z-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(
        policyArn,
    );
    return match?.[1];
}
