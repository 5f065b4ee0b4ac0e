import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceLinkedRoleArn } from "../shared/key-policy";

/** A service-linked role the stack needs, and what must wait for it. */
export interface ServiceLinkedRole {
    readonly arn: string;
    /** The role's resource when this stack owns it; key policies naming the role depend on it. */
    readonly dependsOn: pulumi.Resource[];
}

const OWNER_TAG = "platform:owner-stack";

export interface ServiceLinkedRoleArgs {
    /** The AWS service, e.g. "autoscaling.amazonaws.com". */
    readonly service: string;
    /** The role's fixed name, e.g. "AWSServiceRoleForAutoScaling". */
    readonly roleName: string;
    /** "<project>/<stack>": the tag that marks the role as this stack's. */
    readonly owner: string;
    readonly accountId: string;
    readonly partition: string;
    /** Tags of the role when this stack declares it. */
    readonly tags: Record<string, string>;
}

/** What to do about a service-linked role, from what the account holds. Pure. */
export function serviceLinkedRolePlan(
    existing: { readonly tags?: Readonly<Record<string, string>> } | undefined,
    owner: string,
): "declare" | "adopt" | "reference" {
    if (!existing) return "declare";
    // Ours, but possibly retained by an earlier destroy: declaring it anew would fail (the name is taken).
    return existing.tags?.[OWNER_TAG] === owner ? "adopt" : "reference";
}

/**
 * Ensures the service-linked role of `service` exists before anything names it. A key policy that
 * names a role that does not exist is rejected (MalformedPolicyDocument), and in a fresh account
 * AWS creates these roles only on first use, which comes after the key. Looked up at preview: a
 * role this stack did not create is referenced; a missing one is declared, tagged as this stack's
 * and retained on delete (other stacks may rely on it by then); one this stack created is declared
 * with `import`, which adopts it when a destroy left it behind and changes nothing when it is in state.
 */
export async function serviceLinkedRole(
    name: string,
    args: ServiceLinkedRoleArgs,
): Promise<ServiceLinkedRole> {
    const { service, roleName, owner } = args;
    const pathPrefix = `/aws-service-role/${service}/`;
    const arn = serviceLinkedRoleArn(args.partition, args.accountId, { service, roleName });
    const found = await aws.iam.getRoles({ pathPrefix, nameRegex: `^${roleName}$` });
    const existing = found.arns.length > 0 ? await aws.iam.getRole({ name: roleName }) : undefined;
    const plan = serviceLinkedRolePlan(existing, owner);
    if (plan === "reference") {
        return { arn, dependsOn: [] };
    }
    const role = new aws.iam.ServiceLinkedRole(
        name,
        {
            awsServiceName: service,
            description: `Created by ${owner}: needed before the stack's KMS keys name it`,
            tags: { ...args.tags, [OWNER_TAG]: owner },
        },
        { retainOnDelete: true, ...(plan === "adopt" ? { import: arn } : {}) },
    );
    return { arn, dependsOn: [role] };
}
