/** `npm test`'s verdict (scripts/test.js): mocha's status, else the first failed check's, never 0 on a failure. */
import * as assert from "assert";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { verdict } = require("../../scripts/test.js") as {
    verdict(
        mochaStatus: number,
        checks: { name: string; status: number; signal?: string | null; output: string }[],
    ): { status: number; text: string };
};

const passed = (name: string, output = "") => ({ name, status: 0, output });

describe("npm test's verdict (scripts/test.js)", () => {
    it("passes only when mocha and every check pass, and then shows no check's output", () => {
        const all = verdict(0, [
            passed("npm run build"),
            passed("npm run lint", "All matched files use Prettier code style!"),
        ]);
        assert.strictEqual(all.status, 0);
        assert.strictEqual(all.text, "\nnpm run build: passed\n\nnpm run lint: passed\n");
    });
    it("fails with a failed check's status and output when the tests pass", () => {
        const lint = verdict(0, [
            passed("npm run build"),
            { name: "npm run lint", status: 2, output: "x.ts: 1 error" },
        ]);
        assert.strictEqual(lint.status, 2);
        assert.match(lint.text, /npm run lint: FAILED\nx\.ts: 1 error\n/);
    });
    it("keeps mocha's failure, names a signal, and shows a passing check's warnings", () => {
        const both = verdict(1, [
            { name: "npm run build", status: 1, signal: "SIGTERM", output: "" },
            passed("npm run lint", "1 warning"),
        ]);
        assert.strictEqual(both.status, 1);
        assert.match(both.text, /npm run build: FAILED \(SIGTERM\)/);
        assert.match(both.text, /npm run lint: passed\n1 warning\n/);
    });
});
