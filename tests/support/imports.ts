/** What the source files import, for the tests that hold the layering. */
import * as fs from "fs";
import * as path from "path";

const PROJECT_DIR = path.resolve(__dirname, "..", "..");

/** Relative imports of every TypeScript file under `dir`, resolved to project-relative paths. */
export function relativeImports(dir: string): { file: string; target: string }[] {
    return fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) => {
            const file = path.join(dir, f);
            const text = fs.readFileSync(file, "utf8");
            // `import … from "…"`, `import "…"`, `import("…")` and `require("…")`.
            return [...text.matchAll(/(?:from|import|require)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map(
                (m) => ({
                    file: path.relative(PROJECT_DIR, file),
                    target: path.relative(PROJECT_DIR, path.resolve(path.dirname(file), m[1]!)),
                }),
            );
        });
}
