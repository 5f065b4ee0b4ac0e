// `npm test`: the type check (`npm run build`), the linter and formatter (`npm run lint`) and the tests
// (mocha), all of them, side by side: the checks take seconds of their own that the tests, busy with
// real tools and the plan worker, would otherwise wait for. Mocha prints as it goes; the checks'
// output follows it. Fails when any of the three fails.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/**
 * What `npm test` prints after mocha and the status it exits with: mocha's, or else the first failed
 * check's. `checks` are `{ name, status, signal, output }`; a check's output is shown when it failed,
 * or when it passed with warnings.
 */
function verdict(mochaStatus, checks) {
    let status = mochaStatus;
    let text = "";
    for (const check of checks) {
        const output = check.output.trim();
        const failed = check.status !== 0;
        text += `\n${check.name}: ${failed ? `FAILED${check.signal ? ` (${check.signal})` : ""}` : "passed"}\n`;
        if (output && (failed || /warning/i.test(output))) text += `${output}\n`;
        if (status === 0 && failed) status = check.status;
    }
    return { status, text };
}

function main() {
    /** The children, to pass on a signal that stops this script (Ctrl-C, a CI timeout). */
    const children = [];
    for (const signal of ["SIGINT", "SIGTERM"]) {
        process.on(signal, () => {
            for (const child of children) child.kill(signal);
            process.exit(1);
        });
    }

    /** Runs a command; resolves to its exit status and, unless `inherit`, its output. */
    const run = (command, args, inherit) =>
        new Promise((resolve) => {
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

    // package.json's own scripts, run by the shell as npm would run them (without npm's start-up).
    const { scripts } = require(path.join(ROOT, "package.json"));
    const checks = ["build", "lint"].map((name) =>
        run("sh", ["-c", scripts[name]]).then((result) => ({ name: `npm run ${name}`, ...result })),
    );
    // Arguments after `npm test --` go to mocha (e.g. --grep).
    const tests = run(
        process.execPath,
        [path.join(ROOT, "node_modules/mocha/bin/mocha.js"), ...process.argv.slice(2)],
        true,
    );
    Promise.all([tests, ...checks]).then(([mocha, ...results]) => {
        const { status, text } = verdict(mocha.status, results);
        process.stdout.write(text);
        process.exit(status);
    });
}

module.exports = { verdict };

if (require.main === module) main();
