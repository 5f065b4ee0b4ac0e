/** IAM statements shared by every component that reads its own secrets. Pure. */

/** Read exactly these Secrets Manager secrets, and decrypt them with the secrets key. */
export function readSecretsStatements(secretArns: readonly string[], secretsKeyArn: string): Record<string, unknown>[] {
    return [
        { Sid: "ReadOwnSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [...secretArns] },
        { Sid: "DecryptOwnSecrets", Effect: "Allow", Action: "kms:Decrypt", Resource: secretsKeyArn },
    ];
}

export function policyDocument(statements: readonly Record<string, unknown>[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
