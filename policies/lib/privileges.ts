/**
 * The privilege model, for secrets: which IAM role may read which secret or SecureString parameter.
 * A role reads one when some statement allows the read action on it and some statement allows
 * kms:Decrypt on its key under an encryption-context condition the secret satisfies (Secrets Manager
 * decrypts with SecretARN, SSM with PARAMETER_ARN). Secrets are named by their `name` input, so the
 * model works on plans (inputs only) and on stack exports alike. Pure.
 */
import { PolicyResource } from "@pulumi/policy";
import { AWS_MANAGED_POLICIES, managedPolicyName } from "../data/aws-managed-policies";
import { asArray, known, parseJson } from "./values";

type Statement = Record<string, unknown>;

export interface Secret {
    readonly resource: PolicyResource;
    readonly kind: "secretsmanager" | "ssm";
    /** The `name` input: "prefix/redis/auth-token", "/prefix/wireguard/hub-private-key". */
    readonly name: string;
    readonly keyArn?: string;
}

export interface Principal {
    readonly resource: PolicyResource;
    readonly name: string;
    readonly statements: readonly Statement[];
    /** Attached policies the model holds no data for: their grants are unknown to it. */
    readonly unmodelled: readonly string[];
}

const READ_ACTIONS = {
    secretsmanager: ["secretsmanager:GetSecretValue"],
    ssm: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
} as const;
const CONTEXT_KEY = { secretsmanager: "SecretARN", ssm: "PARAMETER_ARN" } as const;

const compiled = new Map<string, RegExp>();

/** IAM's wildcard match ("*" any run, "?" one character); patterns are compiled once per process. */
function glob(pattern: string, text: string, caseInsensitive = false): boolean {
    const key = `${caseInsensitive ? "i" : "s"}${pattern}`;
    let regex = compiled.get(key);
    if (!regex) {
        const source = `^${pattern
            .split("*")
            .map((part) =>
                part
                    .split("?")
                    .map((p) => p.replace(/[.+^${}()|[\]\\/]/g, "\\$&"))
                    .join("."),
            )
            .join(".*")}$`;
        regex = new RegExp(source, caseInsensitive ? "i" : "");
        compiled.set(key, regex);
    }
    return regex.test(text);
}

const namesOfArns = new Map<string, { kind: Secret["kind"]; name: string } | undefined>();

/** The secret an ARN names, as its `name` input would read; wildcards stay in. Memoised: policies repeat ARNs. */
export function secretNameOfArn(arn: string): { kind: Secret["kind"]; name: string } | undefined {
    if (!namesOfArns.has(arn)) namesOfArns.set(arn, parseSecretArn(arn));
    return namesOfArns.get(arn);
}

function parseSecretArn(arn: string): { kind: Secret["kind"]; name: string } | undefined {
    const sm = /^arn:[^:]*:secretsmanager:[^:]*:[^:]*:secret:(.+?)(-[A-Za-z0-9]{6})?$/.exec(arn);
    if (sm) return { kind: "secretsmanager", name: sm[1]! };
    const ssm = /^arn:[^:]*:ssm:[^:]*:[^:]*:parameter(\/.+)$/.exec(arn);
    return ssm ? { kind: "ssm", name: ssm[1]! } : undefined;
}

const coverage = new Map<string, boolean>();

/** Whether a statement's Resource entry covers the secret. Memoised by resource and secret. */
function coversSecret(resource: string, secret: Secret): boolean {
    const key = `${resource}\u0000${secret.kind}\u0000${secret.name}`;
    let covered = coverage.get(key);
    if (covered === undefined) {
        covered = computeCoverage(resource, secret);
        coverage.set(key, covered);
    }
    return covered;
}

function computeCoverage(resource: string, secret: Secret): boolean {
    if (resource === "*") return true;
    // A service-wide wildcard ("arn:aws:ssm:*:*:*", "…:secretsmanager:us-east-1:1:*") covers every secret of the service.
    const service = /^arn:[^:]*:(secretsmanager|ssm):[^:]*:[^:]*:(.*)$/.exec(resource);
    if (
        service &&
        (service[1] === "ssm" ? "ssm" : "secretsmanager") === secret.kind &&
        /^[*?]*$|^parameter\*$|^secret:\*$/.test(service[2]!)
    )
        return true;
    const named = secretNameOfArn(resource);
    if (!named || named.kind !== secret.kind) return false;
    const name =
        secret.kind === "ssm" && !secret.name.startsWith("/") ? `/${secret.name}` : secret.name;
    // A Secrets Manager ARN pattern ending in "-??????" or "*" stands for the random suffix.
    return glob(named.name, name) || glob(named.name.replace(/-\?{6}$/, ""), name);
}

/**
 * Whether an Allow statement grants the action. NotAction and NotResource grant everything not named:
 * the model over-approximates them (a reader too many is reported, a reader missed is not).
 */
function allows(statement: Statement, action: string): boolean {
    if (statement.Effect !== "Allow") return false;
    if (statement.NotAction !== undefined)
        return !asArray(statement.NotAction as string | string[]).some((a) =>
            glob(a, action, true),
        );
    return asArray(statement.Action as string | string[] | undefined).some((a) =>
        glob(a, action, true),
    );
}

/** A statement's resources; NotResource counts as every resource (see `allows`). */
function resourcesOf(statement: Statement): string[] {
    return statement.NotResource !== undefined
        ? ["*"]
        : asArray(statement.Resource as string | string[] | undefined);
}

/** Whether the statement's encryption-context conditions hold for the secret; other conditions are assumed to hold. */
function contextHolds(statement: Statement, secret: Secret): boolean {
    const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
    return Object.entries(condition).every(([operator, block]) =>
        Object.entries(block ?? {}).every(([key, value]) => {
            const prefix = "kms:encryptioncontext:";
            if (!key.toLowerCase().startsWith(prefix)) return true;
            if (key.slice(prefix.length) !== CONTEXT_KEY[secret.kind]) return false;
            return asArray(value as string | string[]).some((arn) => {
                const named = secretNameOfArn(arn);
                return (
                    named !== undefined &&
                    coversSecret(arn, secret) &&
                    (operator.startsWith("StringLike") || !/[*?]/.test(named.name))
                );
            });
        }),
    );
}

/** A principal's statements that can matter for reading secrets, sorted once. */
interface ReadGrants {
    readonly fetch: Readonly<Record<Secret["kind"], readonly string[]>>;
    readonly decrypt: readonly Statement[];
}

const readGrants = new WeakMap<Principal, ReadGrants>();

function grantsOf(principal: Principal): ReadGrants {
    let grants = readGrants.get(principal);
    if (!grants) {
        const readResources = (kind: Secret["kind"]) =>
            principal.statements
                .filter((s) => READ_ACTIONS[kind].some((a) => allows(s, a)))
                .flatMap(resourcesOf);
        grants = {
            fetch: { secretsmanager: readResources("secretsmanager"), ssm: readResources("ssm") },
            decrypt: principal.statements.filter((s) => allows(s, "kms:Decrypt")),
        };
        readGrants.set(principal, grants);
    }
    return grants;
}

export function canRead(principal: Principal, secret: Secret): boolean {
    const grants = grantsOf(principal);
    const fetch = grants.fetch[secret.kind].some((r) => coversSecret(r, secret));
    return (
        fetch &&
        grants.decrypt.some(
            (s) =>
                resourcesOf(s).some((r) => secret.keyArn === undefined || glob(r, secret.keyArn)) &&
                contextHolds(s, secret),
        )
    );
}

/**
 * The master secrets RDS creates (manageMasterUserPassword): not declared, so known only by the ARNs that
 * role policies take from the instance's outputs; the engine links those policies to the instance.
 */
function rdsManagedSecrets(resources: readonly PolicyResource[]): Secret[] {
    const found = new Map<string, Secret>();
    for (const policy of resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy")) {
        const instances = (policy.propertyDependencies?.policy ?? []).filter(
            (d) =>
                d.type === "aws:rds/instance:Instance" &&
                known(() => d.props.manageMasterUserPassword) === true,
        );
        if (instances.length === 0) continue;
        for (const statement of statementsOfDocument(known(() => policy.props.policy))) {
            for (const arn of asArray(statement.Resource as string | string[] | undefined)) {
                const named = secretNameOfArn(arn);
                if (!named || named.kind !== "secretsmanager" || !named.name.startsWith("rds!"))
                    continue;
                const instance = instances[0]!;
                found.set(named.name, {
                    resource: instance,
                    kind: "secretsmanager",
                    name: named.name,
                    keyArn: known(() => instance.props.masterUserSecretKmsKeyId) as
                        string | undefined,
                });
            }
        }
    }
    return [...found.values()];
}

export function secretsOf(resources: readonly PolicyResource[]): Secret[] {
    return [...declaredSecrets(resources), ...rdsManagedSecrets(resources)];
}

function declaredSecrets(resources: readonly PolicyResource[]): Secret[] {
    return resources.flatMap((r): Secret[] => {
        const name = known(() => r.props.name) as string | undefined;
        if (typeof name !== "string") return [];
        if (r.type === "aws:secretsmanager/secret:Secret")
            return [
                {
                    resource: r,
                    kind: "secretsmanager",
                    name,
                    keyArn: known(() => r.props.kmsKeyId) as string | undefined,
                },
            ];
        if (
            r.type === "aws:ssm/parameter:Parameter" &&
            known(() => r.props.type) === "SecureString"
        )
            return [
                {
                    resource: r,
                    kind: "ssm",
                    name,
                    keyArn: known(() => r.props.keyId) as string | undefined,
                },
            ];
        return [];
    });
}

/** The role a policy or attachment belongs to: by the engine's property dependencies, else by name. */
function roleOf(
    resource: PolicyResource,
    rolesByName: ReadonlyMap<unknown, PolicyResource>,
): PolicyResource | undefined {
    return (
        resource.propertyDependencies?.role?.find((r) => r.type === "aws:iam/role:Role") ??
        rolesByName.get(known(() => resource.props.role))
    );
}

function statementsOfDocument(document: unknown): Statement[] {
    return asArray<Statement>(
        ((parseJson(document) ?? {}) as { Statement?: Statement | Statement[] }).Statement,
    );
}

/**
 * Every role with the statements of its policies, in one pass over the stack, however they are
 * attached: RolePolicy and RolePolicyAttachment resources, the role's own `inlinePolicies` and
 * `managedPolicyArns`, and PolicyAttachment resources naming it among their roles.
 */
export function principalsOf(resources: readonly PolicyResource[]): Principal[] {
    const roles = resources.filter((r) => r.type === "aws:iam/role:Role");
    const rolesByName = new Map(roles.map((r) => [known(() => r.props.name), r] as const));
    const customerPolicies = new Map(
        resources
            .filter((r) => r.type === "aws:iam/policy:Policy")
            .map((p) => [known(() => p.props.arn), p] as const),
    );
    const grants = new Map<string, { statements: Statement[]; unmodelled: string[] }>(
        roles.map((r) => [r.urn, { statements: [], unmodelled: [] }]),
    );
    const attach = (
        grant: { statements: Statement[]; unmodelled: string[] },
        arn: string,
        customer?: PolicyResource,
    ) => {
        const managed = AWS_MANAGED_POLICIES[managedPolicyName(arn) ?? ""];
        const found = customer ?? customerPolicies.get(arn);
        if (managed) grant.statements.push(...managed.secretReadStatements);
        else if (found)
            grant.statements.push(...statementsOfDocument(known(() => found.props.policy)));
        else grant.unmodelled.push(arn);
    };
    for (const role of roles) {
        const grant = grants.get(role.urn)!;
        for (const inline of asArray(
            known(() => role.props.inlinePolicies) as { policy?: unknown }[] | undefined,
        ))
            grant.statements.push(...statementsOfDocument(inline.policy));
        for (const arn of asArray(
            known(() => role.props.managedPolicyArns) as string[] | undefined,
        ))
            attach(grant, String(arn));
    }
    for (const r of resources) {
        if (r.type === "aws:iam/policyAttachment:PolicyAttachment") {
            const arn = String(known(() => r.props.policyArn) ?? "");
            const customer = r.propertyDependencies?.policyArn?.find(
                (p) => p.type === "aws:iam/policy:Policy",
            );
            for (const name of asArray(known(() => r.props.roles) as string[] | undefined)) {
                const role = rolesByName.get(name);
                if (role) attach(grants.get(role.urn)!, arn, customer);
            }
            continue;
        }
        if (
            r.type !== "aws:iam/rolePolicy:RolePolicy" &&
            r.type !== "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
        )
            continue;
        const role = roleOf(r, rolesByName);
        const grant = role && grants.get(role.urn);
        if (!grant) continue;
        if (r.type === "aws:iam/rolePolicy:RolePolicy") {
            grant.statements.push(...statementsOfDocument(known(() => r.props.policy)));
            continue;
        }
        attach(
            grant,
            String(known(() => r.props.policyArn) ?? ""),
            r.propertyDependencies?.policyArn?.find((p) => p.type === "aws:iam/policy:Policy"),
        );
    }
    return roles.map((role) => ({
        resource: role,
        name: String(known(() => role.props.name) ?? role.name),
        ...grants.get(role.urn)!,
    }));
}

/** Who can read each secret. Roles without any read or decrypt grant are set aside first: most roles have none. */
export function secretReaders(
    resources: readonly PolicyResource[],
): { secret: Secret; readers: Principal[] }[] {
    const readsSomething = (p: Principal) =>
        p.statements.some((s) =>
            [...READ_ACTIONS.secretsmanager, ...READ_ACTIONS.ssm].some((a) => allows(s, a)),
        ) && p.statements.some((s) => allows(s, "kms:Decrypt"));
    const candidates = principalsOf(resources).filter(readsSomething);
    return secretsOf(resources).map((secret) => ({
        secret,
        readers: candidates.filter((p) => canRead(p, secret)),
    }));
}

/** One principal's grants, summarised for review: who may act as it, and what it may do where. */
export interface PrincipalSummary {
    readonly principal: string;
    /** Who may assume it: an AWS service, a Kubernetes service account (IRSA), or the account. */
    readonly assumedBy: string;
    readonly grants: readonly string[];
}

function trustOf(role: PolicyResource): string {
    const statements = asArray<Statement>(
        (
            (parseJson(known(() => role.props.assumeRolePolicy)) ?? {}) as {
                Statement?: Statement | Statement[];
            }
        ).Statement,
    );
    return statements
        .map((s) => {
            const principal = (s.Principal ?? {}) as Record<string, unknown>;
            const subject = Object.values(
                (s.Condition as Record<string, Record<string, string>> | undefined)?.StringEquals ??
                    {},
            ).find((v) => typeof v === "string" && v.startsWith("system:serviceaccount:"));
            if (subject) return `service account ${subject.replace("system:serviceaccount:", "")}`;
            return asArray(principal.Service as string | string[] | undefined)
                .concat(asArray(principal.AWS as string | string[] | undefined))
                .join(", ");
        })
        .join("; ");
}

function grantOf(s: Statement): string {
    const actions = asArray(s.Action as string | string[] | undefined).join(", ");
    const resources = asArray(s.Resource as string | string[] | undefined)
        .map((r) => (r === "*" ? "*" : r.replace(/^arn:[^:]*:([^:]*):[^:]*:[^:]*:/, "$1:")))
        .join(", ");
    return `${actions} on ${resources}${s.Condition ? " (conditioned)" : ""}`;
}

/** An attached policy as the summary names it: an AWS-managed policy by name, another by its last part. */
function attachedPolicyLabel(arn: string): string {
    return `policy ${managedPolicyName(arn) ?? arn.split("/").pop()}`;
}

/**
 * Every IAM role with its grants, however given (the role's own inline and managed policies,
 * RolePolicy, RolePolicyAttachment, PolicyAttachment), and every Kubernetes RBAC binding.
 */
export function principalSummaries(resources: readonly PolicyResource[]): PrincipalSummary[] {
    const roles = resources.filter((r) => r.type === "aws:iam/role:Role");
    const rolesByName = new Map(roles.map((r) => [known(() => r.props.name), r] as const));
    const grants = new Map<string, string[]>(roles.map((r) => [r.urn, []]));
    for (const role of roles) {
        const grant = grants.get(role.urn)!;
        for (const inline of asArray(
            known(() => role.props.inlinePolicies) as { policy?: unknown }[] | undefined,
        ))
            grant.push(...statementsOfDocument(inline.policy).map(grantOf));
        for (const arn of asArray(
            known(() => role.props.managedPolicyArns) as string[] | undefined,
        ))
            grant.push(attachedPolicyLabel(String(arn)));
    }
    for (const r of resources) {
        if (r.type === "aws:iam/policyAttachment:PolicyAttachment") {
            const arn = String(known(() => r.props.policyArn) ?? "");
            for (const name of asArray(known(() => r.props.roles) as string[] | undefined)) {
                const role = rolesByName.get(name);
                if (role) grants.get(role.urn)!.push(attachedPolicyLabel(arn));
            }
            continue;
        }
        if (
            r.type !== "aws:iam/rolePolicy:RolePolicy" &&
            r.type !== "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
        )
            continue;
        const role = roleOf(r, rolesByName);
        if (!role) continue;
        if (r.type === "aws:iam/rolePolicy:RolePolicy")
            grants
                .get(role.urn)!
                .push(...statementsOfDocument(known(() => r.props.policy)).map(grantOf));
        else
            grants.get(role.urn)!.push(attachedPolicyLabel(String(known(() => r.props.policyArn))));
    }
    const iam = roles.map((role) => ({
        principal: `IAM role ${String(known(() => role.props.name) ?? role.name)}`,
        assumedBy: trustOf(role),
        grants: grants.get(role.urn)!,
    }));
    const rbacRoles = resources.filter(
        (r) => /:(Cluster)?Role$/.test(r.type) && r.type.includes("rbac"),
    );
    const bindings = resources.filter(
        (r) => /:(Cluster)?RoleBinding$/.test(r.type) && r.type.includes("rbac"),
    );
    const rbac = bindings.flatMap((binding) => {
        const ref = known(() => binding.props.roleRef) as { name?: string } | undefined;
        const role = rbacRoles.find(
            (r) =>
                known(() => (r.props.metadata as { name?: string } | undefined)?.name) ===
                ref?.name,
        );
        const rules = asArray(known(() => role?.props.rules) as Statement[] | undefined).map(
            (rule) =>
                `${asArray(rule.verbs as string[]).join(", ")} ${asArray(rule.resources as string[]).join(", ")}`,
        );
        return asArray(
            known(() => binding.props.subjects) as
                { kind: string; name: string; namespace?: string }[] | undefined,
        ).map((subject) => ({
            principal: `Kubernetes ${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ""}${subject.name}`,
            assumedBy: `${binding.type.endsWith("ClusterRoleBinding") ? "cluster-wide" : `in ${String(known(() => (binding.props.metadata as { namespace?: string }).namespace))}`} (${ref?.name})`,
            grants: rules,
        }));
    });
    return [...iam, ...rbac].sort((a, b) => a.principal.localeCompare(b.principal));
}
