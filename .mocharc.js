// Mocha's settings. Spec files run one after another in one process, so each stack is planned once
// per run and shared (tests/support/harness.ts); the second core runs the plans' worker thread and the
// real tools, which the tests spread over the cores. (Parallel spec files were measured: no faster
// here, and every worker process planned each stack again.)
"use strict";
const fs = require("fs");
const path = require("path");

// The order keeps both cores busy. The plan worker starts on the committed stacks while the files
// load, then runs whatever plan a test waits for, else the variants the files asked for ahead, in
// load order, on one core. Meanwhile the other core runs the tests that wait on a single real tool
// (nginx, cloud-init, PostgreSQL, a CLI process), after the configuration tests, which need one small
// plan. The promtool suites spread over both cores, so they come once the worker is mostly done;
// last, every other file, in path order.
const ORDER = [
    "tests/config/config.spec.ts",
    "tests/components/edge.spec.ts",
    "tests/components/database-users.spec.ts",
    "tests/components/delivery.spec.ts",
    "tests/offline/plan.spec.ts",
    "tests/offline/policy-command.spec.ts",
    "tests/offline/review.spec.ts",
    "tests/components/scenarios.spec.ts",
    "tests/components/monitoring.spec.ts",
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
for (const file of ORDER) {
    if (!all.includes(file)) throw new Error(`.mocharc.js: ${file} is not a spec file`);
}

module.exports = {
    require: ["./scripts/register.js"],
    extension: ["ts"],
    spec: [...ORDER, ...all.filter((file) => !ORDER.includes(file))],
    timeout: 120000,
    reporter: "./tests/support/reporter.js",
};
