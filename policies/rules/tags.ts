/** Required tags on every taggable AWS resource. */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { resourcePolicy } from "../lib/exemptions";

const DEFAULTS = {
    required: ["Project", "Stack", "Environment", "Owner", "ManagedBy"],
    /** AWS types that take no tags. */
    untaggable: [
        "aws:kms/alias:Alias",
        "aws:ec2/routeTableAssociation:RouteTableAssociation",
        "aws:ec2/route:Route",
        "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        "aws:ec2/eipAssociation:EipAssociation",
        "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "aws:iam/policyAttachment:PolicyAttachment",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketVersioning:BucketVersioning",
        "aws:s3/bucketVersioningV2:BucketVersioningV2",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
        "aws:s3/bucketLogging:BucketLogging",
        "aws:s3/bucketLoggingV2:BucketLoggingV2",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:secretsmanager/secretVersion:SecretVersion",
        "aws:ecr/lifecyclePolicy:LifecyclePolicy",
        "aws:route53/record:Record",
        "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
    ],
};

export const requiredTags: ResourceValidationPolicy = resourcePolicy({
    name: "required-tags",
    description: "Every taggable AWS resource carries the required tags.",
    severity: "low",
    configSchema: {
        properties: {
            required: { type: "array", items: { type: "string" }, default: DEFAULTS.required },
            untaggable: { type: "array", items: { type: "string" }, default: DEFAULTS.untaggable },
        },
    },
    validateResource: (args, report) => {
        if (!args.type.startsWith("aws:") || args.type.startsWith("pulumi:")) return;
        const config = configOf(args, DEFAULTS);
        if (config.untaggable.includes(args.type)) return;
        const tags = (args.props.tags ?? {}) as Record<string, unknown>;
        const missing = config.required.filter(
            (key) => typeof tags[key] !== "string" || tags[key] === "",
        );
        if (missing.length > 0) {
            report(`missing tags: ${missing.join(", ")}`);
        }
    },
});
