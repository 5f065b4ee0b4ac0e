/**
 * The peer scanners' checks that apply to the resource types this stack declares, each mapped to the
 * policy of this pack that covers it, or to the reason it does not apply, or (a gap) to what a policy
 * would check. Read from the scanners' rule sources: Checkov (terraform/aws, kubernetes, graph checks),
 * trivy-checks (cloud/aws, kubernetes KSV) and KICS (terraform/aws, k8s queries); ids and titles as
 * there. The README's policy table and coverage section are generated from this list
 * (npm run -s tables -- --write), and tests hold every policy named here to the pack.
 */

export type PeerTool = "checkov" | "trivy" | "kics";

export interface PeerCheck {
    readonly tool: PeerTool;
    readonly id: string;
    readonly title: string;
    /** The policy of this pack that covers the check. */
    readonly policy?: string;
    /** What of the check the policy leaves out, when it covers only part. */
    readonly partly?: string;
    /** Why the check does not apply to this stack. */
    readonly notApplicable?: string;
    /** Not covered yet: what a policy would check. */
    readonly gap?: string;
}

/** Where and when the rule sources were read. */
export const PEER_SOURCES: Readonly<Record<PeerTool, string>> = {
    checkov: "github.com/bridgecrewio/checkov at 03d5fdad, read 2026-11-22",
    trivy: "github.com/aquasecurity/trivy-checks at 80e53822, read 2026-11-22",
    kics: "github.com/Checkmarx/kics v2.1.8 (assets/queries), read 2026-11-22",
};

export const PEER_CHECKS: readonly PeerCheck[] = [
    {
        tool: "checkov",
        id: "CKV_AWS_7",
        title: "Ensure rotation for customer created CMKs is enabled",
        policy: "kms-key-rotation-no-wildcard",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_8",
        title: "Ensure all data stored in the Launch configuration or instance Elastic Blocks Store is securely encrypted",
        policy: "ebs-volumes-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_16",
        title: "Ensure all data stored in the RDS is securely encrypted at rest",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_17",
        title: "Ensure all data stored in RDS is not publicly accessible",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_18",
        title: "Ensure the S3 bucket has access logging enabled",
        policy: "s3-bucket-access-logged",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_19",
        title: "Ensure all data stored in the S3 bucket is securely encrypted at rest",
        policy: "s3-bucket-kms-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_20",
        title: "S3 Bucket has an ACL defined which allows public READ access.",
        policy: "s3-bucket-public-access-blocked",
        partly: "the full public access block (BlockPublicAcls/IgnorePublicAcls) neutralises public ACLs; the ACL itself is not checked",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_21",
        title: "Ensure all data stored in the S3 bucket have versioning enabled",
        policy: "s3-bucket-versioned",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_23",
        title: "Ensure every security group and rule has a description",
        policy: "security-group-descriptions",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_24",
        title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_25",
        title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 3389",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_29",
        title: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted at rest",
        policy: "elasticache-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_30",
        title: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted at transit",
        policy: "elasticache-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_31",
        title: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted at transit and has auth token",
        policy: "elasticache-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_33",
        title: "Ensure KMS key policy does not contain wildcard (*) principal",
        policy: "kms-key-rotation-no-wildcard",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_37",
        title: "Ensure Amazon EKS control plane logging is enabled for all log types",
        policy: "eks-control-plane-logging",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_38",
        title: "Ensure Amazon EKS public endpoint not accessible to 0.0.0.0/0",
        policy: "eks-endpoint-private",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_39",
        title: "Ensure Amazon EKS public endpoint disabled",
        policy: "eks-endpoint-private",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_46",
        title: "Ensure no hard-coded secrets exist in EC2 user data",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_51",
        title: "Ensure ECR Image Tags are immutable",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_53",
        title: "Ensure S3 bucket has block public ACLS enabled",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_54",
        title: "Ensure S3 bucket has block public policy enabled",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_55",
        title: "Ensure S3 bucket has ignore public ACLs enabled",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_56",
        title: "Ensure S3 bucket has 'restrict_public_buckets' enabled",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_57",
        title: "S3 Bucket has an ACL defined which allows public WRITE access.",
        policy: "s3-bucket-public-access-blocked",
        partly: "the full public access block (BlockPublicAcls/IgnorePublicAcls) neutralises public ACLs; the ACL itself is not checked",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_58",
        title: "Ensure EKS Cluster has Secrets Encryption Enabled",
        policy: "eks-secrets-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_60",
        title: "Ensure IAM role allows only specific services or principals to assume it",
        policy: "iam-no-wildcards",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_61",
        title: "Ensure AWS IAM policy does not allow assume role permission across all services",
        policy: "iam-no-wildcards",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_62",
        title: 'Ensure IAM policies that allow full "*-*" administrative privileges are not created',
        policy: "iam-no-wildcards",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_63",
        title: 'Ensure no IAM policies documents allow "*" as a statement\'s actions',
        policy: "iam-no-wildcards",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_66",
        title: "Ensure that CloudWatch Log Group specifies retention days",
        policy: "log-groups-encrypted-retained",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_70",
        title: "Ensure S3 bucket does not allow an action with any Principal",
        policy: "s3-bucket-public-access-blocked",
        partly: "BlockPublicPolicy/RestrictPublicBuckets make AWS reject/ignore public Allow statements; the policy document is not checked statically",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_79",
        title: "Ensure Instance Metadata Service Version 1 is not enabled",
        policy: "ec2-imdsv2-required",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_88",
        title: "EC2 instance should not have public IP.",
        policy: "no-public-ip-outside-edge",
        partly: "edge roles may have public IPs by design, so Checkov flags them",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_93",
        title: "Ensure S3 bucket policy does not lockout all but root user. (Prevent lockouts needing root account fixes)",
        notApplicable:
            "only fails on an unconditioned Deny of s3:*/PutBucketPolicy to Principal *; the TLS-only Deny is conditioned on aws:SecureTransport and is skipped",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_100",
        title: "Ensure AWS EKS node group does not have implicit SSH access from 0.0.0.0/0",
        policy: "eks-node-group-no-remote-access",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_118",
        title: "Ensure that enhanced monitoring is enabled for Amazon RDS instances",
        policy: "rds-enhanced-monitoring",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_126",
        title: "Ensure that detailed monitoring is enabled for EC2 instances",
        policy: "ec2-detailed-monitoring",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_129",
        title: "Ensure that respective logs of Amazon Relational Database Service (Amazon RDS) are enabled",
        policy: "rds-logs-exported",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_130",
        title: "Ensure VPC subnets do not assign public IP by default",
        policy: "no-public-ip-outside-edge",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_133",
        title: "Ensure that RDS instances has backup policy",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_135",
        title: "Ensure that EC2 is EBS optimized",
        notApplicable:
            "current-generation (Nitro) instance types are EBS-optimized by default; the flag is a no-op",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_136",
        title: "Ensure that ECR repositories are encrypted using KMS",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_143",
        title: "Ensure that S3 bucket has lock configuration enabled by default",
        notApplicable:
            "Checkov reads the inline object_lock_configuration of aws_s3_bucket (UNKNOWN when absent); object lock suits only audit/backup buckets, which the stack already configures with BucketObjectLockConfiguration",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_144",
        title: "Ensure that S3 bucket has cross-region replication enabled",
        notApplicable:
            "as a blanket rule: cross-region replication is needed only for backup/state buckets, which already declare BucketReplicationConfig; consider a prod-scoped rule for those buckets",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_145",
        title: "Ensure that S3 buckets are encrypted with KMS by default",
        policy: "s3-bucket-kms-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_149",
        title: "Ensure that Secrets Manager secret is encrypted using KMS CMK",
        policy: "secrets-customer-key",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_157",
        title: "Ensure that RDS instances have Multi-AZ enabled",
        policy: "prod-rds-multi-az",
        partly: "prod only",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_158",
        title: "Ensure that CloudWatch Log Group is encrypted by KMS",
        policy: "log-groups-encrypted-retained",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_161",
        title: "Ensure RDS database has IAM authentication enabled",
        notApplicable:
            "the design authenticates with passwords generated into Secrets Manager (random:RandomPassword, secrets-read-only-by-owners); IAM auth would need token generation in every client",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_163",
        title: "Ensure ECR image scanning on push is enabled",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_191",
        title: "Ensure ElastiCache replication group is encrypted by KMS using a customer managed Key (CMK)",
        policy: "elasticache-encrypted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_211",
        title: "Ensure RDS uses a modern CaCert",
        policy: "rds-ca-certificate-pinned",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_226",
        title: "Ensure DB instance gets all minor upgrades automatically",
        policy: "rds-auto-minor-upgrade",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_227",
        title: "Ensure KMS key is enabled",
        notApplicable:
            "is_enabled defaults to true and no key is declared disabled; a disabled key would break its dependants at deploy time",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_250",
        title: "Ensure that RDS PostgreSQL instances use a non vulnerable version with the log_fdw extension (https://aws.amazon.com/security/security-bulletins/AWS-2022-004/)",
        notApplicable:
            "fails only for PostgreSQL engine versions older than the 2022 log_fdw fix (<13.3, <12.7, ...); a current engine version passes",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_260",
        title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 80",
        policy: "internet-ingress-only-on-edge-roles",
        partly: "port 80 is allowed from the internet on the load-balancer role only, so Checkov will flag that group by design",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_274",
        title: "Disallow IAM roles, users, and groups from using the AWS AdministratorAccess policy",
        policy: "iam-no-admin-policies",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_277",
        title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port -1",
        policy: "no-all-protocol-ingress",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_286",
        title: "Ensure IAM policies does not allow privilege escalation",
        policy: "iam-no-unconditioned-wildcard-writes",
        partly: "escalation actions (iam:PassRole, iam:CreatePolicyVersion, ...) are writes and so forbidden on a bare `*`; combinations on named resources not analysed",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_287",
        title: "Ensure IAM policies does not allow credentials exposure",
        policy: "iam-no-unconditioned-wildcard-writes",
        partly: "write actions (iam:CreateAccessKey, ...) covered; read-type credential actions (ecr:GetAuthorizationToken, sts:GetSessionToken) on `*` are allowed and ecr:GetAuthorizationToken must be `*`",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_288",
        title: "Ensure IAM policies does not allow data exfiltration",
        policy: "secrets-read-only-by-owners",
        partly: "secretsmanager:GetSecretValue/ssm:GetParameter reachability is modelled; s3:GetObject on `*` is not",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_289",
        title: "Ensure IAM policies does not allow permissions management / resource exposure without constraints",
        policy: "iam-no-unconditioned-wildcard-writes",
        partly: "permissions-management actions are writes, so forbidden on a bare `*`",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_290",
        title: "Ensure IAM policies does not allow write access without constraints",
        policy: "iam-no-unconditioned-wildcard-writes",
        partly: "policy ignores read actions and accepts conditions",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_293",
        title: "Ensure that AWS database instances have deletion protection enabled",
        policy: "prod-rds-deletion-protection",
        partly: "prod only",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_300",
        title: "Ensure S3 lifecycle configuration sets period for aborting failed uploads",
        policy: "s3-bucket-aborts-incomplete-uploads",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_319",
        title: "Ensure that CloudWatch alarm actions are enabled",
        policy: "cloudwatch-alarm-actions",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_337",
        title: "Ensure SSM parameters are using KMS CMK",
        policy: "secrets-customer-key",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_338",
        title: "Ensure CloudWatch log groups retains logs for at least 1 year",
        notApplicable:
            "1-year retention is a compliance (e.g. PCI) requirement; log-groups-encrypted-retained requires an explicit retention chosen per log group for cost; adopt only if an audit regime demands it",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_339",
        title: "Ensure EKS clusters run on a supported Kubernetes version",
        notApplicable:
            "checked before any resource is declared: the configuration schema refuses a kubernetesVersion outside the dated EKS support list (topology/eks-versions.ts)",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_341",
        title: "Ensure Launch template should not have a metadata response hop limit greater than 1",
        policy: "launch-template-imds-hop-limit",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_353",
        title: "Ensure that RDS instances have performance insights enabled",
        policy: "rds-performance-insights",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_354",
        title: "Ensure RDS Performance Insights are encrypted using KMS CMKs",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_355",
        title: 'Ensure no IAM policies documents allow "*" as a statement\'s resource for restrictable actions',
        policy: "iam-no-unconditioned-wildcard-writes",
        partly: "policy ignores read actions and accepts conditions",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_382",
        title: "Ensure no security groups allow egress from 0.0.0.0:0 to port -1",
        policy: "egress-restricted",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_388",
        title: "Ensure AWS Aurora PostgreSQL is not exposed to local file read vulnerability",
        notApplicable:
            "fires only for engine aurora-postgresql 10.11-11.8; the stack uses an RDS PostgreSQL instance",
    },
    {
        tool: "checkov",
        id: "CKV_AWS_393",
        title: "Ensure AWS GitHub Actions OIDC authorization policies only allow safe claims and claim order on IAM role",
        policy: "iam-oidc-trust-pins-subject",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_5",
        title: "Ensure that Security Groups are attached to another resource",
        policy: "flows-match-needed",
        partly: "an unused security group has no needed flow",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_6",
        title: "Ensure that S3 bucket has a Public Access block",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_11",
        title: "Ensure VPC flow logging is enabled in all VPCs",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_12",
        title: "Ensure the default security group of every VPC restricts all traffic",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_19",
        title: "Ensure that all EIP addresses allocated to a VPC are attached to EC2 instances",
        policy: "elastic-ips-only-at-edge",
        partly: "Checkov only recognises EIPs attached to instances/NAT gateways; EIPs attached to network interfaces (deploy-eip-before-boot) are false positives",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_23",
        title: "Route53 A Record has Attached Resource",
        notApplicable:
            "records point at Elastic IPs the stack declares in the same component (LoadBalancer), which the plan tests check",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_30",
        title: "Ensure Postgres RDS as aws_db_instance has Query Logging enabled",
        notApplicable:
            "as written: requires log_statement (logs query text, possibly secrets/PII) and log_min_duration_statement in the parameter group; consider only log_min_duration_statement alongside rds-force-ssl",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_34",
        title: "AWS SSM Parameter should be Encrypted",
        policy: "no-plaintext-secrets",
        partly: "Checkov wants every SSM parameter to be SecureString; the policy only forbids secrets in plain String parameters (non-secret config may stay String)",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_35",
        title: "AWS NAT Gateways should be utilized for the default route",
        notApplicable:
            "default routes of private subnets go to the declared NAT gateways; no NAT instances in the design",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_40",
        title: "Ensure AWS IAM policy does not allow full IAM privileges",
        policy: "iam-no-wildcards",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_41",
        title: "Ensure an IAM role is attached to EC2 instance",
        policy: "ec2-instance-profile",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_44",
        title: "Ensure AWS route table with VPC peering does not contain routes overly permissive to all traffic",
        notApplicable: "no VPC peering connections are declared",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_50",
        title: "Ensure AWS ElastiCache Redis cluster with Multi-AZ Automatic Failover feature set to enabled",
        policy: "prod-redis-failover",
        partly: "prod only",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_56",
        title: "Ensure AWS Managed IAMFullAccess IAM policy is not used.",
        policy: "iam-no-admin-policies",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_57",
        title: "Ensure Secrets Manager secrets should have automatic rotation enabled",
        notApplicable:
            "the stack generates these secrets (random) and rotates them by raising a generation key (README, Day two); the RDS-managed master secret rotates itself every 7 days; operator-written secrets have documented procedures",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_60",
        title: "Ensure RDS instance with copy tags to snapshots is enabled",
        policy: "rds-copy-tags-to-snapshots",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_61",
        title: "Ensure that an S3 bucket has a lifecycle configuration",
        policy: "s3-bucket-aborts-incomplete-uploads",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_62",
        title: "Ensure S3 buckets should have event notifications enabled",
        notApplicable: "no consumer of S3 event notifications in the design; compliance-only check",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_64",
        title: "Ensure KMS key Policy is defined",
        policy: "kms-key-policy-defined",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_65",
        title: "Ensure access control lists for S3 buckets are disabled",
        policy: "s3-bucket-owner-enforced",
    },
    {
        tool: "checkov",
        id: "CKV2_AWS_69",
        title: "Ensure AWS RDS database instance configured with encryption in transit",
        policy: "rds-force-ssl",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_8",
        title: "Liveness Probe Should be Configured",
        policy: "k8s-probes",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_9",
        title: "Readiness Probe Should be Configured",
        policy: "k8s-probes",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_10",
        title: "CPU requests should be set",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_11",
        title: "CPU limits should be set",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_12",
        title: "Memory requests should be set",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_13",
        title: "Memory limits should be set",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_14",
        title: "Image Tag should be fixed - not latest or blank",
        policy: "k8s-images-pinned",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_15",
        title: "Image Pull Policy should be Always",
        gap: "third-party images are pinned by tag on public registries, so IfNotPresent could keep a re-pushed tag: pin them by digest (blocked here: no registry access), then Always is moot",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_16",
        title: "Container should not be privileged",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_17",
        title: "Containers should not share the host process ID namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_18",
        title: "Containers should not share the host IPC namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_19",
        title: "Containers should not share the host network namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_20",
        title: "Containers should not run with allowPrivilegeEscalation",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_21",
        title: "The default namespace should not be used",
        policy: "k8s-no-default-namespace",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_22",
        title: "Use read-only filesystem for containers where possible",
        policy: "k8s-read-only-root-filesystem",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_23",
        title: "Minimize the admission of root containers",
        policy: "k8s-run-as-non-root",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_25",
        title: "Minimize the admission of containers with added capability",
        policy: "k8s-no-host-access",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_26",
        title: "Do not specify hostPort unless absolutely necessary",
        policy: "k8s-no-host-access",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_27",
        title: "Do not expose the docker daemon socket to containers",
        policy: "k8s-no-host-access",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_28",
        title: "Minimize the admission of containers with the NET_RAW capability",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_29",
        title: "Apply security context to your pods and containers",
        policy: "k8s-drop-capabilities-seccomp",
        partly: "implied if RuntimeDefault seccomp / runAsNonRoot are set at pod level; Checkov requires spec.securityContext on the pod, container-level settings alone fail it",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_30",
        title: "Apply security context to your containers",
        policy: "k8s-read-only-root-filesystem",
        partly: "implied, since readOnlyRootFilesystem can only be set in a container securityContext",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_31",
        title: "Ensure that the seccomp profile is set to docker/default or runtime/default",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_33",
        title: "Ensure the Kubernetes dashboard is not deployed",
        notApplicable: "matches only kubernetes-dashboard images/labels; no dashboard is deployed",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_34",
        title: "Ensure that Tiller (Helm v2) is not deployed",
        notApplicable:
            "matches only Tiller (Helm v2) images/labels/Services; the stack uses Helm v3 releases, which have no Tiller",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_35",
        title: "Prefer using secrets as files over secrets as environment variables",
        policy: "k8s-secrets-as-files",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_37",
        title: "Minimize the admission of containers with capabilities assigned",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_38",
        title: "Ensure that Service Account Tokens are only mounted where necessary",
        policy: "k8s-token-only-with-rbac",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_39",
        title: "Do not use the CAP_SYS_ADMIN linux capability",
        policy: "k8s-no-host-access",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_40",
        title: "Containers should run as a high UID to avoid host conflict",
        policy: "k8s-run-as-non-root",
        partly: "policy forbids UID 0 but does not require UID >= 10000",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_41",
        title: "Ensure that default service accounts are not actively used",
        notApplicable:
            "fires only on a declared ServiceAccount named `default`, which the stack does not declare (the default SAs are created by Kubernetes); intent covered by the CKV_K8S_38/42 suggestions",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_42",
        title: "Ensure that default service accounts are not actively used",
        policy: "k8s-no-privileged-bindings",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_43",
        title: "Image should use digest",
        policy: "k8s-images-pinned",
        partly: "digest required only for the chain image (ECR, immutable tags); third-party images are still tags on public registries — digests need registry access, which this workplace lacks",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_44",
        title: "Ensure that the Tiller Service (Helm v2) is deleted",
        notApplicable:
            "matches only Tiller (Helm v2) images/labels/Services; the stack uses Helm v3 releases, which have no Tiller",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_45",
        title: "Ensure the Tiller Deployment (Helm V2) is not accessible from within the cluster",
        notApplicable:
            "matches only Tiller (Helm v2) images/labels/Services; the stack uses Helm v3 releases, which have no Tiller",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_49",
        title: "Minimize wildcard use in Roles and ClusterRoles",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_68",
        title: "Ensure that the --anonymous-auth argument is set to false",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_69",
        title: "Ensure that the --basic-auth-file argument is not set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_70",
        title: "Ensure that the --token-auth-file argument is not set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_71",
        title: "Ensure that the --kubelet-https argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_72",
        title: "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_73",
        title: "Ensure that the --kubelet-certificate-authority argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_74",
        title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_75",
        title: "Ensure that the --authorization-mode argument includes Node",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_77",
        title: "Ensure that the --authorization-mode argument includes RBAC",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_79",
        title: "Ensure that the admission control plugin AlwaysAdmit is not set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_80",
        title: "Ensure that the admission control plugin AlwaysPullImages is set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_81",
        title: "Ensure that the admission control plugin SecurityContextDeny is set if PodSecurityPolicy is not used",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_82",
        title: "Ensure that the admission control plugin ServiceAccount is set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_83",
        title: "Ensure that the admission control plugin NamespaceLifecycle is set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_84",
        title: "Ensure that the admission control plugin PodSecurityPolicy is set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_85",
        title: "Ensure that the admission control plugin NodeRestriction is set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_86",
        title: "Ensure that the --insecure-bind-address argument is not set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_88",
        title: "Ensure that the --insecure-port argument is set to 0",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_89",
        title: "Ensure that the --secure-port argument is not set to 0",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_90",
        title: "Ensure that the --profiling argument is set to false",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_91",
        title: "Ensure that the --audit-log-path argument is set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_92",
        title: "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_93",
        title: "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_94",
        title: "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_95",
        title: "Ensure that the --request-timeout argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_96",
        title: "Ensure that the --service-account-lookup argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_97",
        title: "Ensure that the --service-account-key-file argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_99",
        title: "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_100",
        title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_102",
        title: "Ensure that the --etcd-cafile argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_104",
        title: "Ensure that encryption providers are appropriately configured",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_105",
        title: "Ensure that the API Server only makes use of Strong Cryptographic Ciphers",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_106",
        title: "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_107",
        title: "Ensure that the --profiling argument is set to false",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_108",
        title: "Ensure that the --use-service-account-credentials argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_110",
        title: "Ensure that the --service-account-private-key-file argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_111",
        title: "Ensure that the --root-ca-file argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_112",
        title: "Ensure that the RotateKubeletServerCertificate argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_113",
        title: "Ensure that the --bind-address argument is set to 127.0.0.1",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_114",
        title: "Ensure that the --profiling argument is set to false",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_115",
        title: "Ensure that the --bind-address argument is set to 127.0.0.1",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_116",
        title: "Ensure that the --cert-file and --key-file arguments are set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_117",
        title: "Ensure that the --client-cert-auth argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_118",
        title: "Ensure that the --auto-tls argument is not set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_119",
        title: "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_138",
        title: "Ensure that the --anonymous-auth argument is set to false",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_139",
        title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_140",
        title: "Ensure that the --client-ca-file argument is set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_141",
        title: "Ensure that the --read-only-port argument is set to 0",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_143",
        title: "Ensure that the --streaming-connection-idle-timeout argument is not set to 0",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_144",
        title: "Ensure that the --protect-kernel-defaults argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_145",
        title: "Ensure that the --make-iptables-util-chains argument is set to true",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_146",
        title: "Ensure that the --hostname-override argument is not set",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_147",
        title: "Ensure that the --event-qps argument is set to 0 or a level which ensures appropriate event capture",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_148",
        title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_149",
        title: "Ensure that the --rotate-certificates argument is not set to false",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_151",
        title: "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers",
        notApplicable:
            "fires only on containers whose command is kube-apiserver/kubelet/etcd/kube-controller-manager/kube-scheduler; the EKS control plane and node kubelet are AWS-managed and not declared as workloads",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_155",
        title: "Minimize ClusterRoles that grant control over validating or mutating admission webhook configurations",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_156",
        title: "Minimize ClusterRoles that grant permissions to approve CertificateSigningRequests",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_157",
        title: "Minimize Roles and ClusterRoles that grant permissions to bind RoleBindings or ClusterRoleBindings",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_158",
        title: "Minimize Roles and ClusterRoles that grant permissions to escalate Roles or ClusterRoles",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV_K8S_159",
        title: "Limit the use of git-sync to prevent code injection",
        notApplicable: "matches only git-sync containers; none are used",
    },
    {
        tool: "checkov",
        id: "CKV2_K8S_1",
        title: "RoleBinding should not allow privilege escalation to a ServiceAccount or Node on other RoleBinding",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV2_K8S_2",
        title: "Granting `create` permissions to `nodes/proxy` or `pods/exec` sub resources allows potential privilege escalation",
        policy: "rbac-no-nodes-proxy",
        partly: "policy covers nodes/proxy (any verb, wildcards); Checkov also flags `create` on pods/exec",
    },
    {
        tool: "checkov",
        id: "CKV2_K8S_3",
        title: "No ServiceAccount/Node should have `impersonate` permissions for groups/users/service-accounts",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV2_K8S_4",
        title: "ServiceAccounts and nodes that can modify services/status may set the `status.loadBalancer.ingress.ip` field to exploit the unfixed CVE-2020-8554 and launch MiTM attacks against the cluster.",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV2_K8S_5",
        title: "No ServiceAccount/Node should be able to read all secrets",
        policy: "rbac-least-privilege",
    },
    {
        tool: "checkov",
        id: "CKV2_K8S_6",
        title: "Minimize the admission of pods which lack an associated NetworkPolicy",
        policy: "k8s-namespaces-deny-by-default",
        partly: "a default-deny policy per workload namespace selects every pod; effectiveness also depends on network-policies-enforced",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0017",
        title: "CloudWatch log groups should be encrypted using CMK",
        policy: "log-groups-encrypted-retained",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0151",
        title: "Ensure a log metric filter and alarm exist for CloudTrail configuration changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0153",
        title: "Ensure a log metric filter and alarm exist for disabling or scheduled deletion of customer managed keys",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0155",
        title: "Ensure a log metric filter and alarm exist for AWS Config configuration changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0152",
        title: "Ensure a log metric filter and alarm exist for AWS Management Console authentication failures",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0150",
        title: "Ensure a log metric filter and alarm exist for IAM policy changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0157",
        title: "Ensure a log metric filter and alarm exist for changes to Network Access Control Lists (NACL)",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0158",
        title: "Ensure a log metric filter and alarm exist for changes to network gateways",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0148",
        title: "Ensure a log metric filter and alarm exist for AWS Management Console sign-in without MFA",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0174",
        title: "Ensure a log metric filter and alarm exist for organisation changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0149",
        title: "Ensure a log metric filter and alarm exist for usage of root user",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0159",
        title: "Ensure a log metric filter and alarm exist for route table changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0154",
        title: "Ensure a log metric filter and alarm exist for S3 bucket policy changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0156",
        title: "Ensure a log metric filter and alarm exist for security group changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0147",
        title: "Ensure a log metric filter and alarm exist for unauthorized API calls",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0160",
        title: "Ensure a log metric filter and alarm exist for VPC changes",
        notApplicable:
            "CIS account-level CloudTrail metric-filter/alarm check; it evaluates CloudTrail trails and the stack declares none (belongs to an account-baseline stack)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0099",
        title: "Missing description for security group.",
        policy: "security-group-descriptions",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0124",
        title: "Missing description for security group rule.",
        policy: "security-group-descriptions",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0008",
        title: "Launch configuration with unencrypted block device.",
        policy: "ebs-volumes-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0130",
        title: "aws_instance should activate session tokens for Instance Metadata Service.",
        policy: "ec2-imdsv2-required",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0129",
        title: "User data for EC2 instances must not contain sensitive AWS keys",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0131",
        title: "Instance with unencrypted block device.",
        policy: "ebs-volumes-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0026",
        title: "EBS volumes must be encrypted",
        policy: "ebs-volumes-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0027",
        title: "EBS volume encryption should use Customer Managed Keys",
        notApplicable:
            "reads standalone aws_ebs_volume, none declared (volumes come from instances/launch templates); to require a CMK there, extend ebs-volumes-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0028",
        title: "aws_instance should activate session tokens for Instance Metadata Service.",
        policy: "ec2-imdsv2-required",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0101",
        title: "AWS best practice to not use the default VPC for workflows",
        notApplicable: "the stack creates its own VPC and declares no aws_default_vpc",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0102",
        title: "An Network ACL rule allows ALL ports.",
        notApplicable: "no network ACLs declared (default NACL; filtering is by security groups)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0104",
        title: "A security group rule should not allow unrestricted egress to any IP address.",
        policy: "egress-restricted",
        partly: "internet egress on 80/443 stays allowed by design (HTTPS via NAT)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0105",
        title: "Network ACLs should not allow unrestricted ingress to SSH or RDP from any IP address.",
        notApplicable: "no network ACLs declared (default NACL; filtering is by security groups)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0107",
        title: "Security groups should not allow unrestricted ingress to SSH or RDP from any IP address.",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0009",
        title: "Launch configuration should not have a public IP address.",
        policy: "no-public-ip-outside-edge",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0164",
        title: "Instances in a subnet should not receive a public IP address by default.",
        policy: "no-public-ip-outside-edge",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0029",
        title: "User data for EC2 instances must not contain sensitive AWS keys",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0122",
        title: "Ensure all data stored in the launch configuration EBS is securely encrypted",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0178",
        title: 'VPC Flow Logs is a feature that enables you to capture information about the IP traffic going to and from network interfaces in your VPC. After you\'ve created a flow log, you can view and retrieve its data in Amazon CloudWatch Logs. It is recommended that VPC Flow Logs be enabled for packet "Rejects" for VPCs.',
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0173",
        title: "Default security group should restrict all traffic",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0344",
        title: "AWS AMI data source should specify owners",
        notApplicable:
            "checks aws_ami data-source lookups (owners); a Pulumi getAmi invoke is not a resource CrossGuard sees - pin owners in code review if used",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0030",
        title: "ECR repository has image scans disabled.",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0031",
        title: "ECR images tags shouldn't be mutable.",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0032",
        title: "ECR repository policy must block public access",
        notApplicable:
            "no ECR repository policy declared (pull access is granted by IAM identity policies only)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0033",
        title: "ECR Repository should use customer managed keys to allow more control",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0038",
        title: "EKS Clusters should have cluster control plane logging turned on",
        policy: "eks-control-plane-logging",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0039",
        title: "EKS should have the encryption of secrets enabled",
        policy: "eks-secrets-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0040",
        title: "EKS Clusters should have the public access disabled",
        policy: "eks-endpoint-private",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0041",
        title: "EKS cluster should not have open CIDR range for public access",
        policy: "eks-endpoint-private",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0049",
        title: "Missing description for security group/security group rule.",
        notApplicable:
            "EC2-Classic aws_elasticache_security_group; the replication group uses VPC security groups",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0045",
        title: "Elasticache Replication Group stores unencrypted data at-rest.",
        policy: "elasticache-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0050",
        title: "Redis cluster should have backup retention turned on",
        policy: "elasticache-snapshots-retained",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0051",
        title: "Elasticache Replication Group uses unencrypted traffic.",
        policy: "elasticache-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0144",
        title: "Credentials which are no longer used should be disabled.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0166",
        title: "Disabling or removing unnecessary credentials will reduce the window of opportunity for credentials associated with a compromised or abandoned account to be used.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0123",
        title: "IAM groups should have MFA enforcement activated.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0165",
        title: 'The "root" account has unrestricted access to all resources in the AWS account. It is highly recommended that this account have hardware MFA enabled.',
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0142",
        title: 'The "root" account has unrestricted access to all resources in the AWS account. It is highly recommended that this account have MFA enabled.',
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0145",
        title: "IAM Users should have MFA enforcement activated.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0342",
        title: "IAM Pass Role Filtering",
        policy: "iam-no-unconditioned-wildcard-writes",
        partly: "trivy flags any iam:PassRole allow; ours flags PassRole only on a bare * without condition",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0140",
        title: 'The "root" account has unrestricted access to all resources in the AWS account. It is highly recommended that the use of this account be avoided.',
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0345",
        title: "Disallow unrestricted S3 IAM Policies",
        policy: "iam-no-wildcards",
        partly: "trivy flags s3:* on any resource; ours flags service:* on *",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0167",
        title: "No user should have more than one active access key.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0056",
        title: "IAM Password policy should prevent password reuse.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0057",
        title: "IAM policy should avoid use of wildcards and instead apply the principle of least privilege",
        policy: "iam-no-wildcards",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0141",
        title: "The root user has complete access to all services and resources in an AWS account. AWS Access Keys provide programmatic access to a given account.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0143",
        title: "IAM policies should not be granted directly to users.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0168",
        title: "Delete expired TLS certificates",
        notApplicable: "no IAM server certificates declared",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0058",
        title: "IAM Password policy should have requirement for at least one lowercase character.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0059",
        title: "IAM Password policy should have requirement for at least one number in the password.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0169",
        title: "Missing IAM Role to allow authorized users to manage incidents with AWS Support.",
        notApplicable: "deprecated upstream; account-level AWS Support role",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0060",
        title: "IAM Password policy should have requirement for at least one symbol in the password.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0061",
        title: "IAM Password policy should have requirement for at least one uppercase character.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0146",
        title: "Access keys should be rotated at least every 90 days",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0062",
        title: "IAM Password policy should have expiry less than or equal to 90 days.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0063",
        title: "IAM Password policy should have minimum password length of 14 or more characters.",
        notApplicable:
            "account-level IAM setting (root account / password policy / IAM users' credentials); the stack declares no IAM users, groups or aws_iam_account_password_policy",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0346",
        title: "Reduce unnecessary unauthorized access or information disclosure of S3 buckets.",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0065",
        title: "A KMS key is not configured to auto-rotate.",
        policy: "kms-key-rotation-no-wildcard",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0180",
        title: "RDS Publicly Accessible",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0343",
        title: "RDS Cluster Deletion Protection Disabled",
        notApplicable:
            "no aws_rds_cluster (Aurora) declared; single RDS instances (see prod-rds-deletion-protection)",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0177",
        title: "RDS Deletion Protection Disabled",
        policy: "prod-rds-deletion-protection",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0176",
        title: "RDS IAM Database Authentication Disabled",
        notApplicable:
            "DB credentials are generated (random:RandomPassword) and kept in Secrets Manager; IAM DB auth is a design change, not a config gap",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0133",
        title: "Enable Performance Insights to detect potential problems",
        policy: "rds-performance-insights",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0079",
        title: "There is no encryption specified or encryption is disabled on the RDS Cluster.",
        notApplicable: "no aws_rds_cluster (Aurora) declared",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0080",
        title: "RDS encryption has not been enabled at a DB Instance level.",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0078",
        title: "Performance Insights encryption should use Customer Managed Keys",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0077",
        title: "RDS Cluster and RDS instance should have backup retention longer than default 1 day",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0086",
        title: "S3 Access block should block public ACL",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0087",
        title: "S3 Access block should block public policy",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0320",
        title: "S3 DNS Compliant Bucket Names",
        policy: "s3-bucket-dns-compliant-name",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0088",
        title: "Unencrypted S3 bucket.",
        policy: "s3-bucket-kms-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0089",
        title: "S3 Bucket Logging",
        policy: "s3-bucket-access-logged",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0172",
        title: "S3 object-level API operations such as GetObject, DeleteObject, and PutObject are called data events. By default, CloudTrail trails don't log data events and so it is recommended to enable Object-level logging for S3 buckets.",
        notApplicable: "object-level logging needs CloudTrail data events; no trail declared",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0171",
        title: "S3 object-level API operations such as GetObject, DeleteObject, and PutObject are called data events. By default, CloudTrail trails don't log data events and so it is recommended to enable Object-level logging for S3 buckets.",
        notApplicable: "object-level logging needs CloudTrail data events; no trail declared",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0090",
        title: "S3 Data should be versioned",
        policy: "s3-bucket-versioned",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0132",
        title: "S3 encryption should use Customer Managed Keys",
        policy: "s3-bucket-kms-encrypted",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0091",
        title: "S3 Access Block should Ignore Public ACL",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0092",
        title: "S3 Buckets not publicly accessible through ACL.",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0093",
        title: "S3 Access block should restrict public bucket to limit access",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0170",
        title: "Buckets should have MFA deletion protection enabled.",
        notApplicable:
            "MFA delete can only be enabled by the root user with MFA via the API, not through Pulumi; versioning + object lock protect deletes",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0094",
        title: "S3 buckets should each define an aws_s3_bucket_public_access_block",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0134",
        title: "Secrets should not be exfiltrated using Terraform HTTP data blocks",
        notApplicable:
            "deprecated upstream; targets Terraform http data sources, no Pulumi equivalent",
    },
    {
        tool: "trivy",
        id: "AVD-AWS-0098",
        title: "Secrets Manager should use customer managed keys",
        policy: "secrets-customer-key",
    },
    { tool: "trivy", id: "KSV011", title: "CPU not limited", policy: "k8s-requests-and-limits" },
    {
        tool: "trivy",
        id: "KSV015",
        title: "CPU requests not specified",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "trivy",
        id: "KSV121",
        title: "Kubernetes resource with disallowed volumes mounted",
        policy: "k8s-no-host-access",
    },
    {
        tool: "trivy",
        id: "KSV005",
        title: "SYS_ADMIN capability added",
        policy: "k8s-no-host-access",
    },
    {
        tool: "trivy",
        id: "KSV120",
        title: "SYS_MODULE capability added",
        policy: "k8s-no-host-access",
    },
    { tool: "trivy", id: "KSV024", title: "Access to host ports", policy: "k8s-no-host-access" },
    {
        tool: "trivy",
        id: "KSV051",
        title: "Do not allow role binding creation and association with privileged role/clusterrole",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV052",
        title: "Do not allow role to create ClusterRoleBindings and association with privileged role",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV048",
        title: "Manage Kubernetes workloads and pods",
        policy: "rbac-least-privilege",
        partly: "create pods, exec, attach and port-forward are refused; create/patch on Deployments, Jobs and ephemeral containers are not",
    },
    {
        tool: "trivy",
        id: "KSV055",
        title: "Do not allow users in a rolebinding to add other users to their rolebindings",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV122",
        title: "Anonymous user access binding",
        policy: "k8s-no-privileged-bindings",
    },
    {
        tool: "trivy",
        id: "KSV044",
        title: "No wildcard verb and resource roles",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV045",
        title: "No wildcard verb roles",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV002",
        title: "Runtime/Default AppArmor profile not set",
        notApplicable:
            "EKS Amazon Linux nodes do not run AppArmor; RuntimeDefault seccomp (k8s-drop-capabilities-seccomp) is the equivalent control",
    },
    {
        tool: "trivy",
        id: "KSV054",
        title: "Do not allow attaching to shell on pods",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV01011",
        title: "system:authenticate group access binding",
        policy: "k8s-no-privileged-bindings",
    },
    {
        tool: "trivy",
        id: "KSV001",
        title: "Can elevate its own privileges",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "trivy",
        id: "KSV003",
        title: "Default capabilities: some containers do not drop all",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "trivy",
        id: "KSV004",
        title: "Default capabilities: some containers do not drop any",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "trivy",
        id: "KSV111",
        title: "User with admin access",
        policy: "k8s-no-privileged-bindings",
    },
    {
        tool: "trivy",
        id: "AVD-KSV-0109",
        title: "ConfigMap with secrets",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "trivy",
        id: "AVD-KSV-01010",
        title: "ConfigMap with sensitive content",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "trivy",
        id: "KSV110",
        title: "Workloads in the default namespace",
        policy: "k8s-no-default-namespace",
    },
    {
        tool: "trivy",
        id: "KSV118",
        title: "Default security context configured",
        policy: "k8s-read-only-root-filesystem",
    },
    { tool: "trivy", id: "KSV042", title: "Delete pod logs", policy: "rbac-least-privilege" },
    {
        tool: "trivy",
        id: "KSV106",
        title: "Container capabilities must only include NET_BIND_SERVICE",
        policy: "k8s-drop-capabilities-seccomp",
        partly: "the add-only-NET_BIND_SERVICE half needs the capabilities.add policy (see KSV-0022)",
    },
    {
        tool: "trivy",
        id: "KSV014",
        title: "Root file system is not read-only",
        policy: "k8s-read-only-root-filesystem",
    },
    { tool: "trivy", id: "KSV053", title: "Exec into Pods", policy: "rbac-least-privilege" },
    {
        tool: "trivy",
        id: "KSV008",
        title: "Access to host IPC namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "trivy",
        id: "KSV009",
        title: "Access to host network",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "trivy",
        id: "KSV010",
        title: "Access to host PID",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "trivy",
        id: "KSV023",
        title: "hostPath volumes mounted",
        policy: "k8s-no-host-access",
    },
    {
        tool: "trivy",
        id: "KSV043",
        title: "Do not allow impersonation of privileged groups",
        policy: "rbac-least-privilege",
    },
    { tool: "trivy", id: "KSV046", title: "Manage all resources", policy: "rbac-least-privilege" },
    {
        tool: "trivy",
        id: "KSV112",
        title: "Manage all resources at the namespace",
        policy: "rbac-least-privilege",
    },
    { tool: "trivy", id: "KSV049", title: "Manage configmaps", policy: "rbac-least-privilege" },
    {
        tool: "trivy",
        id: "KSV115",
        title: "Manage EKS IAM Auth ConfigMap",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV056",
        title: "Manage Kubernetes networking",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV050",
        title: "Do not allow privilege escalation via RBAC resources",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV113",
        title: "Manage namespace secrets",
        policy: "rbac-least-privilege",
    },
    { tool: "trivy", id: "KSV041", title: "Manage secrets", policy: "rbac-least-privilege" },
    {
        tool: "trivy",
        id: "KSV114",
        title: "Manage webhookconfigurations",
        policy: "rbac-least-privilege",
    },
    {
        tool: "trivy",
        id: "KSV007",
        title: "Manages /etc/hosts",
        policy: "k8s-pod-security-baseline",
    },
    {
        tool: "trivy",
        id: "KSV0123",
        title: "system:masters group access binding",
        policy: "k8s-no-privileged-bindings",
    },
    { tool: "trivy", id: "KSV018", title: "Memory not limited", policy: "k8s-requests-and-limits" },
    {
        tool: "trivy",
        id: "KSV016",
        title: "Memory requests not specified",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "trivy",
        id: "KSV006",
        title: "hostPath volume mounted with docker.sock",
        policy: "k8s-no-host-access",
    },
    {
        tool: "trivy",
        id: "KSV119",
        title: "NET_RAW capability added",
        policy: "k8s-no-host-access",
    },
    {
        tool: "trivy",
        id: "KSV028",
        title: "Non-core volume types used.",
        policy: "k8s-pod-security-baseline",
    },
    {
        tool: "trivy",
        id: "KSV027",
        title: "Non-default /proc masks set",
        policy: "k8s-pod-security-baseline",
    },
    {
        tool: "trivy",
        id: "KSV107",
        title: "The deprecated 'apiVersion' and 'kind' should not be used",
        notApplicable:
            "every declared kind uses a GA apiVersion (apps/v1, batch/v1, policy/v1, networking.k8s.io/v1, rbac/v1, storage/v1, snapshot.storage.k8s.io/v1)",
    },
    {
        tool: "trivy",
        id: "KSV047",
        title: "Do not allow privilege escalation from node proxy",
        policy: "rbac-no-nodes-proxy",
    },
    { tool: "trivy", id: "KSV017", title: "Privileged", policy: "k8s-no-privilege-escalation" },
    {
        tool: "trivy",
        id: "KSV117",
        title: "Prevent binding to privileged ports",
        notApplicable:
            "every container runs as non-root with ALL capabilities dropped (k8s-run-as-non-root, k8s-drop-capabilities-seccomp), so none can bind a port below 1024",
    },
    {
        tool: "trivy",
        id: "KSV037",
        title: "User resources should not be placed in kube-system namespace",
        notApplicable:
            "kube-system holds only the cluster add-ons (vpc-cni, the load balancer controller), which belong there",
    },
    {
        tool: "trivy",
        id: "KSV036",
        title: "Protecting Pod service account tokens",
        policy: "k8s-token-only-with-rbac",
    },
    {
        tool: "trivy",
        id: "AVD-KSV-0124",
        title: "Gatekeeper repo reference is ambiguously open-ended",
        notApplicable: "no Gatekeeper constraints declared",
    },
    { tool: "trivy", id: "KSV012", title: "Runs as root user", policy: "k8s-run-as-non-root" },
    {
        tool: "trivy",
        id: "KSV021",
        title: "Runs with GID <= 10000",
        notApplicable: "GID >= 10000 deliberately not required, as for UIDs; root GID is KSV-0116",
    },
    {
        tool: "trivy",
        id: "KSV020",
        title: "Runs with UID <= 10000",
        notApplicable:
            "UID >= 10000 deliberately not required (policies.md); runAsNonRoot/non-zero UID enforced by k8s-run-as-non-root",
    },
    {
        tool: "trivy",
        id: "KSV116",
        title: "Runs with a root primary or supplementary GID",
        policy: "k8s-pod-security-baseline",
    },
    {
        tool: "trivy",
        id: "KSV105",
        title: "Containers must not set runAsUser to 0",
        policy: "k8s-run-as-non-root",
    },
    {
        tool: "trivy",
        id: "KSV030",
        title: "Runtime/Default Seccomp profile not set",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "trivy",
        id: "KSV104",
        title: "Seccomp policies disabled",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "trivy",
        id: "KSV038",
        title: "Selector usage in network policies",
        notApplicable:
            "spec.podSelector is a required NetworkPolicy field, so declared policies always pass; default-deny is checked by k8s-namespaces-deny-by-default",
    },
    {
        tool: "trivy",
        id: "KSV025",
        title: "SELinux custom options set",
        policy: "k8s-pod-security-baseline",
    },
    {
        tool: "trivy",
        id: "AVD-KSV-0108",
        title: "Service with External IP",
        policy: "k8s-service-no-external-ips",
    },
    {
        tool: "trivy",
        id: "KSV022",
        title: "Specific capabilities added",
        policy: "k8s-no-host-access",
    },
    {
        tool: "trivy",
        id: "KSV102",
        title: "Tiller Is Deployed",
        notApplicable: "Helm v3 (kubernetes:helm.sh/v3:Release) has no Tiller",
    },
    {
        tool: "trivy",
        id: "KSV026",
        title: "Unsafe sysctl options set",
        policy: "k8s-pod-security-baseline",
    },
    { tool: "trivy", id: "KSV039", title: "limit range usage", policy: "k8s-namespace-quotas" },
    { tool: "trivy", id: "KSV040", title: "resource quota usage", policy: "k8s-namespace-quotas" },
    { tool: "trivy", id: "KSV013", title: 'Image tag ":latest" used', policy: "k8s-images-pinned" },
    {
        tool: "trivy",
        id: "KSV032",
        title: "All container images must start with the *.azurecr.io domain",
        notApplicable: "deprecated upstream; Azure ACR prefix",
    },
    {
        tool: "trivy",
        id: "KSV035",
        title: "All container images must start with an ECR domain",
        notApplicable: "deprecated upstream (superseded by KSV-0125)",
    },
    {
        tool: "trivy",
        id: "KSV033",
        title: "All container images must start with a GCR domain",
        notApplicable: "deprecated upstream; GCR prefix",
    },
    {
        tool: "trivy",
        id: "KSV034",
        title: "Container images from public registries used",
        notApplicable: "deprecated upstream (superseded by KSV-0125)",
    },
    {
        tool: "trivy",
        id: "KSV0125",
        title: "Restrict container images to trusted registries",
        policy: "k8s-images-from-trusted-registries",
    },
    {
        tool: "trivy",
        id: "KSV103",
        title: "Access to host process",
        notApplicable: "Linux node groups only; no Windows hostProcess pods",
    },
    {
        tool: "kics",
        id: "ce30e584-b33f-4c7d-b418-a3d7027f8f60",
        title: "Always Admit Admission Control Plugin Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "a77f4d07-c6e0-4a48-8b35-0eeb51576f4f",
        title: "Always Pull Images Admission Control Plugin Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "1de5cc51-f376-4638-a940-20f2e85ae238",
        title: "Anonymous Auth Is Not Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "da9f3aa8-fbfb-472f-b5a1-576127944218",
        title: "Audit Log Maxage Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "768aab52-2504-4a2f-a3e3-329d5a679848",
        title: "Audit Log Maxbackup Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "35c0a471-f7c8-4993-aa2c-503a3c712a66",
        title: "Audit Log Maxsize Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "73e251f0-363d-4e53-86e2-0a93592437eb",
        title: "Audit Log Path Not Set",
        notApplicable:
            "control-plane flag; EKS manages the API server and its audit log (eks-control-plane-logging sends it to CloudWatch)",
    },
    {
        tool: "kics",
        id: "13a49a2e-488e-4309-a7c0-d6b05577a5fb",
        title: "Audit Policy File Not Defined",
        notApplicable: "control-plane flag; EKS manages the API server and its audit policy",
    },
    {
        tool: "kics",
        id: "1828a670-5957-4bc5-9974-47da228f75e2",
        title: "Audit Policy Not Cover Key Security Concerns",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs (EKS fixes the audit policy)",
    },
    {
        tool: "kics",
        id: "4d7ee40f-fc5d-427d-8cac-dffbe22d42d1",
        title: "Authorization Mode Node Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "1aa4a1ae-5dbb-48a1-9aa2-630ea4be208e",
        title: "Authorization Mode RBAC Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "f1f4d8da-1ac4-47d0-b1aa-91e69d33f7d5",
        title: "Authorization Mode Set To Always Allow",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "98ce8b81-7707-4734-aa39-627c6db3d84b",
        title: "Auto TLS Set To True",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "5da47109-f8d6-4585-9e2b-96a8958a12f5",
        title: "Basic Auth File Is Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "46a2e9ec-6a5f-4faa-9d39-4ea44d5d87a2",
        title: "Bind Address Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "e0e00aba-5f1c-4981-a542-9a9563c0ee20",
        title: "Client Certificate Authentication Not Setup Properly",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "249328b8-5f0f-409f-b1dd-029f07882e11",
        title: "Cluster Admin Rolebinding With Superuser Permissions",
        policy: "k8s-no-privileged-bindings",
    },
    {
        tool: "kics",
        id: "9127f0d9-2310-42e7-866f-5fd9d20dcbad",
        title: "Cluster Allows Unsafe Sysctls",
        notApplicable:
            "kubelet flag; EKS managed nodes keep the default (no unsafe sysctls), and k8s-pod-security-baseline refuses pod sysctls",
    },
    {
        tool: "kics",
        id: "03aabc8c-35d6-481e-9c85-20139cf72d23",
        title: "CNI Plugin Does Not Support Network Policies",
        policy: "network-policies-enforced",
    },
    {
        tool: "kics",
        id: "dd29336b-fe57-445b-a26e-e6aa867ae609",
        title: "Container Is Privileged",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "kics",
        id: "f922827f-aab6-447c-832a-e1ff63312bd3",
        title: "Container Runs Unmasked",
        policy: "k8s-pod-security-baseline",
    },
    {
        tool: "kics",
        id: "02323c00-cdc3-4fdc-a310-4f2b3e7a1660",
        title: "Container Running With Low UID",
        notApplicable:
            "UID >= 10000 deliberately not required (policies.md); non-root enforced by k8s-run-as-non-root",
    },
    {
        tool: "kics",
        id: "cf34805e-3872-4c08-bf92-6ff7bb0cfadb",
        title: "Container Running As Root",
        policy: "k8s-run-as-non-root",
    },
    {
        tool: "kics",
        id: "19ebaa28-fc86-4a58-bcfa-015c9e22fe40",
        title: "Containers With Added Capabilities",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "235236ee-ad78-4065-bd29-61b061f28ce0",
        title: "Containers With Sys Admin Capabilities",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "4ac0e2b7-d2d2-4af7-8799-e8de6721ccda",
        title: "CPU Limits Not Set",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "kics",
        id: "ca469dd4-c736-448f-8ac1-30a642705e0a",
        title: "CPU Requests Not Set",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "kics",
        id: "192fe40b-b1c3-448a-aba2-6cc19a300fe3",
        title: "CronJob Deadline Not Configured",
        policy: "k8s-cronjob-deadline",
    },
    {
        tool: "kics",
        id: "d2ad057f-0928-41ef-a83c-f59203bb855b",
        title: "Dashboard Is Enabled",
        notApplicable: "no Kubernetes dashboard deployed",
    },
    {
        tool: "kics",
        id: "a31b7b82-d994-48c4-bd21-3bab6c31827a",
        title: "Deployment Has No PodAntiAffinity",
        policy: "k8s-replicas-protected",
    },
    {
        tool: "kics",
        id: "b23e9b98-0cb6-4fc9-b257-1f3270442678",
        title: "Deployment Without PodDisruptionBudget",
        policy: "k8s-replicas-protected",
    },
    {
        tool: "kics",
        id: "a6f34658-fdfb-4154-9536-56d516f65828",
        title: "Docker Daemon Socket is Exposed to Containers",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "cbd2db69-0b21-4c14-8a40-7710a50571a9",
        title: "Encryption Provider Config Is Not Defined",
        policy: "eks-secrets-encrypted",
    },
    {
        tool: "kics",
        id: "10efce34-5af6-4d83-b414-9e096d5a06a9",
        title: "Encryption Provider Not Properly Configured",
        policy: "eks-secrets-encrypted",
    },
    {
        tool: "kics",
        id: "e84eaf4d-2f45-47b2-abe8-e581b06deb66",
        title: "Ensure Administrative Boundaries Between Resources",
        notApplicable:
            "INFO inventory of namespaces in use; the stack already separates components by namespace",
    },
    {
        tool: "kics",
        id: "9391103a-d8d7-4671-ac5d-606ba7ccb0ac",
        title: "Etcd Client Certificate Authentication Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "3f5ff8a7-5ad6-4d02-86f5-666307da1b20",
        title: "Etcd Client Certificate File Not Defined",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "b7d0181d-0a9b-4611-9d1c-1ad4f0b620ff",
        title: "Etcd Peer Client Certificate Authentication Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "09bb9e96-8da3-4736-b89a-b36814acca60",
        title: "Etcd Peer TLS Certificate Files Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "075ca296-6768-4322-aea2-ba5063b969a9",
        title: "Etcd TLS Certificate Files Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "895a5a95-3756-4b04-9924-2f3bc93181bd",
        title: "Etcd TLS Certificate Not Properly Configured",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "e0099af2-fe17-411f-9991-0de28fe15f3c",
        title: "Event Rate Limit Admission Control Plugin Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "5744cbb8-5946-4b75-a196-ade44449525b",
        title: "HPA Targeted Deployments With Configured Replica Count",
        notApplicable: "no HorizontalPodAutoscaler declared",
    },
    {
        tool: "kics",
        id: "2f652c42-619d-4361-b361-9f599688f8ca",
        title: "HPA Targets Invalid Object",
        notApplicable: "no HorizontalPodAutoscaler declared",
    },
    {
        tool: "kics",
        id: "14abda69-8e91-4acb-9931-76e2bee90284",
        title: "Image Policy Webhook Admission Control Plugin Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "caa3479d-885d-4882-9aac-95e5e78ef5c2",
        title: "Image Pull Policy Of The Container Is Not Set To Always",
        gap: "third-party images are pinned by tag on public registries, so IfNotPresent could keep a re-pushed tag: pin them by digest (blocked here: no registry access)",
    },
    {
        tool: "kics",
        id: "7c81d34c-8e5a-402b-9798-9f442630e678",
        title: "Image Without Digest",
        policy: "k8s-images-pinned",
        partly: "digest preferred, explicit immutable tags accepted",
    },
    {
        tool: "kics",
        id: "3878dc92-8e5d-47cf-9cdd-7590f71d21b9",
        title: "Incorrect Volume Claim Access Mode ReadWriteOnce",
        policy: "k8s-volume-claims-rwo",
    },
    {
        tool: "kics",
        id: "69bbc5e3-0818-4150-89cc-1e989b48f23b",
        title: "Ingress Controller Exposes Workload",
        notApplicable:
            "no Ingress objects declared (exposure is by Service, see k8s-no-internet-facing-services)",
    },
    {
        tool: "kics",
        id: "b9380fd3-5ffe-4d10-9290-13e18e71eee1",
        title: "Insecure Bind Address Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "fa4def8c-1898-4a35-a139-7b76b1acdef0",
        title: "Insecure Port Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "583053b7-e632-46f0-b989-f81ff8045385",
        title: "Invalid Image Tag",
        policy: "k8s-images-pinned",
    },
    {
        tool: "kics",
        id: "ec18a0d3-0069-4a58-a7fb-fbfe0b4bbbe0",
        title: "Kubelet Certificate Authority Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "36a27826-1bf5-49da-aeb0-a60a30c0e834",
        title: "Kubelet Client Certificate Or Key Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "52d70f2e-3257-474c-b3dc-8ad9ba6a061a",
        title: "Kubelet Client Periodic Certificate Switch Disabled",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "1a07a446-8e61-4e4d-bc16-b0781fcb8211",
        title: "Kubelet Event QPS Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "bf36b900-b5ef-4828-adb7-70eb543b7cfb",
        title: "Kubelet Hostname Override Is Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "cdc8b54e-6b16-4538-a1b0-35849dbe29cf",
        title: "Kubelet HTTPS Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "5f89001f-6dd9-49ff-9b15-d8cd71b617f4",
        title: "Kubelet Not Managing Ip Tables",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "6cf42c97-facd-4fda-b8af-ea4529123355",
        title: "Kubelet Protect Kernel Defaults Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "2940d48a-dc5e-4178-a3f8-bfbd80720b41",
        title: "Kubelet Read Only Port Is Not Set To Zero",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "ed89b97d-04e9-4fd4-919f-ee5b27e555e9",
        title: "Kubelet Streaming Connection Timeout Disabled",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "ade74944-a674-4e00-859e-c6eab5bde441",
        title: "Liveness Probe Is Not Defined",
        policy: "k8s-probes",
    },
    {
        tool: "kics",
        id: "b14d1bc4-a208-45db-92f0-e21f8e2588e9",
        title: "Memory Limits Not Defined",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "kics",
        id: "229588ef-8fde-40c8-8756-f4f2b5825ded",
        title: "Memory Requests Not Defined",
        policy: "k8s-requests-and-limits",
    },
    {
        tool: "kics",
        id: "1123031a-f921-4c5b-bd86-ef354ecfd37a",
        title: "Metadata Label Is Invalid",
        notApplicable: "the API server rejects invalid label keys/values at apply time",
    },
    {
        tool: "kics",
        id: "8b36775e-183d-4d46-b0f7-96a6f34a723f",
        title: "Missing AppArmor Profile",
        notApplicable:
            "EKS Amazon Linux nodes do not run AppArmor; RuntimeDefault seccomp (k8s-drop-capabilities-seccomp) is the equivalent control",
    },
    {
        tool: "kics",
        id: "1ffe7bf7-563b-4b3d-a71d-ba6bd8d49b37",
        title: "Namespace Lifecycle Admission Control Plugin Disabled",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "2270987f-bb51-479f-b8be-3ca73e5ad648",
        title: "NET_RAW Capabilities Disabled for PSP",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "dbbc6705-d541-43b0-b166-dd4be8208b54",
        title: "NET_RAW Capabilities Not Being Dropped",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "kics",
        id: "85ab1c5b-014e-4352-b5f8-d7dea3bb4fd3",
        title: "Network Policy Is Not Targeting Any Pod",
        policy: "k8s-network-policies-select-pods",
    },
    {
        tool: "kics",
        id: "268ca686-7fb7-4ae9-b129-955a2a89064e",
        title: "No Drop Capabilities for Containers",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "kics",
        id: "33fc6923-6553-4fe6-9d3a-4efa51eb874b",
        title: "Node Restriction Admission Control Plugin Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "aa8f7a35-9923-4cad-bd61-a19b7f6aac91",
        title: "Non Kube System Pod With Host Mount",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "caa93370-791f-4fc6-814b-ba6ce0cb4032",
        title: "Not Limited Capabilities For Pod Security Policy",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "cb7e695d-6a85-495c-b15f-23aed2519303",
        title: "Not Unique Certificate Authority",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "94b76ea5-e074-4ca2-8a03-c5a606e30645",
        title: "Object Is Using A Deprecated API Version",
        notApplicable:
            "every declared kind uses a GA apiVersion (apps/v1, batch/v1, policy/v1, networking.k8s.io/v1, rbac/v1, storage/v1, snapshot.storage.k8s.io/v1)",
    },
    {
        tool: "kics",
        id: "ae8827e2-4af9-4baa-9998-87539ae0d6f0",
        title: "Peer Auto TLS Set To True",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "592ad21d-ad9b-46c6-8d2d-fad09d62a942",
        title: "Permissive Access to Create Pods",
        policy: "rbac-least-privilege",
        partly: "create on pods is refused; create on workload controllers is not",
    },
    {
        tool: "kics",
        id: "0401f71b-9c1e-4821-ab15-a955caa621be",
        title: "Pod Misconfigured Network Policy",
        policy: "k8s-namespaces-deny-by-default",
    },
    {
        tool: "kics",
        id: "4a20ebac-1060-4c81-95d1-1f7f620e983b",
        title: "Pod or Container Without LimitRange",
        policy: "k8s-namespace-quotas",
    },
    {
        tool: "kics",
        id: "48a5beba-e4c0-4584-a2aa-e6894e4cf424",
        title: "Pod or Container Without ResourceQuota",
        policy: "k8s-namespace-quotas",
    },
    {
        tool: "kics",
        id: "a97a340a-0063-418e-b3a1-3028941d0995",
        title: "Pod or Container Without Security Context",
        policy: "k8s-read-only-root-filesystem",
    },
    {
        tool: "kics",
        id: "afa36afb-39fe-4d94-b9b6-afb236f7a03d",
        title: "Pod Security Policy Admission Control Plugin Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d",
        title: "Privilege Escalation Allowed",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "kics",
        id: "2f491173-6375-4a84-b28e-a4e2b9a58a69",
        title: "Profiling Not Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "87554eef-154d-411d-bdce-9dbd91e56851",
        title: "PSP Allows Privilege Escalation",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "80f93444-b240-4ebb-a4c6-5c40b76c04ea",
        title: "PSP Allows Sharing Host IPC",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "91dacd0e-d189-4a9c-8272-5999a3cc32d9",
        title: "PSP Allows Sharing Host PID",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "a33e9173-b674-4dfb-9d82-cf3754816e4b",
        title: "PSP Allows Containers To Share The Host Network Namespace",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "c48e57d3-d642-4e0b-90db-37f807b41b91",
        title: "PSP Set To Privileged",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "7307579a-3abb-46ad-9ce5-2a915634d5c8",
        title: "PSP With Added Capabilities",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "de4421f1-4e35-43b4-9783-737dd4e4a47e",
        title: "PSP With Unrestricted Access to Host Path",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "8320826e-7a9c-4b0b-9535-578333193432",
        title: "RBAC Roles Allow Privilege Escalation",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "d45330fd-f58d-45fb-a682-6481477a0f84",
        title: "RBAC Roles with Attach Permission",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "c589f42c-7924-4871-aee2-1cede9bc7cbc",
        title: "RBAC Roles with Exec Permission",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "9f85c3f6-26fd-4007-938a-2e0cb0100980",
        title: "RBAC Roles with Impersonate Permission",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "38fa11ef-dbcc-4da8-9680-7e1fd855b6fb",
        title: "RBAC Roles with Port-Forwarding Permission",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "b7bca5c4-1dab-4c2c-8cbe-3050b9d59b14",
        title: "RBAC Roles with Read Secrets Permissions",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "6b896afb-ca07-467a-b256-1a0077a1c08e",
        title: "RBAC Wildcard In Rule",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "a659f3b5-9bf0-438a-bd9a-7d3a6427f1e3",
        title: "Readiness Probe Is Not Configured",
        policy: "k8s-probes",
    },
    {
        tool: "kics",
        id: "d89a15bb-8dba-4c71-9529-bef6729b9c09",
        title: "Request Timeout Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "1e749bc9-fde8-471c-af0c-8254efd2dee5",
        title: "Role Binding To Default Service Account",
        policy: "k8s-no-privileged-bindings",
    },
    {
        tool: "kics",
        id: "05fb986f-ac73-4ebb-a5b2-7faafa93d882",
        title: "Root CA File Not Defined",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "a9c2f49d-0671-4fc9-9ece-f4e261e128d0",
        title: "Root Container Not Mounted Read-only",
        policy: "k8s-read-only-root-filesystem",
    },
    {
        tool: "kics",
        id: "e3aa0612-4351-4a0d-983f-aefea25cf203",
        title: "Root Containers Admitted",
        notApplicable: "PodSecurityPolicy was removed in Kubernetes 1.25; none declared",
    },
    {
        tool: "kics",
        id: "1c621b8e-2c6a-44f5-bd6a-fb0fb7ba33e2",
        title: "Rotate Kubelet Server Certificate Not Active",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "f377b83e-bd07-4f48-a591-60c82b14a78b",
        title: "Seccomp Profile Is Not Configured",
        policy: "k8s-drop-capabilities-seccomp",
    },
    {
        tool: "kics",
        id: "3d658f8b-d988-41a0-a841-40043121de1e",
        title: "Secrets As Environment Variables",
        policy: "k8s-secrets-as-files",
    },
    {
        tool: "kics",
        id: "3d24b204-b73d-42cb-b0bf-1a5438c5f71e",
        title: "Secure Port Set To Zero",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "6a68bebe-c021-492e-8ddb-55b0567fb768",
        title: "Security Context Deny Admission Control Plugin Not Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "9587c890-0524-40c2-9ce2-663af7c2f063",
        title: "Service Account Admission Control Plugin Disabled",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "056ac60e-fe07-4acc-9b34-8e1d51716ab9",
        title: "ServiceAccount Allows Access Secrets",
        policy: "rbac-least-privilege",
    },
    {
        tool: "kics",
        id: "dab4ec72-ce2e-4732-b7c3-1757dcce01a1",
        title: "Service Account Key File Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "a5530bd7-225a-48f9-91bb-f40b04200165",
        title: "Service Account Lookup Set To False",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "591ade62-d6b0-4580-b1ae-209f80ba1cd9",
        title: "Service Account Name Undefined Or Empty",
        policy: "k8s-own-service-account",
    },
    {
        tool: "kics",
        id: "ccc98ff7-68a7-436e-9218-185cb0b0b780",
        title: "Service Account Private Key File Not Defined",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "48471392-d4d0-47c0-b135-cdec95eb3eef",
        title: "Service Account Token Automount Not Disabled",
        policy: "k8s-token-only-with-rbac",
    },
    {
        tool: "kics",
        id: "3ca03a61-3249-4c16-8427-6f8e47dda729",
        title: "Service Does Not Target Pod",
        policy: "k8s-services-select-pods",
    },
    {
        tool: "kics",
        id: "845acfbe-3e10-4b8e-b656-3b404d36dfb2",
        title: "Service Type is NodePort",
        policy: "k8s-no-internet-facing-services",
    },
    {
        tool: "kics",
        id: "26763a1c-5dda-4772-b507-5fca7fb5f165",
        title: "Service With External Load Balancer",
        policy: "k8s-no-internet-facing-services",
    },
    {
        tool: "kics",
        id: "cd290efd-6c82-4e9d-a698-be12ae31d536",
        title: "Shared Host IPC Namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "kics",
        id: "6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a",
        title: "Shared Host Network Namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "kics",
        id: "302736f4-b16c-41b8-befe-c0baffa0bd9d",
        title: "Shared Host PID Namespace",
        policy: "k8s-no-privilege-escalation",
    },
    {
        tool: "kics",
        id: "c1032cf7-3628-44e2-bd53-38c17cf31b6b",
        title: "Shared Service Account",
        notApplicable:
            "the PostgreSQL exporters (one per database) share one service account on purpose: the same IRSA role and the same secret; every other workload has its own (k8s-own-service-account)",
    },
    {
        tool: "kics",
        id: "d740d048-8ed3-49d3-b77b-6f072f3b669e",
        title: "StatefulSet Has No PodAntiAffinity",
        policy: "k8s-replicas-protected",
    },
    {
        tool: "kics",
        id: "8cf4671a-cf3d-46fc-8389-21e7405063a2",
        title: "StatefulSet Requests Storage",
        notApplicable:
            "informational; StatefulSets deliberately use PVCs (reclaim handled by job-volumes-not-retained/StorageClass)",
    },
    {
        tool: "kics",
        id: "1db3a5a5-bf75-44e5-9e44-c56cfc8b1ac5",
        title: "StatefulSet Without PodDisruptionBudget",
        policy: "k8s-replicas-protected",
    },
    {
        tool: "kics",
        id: "bb241e61-77c3-4b97-9575-c0f8a1e008d0",
        title: "StatefulSet Without Service Name",
        policy: "cluster-names-resolve",
        partly: "pod DNS names need the StatefulSet's headless serviceName",
    },
    {
        tool: "kics",
        id: "49113af4-29ca-458e-b8d4-724c01a4a24f",
        title: "Terminated Pod Garbage Collector Threshold Not Properly Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "e17fa86a-6222-4584-a914-56e8f6c87e06",
        title: "Tiller Deployment Is Accessible From Within The Cluster",
        notApplicable: "Helm v3 (kubernetes:helm.sh/v3:Release) has no Tiller",
    },
    {
        tool: "kics",
        id: "6d173be7-545a-46c6-a81d-2ae52ed1605d",
        title: "Tiller (Helm v2) Is Deployed",
        notApplicable: "Helm v3 (kubernetes:helm.sh/v3:Release) has no Tiller",
    },
    {
        tool: "kics",
        id: "8b862ca9-0fbd-4959-ad72-b6609bdaa22d",
        title: "Tiller Service Is Not Deleted",
        notApplicable: "Helm v3 (kubernetes:helm.sh/v3:Release) has no Tiller",
    },
    {
        tool: "kics",
        id: "fa750c81-93c2-4fab-9c6d-d3fd3ce3b89f",
        title: "TSL Connection Certificate Not Setup",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "32ecd76e-7bbf-402e-bf48-8b9485749558",
        title: "Token Auth File Is Set",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "1acd93f1-5a37-45c0-aaac-82ece818be7d",
        title: "Use Service Account Credentials Not Set To True",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "b9c83569-459b-4110-8f79-6305aa33cb37",
        title: "Using Kubernetes Native Secret Management",
        notApplicable:
            "INFO advisory; secrets are generated by the stack, envelope-encrypted by KMS (eks-secrets-encrypted) and mirrored from Secrets Manager",
    },
    {
        tool: "kics",
        id: "611ab018-c4aa-4ba2-b0f6-a448337509a6",
        title: "Using Unrecommended Namespace",
        policy: "k8s-no-default-namespace",
    },
    {
        tool: "kics",
        id: "b7652612-de4e-4466-a0bf-1cd81f0c6063",
        title: "Volume Mount With OS Directory Write Permissions",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "510d5810-9a30-443a-817d-5c1fa527b110",
        title: "Weak TLS Cipher Suites",
        notApplicable:
            "EKS-managed control plane / kubelet flags; the stack declares no kube-apiserver, etcd, controller-manager, scheduler or kubelet pods or configs",
    },
    {
        tool: "kics",
        id: "2b1836f1-dcce-416e-8e16-da8c71920633",
        title: "Workload Host Port Not Specified",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "5308a7a8-06f8-45ac-bf10-791fe21de46e",
        title: "Workload Mounting With Sensitive OS Directory",
        policy: "k8s-no-host-access",
    },
    {
        tool: "kics",
        id: "8bbb242f-6e38-4127-86d4-d8f0b2687ae2",
        title: "AMI Not Encrypted",
        notApplicable: "no aws_ami declared (AMIs are looked up, not built)",
    },
    {
        tool: "kics",
        id: "ba4e0031-3e9d-4d7d-b0d6-bd8f003f8698",
        title: "AMI Shared With Multiple Accounts",
        notApplicable: "no aws_ami_launch_permission declared",
    },
    {
        tool: "kics",
        id: "1a690d1d-0ae7-49fa-b2db-b75ae0dd1d3e",
        title: "Aurora With Disabled at Rest Encryption",
        notApplicable: "no aws_rds_cluster (Aurora) declared",
    },
    {
        tool: "kics",
        id: "3ddfa124-6407-4845-a501-179f90c65097",
        title: "Authentication Without MFA",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "3b6d777b-76e3-4133-80a3-0d6f667ade7f",
        title: "Automatic Minor Upgrades Disabled",
        policy: "rds-auto-minor-upgrade",
    },
    {
        tool: "kics",
        id: "9ef7d25d-9764-4224-9968-fa321c56ef76",
        title: "AWS Password Policy With Unchangeable Passwords",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "9f40c07e-699e-4410-8856-3ba0f2e3a2dd",
        title: "CA Certificate Identifier Is Outdated",
        notApplicable:
            "new RDS instances get rds-ca-rsa2048-g1 by default since January 2024; the query looks for the retired rds-ca-2019",
    },
    {
        tool: "kics",
        id: "bd0088a5-c133-4b20-b129-ec9968b16ef3",
        title: "CloudTrail Log Files S3 Bucket is Publicly Accessible",
        notApplicable: "concerns the CloudTrail log bucket; no CloudTrail declared",
    },
    {
        tool: "kics",
        id: "ee9e50e8-b2ed-4176-ad42-8fc0cf7593f4",
        title: "CloudTrail Log Files S3 Bucket with Logging Disabled",
        notApplicable: "concerns the CloudTrail log bucket; no CloudTrail declared",
    },
    {
        tool: "kics",
        id: "5b8d7527-de8e-4114-b9dd-9d988f1f418f",
        title: "CloudWatch AWS Config Configuration Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "38b85c45-e772-4de8-a247-69619ca137b3",
        title: "CloudWatch AWS Organizations Changes Missing Alarm",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "0a8e8dc5-b6fc-44fc-b5a1-969ec950f9b0",
        title: "CloudWatch Changes To NACL Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "0f6cbf69-41bb-47dc-93f3-3844640bf480",
        title: "Cloudwatch Cloudtrail Configuration Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "56a585f5-555c-48b2-8395-e64e4740a9cf",
        title: "CloudWatch Disabling Or Scheduled Deletion Of Customer Created CMK Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "eaaba502-2f94-411a-a3c2-83d63cc1776d",
        title: "CloudWatch IAM Policy Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "0afbcfe9-d341-4b92-a64c-7e6de0543879",
        title: "CloudWatch Log Group Without KMS",
        policy: "log-groups-encrypted-retained",
    },
    {
        tool: "kics",
        id: "7dbba512-e244-42dc-98bb-422339827967",
        title: "CloudWatch Logging Disabled",
        notApplicable:
            "Route53 query logging for hosted zones; the stack declares records in an existing zone, no aws_route53_zone",
    },
    {
        tool: "kics",
        id: "db0ec4c4-852c-46a2-b4f3-7ec13cdb12a8",
        title: "CloudWatch Logs Destination With Vulnerable Policy",
        notApplicable: "no CloudWatch Logs destination declared",
    },
    {
        tool: "kics",
        id: "5864d189-ee9a-4009-ac0c-8a582e6b7919",
        title: "CloudWatch Management Console Auth Failed Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "44ceb4fa-0897-4fd2-b676-30e7a58f2933",
        title: "CloudWatch Console Sign-in Without MFA Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "6b6874fe-4c2f-4eea-8b90-7cceaa4a125e",
        title: "CloudWatch Network Gateways Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "8b1b1e67-6248-4dca-bbad-93486bb181c0",
        title: "CloudWatch Root Account Use Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "2285e608-ddbc-47f3-ba54-ce7121e31216",
        title: "CloudWatch Route Table Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "27c6a499-895a-4dc7-9617-5c485218db13",
        title: "CloudWatch S3 policy Change Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "4beaf898-9f8b-4237-89e2-5ffdc7ee6006",
        title: "Cloudwatch Security Group Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "4c18a45b-4ab1-4790-9f83-399ac695f1e5",
        title: "CloudWatch Unauthorized Access Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "9d0d4512-1959-43a2-a17f-72360ff06d1b",
        title: "CloudWatch VPC Changes Alarm Missing",
        notApplicable:
            "CIS CloudTrail metric-filter alarm; fires only on declared aws_cloudwatch_log_metric_filter resources, none declared (no CloudTrail in this stack; belongs to an account-baseline stack)",
    },
    {
        tool: "kics",
        id: "ef0b316a-211e-42f1-888e-64efe172b755",
        title: "CloudWatch Without Retention Period Specified",
        policy: "log-groups-encrypted-retained",
    },
    {
        tool: "kics",
        id: "7350fa23-dcf7-4938-916d-6a60b0c73b50",
        title: "CMK Is Unusable",
        policy: "kms-key-enabled",
    },
    {
        tool: "kics",
        id: "22fbfeac-7b5a-421a-8a27-7a2178bb910b",
        title: "CMK Rotation Disabled",
        policy: "kms-key-rotation-no-wildcard",
    },
    {
        tool: "kics",
        id: "09c35abf-5852-4622-ac7a-b987b331232e",
        title: "Cross-Account IAM Assume Role Policy Without ExternalId or MFA",
        notApplicable:
            "roles trust AWS services and the cluster OIDC provider, not other accounts; extend iam-trust-pins-source if a cross-account trust is added",
    },
    {
        tool: "kics",
        id: "08bd0760-8752-44e1-9779-7bb369b2b4e4",
        title: "DB Instance Storage Not Encrypted",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "kics",
        id: "f0d8781f-99bf-4958-9917-d39283b168a0",
        title: "DB Security Group Has Public Interface",
        notApplicable: "EC2-Classic aws_db_security_group; RDS uses VPC security groups",
    },
    {
        tool: "kics",
        id: "4f615f3e-fb9c-4fad-8b70-2e9f781806ce",
        title: "DB Security Group Open To Large Scope",
        notApplicable: "EC2-Classic aws_db_security_group; RDS uses VPC security groups",
    },
    {
        tool: "kics",
        id: "1e0ef61b-ad85-4518-a3d3-85eaad164885",
        title: "DB Security Group With Public Scope",
        notApplicable: "EC2-Classic aws_db_security_group; RDS uses VPC security groups",
    },
    {
        tool: "kics",
        id: "46883ce1-dc3e-4b17-9195-c6a601624c73",
        title: "Default Security Groups With Unrestricted Traffic",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "kics",
        id: "96ed3526-0179-4c73-b1b2-372fde2e0d13",
        title: "Default VPC Exists",
        notApplicable: "the stack creates its own VPC and declares no aws_default_vpc",
    },
    {
        tool: "kics",
        id: "0bc534c5-13d1-4353-a7fe-b8665d5c1d7d",
        title: "Dynamodb VPC Endpoint Without Route Table Association",
        notApplicable: "no VPC endpoints declared",
    },
    {
        tool: "kics",
        id: "3d3f6270-546b-443c-adb4-bb6fb2187ca6",
        title: "EBS Default Encryption Disabled",
        notApplicable:
            "account-level aws_ebs_encryption_by_default, not declared; ebs-volumes-encrypted covers the stack volumes",
    },
    {
        tool: "kics",
        id: "cc997676-481b-4e93-aa81-d19f8c5e9b12",
        title: "EBS Volume Encryption Disabled",
        policy: "ebs-volumes-encrypted",
    },
    {
        tool: "kics",
        id: "e6b4b943-6883-47a9-9739-7ada9568f8ca",
        title: "EBS Volume Snapshot Not Encrypted",
        notApplicable: "no EBS snapshots declared",
    },
    {
        tool: "kics",
        id: "5a2486aa-facf-477d-a5c1-b010789459ce",
        title: "EC2 Instance Has Public IP",
        policy: "no-public-ip-outside-edge",
    },
    {
        tool: "kics",
        id: "23b70e32-032e-4fa6-ba5c-82f56b9980e6",
        title: "EC2 Instance Monitoring Disabled",
        notApplicable:
            "detailed (1-minute) monitoring is a cost/observability choice, not a security control",
    },
    {
        tool: "kics",
        id: "0b93729a-d882-4803-bdc3-ac429a21f158",
        title: "EC2 Instance Using API Keys",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "kics",
        id: "f1adc521-f79a-4d71-b55b-a68294687432",
        title: "EC2 Instance Using Default Security Group",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "kics",
        id: "7e4a6e76-568d-43ef-8c4e-36dea481bff1",
        title: "EC2 Instance Using Default VPC",
        notApplicable: "the stack creates its own VPC; no aws_default_vpc",
    },
    {
        tool: "kics",
        id: "60224630-175a-472a-9e23-133827040766",
        title: "EC2 Not EBS Optimized",
        notApplicable: "current Nitro instance types are EBS-optimized by default (INFO)",
    },
    {
        tool: "kics",
        id: "d1846b12-20c5-4d45-8798-fc35b79268eb",
        title: "ECR Image Tag Not Immutable",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "kics",
        id: "e86e26fc-489e-44f0-9bcd-97305e4ba69a",
        title: "ECR Repository Is Publicly Accessible",
        notApplicable:
            "no ECR repository policy declared (pull access is granted by IAM identity policies only)",
    },
    {
        tool: "kics",
        id: "0e32d561-4b5a-4664-a6e3-a3fa85649157",
        title: "ECR Repository Not Encrypted With CMK",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "kics",
        id: "69e7c320-b65d-41bb-be02-d63ecc0bcc9d",
        title: "ECR Repository Without Policy",
        notApplicable:
            "access is granted by IAM identity policies (node/deploy roles); a repository policy is only needed for cross-account or public pulls",
    },
    {
        tool: "kics",
        id: "63ebcb19-2739-4d3f-aa5c-e8bbb9b85281",
        title: "EKS Cluster Encryption Disabled",
        policy: "eks-secrets-encrypted",
    },
    {
        tool: "kics",
        id: "42f4b905-3736-4213-bfe9-c0660518cda8",
        title: "EKS Cluster Has Public Access",
        policy: "eks-endpoint-private",
    },
    {
        tool: "kics",
        id: "61cf9883-1752-4768-b18c-0d57f2737709",
        title: "EKS Cluster Has Public Access CIDRs",
        policy: "eks-endpoint-private",
    },
    {
        tool: "kics",
        id: "37304d3f-f852-40b8-ae3f-725e87a7cedf",
        title: "EKS cluster logging is not enabled",
        policy: "eks-control-plane-logging",
    },
    {
        tool: "kics",
        id: "ba40ace1-a047-483c-8a8d-bc2d3a67a82d",
        title: "EKS node group remote access disabled",
        policy: "eks-node-group-no-remote-access",
    },
    {
        tool: "kics",
        id: "6db03a91-f933-4f13-ab38-a8b87a7de54d",
        title: "ElastiCache Nodes Not Created Across Multi AZ",
        policy: "prod-redis-failover",
    },
    {
        tool: "kics",
        id: "8fdb08a0-a868-4fdf-9c27-ccab0237f1ab",
        title: "ElastiCache Redis Cluster Without Backup",
        policy: "elasticache-snapshots-retained",
    },
    {
        tool: "kics",
        id: "76976de7-c7b1-4f64-a94f-90c1345914c2",
        title: "ElastiCache Replication Group Not Encrypted At Rest",
        policy: "elasticache-encrypted",
    },
    {
        tool: "kics",
        id: "1afbb3fa-cf6c-4a3d-b730-95e9f4df343e",
        title: "ElastiCache Replication Group Not Encrypted At Transit",
        policy: "elasticache-encrypted",
    },
    {
        tool: "kics",
        id: "5d89db57-8b51-4b38-bb76-b9bd42bd40f0",
        title: "ElastiCache Using Default Port",
        notApplicable:
            "port obscurity; Redis is reachable only from declared security groups (flows-match-needed)",
    },
    {
        tool: "kics",
        id: "8c849af7-a399-46f7-a34c-32d3dc96f1fc",
        title: "ElastiCache Without VPC",
        notApplicable:
            "reads aws_elasticache_cluster; the replication group is placed in a VPC subnet group",
    },
    {
        tool: "kics",
        id: "8f3c16b3-354d-45db-8ad5-5066778a9485",
        title: "Group With Privilege Escalation By Actions 'glue:UpdateDevEndpoint'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "970ed7a2-0aca-4425-acf1-0453c9ecbca1",
        title: "Group With Privilege Escalation By Actions 'iam:AddUserToGroup'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "70b42736-efee-4bce-80d5-50358ed94990",
        title: "Group With Privilege Escalation By Actions 'iam:AttachGroupPolicy'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "3dd96caa-0b5f-4a85-b929-acfac4646cc2",
        title: "Group With Privilege Escalation By Actions 'iam:AttachRolePolicy'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "db78d14b-10e5-4e6e-84b1-dace6327b1ec",
        title: "Group With Privilege Escalation By Actions 'iam:AttachUserPolicy'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "846646e3-2af1-428c-ac5d-271eccfa6faf",
        title: "Group With Privilege Escalation By Actions 'iam:CreateAccessKey'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "04c686f1-e0cd-4812-88e1-4e038410074c",
        title: "Group With Privilege Escalation By Actions 'iam:CreateLoginProfile'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "ec49cbfd-fae4-45f3-81b1-860526d66e3f",
        title: "Group With Privilege Escalation By Actions 'iam:CreatePolicyVersion'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "9b0ffadc-a61f-4c2a-b1e6-68fab60f6267",
        title: "Group With Privilege Escalation By Actions 'cloudformation:CreateStack' And 'iam:PassRole'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "15e6ad8c-f420-49a6-bafb-074f5eb1ec74",
        title: "Group With Privilege Escalation By Actions 'ec2:RunInstances' And 'iam:PassRole'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "7d544dad-8a6c-431c-84c1-5f07fe9afc0e",
        title: "Group With Privilege Escalation By Actions 'glue:CreateDevEndpoint' And 'iam:PassRole'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "034d0aee-620f-4bf7-b7fb-efdf661fdb9e",
        title: "Group With Privilege Escalation By Actions 'lambda:CreateFunction' And 'iam:PassRole' And 'lambda:InvokeFunction'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "e77c89f6-9c85-49ea-b95b-5f960fe5be92",
        title: "Group With Privilege Escalation By Actions 'iam:PutGroupPolicy'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "c0c1e744-0f37-445e-924a-1846f0839f69",
        title: "Group With Privilege Escalation By Actions 'iam:PutRolePolicy'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "60263b4a-6801-4587-911d-919c37ed733b",
        title: "Group With Privilege Escalation By Actions 'iam:PutUserPolicy'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "7782d4b3-e23e-432b-9742-d9528432e771",
        title: "Group With Privilege Escalation By Actions 'iam:SetDefaultPolicyVersion'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "78f1ec6f-5659-41ea-bd48-d0a142dce4f2",
        title: "Group With Privilege Escalation By Actions 'iam:UpdateAssumeRolePolicy' And 'sts:AssumeRole'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "ad296c0d-8131-4d6b-b030-1b0e73a99ad3",
        title: "Group With Privilege Escalation By Actions 'iam:UpdateLoginProfile'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "571254d8-aa6a-432e-9725-535d3ef04d69",
        title: "Group With Privilege Escalation By Actions 'lambda:UpdateFunctionCode'",
        notApplicable:
            "IAM groups are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "d7b9d850-3e06-4a75-852f-c46c2e92240b",
        title: "Hardcoded AWS Access Key",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "kics",
        id: "ffac8a12-322e-42c1-b9b9-81ff85c39ef7",
        title: "HTTP Port Open To Internet",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "7081f85c-b94d-40fd-8b45-a4f1cac75e46",
        title: "IAM Access Key Is Exposed",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "88fd05e0-ac0e-43d2-ba6d-fc0ba60ae1a6",
        title: "IAM Database Auth Not Enabled",
        notApplicable:
            "DB credentials are generated (random:RandomPassword) and kept in Secrets Manager; IAM DB auth is a design change, not a config gap",
    },
    {
        tool: "kics",
        id: "fc101ca7-c9dd-4198-a1eb-0fbe92e80044",
        title: "IAM Group Without Users",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "1bc1c685-e593-450e-88fb-19db4c82aa1d",
        title: "IAM Password Without Minimum Length",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "b4378389-a9aa-44ee-91e7-ef183f11079e",
        title: "IAM Policies Attached To User",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "2f37c4a3-58b9-4afe-8a87-d7f1d2286f84",
        title: "IAM Policies With Full Privileges",
        policy: "iam-no-wildcards",
    },
    {
        tool: "kics",
        id: "bcdcbdc6-a350-4855-ae7c-d1e6436f7c97",
        title: "IAM Policy Grants 'AssumeRole' Permission Across All Services",
        policy: "iam-no-wildcards",
    },
    {
        tool: "kics",
        id: "575a2155-6af1-4026-b1af-d5bc8fe2a904",
        title: "IAM Policy Grants Full Permissions",
        policy: "iam-no-wildcards",
    },
    {
        tool: "kics",
        id: "12b7e704-37f0-4d1e-911a-44bf60c48c21",
        title: "IAM Role Allows All Principals To Assume",
        policy: "iam-no-wildcards",
    },
    {
        tool: "kics",
        id: "e39bee8c-fe54-4a3f-824d-e5e2d1cca40a",
        title: "IAM Role Policy passRole Allows All",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "b1ffa705-19a3-4b73-b9d0-0c97d0663842",
        title: "IAM Role With Full Privileges",
        policy: "iam-no-wildcards",
    },
    {
        tool: "kics",
        id: "b5681959-6c09-4f55-b42b-c40fa12d03ec",
        title: "IAM User Policy Without MFA",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "3561130e-9c5f-485b-9e16-2764c82763e5",
        title: "IAM User Has Too Many Access Keys",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "9ec311bf-dfd9-421f-8498-0b063c8bc552",
        title: "IAM User With Access To Console",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "a31a5a29-718a-4ff4-8001-a69e5e4d029e",
        title: "Instance With No VPC",
        notApplicable:
            "EC2-Classic is retired; instances launch on declared network interfaces in declared subnets (security groups sit on the interface, so KICS would false-positive)",
    },
    {
        tool: "kics",
        id: "7ebc9038-0bde-479a-acc4-6ed7b6758899",
        title: "KMS Key With Vulnerable Policy",
        policy: "kms-key-rotation-no-wildcard",
        partly: "KICS also flags unconditioned kms:* (incl. the account-root statement) and keys without an explicit policy",
    },
    {
        tool: "kics",
        id: "0b530315-0ea4-497f-b34c-4ff86268f59d",
        title: "KMS Key With No Deletion Window",
        policy: "prod-kms-deletion-window",
    },
    {
        tool: "kics",
        id: "1b3af2f9-af8c-4dfc-a0f1-a03adb70deb2",
        title: "Lambda Function With Privileged Role",
        notApplicable: "no Lambda functions declared",
    },
    {
        tool: "kics",
        id: "0ca1017d-3b80-423e-bb9c-6cd5898d34bd",
        title: "Lambda IAM InvokeFunction Misconfigured",
        notApplicable: "no Lambda functions declared",
    },
    {
        tool: "kics",
        id: "4de9de27-254e-424f-bd70-4c1e95790838",
        title: "Launch Configuration Is Not Encrypted",
        policy: "ebs-volumes-encrypted",
    },
    {
        tool: "kics",
        id: "ce60d060-efb8-4bfd-9cf7-ff8945d00d90",
        title: "Misconfigured Password Policy Expiration",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "66f130d9-b81d-4e8e-9b08-da74b9c891df",
        title: "Missing Cluster Log Types",
        policy: "eks-control-plane-logging",
    },
    {
        tool: "kics",
        id: "a20be318-cac7-457b-911d-04cc6e812c25",
        title: "Network ACL With Unrestricted Access To RDP",
        notApplicable: "no network ACLs declared (default NACL; filtering is by security groups)",
    },
    {
        tool: "kics",
        id: "3af7f2fd-06e6-4dab-b996-2912bea19ba4",
        title: "Network ACL With Unrestricted Access To SSH",
        notApplicable: "no network ACLs declared (default NACL; filtering is by security groups)",
    },
    {
        tool: "kics",
        id: "b592ffd4-0577-44b6-bd35-8c5ee81b5918",
        title: "No Password Policy Enabled",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a",
        title: "Password Without Reuse Prevention",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "bbe3dd3d-fea9-4b68-a785-cfabe2bbbc54",
        title: "Policy Without Principal",
        notApplicable:
            "AWS rejects resource policies without Principal (S3 bucket policy, KMS key policy) at deploy time",
    },
    {
        tool: "kics",
        id: "c53c7a89-f9d7-4c7b-8b66-8a555be99593",
        title: "Public and Private EC2 Share Role",
        policy: "ec2-edge-roles-separate",
    },
    {
        tool: "kics",
        id: "2f737336-b18a-4602-8ea0-b200312e1ac1",
        title: "RDS Associated with Public Subnet",
        notApplicable:
            "the subnet group takes the private subnets only (components/postgres), and rds-encrypted-private-backed-up refuses publiclyAccessible",
    },
    {
        tool: "kics",
        id: "e542bd46-58c4-4e0f-a52a-1fb4f9548e02",
        title: "RDS Cluster With Backup Disabled",
        notApplicable: "no aws_rds_cluster (Aurora) declared",
    },
    {
        tool: "kics",
        id: "656880aa-1388-488f-a6d4-8f73c23149b2",
        title: "RDS Database Cluster not Encrypted",
        notApplicable: "no aws_rds_cluster (Aurora) declared",
    },
    {
        tool: "kics",
        id: "35113e6f-2c6b-414d-beec-7a9482d3b2d1",
        title: "RDS DB Instance Publicly Accessible",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "kics",
        id: "3199c26c-7871-4cb3-99c2-10a59244ce7f",
        title: "RDS Storage Not Encrypted",
        notApplicable: "no aws_rds_cluster (Aurora) declared",
    },
    {
        tool: "kics",
        id: "bca7cc4d-b3a4-4345-9461-eb69c68fcd26",
        title: "RDS Using Default Port",
        notApplicable:
            "port obscurity; the database is reachable only from declared security groups (flows-match-needed)",
    },
    {
        tool: "kics",
        id: "1dc73fb4-5b51-430c-8c5f-25dcf9090b02",
        title: "RDS With Backup Disabled",
        policy: "rds-encrypted-private-backed-up",
    },
    {
        tool: "kics",
        id: "8d7f7b8c-6c7c-40f8-baa6-62006c6c7b56",
        title: "RDS Without Logging",
        policy: "rds-logs-exported",
    },
    {
        tool: "kics",
        id: "4bd15dd9-8d5e-4008-8532-27eb0c3706d3",
        title: "Redis Disabled",
        notApplicable:
            "reads aws_elasticache_cluster (memcached engine); the stack runs a Redis replication group",
    },
    {
        tool: "kics",
        id: "254c932d-e3bf-44b2-bc9d-eb5fdb09f8d4",
        title: "Redis Not Compliant",
        notApplicable:
            "reads aws_elasticache_cluster engine_version; the replication group enforces TLS/auth via elasticache-encrypted",
    },
    {
        tool: "kics",
        id: "151187cb-0efc-481c-babd-ad24e3c9bc22",
        title: "Remote Desktop Port Open To Internet",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "e38a8e0a-b88b-4902-b3fe-b0fcb17d5c10",
        title: "Resource Not Using Tags",
        policy: "required-tags",
    },
    {
        tool: "kics",
        id: "eda48c88-2b7d-4e34-b6ca-04c0194aee17",
        title: "Role With Privilege Escalation By Actions 'glue:UpdateDevEndpoint'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "b8a31292-509d-4b61-bc40-13b167db7e9c",
        title: "Role With Privilege Escalation By Actions 'iam:AddUserToGroup'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "f906113d-cdc0-415a-ba60-609cc6daaf4d",
        title: "Role With Privilege Escalation By Actions 'iam:AttachGroupPolicy'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "f465fff1-0a0f-457d-aa4d-1bddb6f204ff",
        title: "Role With Privilege Escalation By Actions 'iam:AttachRolePolicy'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "7c96920c-6fd0-449d-9a52-0aa431b6beaf",
        title: "Role With Privilege Escalation By Actions 'iam:AttachUserPolicy'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "5b4d4aee-ac94-4810-9611-833636e5916d",
        title: "Role With Privilege Escalation By Actions 'iam:CreateAccessKey'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "9a205ba3-0dd1-42eb-8d54-2ffec836b51a",
        title: "Role With Privilege Escalation By Actions 'iam:CreateLoginProfile'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "ee49557d-750c-4cc1-aa95-94ab36cbefde",
        title: "Role With Privilege Escalation By Actions 'iam:CreatePolicyVersion'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "be2aa235-bd93-4b68-978a-1cc65d49082f",
        title: "Role With Privilege Escalation By Actions 'cloudformation:CreateStack' And 'iam:PassRole'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "30b88745-eebe-4ecb-a3a9-5cf886e96204",
        title: "Role With Privilege Escalation By Actions 'ec2:RunInstances' And 'iam:PassRole'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "0a592060-8166-49f5-8e65-99ac6dce9871",
        title: "Role With Privilege Escalation By Actions 'glue:CreateDevEndpoint' And 'iam:PassRole'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "fa62ac4f-f5b9-45b9-97c1-625c8b6253ca",
        title: "Role With Privilege Escalation By Actions 'lambda:CreateFunction' And 'iam:PassRole' And 'lambda:InvokeFunction'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "d6047119-a0b2-4b59-a4f2-127a36fb685b",
        title: "Role With Privilege Escalation By Actions 'iam:PutGroupPolicy'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "eb64f1e9-f67d-4e35-8a3c-3d6a2f9efea7",
        title: "Role With Privilege Escalation By Actions 'iam:PutRolePolicy'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "8f75840d-9ee7-42f3-b203-b40e3979eb12",
        title: "Role With Privilege Escalation By Actions 'iam:PutUserPolicy'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "118281d0-6471-422e-a7c5-051bc667926e",
        title: "Role With Privilege Escalation By Actions 'iam:SetDefaultPolicyVersion'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "f1173d8c-3264-4148-9fdb-61181e031b51",
        title: "Role With Privilege Escalation By Actions 'iam:UpdateAssumeRolePolicy' And 'sts:AssumeRole'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "35ccf766-0e4d-41ed-9ec4-2dab155082b4",
        title: "Role With Privilege Escalation By Actions 'iam:UpdateLoginProfile'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "c583f0f9-7dfd-476b-a056-f47c62b47b46",
        title: "Role With Privilege Escalation By Actions 'lambda:UpdateFunctionCode'",
        policy: "iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "970d224d-b42a-416b-81f9-8f4dfe70c4bc",
        title: "Root Account Has Active Access Keys",
        notApplicable:
            "account-level IAM (users, groups, access keys, root, password policy); the stack declares none of these resources",
    },
    {
        tool: "kics",
        id: "25db74bf-fa3b-44da-934e-8c3e005c0453",
        title: "Route53 Record Undefined",
        notApplicable: "Route53 rejects a record without records or alias at deploy time",
    },
    {
        tool: "kics",
        id: "7af43613-6bb9-4a0e-8c4d-1314b799425e",
        title: "S3 Bucket Access to Any Principal",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "38c5ee0d-7f22-4260-ab72-5073048df100",
        title: "S3 Bucket ACL Allows Read Or Write to All Users",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "57b9893d-33b1-4419-bcea-a717ea87e139",
        title: "S3 Bucket ACL Allows Read to Any Authenticated User",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "64a222aa-7793-4e40-915f-4b302c76e4d4",
        title: "S3 Bucket ACL Grants WRITE_ACP Permission",
        notApplicable:
            "no aws_s3_bucket_acl declared (ownership controls; ACLs ignored by the public access block)",
    },
    {
        tool: "kics",
        id: "ffdf4b37-7703-4dfe-a682-9d2e99bc6c09",
        title: "S3 Bucket Allows Delete Action From All Principals",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "1df37f4b-7197-45ce-83f8-9994d2fcf885",
        title: "S3 Bucket Allows Get Action From All Principals",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "66c6f96f-2d9e-417e-a998-9058aeeecd44",
        title: "S3 Bucket Allows List Action From All Principals",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "d0cc8694-fcad-43ff-ac86-32331d7e867f",
        title: "S3 Bucket Allows Public ACL",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "d24c0755-c028-44b1-b503-8e719c898832",
        title: "S3 Bucket Allows Put Action From All Principals",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "f861041c-8c9f-4156-acfc-5e6e524f5884",
        title: "S3 Bucket Logging Disabled",
        policy: "s3-bucket-access-logged",
    },
    {
        tool: "kics",
        id: "a8fc2180-b3ac-4c93-bd0d-a55b974e4b07",
        title: "S3 Bucket Object Level CloudTrail Logging Disabled",
        notApplicable: "object-level logging needs CloudTrail data events; no trail declared",
    },
    {
        tool: "kics",
        id: "5fb49a69-8d46-4495-a2f8-9c8c622b2b6e",
        title: "S3 Bucket Object Not Encrypted",
        notApplicable:
            "no aws_s3_bucket_object declared; bucket default SSE-KMS is enforced by s3-bucket-kms-encrypted",
    },
    {
        tool: "kics",
        id: "4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9",
        title: "S3 Bucket Policy Accepts HTTP Requests",
        policy: "s3-bucket-tls-only",
    },
    {
        tool: "kics",
        id: "bf878b1a-7418-4de3-b13c-3a86cf894920",
        title: "S3 Bucket Public ACL Overridden By Public Access Block",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "a4966c4f-9141-48b8-a564-ffe9959945bc",
        title: "S3 Bucket With All Permissions",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "1a4bc881-9f69-4d44-8c9a-d37d08f54c50",
        title: "S3 Bucket Allows Public Policy",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "98a8f708-121b-455b-ae2f-da3fb59d17e1",
        title: "S3 Bucket with Unsecured CORS Rule",
        notApplicable: "no CORS configuration declared",
    },
    {
        tool: "kics",
        id: "c5b31ab9-0f26-4a49-b8aa-4cc064392f4d",
        title: "S3 Bucket Without Enabled MFA Delete",
        notApplicable:
            "MFA delete can only be enabled by the root user with MFA via the API, not through Pulumi; versioning + object lock protect deletes",
    },
    {
        tool: "kics",
        id: "4fa66806-0dd9-4f8d-9480-3174d39c7c91",
        title: "S3 Bucket Without Ignore Public ACL",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "1ec253ab-c220-4d63-b2de-5b40e0af9293",
        title: "S3 Bucket Without Restriction Of Public Bucket",
        policy: "s3-bucket-public-access-blocked",
    },
    {
        tool: "kics",
        id: "568a4d22-3517-44a6-a7ad-6a7eed88722c",
        title: "S3 Bucket Without Versioning",
        policy: "s3-bucket-versioned",
    },
    {
        tool: "kics",
        id: "42bb6b7f-6d54-4428-b707-666f669d94fb",
        title: "S3 Static Website Host Enabled",
        notApplicable: "no website configuration declared",
    },
    {
        tool: "kics",
        id: "fa00ce45-386d-4718-8392-fb485e1f3c5b",
        title: "Secrets Manager With Vulnerable Policy",
        notApplicable:
            "no secret resource policy declared; access is by IAM (secrets-read-only-by-owners)",
    },
    {
        tool: "kics",
        id: "b0d3ef3f-845d-4b1b-83d6-63a5a380375f",
        title: "Secretsmanager Secret Encrypted With AWS Managed Key",
        policy: "secrets-customer-key",
    },
    {
        tool: "kics",
        id: "a2f548f2-188c-4fff-b172-e9a6acb216bd",
        title: "Secretsmanager Secret Without KMS",
        policy: "secrets-customer-key",
    },
    {
        tool: "kics",
        id: "68eb4bf3-f9bf-463d-b5cf-e029bb446d2e",
        title: "Security Group Rule Without Description",
        policy: "security-group-descriptions",
    },
    {
        tool: "kics",
        id: "65905cec-d691-4320-b320-2000436cb696",
        title: "Security Group With Unrestricted Access To SSH",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "cb3f5ed6-0d18-40de-a93d-b3538db31e8c",
        title: "Security Group Without Description",
        policy: "security-group-descriptions",
    },
    {
        tool: "kics",
        id: "4849211b-ac39-479e-ae78-5694d506cb24",
        title: "Security Group Not Used",
        notApplicable:
            "every group comes from the port map for a role that uses it; the relay RPC balancer's group is attached by the Service the second up of an empty account declares, so in the first up it is rightly unattached",
    },
    {
        tool: "kics",
        id: "381c3f2a-ef6f-4eff-99f7-b169cda3422c",
        title: "Sensitive Port Is Exposed To Entire Network",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "e35c16a2-d54e-419d-8546-a804d8e024d0",
        title: "Sensitive Port Is Exposed To Small Public Network",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "92fe237e-074c-4262-81a4-2077acb928c1",
        title: "Sensitive Port Is Exposed To Wide Private Network",
        policy: "flows-match-needed",
    },
    {
        tool: "kics",
        id: "084c6686-2a70-4710-91b1-000393e54c12",
        title: "Shield Advanced Not In Use",
        notApplicable:
            "Shield Advanced is a paid org-level subscription; Elastic IPs are confined to edge roles (elastic-ips-only-at-edge)",
    },
    {
        tool: "kics",
        id: "54c417bf-c762-48b9-9d31-b3d87047e3f0",
        title: "SQL Analysis Services Port 2383 (TCP) Is Publicly Accessible",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "e9b7acf9-9ba0-4837-a744-31e7df1e434d",
        title: "SQS VPC Endpoint Without DNS Resolution",
        notApplicable: "no VPC endpoints declared",
    },
    {
        tool: "kics",
        id: "ce60cc6b-6831-4bd7-84a2-cc7f8ee71433",
        title: "SSM Session Transit Encryption Disabled",
        notApplicable: "no SSM documents / Session Manager preferences declared",
    },
    {
        tool: "kics",
        id: "590d878b-abdc-428f-895a-e2b68a0e1998",
        title: "Unknown Port Exposed To Internet",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "4728cd65-a20c-49da-8b31-9c08b423e4db",
        title: "Unrestricted Security Group Ingress",
        policy: "internet-ingress-allow-listed",
    },
    {
        tool: "kics",
        id: "9630336b-3fed-4096-8173-b9afdfe346a7",
        title: "Unscanned ECR Image",
        policy: "ecr-kms-immutable-scanned",
    },
    {
        tool: "kics",
        id: "443488f5-c734-460b-a36d-5b3f330174dc",
        title: "User Data Contains Encoded Private Key",
        policy: "no-plaintext-secrets",
    },
    {
        tool: "kics",
        id: "9b877bd8-94b4-4c10-a060-8e0436cc09fa",
        title: "User With Privilege Escalation By Actions 'glue:UpdateDevEndpoint'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "bf9d42c7-c2f9-4dfe-942c-c8cc8249a081",
        title: "User With Privilege Escalation By Actions 'iam:AddUserToGroup'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "6d23d87e-1c5b-4308-b224-92624300f29b",
        title: "User With Privilege Escalation By Actions 'iam:AttachGroupPolicy'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "e227091e-2228-4b40-b046-fc13650d8e88",
        title: "User With Privilege Escalation By Actions 'iam:AttachRolePolicy'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "70cb518c-d990-46f6-bc05-44a5041493d6",
        title: "User With Privilege Escalation By Actions 'iam:AttachUserPolicy'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "113208f2-a886-4526-9ecc-f3218600e12c",
        title: "User With Privilege Escalation By Actions 'iam:CreateAccessKey'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "0fd7d920-4711-46bd-aff2-d307d82cd8b7",
        title: "User With Privilege Escalation By Actions 'iam:CreateLoginProfile'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "1743f5f1-0bb0-4934-acef-c80baa5dadfa",
        title: "User With Privilege Escalation By Actions 'iam:CreatePolicyVersion'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "19ffbe31-9d72-4379-9768-431195eae328",
        title: "User With Privilege Escalation By Actions 'cloudformation:CreateStack' And 'iam:PassRole'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "89561b03-cb35-44a9-a7e9-8356e71606f4",
        title: "User With Privilege Escalation By Actions 'ec2:RunInstances' And 'iam:PassRole'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "94fbe150-27e3-4eba-9ca6-af32865e4503",
        title: "User With Privilege Escalation By Actions 'glue:CreateDevEndpoint' And 'iam:PassRole'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "8055dec2-efb8-4fe6-8837-d9bed6ff202a",
        title: "User With Privilege Escalation By Actions 'lambda:CreateFunction' And 'iam:PassRole' And 'lambda:InvokeFunction'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "8bfbf7ab-d5e8-4100-8618-798956e101e0",
        title: "User With Privilege Escalation By Actions 'iam:PutGroupPolicy'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "eeb4d37a-3c59-4789-a00c-1509bc3af1e5",
        title: "User With Privilege Escalation By Actions 'iam:PutRolePolicy'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "0c10d7da-85c4-4d62-b2a8-d6c104f1bd77",
        title: "User With Privilege Escalation By Actions 'iam:PutUserPolicy'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "43a41523-386a-4cb1-becb-42af6b414433",
        title: "User With Privilege Escalation By Actions 'iam:SetDefaultPolicyVersion'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "33627268-1445-4385-988a-318fd9d1a512",
        title: "User With Privilege Escalation By Actions 'iam:UpdateAssumeRolePolicy' And 'sts:AssumeRole'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "6deb34e2-5d9c-499a-801b-ea6d9eda894f",
        title: "User With Privilege Escalation By Actions 'iam:UpdateLoginProfile'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "b69247e5-7e73-464e-ba74-ec9b715c6e12",
        title: "User With Privilege Escalation By Actions 'lambda:UpdateFunctionCode'",
        notApplicable:
            "IAM users are not declared (only roles); the role variant maps to iam-no-unconditioned-wildcard-writes",
    },
    {
        tool: "kics",
        id: "9a4ef195-74b9-4c58-b8ed-2b2fe4353a75",
        title: "VPC Default Security Group Accepts All Traffic",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "kics",
        id: "f83121ea-03da-434f-9277-9cd247ab3047",
        title: "VPC FlowLogs Disabled",
        policy: "vpc-flow-logs-default-sg-closed",
    },
    {
        tool: "kics",
        id: "b3a41501-f712-4c4f-81e5-db9a7dc0e34e",
        title: "VPC Peering Route Table with Unrestricted CIDR",
        notApplicable: "no VPC peering declared",
    },
    {
        tool: "kics",
        id: "52f04a44-6bfa-4c41-b1d3-4ae99a2de05c",
        title: "VPC Subnet Assigns Public IP",
        policy: "no-public-ip-outside-edge",
    },
    {
        tool: "kics",
        id: "fd632aaf-b8a1-424d-a4d1-0de22fd3247a",
        title: "VPC Without Network Firewall",
        notApplicable:
            "AWS Network Firewall is not part of the design; filtering is by security groups (flows-match-needed, egress-restricted)",
    },
];
