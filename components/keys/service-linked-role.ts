import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

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

/**
 * Ensures the service-linked role of `service` exists before anything names it. A key policy that
 * names a role that does not exist is rejected (MalformedPolicyDocument), and in a fresh account
 * AWS creates these roles only on first use, which comes after the key. Looked up at preview: a
 * role that exists and is not this stack's is referenced; otherwise this stack declares it, tagged as
 * its owner so later runs keep declaring it (and retained on delete: other stacks may use it since).
 */
export async function serviceLinkedRole(name: string, args: ServiceLinkedRoleArgs): Promise<ServiceLinkedRole> {
    const { service, roleName, owner } = args;
    const pathPrefix = `/aws-service-role/${service}/`;
    // AWS fixes the role's path and name, so its ARN is known before it exists.
    const arn = `arn:${args.partition}:iam::${args.accountId}:role${pathPrefix}${roleName}`;
    const found = await aws.iam.getRoles({ pathPrefix, nameRegex: `^${roleName}$` });
    const existing = found.arns[0];
    if (existing) {
        const role = await aws.iam.getRole({ name: roleName });
        if (role.tags?.[OWNER_TAG] !== owner) {
            return { arn, dependsOn: [] };
        }
    }
    const role = new aws.iam.ServiceLinkedRole(name, {
        awsServiceName: service,
        description: `Created by ${owner}: needed before the stack's KMS keys name it`,
        tags: { ...args.tags, [OWNER_TAG]: owner },
    }, { retainOnDelete: true });
    return { arn, dependsOn: [role] };
}
