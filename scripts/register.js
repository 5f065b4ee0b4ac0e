// Loads TypeScript for the offline tools (plan, policy, bench, tests) by transpiling each file with
// esbuild: no type check (`npm run build` does that) and no source-map hooks, which under ts-node
// cost more than the whole program takes to run. Output is cached by content hash under
// node_modules/.cache. `pulumi up` keeps using Pulumi's own TypeScript support.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

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
    const key = crypto.createHash("sha256").update(`${filename}\0${source}`).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    let code;
    try {
        code = fs.readFileSync(cached, "utf8");
    } catch {
        code = transpile(source, filename);
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            fs.writeFileSync(`${cached}.${process.pid}`, code);
            fs.renameSync(`${cached}.${process.pid}`, cached);
        } catch {
            // A read-only tree only loses the cache.
        }
    }
    module._compile(code, filename);
};
