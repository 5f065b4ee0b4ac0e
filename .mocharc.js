// Mocha's settings. Spec files run one after another in one process, so each stack is planned once
// per run and shared (tests/support/harness.ts); the second core runs the plans' worker thread and the
// real tools, which the tests spread over the cores. (Parallel spec files were measured: no faster
// here, and every worker process planned each stack again.)
"use strict";

module.exports = {
    require: ["./scripts/register.js"],
    extension: ["ts"],
    spec: ["tests/**/*.spec.ts"],
    timeout: 120000,
    reporter: "./tests/support/reporter.js",
};
