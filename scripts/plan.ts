/**
 * The offline plan: `npm run plan -- --stack <name> [--config-file PATH] [--policy-config PATH] [--json PATH] [--markdown PATH] [--out DIR]`.
 * Evaluates index.ts under Pulumi's mocks, runs the policy pack, prints a summary (offline/plan-stack.ts).
 * Exit status: 0 fine, 1 a mandatory policy violation, 2 invalid configuration or input, 3 the program failed.
 */
import { Command, InputError, runCommand } from "../offline/command";
import type { PlanArgs } from "../offline/plan-stack";

type PlanStackModule = typeof import("../offline/plan-stack");

function parseArgs(argv: readonly string[]): PlanArgs {
    const args: Partial<PlanArgs> = {};
    const flags: Record<string, keyof PlanArgs> = {
        "--stack": "stack",
        "--config-file": "configFile",
        "--policy-config": "policyConfig",
        "--json": "json",
        "--markdown": "markdown",
        "--out": "out",
    };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i]!;
        const field = flags[flag];
        const value = argv[i + 1];
        if (!field || value === undefined) {
            throw new InputError(`unknown or incomplete option: ${flag}`);
        }
        args[field] = value;
        i++;
    }
    if (!args.stack) {
        throw new InputError("--stack is required");
    }
    return args as PlanArgs;
}

/** How many resources this run has declared: none until the program loads. */
let declaredCount = (): number => 0;

async function main(argv: readonly string[]): Promise<number> {
    declaredCount = () => 0;
    const args = parseArgs(argv);
    // The program, the SDKs and the pack load only now, so a usage mistake is answered at once.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { planStack, declaredSoFar } = require("../offline/plan-stack") as PlanStackModule;
    declaredCount = () => declaredSoFar().length;
    return planStack(args);
}

const USAGE =
    "usage: npm run plan -- --stack <name> [--config-file PATH] [--policy-config PATH] [--json PATH] [--markdown PATH] [--out DIR]";

/** The command, for the CLI below and for tests that run it in-process. */
export const planCommand: Command = {
    usage: USAGE,
    main,
    options: {
        afterInputError: () => `${declaredCount()} resources were declared.`,
        afterBug: () =>
            process.env.PLAN_STACK_TRACES
                ? undefined
                : "(stack traces are off for speed; run again with PLAN_STACK_TRACES=1 to see where)",
    },
};

if (require.main === module) runCommand(planCommand);
