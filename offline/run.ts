/**
 * Runs the real program under Pulumi's mocks and records what it declares. Pulumi's runtime state is
 * process-global: programs run one after another, each after `setMocks` resets it, never two at once.
 */
import * as pulumi from "@pulumi/pulumi";
import { InventoryResource } from "./inventory";
import { PlanMocks } from "./mock-values";
import { maskSecrets } from "./secrets";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface ProgramRun {
    readonly resources: InventoryResource[];
    readonly outputs: Record<string, unknown>;
}

export interface RunOptions {
    readonly project: string;
    readonly stack: string;
    /** Flat "namespace:key" → string map, as the Pulumi CLI hands it to a program. */
    readonly config: Record<string, string>;
    readonly secretKeys: readonly string[];
    /** Path of the program module (index.ts). */
    readonly program: string;
}

/** The parts of Pulumi's MockMonitor (and its gRPC request objects) the recorder hooks into. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): {
        forEach(fn: (value: { getUrnsList(): string[] }, key: string) => void): void;
    };
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[];
    getAliasesList(): { getSpec(): { getType(): string } | undefined }[];
}
interface MonitorHooks {
    newUrn(parent: string, type: string, name: string): string;
    registerResource(
        req: RegisterRequest,
        callback: (err: unknown, resp: { getUrn(): string } | undefined) => void,
    ): Promise<void>;
    registerResourceOutputs(
        req: {
            getUrn(): string;
            getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined;
        },
        callback: (err: unknown, resp: unknown) => void,
    ): void;
}

function propertyDependenciesOf(req: RegisterRequest): Record<string, string[]> {
    const entries: [string, string[]][] = [];
    req.getPropertydependenciesMap().forEach((value, key) => {
        const urns = value.getUrnsList();
        if (urns.length > 0) entries.push([key, [...urns].sort()]);
    });
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** Module-level so that a failure can still report what was declared before it. */
const declared: InventoryResource[] = [];

export function declaredSoFar(): readonly InventoryResource[] {
    return declared;
}

/** Starts a command's count afresh (a process may run several, as the tests' in-process runner does). */
export function forgetDeclared(): void {
    declared.length = 0;
}

/** Runs the program under mocks; what it declares adds to `declaredSoFar` (the command forgets first). */
export async function runProgram(options: RunOptions): Promise<ProgramRun> {
    await pulumi.runtime.setMocks(
        new PlanMocks(options.config["aws:region"] ?? "us-east-1"),
        options.project,
        options.stack,
        false,
    );
    pulumi.runtime.setAllConfig(options.config, [...options.secretKeys]);

    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorHooks;
    let stackUrn = "";
    let outputs: Record<string, unknown> = {};

    // URNs as the engine forms them: the full chain of parent types, the root stack left out.
    monitor.newUrn = (parent, type, name) => {
        const parentType = parent ? parent.split("::")[2]! : ROOT_STACK_TYPE;
        const qualified =
            parentType === ROOT_STACK_TYPE || type === ROOT_STACK_TYPE
                ? type
                : `${parentType}$${type}`;
        return `urn:pulumi:${options.stack}::${options.project}::${qualified}::${name}`;
    };
    // Former type tokens (from `aliases: [{ type }]`), new → old: a renamed component and its children
    // keep their former URNs as aliases, as the engine would, so a review matches them.
    const formerTypes = new Map<string, string>();
    const aliasesOf = (urn: string): string[] => {
        const parts = urn.split("::");
        const qualified = parts[2]!
            .split("$")
            .map((t) => formerTypes.get(t) ?? t)
            .join("$");
        return qualified === parts[2]
            ? []
            : [[...parts.slice(0, 2), qualified, ...parts.slice(3)].join("::")];
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) =>
        register(req, (err, resp) => {
            if (!err && resp) {
                const urn = resp.getUrn();
                if (req.getType() === ROOT_STACK_TYPE) {
                    stackUrn = urn;
                } else {
                    // Components only: provider resources carry the SDK's own aliases to older API versions.
                    for (const alias of req.getCustom() ? [] : req.getAliasesList()) {
                        const former = alias.getSpec()?.getType();
                        if (former) formerTypes.set(req.getType(), former);
                    }
                    declared.push({
                        urn,
                        type: req.getType(),
                        name: req.getName(),
                        custom: req.getCustom(),
                        ...(req.getParent() && req.getParent() !== stackUrn
                            ? { parent: req.getParent() }
                            : {}),
                        inputs: maskSecrets(req.getObject()?.toJavaScript() ?? {}) as Record<
                            string,
                            unknown
                        >,
                        dependencies: [...req.getDependenciesList()].sort(),
                        propertyDependencies: propertyDependenciesOf(req),
                        ...(req.getDeletebeforereplace()
                            ? { deleteBeforeReplace: true as const }
                            : {}),
                        ...(req.getIgnorechangesList().length > 0
                            ? { ignoreChanges: [...req.getIgnorechangesList()].sort() }
                            : {}),
                    });
                }
            }
            callback(err, resp);
        });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, callback) => {
        if (req.getUrn() === stackUrn) {
            outputs = maskSecrets(req.getOutputs()?.toJavaScript() ?? {}) as Record<
                string,
                unknown
            >;
        }
        registerOutputs(req, callback);
    };

    // The SDK records a stack trace for every resource and promise, and tracks every promise to report
    // the ones never settled (a cycle, an output nobody awaits); they cost a third of a plan. Off by
    // default; PLAN_STACK_TRACES=1 keeps them and fails the plan on such promises, as a CLI run does at
    // exit (the tests plan each stack so).
    const diagnostics = process.env.PLAN_STACK_TRACES ? undefined : withoutSdkDiagnostics();
    let failed = false;
    let failure: unknown;
    try {
        await runStack(options);
    } catch (error) {
        [failed, failure] = [true, error];
    }
    try {
        // Even after a failure: nothing of this run may land in the next one.
        await pulumi.runtime.disconnect();
    } catch (error) {
        if (!failed) [failed, failure] = [true, error];
    } finally {
        diagnostics?.restore();
    }
    if (failed) throw failure;
    if (!diagnostics) {
        const [leaked, message] = sdkDebuggable().leakedPromises();
        if (leaked.size > 0) throw new Error(message);
    }

    // Once every registration is in: a child may register before its renamed parent's answer arrives.
    const resources = declared
        .map((r) => {
            const aliases = aliasesOf(r.urn);
            // The URN first, then its aliases: the inventory reads in that order.
            const { urn, ...rest } = r;
            return aliases.length > 0 ? { urn, aliases, ...rest } : r;
        })
        .sort((a, b) => a.urn.localeCompare(b.urn));
    return { resources, outputs };
}

/** The SDK's promise tracking (`runtime/debuggable`), as the SDK's modules call it through its exports. */
interface Debuggable {
    debuggablePromise: <T>(promise: Promise<T>, context: unknown) => Promise<T>;
    /** The promises never settled since the last call, and the SDK's message about them. */
    leakedPromises(): [ReadonlySet<unknown>, string];
}

function sdkDebuggable(): Debuggable {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
}

/**
 * Turns off the SDK's per-resource stack traces and per-promise tracking until `restore`. The tracking
 * wraps each promise in two more and keeps it in a set for the report of promises never settled.
 */
function withoutSdkDiagnostics(): { restore(): void } {
    const debuggable = sdkDebuggable();
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const tracked = debuggable.debuggablePromise;
    debuggable.debuggablePromise = (promise) => promise;
    // Each resource's source position: the SDK lifts the limit above to take a whole stack per
    // resource, which the offline plan never shows.
    const resource = pulumi.Resource as unknown as { callsites: () => unknown[] };
    const callsites = resource.callsites;
    resource.callsites = () => [];
    return {
        restore() {
            Error.stackTraceLimit = stackTraceLimit;
            debuggable.debuggablePromise = tracked;
            resource.callsites = callsites;
        },
    };
}

async function runStack(options: RunOptions): Promise<void> {
    await pulumi.runtime.runInPulumiStack(async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exported = require(options.program) as unknown;
        const program = (exported as { default?: unknown }).default ?? exported;
        return typeof program === "function"
            ? await (program as () => Promise<unknown>)()
            : program;
    });
}
