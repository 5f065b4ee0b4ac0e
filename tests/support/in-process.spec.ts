/**
 * The in-process runner (in-process.ts) must report what the CLI would have died of: a rejection
 * nobody handles during a run makes its status 3, as runCommand exits, and one reported after the run
 * has answered is dropped, never blamed on the next command. The fixture command plants both.
 */
import * as assert from "assert";
import { resultOf, runInProcess, startInProcess } from "./in-process";

describe("in-process runner", () => {
    it("makes a run's status 3 when a rejection nobody handles is reported during the run, as the CLI exits", () => {
        const run = runInProcess("stray-rejection", ["during"]);
        assert.strictEqual(run.status, 3, run.stderr);
        assert.match(
            run.stderr,
            /error: unhandled during the command \(a bug\): Error: planted stray rejection/,
        );
    });
    it("drops a rejection reported the turn after the run answered: the next command, already waiting, keeps its status 0", () => {
        // Both asked before either is collected, so the worker goes straight from one to the next.
        const planted = startInProcess("stray-rejection", ["after"]);
        const next = startInProcess("stray-rejection", ["none"]);
        assert.strictEqual(resultOf(planted).status, 0);
        const nextRun = resultOf(next);
        assert.strictEqual(nextRun.status, 0, nextRun.stderr);
        assert.doesNotMatch(nextRun.stderr, /planted stray rejection/);
    });
});
