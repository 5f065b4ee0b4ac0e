/** IAM: no wildcard actions on wildcard resources, no role assumable by anyone. */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { resourcePolicy } from "../lib/exemptions";
import { asArray, parseJson } from "../lib/values";

const POLICY_DOCUMENT_TYPES: Record<string, string> = {
    "aws:iam/rolePolicy:RolePolicy": "policy",
    "aws:iam/policy:Policy": "policy",
    "aws:iam/userPolicy:UserPolicy": "policy",
    "aws:iam/groupPolicy:GroupPolicy": "policy",
    "aws:iam/role:Role": "assumeRolePolicy",
};

type Statement = Record<string, unknown>;

function statementsOf(document: unknown): Statement[] {
    const doc = parseJson(document) as { Statement?: unknown } | undefined;
    return asArray<Statement>(doc?.Statement as Statement | Statement[] | undefined);
}

function principals(statement: Statement): string[] {
    const principal = statement.Principal;
    if (typeof principal === "string") return [principal];
    return principal && typeof principal === "object"
        ? Object.values(principal).flatMap((v) => asArray(v as string | string[]))
        : [];
}

export const iamNoWildcards: ResourceValidationPolicy = resourcePolicy({
    name: "iam-no-wildcards",
    description:
        'IAM policies grant no "*" or "service:*" actions on "*" resources, and no role trusts a wildcard principal.',
    severity: "high",
    validateResource: (args, report) => {
        const property = POLICY_DOCUMENT_TYPES[args.type];
        if (!property) return;
        for (const statement of statementsOf(args.props[property])) {
            if (statement.Effect !== "Allow") continue;
            const actions = asArray(statement.Action as string | string[] | undefined);
            const resources = asArray(statement.Resource as string | string[] | undefined);
            if (
                actions.some((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a)) &&
                resources.includes("*")
            ) {
                report(
                    `statement ${String(statement.Sid ?? "(no Sid)")} allows ${actions.join(", ")} on every resource`,
                );
            }
            if (property === "assumeRolePolicy" && principals(statement).some((p) => p === "*")) {
                report("the role can be assumed by any principal");
            }
        }
    },
});

const TRUST_DEFAULTS = {
    /** Service principals that act for any account and so need the caller's account pinned (EC2 and EKS roles do not support it). */
    services: [
        "vpc-flow-logs.amazonaws.com",
        "s3.amazonaws.com",
        "logs.amazonaws.com",
        "delivery.logs.amazonaws.com",
        "replication.s3.amazonaws.com",
        "backup.amazonaws.com",
        "events.amazonaws.com",
    ],
};

const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid"];

/** Whether a statement's condition pins the request's source account, ARN or organisation. */
function pinsSource(statement: Statement): boolean {
    const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
    return Object.values(condition).some((block) =>
        Object.keys(block ?? {}).some((key) => SOURCE_KEYS.includes(key.toLowerCase())),
    );
}

export const trustPinsSource: ResourceValidationPolicy = resourcePolicy({
    name: "iam-trust-pins-source",
    description:
        "A role trusted by an AWS service that acts for many accounts (flow logs, S3 replication, …) pins aws:SourceAccount or aws:SourceArn, so no other account can make the service use it (confused deputy).",
    severity: "high",
    configSchema: {
        properties: {
            services: {
                type: "array",
                items: { type: "string" },
                default: TRUST_DEFAULTS.services,
            },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== "aws:iam/role:Role") return;
        const services = new Set(
            { ...TRUST_DEFAULTS, ...(args.getConfig<Partial<typeof TRUST_DEFAULTS>>() ?? {}) }
                .services,
        );
        for (const statement of statementsOf(args.props.assumeRolePolicy)) {
            const trusted = principals(statement).filter((p) => services.has(p));
            if (statement.Effect === "Allow" && trusted.length > 0 && !pinsSource(statement)) {
                report(
                    `the role trusts ${trusted.join(", ")} without an aws:SourceAccount or aws:SourceArn condition`,
                );
            }
        }
    },
});

/** Action verbs that only read; anything else changes something. */
const READ_VERBS = /^[a-z0-9-]+:(Describe|List|Get|Head|Lookup|Search|Check|View|BatchGet|Select)/i;

export const noUnconditionedWildcardWrites: ResourceValidationPolicy = resourcePolicy({
    name: "iam-no-unconditioned-wildcard-writes",
    description:
        'An IAM statement that changes something (any action but Describe/List/Get/…) names its resources, or carries a condition (a tag, a service name), instead of "*".',
    severity: "high",
    validateResource: (args, report) => {
        const property = POLICY_DOCUMENT_TYPES[args.type];
        if (!property || property === "assumeRolePolicy") return;
        for (const statement of statementsOf(args.props[property])) {
            if (statement.Effect !== "Allow" || statement.Condition !== undefined) continue;
            const resources = asArray(statement.Resource as string | string[] | undefined);
            const writes = asArray(statement.Action as string | string[] | undefined).filter(
                (a) => !READ_VERBS.test(a),
            );
            if (resources.includes("*") && writes.length > 0) {
                report(
                    `statement ${String(statement.Sid ?? "(no Sid)")} allows ${writes.join(", ")} on every resource without a condition`,
                );
            }
        }
    },
});
