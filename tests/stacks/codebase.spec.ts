/**
 * The codebase's layering: a component folder imports only itself, components/shared and topology/
 * (the policy pack's quantity parser too, which the pack keeps self-contained; and config/errors, which
 * preview-time lookups report through); shared code imports
 * no component. So a component can change without reaching into another's files.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR } from "../support/harness";
import { relativeImports } from "../support/imports";

const COMPONENTS = path.join(PROJECT_DIR, "components");

/** The imports that break the layering, as "file → target". */
function layeringViolations(imports: readonly { file: string; target: string }[]): string[] {
    return imports
        .filter(({ file, target }) => {
            const own = file.split(path.sep).slice(0, 2).join(path.sep);
            const allowed = [
                own,
                // Preview-time lookups (a zone, an image) report what they find wrong as configuration errors.
                path.join("config", "errors"),
                path.join("components", "shared"),
                "topology",
                path.join("policies", "lib", "quantities"),
            ];
            return !allowed.some(
                (prefix) => target === prefix || target.startsWith(prefix + path.sep),
            );
        })
        .map(({ file, target }) => `${file} → ${target}`);
}

/** Lines of `text` writing an ARN in the commercial partition literally (comments aside). */
function literalArns(text: string): string[] {
    return text
        .split("\n")
        .filter((line) => /[`"']arn:aws:/.test(line) && !/^\s*(\/\/|\*)/.test(line));
}

describe("ARNs in the region's partition", () => {
    it("no component writes arn:aws: literally (aws-cn and aws-us-gov regions would get wrong ARNs)", () => {
        const offending = fs
            .readdirSync(COMPONENTS, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".ts"))
            .flatMap((f) =>
                literalArns(fs.readFileSync(path.join(COMPONENTS, f), "utf8")).map(
                    (line) => `${f}: ${line.trim()}`,
                ),
            );
        assert.deepStrictEqual(offending, []);
    });
    it("finds a literal ARN, and not one in a comment", () => {
        assert.strictEqual(literalArns('policyArn: "arn:aws:iam::aws:policy/X",').length, 1);
        assert.strictEqual(literalArns("// e.g. arn:aws:iam::aws:policy/X").length, 0);
    });
});

describe("codebase layering", () => {
    it("topology/ is facts and arithmetic: it imports only itself", () => {
        const topology = relativeImports(path.join(PROJECT_DIR, "topology")).filter(
            ({ target }) => !target.startsWith("topology" + path.sep),
        );
        assert.deepStrictEqual(
            topology.map(({ file, target }) => `${file} → ${target}`),
            [],
        );
    });
    it("components import only themselves, components/shared and topology/", () => {
        assert.deepStrictEqual(layeringViolations(relativeImports(COMPONENTS)), []);
    });
    it("reads every form of relative import: from, bare import, import() and require()", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imports-"));
        try {
            fs.writeFileSync(
                path.join(dir, "planted.ts"),
                [
                    'import { a } from "../chain/a";',
                    'import "../chain/b";',
                    'void import("../chain/c");',
                    'require("../chain/d");',
                ].join("\n"),
            );
            assert.deepStrictEqual(
                relativeImports(dir).map(({ target }) => path.basename(target)),
                ["a", "b", "c", "d"],
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
    it("finds a component reaching into another's folder", () => {
        const planted = [
            {
                file: path.join("components", "monitoring", "objects.ts"),
                target: path.join("components", "chain", "workloads"),
            },
        ];
        assert.deepStrictEqual(layeringViolations(planted), [
            `${planted[0]!.file} → ${planted[0]!.target}`,
        ]);
        assert.deepStrictEqual(
            layeringViolations([
                {
                    file: path.join("components", "shared", "pods.ts"),
                    target: path.join("components", "cluster"),
                },
            ]).length,
            1,
        );
    });
});
