/** Hardening every pod of the platform shares, and the one AWS CLI image its init containers use. Pure. */

/** Fetches secrets through a pod's IAM role (pinned tag; the policy pack refuses latest). */
export const AWS_CLI_IMAGE = "public.ecr.aws/aws-cli/aws-cli:2.27.50";

/** Non-root, read-only root filesystem, no escalation, no capabilities, RuntimeDefault seccomp. */
export function containerSecurity(user: number) {
    return {
        runAsNonRoot: true,
        runAsUser: user,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
    };
}

export function podSecurity(user: number) {
    return {
        runAsNonRoot: true,
        runAsUser: user,
        runAsGroup: user,
        fsGroup: user,
        seccompProfile: { type: "RuntimeDefault" },
    };
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

/** Where a pod's init container writes the secrets it fetches, and the memory volume behind it. */
export const SECRETS_DIR = "/secrets";
export const SECRETS_VOLUME = { name: "secrets", emptyDir: { medium: "Memory", sizeLimit: "1Mi" } };

export interface SecretsInitContainerArgs {
    /** Region of the secrets (the AWS CLI needs it; pods have no default). */
    readonly region: string;
    /** Each secret's ARN and the file under `dir` it is written to. */
    readonly files: readonly { readonly arn: unknown; readonly file: string }[];
    /** Shell lines run after the files are in place, e.g. to reshape them. Default: none. */
    readonly then?: readonly string[];
    /** More environment for `then`. Default: none. */
    readonly env?: readonly Record<string, unknown>[];
    /** User the container runs as (the pod's). */
    readonly user: number;
    /** Where the files go: the memory volume `secrets` is mounted there. Default: SECRETS_DIR. */
    readonly dir?: string;
    /** CPU and memory. Default: 50m/64Mi requested, 250m/128Mi limits. */
    readonly resources?: Record<string, unknown>;
}

/**
 * An init container that writes Secrets Manager secrets into the pod's `secrets` memory volume through
 * the pod's IAM role, waiting for secrets an operator has not written yet. The pod needs a `tmp` volume
 * (the AWS CLI writes its cache there) and SECRETS_VOLUME.
 */
export function secretsInitContainer(args: SecretsInitContainerArgs): Record<string, unknown> {
    const dir = args.dir ?? SECRETS_DIR;
    const script = [
        "set -eu",
        "umask 077",
        ...args.files.flatMap((f, i) =>
            fetchSecretWhenWritten(`SECRET_${i}_ARN`, `${dir}/${f.file}`),
        ),
        ...(args.then ?? []),
    ];
    return {
        name: "fetch-secrets",
        image: AWS_CLI_IMAGE,
        command: ["/bin/sh", "-c", script.join("\n")],
        env: [
            ...args.files.map((f, i) => ({ name: `SECRET_${i}_ARN`, value: f.arn })),
            ...(args.env ?? []),
            { name: "AWS_REGION", value: args.region },
            { name: "HOME", value: "/tmp" },
        ],
        resources: args.resources ?? {
            requests: { cpu: "50m", memory: "64Mi" },
            limits: { cpu: "250m", memory: "128Mi" },
        },
        securityContext: containerSecurity(args.user),
        volumeMounts: [
            { name: "secrets", mountPath: dir },
            { name: "tmp", mountPath: "/tmp" },
        ],
    };
}

/**
 * A shell line writing the string field `name` of the JSON secret in `json` to `file`, without a
 * newline. The values this stack reads hold no double quote (generated letters and digits, SCRAM
 * verifiers, RDS's passwords).
 */
export function jsonFieldToFile(json: string, name: string, file: string): string {
    return `sed -n 's/.*"${name}" *: *"\\([^"]*\\)".*/\\1/p' ${json} | tr -d '\\n' > ${file}`;
}

/**
 * Shell lines splitting a `{"username": …, "password": …}` secret (as RDS and this stack write them)
 * into `<prefix>username` and `<prefix>password` files beside it, then removing it.
 */
export function splitCredentials(json: string, prefix: string): string[] {
    return [
        jsonFieldToFile(json, "username", `${prefix}username`),
        jsonFieldToFile(json, "password", `${prefix}password`),
        `rm -f ${json}`,
    ];
}
