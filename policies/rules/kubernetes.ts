/** Kubernetes: nothing faces the internet, namespaces deny by default, workloads are hardened. */
import {
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../lib/exemptions";
import {
    Container,
    containersOf,
    namespaceOf,
    podSpecOf,
    RUN_TO_COMPLETION_TYPES,
    Spec,
    WORKLOAD_TYPES,
} from "../lib/kubernetes";
import { asArray, known } from "../lib/values";

const INTERNAL_ANNOTATIONS: Record<string, string[]> = {
    "service.beta.kubernetes.io/aws-load-balancer-scheme": ["internal"],
    "service.beta.kubernetes.io/aws-load-balancer-internal": ["true", "0.0.0.0/0"],
};

export const noPublicServices: ResourceValidationPolicy = resourcePolicy({
    name: "k8s-no-internet-facing-services",
    description: "No NodePort Services, and LoadBalancer Services only as internal load balancers.",
    severity: "critical",
    validateResource: (args, report) => {
        if (args.type !== "kubernetes:core/v1:Service") return;
        const type = (args.props.spec as Spec | undefined)?.type;
        if (type === "NodePort") {
            report(
                "NodePort Services open a port on every node; use ClusterIP or an internal load balancer",
            );
        }
        if (type === "LoadBalancer") {
            const annotations = ((args.props.metadata as Spec | undefined)?.annotations ??
                {}) as Record<string, string>;
            const internal = Object.entries(INTERNAL_ANNOTATIONS).some(([key, values]) =>
                values.includes(String(annotations[key])),
            );
            if (!internal) {
                report(
                    'the LoadBalancer Service would face the internet; annotate it "service.beta.kubernetes.io/aws-load-balancer-scheme: internal"',
                );
            }
        }
    },
});

function isDefaultDeny(policy: Record<string, unknown>): boolean {
    const spec = policy.spec as Spec | undefined;
    const selector = spec?.podSelector as Spec | undefined;
    const selectsAll =
        selector !== undefined &&
        Object.keys(selector.matchLabels ?? {}).length === 0 &&
        asArray(selector.matchExpressions as unknown[] | undefined).length === 0;
    return (
        selectsAll &&
        asArray(spec?.policyTypes as string[] | undefined).includes("Ingress") &&
        asArray(spec?.ingress as unknown[] | undefined).length === 0
    );
}

export const namespacesDenyByDefault: StackValidationPolicy = stackPolicy({
    name: "k8s-namespaces-deny-by-default",
    description:
        "Every namespace with workloads has a default-deny ingress NetworkPolicy (allow rules then name each flow).",
    severity: "high",
    validateStack: (args, report) => {
        const denied = new Set<string>();
        for (const r of args.resources) {
            if (
                r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" &&
                known(() => isDefaultDeny(r.props))
            ) {
                denied.add(namespaceOf(r.props));
            }
        }
        for (const r of args.resources) {
            if (!WORKLOAD_TYPES.includes(r.type)) continue;
            const namespace = known(() => namespaceOf(r.props));
            if (namespace !== undefined && !denied.has(namespace)) {
                report(
                    `namespace ${namespace} runs workloads but has no default-deny ingress NetworkPolicy`,
                    r.urn,
                );
            }
        }
    },
});

/** A resource policy over every container of a workload's pod template. */
function containerPolicy(
    name: string,
    description: string,
    check: (
        container: Container,
        pod: Spec,
        args: ResourceValidationArgs,
        report: ReportViolation,
    ) => void,
    options: {
        includeInit?: boolean;
        longRunningOnly?: boolean;
        severity?: "low" | "medium" | "high" | "critical";
    } = {},
): ResourceValidationPolicy {
    return resourcePolicy({
        name,
        description,
        severity: options.severity ?? "high",
        validateResource: (args, report) => {
            if (!WORKLOAD_TYPES.includes(args.type)) return;
            if (options.longRunningOnly && RUN_TO_COMPLETION_TYPES.includes(args.type)) return;
            const pod = podSpecOf(args.type, args.props);
            if (!pod) return;
            for (const container of containersOf(pod, options.includeInit ?? true)) {
                check(container, pod, args, (message, urn) =>
                    report(`container ${container.name ?? "(unnamed)"}: ${message}`, urn),
                );
            }
        },
    });
}

const securityContext = (c: Container) => (c.securityContext ?? {}) as Spec;

export const runAsNonRoot = containerPolicy(
    "k8s-run-as-non-root",
    "Containers run as a non-root user.",
    (c, pod, _args, report) => {
        const podContext = (pod.securityContext ?? {}) as Spec;
        const nonRoot = securityContext(c).runAsNonRoot ?? podContext.runAsNonRoot;
        const user = securityContext(c).runAsUser ?? podContext.runAsUser;
        if (nonRoot !== true || user === 0) report("runAsNonRoot is not true (or runAsUser is 0)");
    },
);

export const readOnlyRootFilesystem = containerPolicy(
    "k8s-read-only-root-filesystem",
    "Containers have a read-only root filesystem.",
    (c, _pod, _args, report) => {
        if (securityContext(c).readOnlyRootFilesystem !== true)
            report("readOnlyRootFilesystem is not true");
    },
);

export const noPrivilegeEscalation = containerPolicy(
    "k8s-no-privilege-escalation",
    "Containers are not privileged and cannot escalate privileges.",
    (c, pod, _args, report) => {
        if (securityContext(c).privileged === true) report("runs privileged");
        if (securityContext(c).allowPrivilegeEscalation !== false)
            report("allowPrivilegeEscalation is not false");
        if (pod.hostNetwork === true || pod.hostPID === true || pod.hostIPC === true)
            report("shares a host namespace (hostNetwork, hostPID or hostIPC)");
    },
    { severity: "critical" },
);

export const dropCapabilitiesSeccomp = containerPolicy(
    "k8s-drop-capabilities-seccomp",
    "Containers drop all capabilities and use the RuntimeDefault (or a localhost) seccomp profile.",
    (c, pod, _args, report) => {
        const drop = asArray(
            ((securityContext(c).capabilities ?? {}) as Spec).drop as string[] | undefined,
        );
        if (!drop.includes("ALL")) report('capabilities do not drop "ALL"');
        const profile = (securityContext(c).seccompProfile ??
            ((pod.securityContext ?? {}) as Spec).seccompProfile ??
            {}) as Spec;
        if (profile.type !== "RuntimeDefault" && profile.type !== "Localhost")
            report("no RuntimeDefault seccomp profile");
    },
);

export const resourcesSet = containerPolicy(
    "k8s-requests-and-limits",
    "Containers set CPU and memory requests and limits.",
    (c, _pod, _args, report) => {
        const resources = (c.resources ?? {}) as Spec;
        for (const kind of ["requests", "limits"] as const) {
            const values = (resources[kind] ?? {}) as Spec;
            const missing = ["cpu", "memory"].filter((k) => values[k] === undefined);
            if (missing.length > 0) report(`${kind} lack ${missing.join(" and ")}`);
        }
    },
    { severity: "medium" },
);

export const probesSet = containerPolicy(
    "k8s-probes",
    "Long-running containers have liveness and readiness probes.",
    (c, _pod, _args, report) => {
        if (c.livenessProbe === undefined) report("no livenessProbe");
        if (c.readinessProbe === undefined) report("no readinessProbe");
    },
    { includeInit: false, longRunningOnly: true, severity: "medium" },
);

export function imageProblem(image: unknown): string | undefined {
    if (typeof image !== "string" || image === "") return "no image";
    if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
    const lastSegment = image.slice(image.lastIndexOf("/") + 1);
    const tag = lastSegment.includes(":")
        ? lastSegment.slice(lastSegment.indexOf(":") + 1)
        : undefined;
    if (tag === undefined) return `image ${image} has no tag or digest`;
    if (tag === "latest") return `image ${image} uses the mutable tag latest`;
    return undefined;
}

export const imagesPinned = containerPolicy(
    "k8s-images-pinned",
    "Images are pinned by digest or an explicit tag, never latest or untagged.",
    (c, _pod, _args, report) => {
        const problem = imageProblem(c.image);
        if (problem) report(problem);
    },
);

export const secretsAsFiles = containerPolicy(
    "k8s-secrets-as-files",
    "Secrets reach containers as files, never as environment variables (env leaks through /proc, crash dumps and child processes).",
    (c, _pod, _args, report) => {
        for (const env of asArray(c.env as Spec[] | undefined)) {
            if (((env.valueFrom ?? {}) as Spec).secretKeyRef !== undefined)
                report(
                    `env ${String(env.name)} comes from a Secret; mount the Secret and point the program at the file (e.g. a *_FILE variable)`,
                );
        }
        for (const from of asArray(c.envFrom as Spec[] | undefined)) {
            if (from.secretRef !== undefined)
                report("envFrom loads a whole Secret into the environment; mount it instead");
        }
    },
);

/** Environment that makes a container a PostgreSQL client (libpq's variables, postgres_exporter's URI). */
const POSTGRES_CLIENT_ENV = /^(PGHOST|PGHOSTADDR|PGSSLMODE|DATA_SOURCE_URI|DATA_SOURCE_NAME)$/;

export const postgresTlsVerified = containerPolicy(
    "k8s-postgres-tls-verified",
    "PostgreSQL clients verify the server: sslmode=verify-full with a root certificate file (require encrypts but accepts any server, so a spoofed endpoint collects the password).",
    (c, _pod, _args, report) => {
        const env = new Map(
            asArray(c.env as Spec[] | undefined).map((e) => [String(e.name), e.value]),
        );
        if (![...env.keys()].some((name) => POSTGRES_CLIENT_ENV.test(name))) return;
        for (const [name, value] of env) {
            if (typeof value !== "string" || !/^DATA_SOURCE_(URI|NAME)$/.test(name)) continue;
            const mode = /[?&]sslmode=([a-z-]+)/.exec(value)?.[1];
            if (mode !== "verify-full")
                report(
                    `${name} connects with sslmode=${mode ?? "(unset: prefer)"}; use sslmode=verify-full`,
                );
            else if (!/[?&]sslrootcert=[^&]+/.test(value))
                report(`${name} has no sslrootcert: the server cannot be verified`);
        }
        if (env.has("PGHOST") || env.has("PGHOSTADDR") || env.has("PGSSLMODE")) {
            const mode = env.get("PGSSLMODE");
            if (mode !== undefined && typeof mode !== "string") return;
            if (mode !== "verify-full")
                report(`PGSSLMODE is ${mode ?? "unset (prefer)"}; use verify-full`);
            else if (typeof env.get("PGSSLROOTCERT") !== "string")
                report("PGSSLROOTCERT is unset: the server cannot be verified");
        }
    },
    { severity: "high" },
);
