/**
 * The naming and tagging scheme: one place decides how physical names and tags look.
 */

/** The environments a stack can be: each has its rules (config/schema.ts) and its tags. */
export const ENVIRONMENTS = ["staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface StackIdentity {
    readonly project: string;
    readonly stack: string;
    readonly environment: Environment;
    readonly owner: string;
}

/** Prefix of physical names and `Name` tags: "<project>-<stack>". */
export function namePrefix(id: StackIdentity): string {
    return `${id.project}-${id.stack}`;
}

/** Tags every taggable AWS resource carries; the policy pack requires them. */
export function baseTags(id: StackIdentity): Record<string, string> {
    return {
        Project: id.project,
        Stack: id.stack,
        Environment: id.environment,
        Owner: id.owner,
        ManagedBy: "pulumi",
    };
}

/** The AWS partition of a region ("aws", "aws-us-gov", "aws-cn"). */
export function partitionOf(region: string): string {
    if (region.startsWith("us-gov-")) {
        return "aws-us-gov";
    }
    return region.startsWith("cn-") ? "aws-cn" : "aws";
}

/** The DNS suffix of the region's service endpoints (ECR registries among them): China's differs. */
export function dnsSuffixOf(region: string): string {
    return partitionOf(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}
