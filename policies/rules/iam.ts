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
    return principal && typeof principal === "object" ? Object.values(principal).flatMap((v) => asArray(v as string | string[])) : [];
}

export const iamNoWildcards: ResourceValidationPolicy = resourcePolicy({
    name: "iam-no-wildcards",
    description: 'IAM policies grant no "*" or "service:*" actions on "*" resources, and no role trusts a wildcard principal.',
    severity: "high",
    validateResource: (args, report) => {
        const property = POLICY_DOCUMENT_TYPES[args.type];
        if (!property) return;
        for (const statement of statementsOf(args.props[property])) {
            if (statement.Effect !== "Allow") continue;
            const actions = asArray(statement.Action as string | string[] | undefined);
            const resources = asArray(statement.Resource as string | string[] | undefined);
            if (actions.some((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a)) && resources.includes("*")) {
                report(`statement ${String(statement.Sid ?? "(no Sid)")} allows ${actions.join(", ")} on every resource`);
            }
            if (property === "assumeRolePolicy" && principals(statement).some((p) => p === "*")) {
                report("the role can be assumed by any principal");
            }
        }
    },
});
