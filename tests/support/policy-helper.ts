/**
 * Builds policy arguments without the Pulumi CLI and runs one policy, the way the engine would:
 * `stackTags`, `getConfig` over schema defaults, and `notApplicable` are all provided by the
 * offline runner this helper wraps.
 */
import * as assert from "assert";
import { Policies, PolicyPackConfig } from "@pulumi/policy";
import { PolicyReport, PolicySubject, runPolicies } from "../../offline/policy-runner";

export interface Subject {
    readonly type: string;
    readonly props: Record<string, unknown>;
    readonly name?: string;
    /** Stack name in the URN. Default: "prod". */
    readonly stack?: string;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Record<string, readonly string[]>;
    readonly deleteBeforeReplace?: boolean;
}

/** A security group as a policy sees it: its tags (Role among them) and any other property. */
export function securityGroup(
    name: string,
    tags: Record<string, string>,
    extra: Record<string, unknown> = {},
): Subject {
    return {
        type: "aws:ec2/securityGroup:SecurityGroup",
        name,
        props: { tags, ...extra },
    };
}

export function urnOf(subject: Pick<Subject, "type" | "name" | "stack">): string {
    return `urn:pulumi:${subject.stack ?? "prod"}::chain-platform::${subject.type}::${subject.name ?? "subject"}`;
}

export function subject(s: Subject): PolicySubject {
    return {
        urn: urnOf(s),
        type: s.type,
        name: s.name ?? "subject",
        props: s.props,
        dependencies: s.dependencies ?? [],
        propertyDependencies: s.propertyDependencies,
        deleteBeforeReplace: s.deleteBeforeReplace,
    };
}

export interface PolicyRun extends PolicyReport {
    /** Messages of the violations, for terse assertions. */
    readonly messages: string[];
}

export async function check(
    policy: Policies[number],
    subjects: readonly Subject[],
    config?: PolicyPackConfig[string],
    stackTags?: ReadonlyMap<string, string>,
): Promise<PolicyRun> {
    const report = await runPolicies(subjects.map(subject), {
        policies: [policy],
        config: config === undefined ? undefined : { [policy.name]: config },
        stackTags,
    });
    return { ...report, messages: report.violations.map((v) => v.message) };
}

/** Asserts the policy passes `good` and fires on `bad` with a message matching `expected`. */
export async function firesAndPasses(
    policy: Policies[number],
    good: readonly Subject[],
    bad: readonly Subject[],
    expected: RegExp,
    config?: Record<string, unknown>,
): Promise<void> {
    const passing = await check(policy, good, config);
    assert.deepStrictEqual(passing.messages, [], `${policy.name} fired on the good resources`);
    const failing = await check(policy, bad, config);
    assert.ok(failing.messages.length > 0, `${policy.name} did not fire on the bad resources`);
    assert.ok(
        failing.messages.some((m) => expected.test(m)),
        `${policy.name}: ${JSON.stringify(failing.messages)} does not match ${expected}`,
    );
    assert.ok(failing.violations.every((v) => v.enforcementLevel === "mandatory"));
}
