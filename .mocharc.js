// Mocha's settings. Spec files run one after another in one process, so each stack is planned once
// per run and shared (tests/support/harness.ts); the second core runs the plans' worker thread and the
// real tools, which the tests spread over the cores. (Parallel spec files were measured: no faster
// here, and every worker process planned each stack again.)
"use strict";
const fs = require("fs");
const path = require("path");

// The files whose tests mostly wait on real tools (promtool, cloud-init, nginx, PostgreSQL) run first:
// they need only the committed stacks' plans, so they keep the cores busy while the plan worker is
// still planning the variants that the other files prefetch. Then every other file, in path order.
const TOOLS_FIRST = [
    "tests/components/scenarios.spec.ts",
    "tests/components/monitoring.spec.ts",
    "tests/components/edge.spec.ts",
    "tests/components/database-users.spec.ts",
    "tests/components/delivery.spec.ts",
];

function specFiles(dir) {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const file = path.posix.join(dir, entry.name);
            if (entry.isDirectory()) return specFiles(file);
            return entry.name.endsWith(".spec.ts") ? [file] : [];
        })
        .sort();
}

const all = specFiles("tests");
for (const file of TOOLS_FIRST) {
    if (!all.includes(file)) throw new Error(`.mocharc.js: ${file} is not a spec file`);
}

module.exports = {
    require: ["./scripts/register.js"],
    extension: ["ts"],
    spec: [...TOOLS_FIRST, ...all.filter((file) => !TOOLS_FIRST.includes(file))],
    timeout: 120000,
    reporter: "./tests/support/reporter.js",
};
