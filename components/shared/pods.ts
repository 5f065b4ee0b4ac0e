/** Hardening every pod of the platform shares, and the one AWS CLI image its init containers use. Pure. */

/** Fetches secrets through a pod's IAM role (pinned tag; the policy pack refuses latest). */
export const AWS_CLI_IMAGE = "public.ecr.aws/aws-cli/aws-cli:2.27.50";

/** Non-root, read-only root filesystem, no escalation, no capabilities, RuntimeDefault seccomp. */
export function containerSecurity(user: number) {
    return { runAsNonRoot: true, runAsUser: user, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } };
}

export function podSecurity(user: number) {
    return { runAsNonRoot: true, runAsUser: user, runAsGroup: user, fsGroup: user, seccompProfile: { type: "RuntimeDefault" } };
}

/**
 * Shell lines that fetch a Secrets Manager secret into `file`, waiting while it has no value yet: an
 * operator writes some secrets after the first up, and an init container that exits instead would put
 * the pod in CrashLoopBackOff (and page) rather than wait. `arnVariable` names the environment variable
 * holding the ARN.
 */
export function fetchSecretWhenWritten(arnVariable: string, file: string): string[] {
    return [
        `until aws secretsmanager get-secret-value --secret-id "$${arnVariable}" --query SecretString --output text > ${file} 2>/tmp/fetch-error && [ -s ${file} ]; do`,
        `  echo "waiting for a value in secret $${arnVariable}: $(tail -n 1 /tmp/fetch-error)"; sleep 30`,
        "done",
    ];
}
