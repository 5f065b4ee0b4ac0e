// `npm test`: the type check (`npm run build`), the linter and formatter (`npm run lint`) and the tests
// (mocha), all of them, side by side: the checks take seconds of their own that the tests, busy with
// real tools and the plan worker, would otherwise wait for. Mocha prints as it goes; the checks'
// output follows it. Fails when any of the three fails.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** The children, to pass on a signal that stops this script (Ctrl-C, a CI timeout). */
const children = [];
for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
        for (const child of children) child.kill(signal);
        process.exit(1);
    });
}

/** Runs a command; resolves to its exit status and, unless `inherit`, its output. */
function run(command, args, inherit) {
    return new Promise((resolve) => {
        const child = spawn(command, args, {
            cwd: ROOT,
            stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"],
            // As npm runs a script: the project's binaries first on PATH.
            env: {
                ...process.env,
                PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
            },
        });
        children.push(child);
        let output = "";
        if (!inherit) {
            child.stdout.on("data", (chunk) => (output += chunk));
            child.stderr.on("data", (chunk) => (output += chunk));
        }
        child.on("error", (error) => resolve({ status: 1, output: `${error.message}\n` }));
        child.on("close", (status, signal) => resolve({ status: status ?? 1, signal, output }));
    });
}

// package.json's own scripts, run by the shell as npm would run them (without npm's start-up).
const { scripts } = require(path.join(ROOT, "package.json"));
const checks = ["build", "lint"].map((name) => [
    `npm run ${name}`,
    run("sh", ["-c", scripts[name]]),
]);
// Arguments after `npm test --` go to mocha (e.g. --grep).
const tests = run(
    process.execPath,
    [path.join(ROOT, "node_modules/mocha/bin/mocha.js"), ...process.argv.slice(2)],
    true,
);

Promise.all([tests, ...checks.map(([, result]) => result)]).then(([mocha, ...results]) => {
    let status = mocha.status;
    results.forEach((result, i) => {
        const [name] = checks[i];
        const text = result.output.trim();
        const verdict =
            result.status === 0 ? "passed" : `FAILED${result.signal ? ` (${result.signal})` : ""}`;
        process.stdout.write(`\n${name}: ${verdict}\n`);
        // A failure's whole output; a pass's only when it warns.
        if (text && (result.status !== 0 || /warning/i.test(text)))
            process.stdout.write(`${text}\n`);
        if (status === 0 && result.status !== 0) status = result.status;
    });
    process.exit(status);
});
