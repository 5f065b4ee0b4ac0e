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
