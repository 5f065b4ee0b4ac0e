/**
 * Runs the CrossGuard pack's policies without the Pulumi CLI, over resources from an offline-plan
 * inventory or a `pulumi stack export`, the way the engine's analyzer would: resource policies per
 * resource, stack policies once, configuration over schema defaults, unknown values skipping the
 * check that reads them (never failing it), exemptions and not-applicable answers collected.
 */
import {
    EnforcementLevel,
    Policies,
    PolicyPackConfig,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { EXEMPTED_PREFIX, ExemptionRecord, setExemptionSink } from "../policies/lib/exemptions";
import { Violation } from "./inventory";
import { RESOURCE_TYPES } from "../policies/lib/exemptions";
import { UNKNOWN_MARK } from "./secrets";

// The engine's own proxy, so an unknown value fails a property read exactly as in a real preview.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T extends object>(value: T): T;
    unknownStringValue: string;
    UnknownValueError: new (...args: unknown[]) => Error;
};

/** A resource as policies see it. */
export interface PolicySubject {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly props: Record<string, unknown>;
    readonly parent?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** The engine's resource option, as policies see it in `opts`. Default: false. */
    readonly deleteBeforeReplace?: boolean;
}

export interface PolicyOutcome {
    readonly policy: string;
    readonly urn: string;
    readonly reason: string;
}

export interface PolicyReport {
    readonly violations: Violation[];
    /** Resources a policy was configured not to check, with the configured reason. */
    readonly exemptions: ExemptionRecord[];
    /** Checks skipped because a value is unknown (a secret, or computed during a preview). */
    readonly skipped: PolicyOutcome[];
}

export interface RunPolicyOptions {
    readonly policies: Policies;
    /** The pack's enforcement level. Default: "mandatory". */
    readonly packEnforcement?: EnforcementLevel;
    /** Policy configuration as given to `--policy-pack-config`. Default: none. */
    readonly config?: PolicyPackConfig;
    readonly stackTags?: ReadonlyMap<string, string>;
}

class NotApplicable extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

/**
 * Unknown values become the engine's unknown sentinel. A masked secret of an inventory stays a known
 * string: in a real preview the engine hands policies secrets in plain text, so they are known there.
 */
export function unmask(value: unknown): unknown {
    if (value === UNKNOWN_MARK) return proxy.unknownStringValue;
    if (Array.isArray(value)) return value.map(unmask);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmask(v)]));
    }
    return value;
}

function isResourcePolicy(p: Policies[number]): p is ResourceValidationPolicy {
    return "validateResource" in p && p.validateResource !== undefined;
}

function isStackPolicy(p: Policies[number]): p is StackValidationPolicy {
    return "validateStack" in p;
}

function policyConfig(
    policy: Policies[number],
    config: PolicyPackConfig | undefined,
): Record<string, unknown> {
    const defaults = Object.fromEntries(
        Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => (schema as { default?: unknown }).default !== undefined)
            .map(([key, schema]) => [key, (schema as { default?: unknown }).default]),
    );
    const given = config?.[policy.name];
    const { enforcementLevel: _level, ...properties } = typeof given === "object" ? given : {};
    return { ...defaults, ...properties };
}

function enforcementOf(policy: Policies[number], options: RunPolicyOptions): EnforcementLevel {
    const given = options.config?.[policy.name];
    const level =
        (typeof given === "string" ? given : given?.enforcementLevel) ??
        policy.enforcementLevel ??
        options.packEnforcement ??
        "mandatory";
    return level === "remediate" ? "mandatory" : level;
}

const throwNotApplicable = (reason?: string): never => {
    throw new NotApplicable(reason ?? "not applicable");
};

const unmaskedProps = new WeakMap<PolicySubject, Record<string, unknown>>();

/** Whether `value` holds an unknown anywhere (most resources of a plan hold none). */
function holdsUnknown(value: unknown): boolean {
    if (value === UNKNOWN_MARK) return true;
    if (Array.isArray(value)) return value.some(holdsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(holdsUnknown);
    return false;
}

const fullyKnown = new WeakSet<PolicySubject>();

function propsOf(subject: PolicySubject): Record<string, unknown> {
    let props = unmaskedProps.get(subject);
    if (!props) {
        // Without an unknown the props are read as they are: no copy, and (below) no checking proxy,
        // which would cost every property read of every policy for nothing.
        const known = !holdsUnknown(subject.props);
        if (known) fullyKnown.add(subject);
        props = known ? subject.props : (unmask(subject.props) as Record<string, unknown>);
        unmaskedProps.set(subject, props);
    }
    return props;
}

const checkedProps = new WeakMap<PolicySubject, Record<string, unknown>>();

/** The props as policies read them (unknowns throw); one read-only view per subject, shared by every policy. */
function checkedPropsOf(subject: PolicySubject): Record<string, unknown> {
    let props = checkedProps.get(subject);
    if (!props) {
        const plain = propsOf(subject);
        props = fullyKnown.has(subject)
            ? plain
            : (proxy.unknownCheckingProxy(plain) as Record<string, unknown>);
        checkedProps.set(subject, props);
    }
    return props;
}

/** Arguments of a resource policy, as the engine builds them. */
export function resourceArgs(
    subject: PolicySubject,
    options: { config?: Record<string, unknown>; stackTags?: ReadonlyMap<string, string> } = {},
): ResourceValidationArgs {
    const props = checkedPropsOf(subject);
    const typeOf = (cls: unknown) => (cls as { __pulumiType?: string }).__pulumiType;
    return {
        type: subject.type,
        props,
        urn: subject.urn,
        name: subject.name,
        opts: {
            protect: false,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
            parent: subject.parent,
            deleteBeforeReplace: subject.deleteBeforeReplace ?? false,
        },
        stackTags: options.stackTags ?? new Map(),
        isType: (cls) => typeOf(cls) === subject.type,
        asType: ((cls: unknown) =>
            typeOf(cls) === subject.type ? props : undefined) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => (options.config ?? {}) as T,
        notApplicable: throwNotApplicable,
    };
}

const linked = new WeakMap<readonly PolicySubject[], readonly PolicyResource[]>();

/**
 * Every resource, linked to its parent and dependencies. It depends on the subjects alone, so it is
 * built once per run and shared by every stack policy (rebuilt per policy, it dominated the pack's time).
 */
function linkedResources(subjects: readonly PolicySubject[]): readonly PolicyResource[] {
    const cached = linked.get(subjects);
    if (cached) return cached;
    const byUrn = new Map<string, PolicyResource>();
    for (const subject of subjects) {
        const args = resourceArgs(subject);
        byUrn.set(subject.urn, {
            type: subject.type,
            props: args.props,
            urn: subject.urn,
            name: subject.name,
            opts: args.opts,
            dependencies: [],
            propertyDependencies: {},
            isType: args.isType,
            asType: args.asType as PolicyResource["asType"],
        });
    }
    for (const subject of subjects) {
        const resource = byUrn.get(subject.urn)! as {
            -readonly [K in keyof PolicyResource]: PolicyResource[K];
        };
        resource.parent = subject.parent ? byUrn.get(subject.parent) : undefined;
        resource.dependencies = subject.dependencies
            .map((urn) => byUrn.get(urn))
            .filter((r): r is PolicyResource => r !== undefined);
        resource.propertyDependencies = Object.fromEntries(
            Object.entries(subject.propertyDependencies ?? {}).map(([prop, urns]) => [
                prop,
                urns
                    .map((urn) => byUrn.get(urn))
                    .filter((r): r is PolicyResource => r !== undefined),
            ]),
        );
    }
    const resources = [...byUrn.values()];
    linked.set(subjects, resources);
    return resources;
}

/** Arguments of a stack policy: every resource, linked to its parent and dependencies. */
export function stackArgs(
    subjects: readonly PolicySubject[],
    options: { config?: Record<string, unknown>; stackTags?: ReadonlyMap<string, string> } = {},
): StackValidationArgs {
    return {
        resources: [...linkedResources(subjects)],
        stackTags: options.stackTags ?? new Map(),
        getConfig: <T extends object>() => (options.config ?? {}) as T,
        notApplicable: throwNotApplicable,
    };
}

export async function runPolicies(
    subjects: readonly PolicySubject[],
    options: RunPolicyOptions,
): Promise<PolicyReport> {
    const report: PolicyReport = { violations: [], exemptions: [], skipped: [] };
    setExemptionSink((record) => report.exemptions.push(record));
    // One arguments object per resource, shared by every resource policy; only the configuration changes
    // between policies (thousands of resources × dozens of policies otherwise allocate as many objects).
    let currentConfig: Record<string, unknown> = {};
    const sharedArgs = new Map<PolicySubject, ResourceValidationArgs>();
    const argsOf = (subject: PolicySubject): ResourceValidationArgs => {
        let args = sharedArgs.get(subject);
        if (!args) {
            args = {
                ...resourceArgs(subject, { stackTags: options.stackTags }),
                getConfig: <T extends object>() => currentConfig as T,
            };
            sharedArgs.set(subject, args);
        }
        return args;
    };
    try {
        for (const policy of options.policies) {
            const enforcementLevel = enforcementOf(policy, options);
            if (enforcementLevel === "disabled") continue;
            const config = policyConfig(policy, options.config);
            const settle = (urn: string, error: unknown) => {
                if (error instanceof NotApplicable) {
                    if (error.reason.startsWith(EXEMPTED_PREFIX)) {
                        report.exemptions.push({
                            policy: policy.name,
                            urn,
                            reason: error.reason.slice(EXEMPTED_PREFIX.length),
                        });
                    }
                } else if (error instanceof proxy.UnknownValueError) {
                    report.skipped.push({ policy: policy.name, urn, reason: error.message });
                } else {
                    throw new Error(
                        `policy ${policy.name} failed on ${urn}: ${error instanceof Error ? error.stack : String(error)}`,
                    );
                }
            };
            if (isResourcePolicy(policy)) {
                const validations = Array.isArray(policy.validateResource)
                    ? policy.validateResource
                    : [policy.validateResource!];
                currentConfig = config;
                for (const subject of subjects) {
                    for (const validate of validations) {
                        const onlyType = (validate as { __pulumiType?: string }).__pulumiType;
                        if (onlyType && onlyType !== subject.type) continue;
                        // Our policies that name the types they read (lib/exemptions.ts, RESOURCE_TYPES) skip the others.
                        const onlyTypes = (validate as { [RESOURCE_TYPES]?: ReadonlySet<string> })[
                            RESOURCE_TYPES
                        ];
                        if (onlyTypes && !onlyTypes.has(subject.type)) continue;
                        try {
                            const result = validate(argsOf(subject), (message, urn) =>
                                report.violations.push({
                                    policy: policy.name,
                                    enforcementLevel,
                                    urn: urn ?? subject.urn,
                                    message,
                                }),
                            );
                            // Most validations are synchronous: awaiting each of 5,000 × policies results costs more than the checks.
                            if (result instanceof Promise) await result;
                        } catch (error) {
                            settle(subject.urn, error);
                        }
                    }
                }
            } else if (isStackPolicy(policy)) {
                try {
                    await policy.validateStack(
                        stackArgs(subjects, { config, stackTags: options.stackTags }),
                        (message, urn) =>
                            report.violations.push({
                                policy: policy.name,
                                enforcementLevel,
                                urn: urn ?? "",
                                message,
                            }),
                    );
                } catch (error) {
                    settle("", error);
                }
            }
        }
    } finally {
        setExemptionSink((record) =>
            console.warn(`policy ${record.policy}: ${record.urn} exempted: ${record.reason}`),
        );
    }
    const order = (a: { policy: string; urn: string }, b: { policy: string; urn: string }) =>
        a.policy.localeCompare(b.policy) || a.urn.localeCompare(b.urn);
    report.violations.sort((a, b) => order(a, b) || a.message.localeCompare(b.message));
    report.exemptions.sort(order);
    report.skipped.sort(order);
    return report;
}
