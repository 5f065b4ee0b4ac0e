/** "Did you mean …?" for misspelt keys, regions and instance types. Pure. */

function levenshtein(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j]!;
            row[j] = Math.min(
                row[j]! + 1,
                row[j - 1]! + 1,
                diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
            );
            diagonal = above;
        }
    }
    return row[b.length]!;
}

/** "; did you mean X?" for the closest known word, or "" when nothing is close. */
export function suggestion(word: string, known: readonly string[]): string {
    const best = known
        .map((candidate) => ({ candidate, distance: levenshtein(word, candidate) }))
        .sort((x, y) => x.distance - y.distance)[0];
    return best && best.distance <= Math.max(2, Math.floor(word.length / 3))
        ? `; did you mean ${best.candidate}?`
        : "";
}
