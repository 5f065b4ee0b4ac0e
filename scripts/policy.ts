/**
 * `npm run policy -- FILE [--json] [--config PATH]`: runs the CrossGuard pack over an offline-plan
 * inventory or a `pulumi stack export` document. Exit status: 0 no mandatory violation,
 * 1 a mandatory violation, 2 usage or bad input (file, shape, policy configuration), 3 a bug.
 */
import * as fs from "fs";
import { Command, InputError, jsonProblem, runCommand } from "../offline/command";

type PolicyInput = typeof import("../offline/policy-input");
type PolicyReport = typeof import("../offline/policy-report");

const USAGE = "usage: npm run policy -- FILE [--json] [--config POLICY_CONFIG.json]";

async function main(argv: readonly string[]): Promise<number> {
    let file: string | undefined;
    let json = false;
    let configFile: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === "--json") json = true;
        else if (arg === "--config") {
            configFile = argv[++i];
            if (configFile === undefined || configFile.startsWith("--"))
                throw new InputError("--config needs a file");
        } else if (!arg.startsWith("--") && file === undefined) file = arg;
        else throw new InputError(`unexpected argument ${arg}`);
    }
    if (!file) throw new InputError("FILE is required");
    // The pack and the SDKs load only now, so a usage mistake is answered at once.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { subjectsOf } = require("../offline/policy-input") as PolicyInput;
    const { formatPolicyReport, readPolicyConfig, runPack } =
        require("../offline/policy-report") as PolicyReport;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const config = readPolicyConfig(configFile);
    let document: unknown;
    try {
        document = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new InputError(
            `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : jsonProblem(error)}`,
        );
    }
    const { kind, subjects } = subjectsOf(document, file);
    const report = await runPack(subjects, config);
    if (json) {
        console.log(JSON.stringify(report, null, 2));
    } else {
        console.log(`${file} (${kind}, ${subjects.length} resources)`);
        console.log(formatPolicyReport(report));
    }
    return report.violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0;
}

/** The command, for the CLI below and for tests that run it in-process. */
export const policyCommand: Command = { usage: USAGE, main };

if (require.main === module) runCommand(policyCommand);
