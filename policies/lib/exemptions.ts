/**
 * Exemptions: policy configuration may exempt a resource (by name or URN) from one policy, with a
 * reason. An exemption is never silent: resource policies answer "not applicable: exempted …",
 * which the engine reports; stack policies hand the exemption to the sink (the offline runner
 * collects it, the CLI logs it).
 */
import {
    Policy,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

export interface Exemption {
    /** Resource name or URN. */
    readonly resource: string;
    readonly reason: string;
}

export interface ExemptionRecord {
    readonly policy: string;
    readonly urn: string;
    readonly reason: string;
}

let sink: (record: ExemptionRecord) => void = (record) =>
    console.warn(`policy ${record.policy}: ${record.urn} exempted: ${record.reason}`);

/** Redirects exemption reports (the offline runner collects them). */
export function setExemptionSink(next: (record: ExemptionRecord) => void): void {
    sink = next;
}

export const EXEMPTED_PREFIX = "exempted: ";

const exemptionsSchema: PolicyConfigSchema["properties"] = {
    exemptions: {
        type: "array",
        description: "Resources this policy does not apply to, each with the reason",
        items: {
            type: "object",
            properties: {
                resource: { type: "string", minLength: 1 },
                reason: { type: "string", minLength: 3 },
            },
            required: ["resource", "reason"],
            additionalProperties: false,
        },
        default: [],
    },
};

function withSchema<T extends Policy>(policy: T): T {
    return {
        ...policy,
        configSchema: {
            properties: { ...exemptionsSchema, ...policy.configSchema?.properties },
            required: policy.configSchema?.required,
        },
    };
}

function exemptionFor(
    exemptions: readonly Exemption[] | undefined,
    name: string,
    urn: string,
): Exemption | undefined {
    // An exemption without a reason does not exempt: the violation stays visible.
    return exemptions?.find(
        (e) =>
            (e.resource === name || e.resource === urn) &&
            typeof e.reason === "string" &&
            e.reason.trim().length >= 3,
    );
}

/**
 * A validation function may carry the set of resource types it reads under this key; a runner may then
 * skip other types (the offline runner does; the engine calls it for every resource, which is the same
 * answer, only slower).
 */
export const RESOURCE_TYPES = "__platformResourceTypes";

export function resourcePolicy(
    policy: ResourceValidationPolicy & {
        validateResource: (
            args: ResourceValidationArgs,
            report: ReportViolation,
        ) => void | Promise<void>;
    },
    types?: readonly string[],
): ResourceValidationPolicy {
    const validate = policy.validateResource;
    const wrapped = (args: ResourceValidationArgs, report: ReportViolation) => {
        const exemption = exemptionFor(
            args.getConfig<{ exemptions?: Exemption[] }>().exemptions,
            args.name,
            args.urn,
        );
        if (exemption) {
            args.notApplicable(`${EXEMPTED_PREFIX}${exemption.reason}`);
        }
        return validate(args, report);
    };
    // Keep the engine's fast path that skips resources of other types.
    const pulumiType = (validate as { __pulumiType?: string }).__pulumiType;
    if (pulumiType) {
        (wrapped as { __pulumiType?: string }).__pulumiType = pulumiType;
    }
    if (types) {
        (wrapped as { [RESOURCE_TYPES]?: ReadonlySet<string> })[RESOURCE_TYPES] = new Set(types);
    }
    return withSchema({ ...policy, validateResource: wrapped });
}

export function stackPolicy(policy: StackValidationPolicy): StackValidationPolicy {
    const validate = policy.validateStack;
    return withSchema({
        ...policy,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const exemptions = args.getConfig<{ exemptions?: Exemption[] }>().exemptions;
            const byUrn = new Map(args.resources.map((r) => [r.urn, r.name]));
            return validate(args, (message, urn) => {
                const exemption = urn
                    ? exemptionFor(exemptions, byUrn.get(urn) ?? "", urn)
                    : undefined;
                if (exemption && urn) {
                    sink({ policy: policy.name, urn, reason: exemption.reason });
                } else {
                    report(message, urn);
                }
            });
        },
    });
}
