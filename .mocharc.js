// Mocha's settings. Spec files run in parallel, one worker process per core: each worker evaluates a
// stack once (tests/support/harness.ts) and shares it among its files.
"use strict";
const os = require("os");

module.exports = {
    require: ["./scripts/register.js"],
    extension: ["ts"],
    spec: ["tests/**/*.spec.ts"],
    timeout: 120000,
    reporter: "./tests/support/reporter.js",
    parallel: true,
    jobs: Math.max(2, os.availableParallelism()),
};
