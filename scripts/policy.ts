/**
 * `npm run policy -- FILE [--json] [--config PATH]`: runs the CrossGuard pack over an offline-plan
 * inventory or a `pulumi stack export` document. Exit status: 0 no mandatory violation,
 * 1 a mandatory violation, 2 usage or unreadable input.
 */
import * as fs from "fs";
import { formatPolicyReport, readPolicyConfig, runPack } from "../offline/policy-report";
import { subjectsOf } from "../offline/policy-input";

const USAGE = "usage: npm run policy -- FILE [--json] [--config POLICY_CONFIG.json]";

async function main(argv: readonly string[]): Promise<number> {
    let file: string | undefined;
    let json = false;
    let configFile: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === "--json") json = true;
        else if (arg === "--config" && argv[i + 1] !== undefined) configFile = argv[++i];
        else if (!arg.startsWith("--") && file === undefined) file = arg;
        else throw new UsageError(`unexpected argument ${arg}`);
    }
    if (!file) throw new UsageError("FILE is required");
    let document: unknown;
    try {
        document = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { kind, subjects } = (() => {
        try {
            return subjectsOf(document);
        } catch (error) {
            throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
    })();
    const report = await runPack(subjects, readPolicyConfig(configFile));
    if (json) {
        console.log(JSON.stringify(report, null, 2));
    } else {
        console.log(`${file} (${kind}, ${subjects.length} resources)`);
        console.log(formatPolicyReport(report));
    }
    return report.violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
        if (error instanceof UsageError) {
            console.error(`${USAGE}\nerror: ${error.message}`);
            process.exit(2);
        }
        console.error(error instanceof Error ? error.stack : String(error));
        process.exit(3);
    },
);
