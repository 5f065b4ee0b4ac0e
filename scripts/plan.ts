/**
 * The offline plan: `npm run plan -- --stack <name> [--config-file PATH] [--policy-config PATH] [--json PATH] [--markdown PATH] [--out DIR]`.
 * Evaluates index.ts under Pulumi's mocks, runs the policy pack, prints a summary.
 * Exit status: 0 fine, 1 a mandatory policy violation, 2 invalid configuration or input, 3 the program failed.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, InputError, runCommand } from "../offline/command";
import { estimatePlanCost } from "../offline/cost";
import { extractFiles } from "../offline/files";
import { Inventory } from "../offline/inventory";
import { fromInventory } from "../offline/policy-input";
import { formatPolicyReport, readPolicyConfig, runPack } from "../offline/policy-report";
import { declaredSoFar, forgetDeclared, runProgram } from "../offline/run";
import { readStackSettings } from "../offline/stack-file";
import { renderPlanMarkdown } from "../offline/markdown";
import { summarize } from "../offline/summary";

const PROJECT_DIR = path.resolve(__dirname, "..");

interface PlanArgs {
    stack: string;
    configFile?: string;
    policyConfig?: string;
    json?: string;
    markdown?: string;
    out?: string;
}

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

async function main(argv: readonly string[]): Promise<number> {
    forgetDeclared();
    const args = parseArgs(argv);
    const stackFile = args.configFile ?? path.join(PROJECT_DIR, `Pulumi.${args.stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        throw new InputError(`no stack settings file ${stackFile}`);
    }
    const settings = readStackSettings(PROJECT_DIR, stackFile);
    const policyConfig = readPolicyConfig(args.policyConfig);
    const run = await runProgram({
        project: settings.project,
        stack: args.stack,
        config: settings.config,
        secretKeys: settings.secretKeys,
        program: path.join(PROJECT_DIR, "index.ts"),
    });
    const rendered = extractFiles(run.resources);
    const cost = estimatePlanCost(
        run.resources,
        run.outputs,
        settings.config["aws:region"] ?? "us-east-1",
        path.join(PROJECT_DIR, "pricing"),
    );
    const policies = await runPack(fromInventory(run.resources), policyConfig);
    const inventory: Inventory = {
        project: settings.project,
        stack: args.stack,
        region: settings.config["aws:region"],
        resources: run.resources,
        outputs: run.outputs,
        files: rendered.map(({ content: _content, ...file }) => file),
        violations: policies.violations,
        cost,
    };

    if (args.json) {
        fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
        fs.writeFileSync(args.json, `${JSON.stringify(inventory, null, 2)}\n`);
    }
    if (args.markdown) {
        fs.mkdirSync(path.dirname(path.resolve(args.markdown)), { recursive: true });
        fs.writeFileSync(args.markdown, renderPlanMarkdown(inventory));
    }
    if (args.out) {
        for (const file of rendered) {
            const target = path.join(args.out, file.path);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, file.content);
        }
    }
    console.log(summarize(inventory));
    console.log(formatPolicyReport(policies));
    console.log(
        `Monthly cost: ${cost.monthlyUsd.toFixed(2)} ${cost.currency}${cost.unknown.length ? ` + ${cost.unknown.length} resource(s) of unknown price` : ""} (${cost.label})`,
    );
    const mandatory = inventory.violations.filter((v) => v.enforcementLevel === "mandatory");
    return mandatory.length > 0 ? 1 : 0;
}

const USAGE =
    "usage: npm run plan -- --stack <name> [--config-file PATH] [--policy-config PATH] [--json PATH] [--markdown PATH] [--out DIR]";

/** The command, for the CLI below and for tests that run it in-process. */
export const planCommand: Command = {
    usage: USAGE,
    main,
    options: {
        afterInputError: () => `${declaredSoFar().length} resources were declared.`,
        afterBug: () =>
            process.env.PLAN_STACK_TRACES
                ? undefined
                : "(stack traces are off for speed; run again with PLAN_STACK_TRACES=1 to see where)",
    },
};

if (require.main === module) runCommand(planCommand);
