/** No private keys or passwords in plain text: ConfigMaps, user data, plain SSM Strings, literal container env. */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { resourcePolicy } from "../lib/exemptions";
import { containersOf, podSpecOf, Spec, WORKLOAD_TYPES } from "../lib/kubernetes";
import { asArray, userDataOf } from "../lib/values";

const SECRET_PATTERNS: [RegExp, string][] = [
    [/-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/, "a PEM private key"],
    [/^\s*PrivateKey\s*=\s*[A-Za-z0-9+/]{42,43}=/m, "a WireGuard private key"],
    [/aws_secret_access_key\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}/i, "an AWS secret access key"],
    // Not inside an ARN or path ("…:secret:name", "/token/…"), where the word names a resource type.
    [
        /(?<![:/\w-])(password|passwd|secret|token|api[_-]?key)\s*[:=]\s*["']?(?![$<{])[^\s"',;]{6,}/i,
        "a password or token",
    ],
    [
        /\b(postgres(ql)?|redis|rediss|mysql):\/\/[^:/\s@]+:(?![$<{])[^@\s]+@/i,
        "a connection string with a password",
    ],
];

const SECRET_NAME = /(password|passwd|secret|token|private[-_]?key|api[-_]?key|auth)/i;
/** Names of references to a secret (its ARN, id, file), not of the secret itself. */
const REFERENCE_NAME = /(_|-)(arn|id|name|file|path|ref)$/i;

export function findSecret(text: string): string | undefined {
    return SECRET_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

export const noPlaintextSecrets: ResourceValidationPolicy = resourcePolicy({
    name: "no-plaintext-secrets",
    description:
        "No private keys, passwords or tokens in ConfigMaps, EC2 user data, plain SSM Strings or literal container env.",
    severity: "critical",
    validateResource: (args, report) => {
        const p = args.props;
        switch (args.type) {
            case "kubernetes:core/v1:ConfigMap":
                for (const [key, value] of Object.entries(
                    (p.data ?? {}) as Record<string, unknown>,
                )) {
                    const found = typeof value === "string" ? findSecret(value) : undefined;
                    if (found)
                        report(
                            `entry ${key} holds ${found}; use a Secret or an external secret store`,
                        );
                }
                return;
            case "aws:ec2/instance:Instance":
            case "aws:ec2/launchTemplate:LaunchTemplate": {
                const userData = userDataOf(args.type, p);
                const found = userData === undefined ? undefined : findSecret(userData);
                if (found)
                    report(
                        `user data holds ${found}; fetch it at boot from SSM or Secrets Manager`,
                    );
                return;
            }
            case "aws:ssm/parameter:Parameter":
                if (p.type !== "SecureString") {
                    // insecureValue is stored in plain text in the state: a secret there is the worst place of all.
                    const text = typeof p.insecureValue === "string" ? p.insecureValue : p.value;
                    const found = typeof text === "string" ? findSecret(text) : undefined;
                    if (found || SECRET_NAME.test(String(p.name ?? args.name))) {
                        report(
                            `a ${String(p.type)} parameter ${found ? `holds ${found}` : "is named like a secret"}; make it a SecureString`,
                        );
                    }
                }
                return;
        }
        if (!WORKLOAD_TYPES.includes(args.type)) return;
        const pod = podSpecOf(args.type, p);
        for (const container of pod ? containersOf(pod) : []) {
            for (const env of asArray(container.env as Spec[] | undefined)) {
                const literal = env.value;
                const named =
                    SECRET_NAME.test(String(env.name)) && !REFERENCE_NAME.test(String(env.name));
                if (
                    typeof literal === "string" &&
                    literal !== "" &&
                    (named || findSecret(literal))
                ) {
                    report(
                        `container ${String(container.name)}: env ${String(env.name)} is a literal secret; use valueFrom.secretKeyRef`,
                    );
                }
            }
        }
    },
});
