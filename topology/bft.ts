/**
 * Byzantine fault tolerance of the validator set, the one statement of it in the program: n = 3f+1
 * validators tolerate f faulty or lost, and consensus needs more than two thirds of them. (The policy
 * pack states it again on purpose: it never imports the program, so a mistake here is caught there.)
 * Pure.
 */

/** Validators that may fail or be lost while consensus continues: f for n = 3f+1. */
export function faultsTolerated(validators: number): number {
    return Math.floor((validators - 1) / 3);
}

/** Validators that must be up for consensus: more than two thirds. */
export function quorumOf(validators: number): number {
    return Math.floor((2 * validators) / 3) + 1;
}

/** Whether a count has the form 3f+1 (1, 4, 7, …): any other count buys no extra tolerance. */
export function isThreeFPlusOne(validators: number): boolean {
    return validators % 3 === 1;
}
