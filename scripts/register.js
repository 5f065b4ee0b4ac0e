// Loads TypeScript for the offline tools (plan, policy, bench, tests) by transpiling each file with
// esbuild: no type check (`npm run build` does that) and no source-map hooks, which under ts-node
// cost more than the whole program takes to run. Output is cached by content hash under
// node_modules/.cache. `pulumi up` keeps using Pulumi's own TypeScript support.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { threadId } = require("worker_threads");

const cacheDir = path.join(__dirname, "..", "node_modules", ".cache", "platform-ts");
let esbuild;

function transpile(source, filename) {
    esbuild = esbuild || require("esbuild");
    return esbuild.transformSync(source, {
        loader: "ts",
        format: "cjs",
        target: "node20",
        sourcefile: filename,
    }).code;
}

require.extensions[".ts"] = function compileTypeScript(module, filename) {
    const source = fs.readFileSync(filename, "utf8");
    // By content alone (the output does not name its file), so another checkout of the same files,
    // such as plan:diff's worktree, reuses it.
    const key = crypto.createHash("sha256").update(source).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    let code;
    try {
        code = fs.readFileSync(cached, "utf8");
    } catch {
        code = transpile(source, filename);
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            const partial = `${cached}.${process.pid}.${threadId}`;
            fs.writeFileSync(partial, code);
            fs.renameSync(partial, cached);
        } catch {
            // A read-only tree only loses the cache.
        }
    }
    module._compile(code, filename);
};
