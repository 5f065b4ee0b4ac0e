/**
 * Prod's guarantees follow the stack, not a configuration value: a resource of a stack named in
 * `stacks`, or tagged `Environment` = one of them, keeps deletion protection, final snapshots,
 * Multi-AZ, failover, the long key deletion window and its data on destroy. One property each, so an
 * exemption for one never silences another.
 */
import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { configOf, stringListSetting } from "../lib/config";
import { resourcePolicy } from "../lib/exemptions";
import { tagsOf } from "../lib/values";

const DEFAULTS = { stacks: ["prod"] };

/** Whether the resource belongs to a protected stack: by the stack in its URN, or by its Environment tag. */
export function isProtected(
    args: Pick<ResourceValidationArgs, "urn" | "props">,
    stacks: readonly string[],
): boolean {
    const stack = args.urn.split("::")[0]?.split(":").pop();
    const environment = tagsOf(args.props).Environment;
    return (
        (stack !== undefined && stacks.includes(stack)) ||
        (environment !== undefined && stacks.includes(environment))
    );
}

interface ProdRule {
    readonly name: string;
    readonly description: string;
    readonly type: string;
    /** The violation's message when the property is wrong, or undefined. */
    readonly check: (props: Record<string, unknown>) => string | undefined;
}

function prodPolicy(rule: ProdRule): ResourceValidationPolicy {
    return resourcePolicy({
        name: rule.name,
        description: rule.description,
        severity: "high",
        configSchema: {
            properties: {
                stacks: {
                    ...stringListSetting(DEFAULTS.stacks),
                    description: "Stacks (and Environment tags) held to prod's rules",
                },
            },
        },
        validateResource: (args, report) => {
            if (args.type !== rule.type || !isProtected(args, configOf(args, DEFAULTS).stacks))
                return;
            const message = rule.check(args.props);
            if (message) report(message);
        },
    });
}

const isPrimary = (p: Record<string, unknown>) =>
    p.replicateSourceDb === undefined || p.replicateSourceDb === null;

export const PROD_POLICIES = [
    prodPolicy({
        name: "prod-rds-deletion-protection",
        description: "In prod, every RDS instance has deletion protection.",
        type: "aws:rds/instance:Instance",
        check: (p) =>
            p.deletionProtection === true
                ? undefined
                : "deletion protection is off on a prod database",
    }),
    prodPolicy({
        name: "prod-rds-final-snapshot",
        description: "In prod, deleting the primary database takes a final snapshot.",
        type: "aws:rds/instance:Instance",
        check: (p) =>
            !isPrimary(p) || p.skipFinalSnapshot === false
                ? undefined
                : "the prod primary skips its final snapshot",
    }),
    prodPolicy({
        name: "prod-rds-multi-az",
        description: "In prod, the primary database has a Multi-AZ standby.",
        type: "aws:rds/instance:Instance",
        check: (p) =>
            !isPrimary(p) || p.multiAz === true
                ? undefined
                : "the prod primary has no Multi-AZ standby",
    }),
    prodPolicy({
        name: "prod-redis-failover",
        description: "In prod, Redis is Multi-AZ with automatic failover.",
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        check: (p) =>
            p.automaticFailoverEnabled === true && p.multiAzEnabled === true
                ? undefined
                : "prod Redis lacks Multi-AZ automatic failover",
    }),
    prodPolicy({
        name: "prod-kms-deletion-window",
        description: "In prod, a scheduled KMS key deletion waits 30 days.",
        type: "aws:kms/key:Key",
        check: (p) =>
            Number(p.deletionWindowInDays) >= 30
                ? undefined
                : `a prod key's deletion window is ${String(p.deletionWindowInDays ?? "the default")} days; set 30`,
    }),
    prodPolicy({
        name: "prod-bucket-no-force-destroy",
        description: "In prod, a destroy never deletes a bucket with its objects.",
        type: "aws:s3/bucket:Bucket",
        check: (p) =>
            p.forceDestroy === true
                ? "forceDestroy would delete a prod bucket with its objects"
                : undefined,
    }),
    prodPolicy({
        name: "prod-repository-no-force-delete",
        description: "In prod, a destroy never deletes an image repository with its images.",
        type: "aws:ecr/repository:Repository",
        check: (p) =>
            p.forceDelete === true
                ? "forceDelete would delete the prod repository with its images"
                : undefined,
    }),
    prodPolicy({
        name: "prod-secret-recovery-window",
        description: "In prod, a deleted secret stays recoverable (recovery window > 0).",
        type: "aws:secretsmanager/secret:Secret",
        check: (p) =>
            p.recoveryWindowInDays === 0
                ? "a prod secret would be deleted without recovery"
                : undefined,
    }),
];
