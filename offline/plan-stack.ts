/**
 * The offline plan's work, once its arguments are known good (scripts/plan.ts parses them): evaluates
 * index.ts under Pulumi's mocks, runs the policy pack, writes the inventory, the report and the
 * rendered files, prints a summary. Loaded only then, as it loads the program, the SDKs and the pack.
 */
import * as fs from "fs";
import * as path from "path";
import { InputError } from "./command";
import { estimatePlanCost } from "./cost";
import { extractFiles } from "./files";
import { Inventory } from "./inventory";
import { fromInventory } from "./policy-input";
import { formatPolicyReport, readPolicyConfig, runPack } from "./policy-report";
import { declaredSoFar, forgetDeclared, runProgram } from "./run";
import { readStackSettings } from "./stack-file";
import { renderPlanMarkdown } from "./markdown";
import { summarize } from "./summary";

export { declaredSoFar };

const PROJECT_DIR = path.resolve(__dirname, "..");

/** The plan's options, as the command line gives them. */
export interface PlanArgs {
    stack: string;
    configFile?: string;
    policyConfig?: string;
    json?: string;
    markdown?: string;
    out?: string;
}

export async function planStack(args: PlanArgs): Promise<number> {
    // From here on, an error reports what this run declared (none before the program runs).
    forgetDeclared();
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
