/** IAM statements shared by every component that reads its own secrets. Pure. */
import { partitionOf } from "../../topology/naming";

/**
 * Read exactly these Secrets Manager secrets, and decrypt with the secrets key only what Secrets
 * Manager decrypts for them: the key is shared, so without the encryption-context condition the role
 * could decrypt any secret or SecureString parameter under it that another grant lets it fetch.
 */
export function readSecretsStatements(
    secretArns: readonly string[],
    secretsKeyArn: string,
): Record<string, unknown>[] {
    return [
        {
            Sid: "ReadOwnSecrets",
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: [...secretArns],
        },
        {
            Sid: "DecryptOwnSecrets",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: secretsKeyArn,
            Condition: { StringEquals: { "kms:EncryptionContext:SecretARN": [...secretArns] } },
        },
    ];
}

export function policyDocument(statements: readonly Record<string, unknown>[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** Trust of a role that an AWS service (EC2, EKS) assumes for the instances or cluster it runs. */
export function serviceTrust(service: string): string {
    return policyDocument([
        { Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" },
    ]);
}

/**
 * Trust of a role that an AWS service assumes on this account's behalf, limited to this account's
 * requests (aws:SourceAccount), so another account cannot have the service act through it (confused deputy).
 */
export function serviceTrustWithinAccount(service: string, accountId: string): string {
    return policyDocument([
        {
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
    ]);
}

/** ARN of an AWS-managed IAM policy in the region's partition (aws, aws-cn, aws-us-gov). */
export function awsManagedPolicyArn(region: string, name: string): string {
    return `arn:${partitionOf(region)}:iam::aws:policy/${name}`;
}
