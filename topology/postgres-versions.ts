/**
 * The PostgreSQL major versions the stack supports, one statement for the configuration schema and
 * the Postgres component: 14 is the first with `pg_read_all_data`, which the dump user holds.
 */
export const POSTGRES_MAJORS = { oldest: 14, newest: 19 } as const;

/** "17" or "17.6" → 17; undefined when not a version of a supported major. */
export function supportedPostgresMajor(engineVersion: string): number | undefined {
    const major = Number(/^(\d+)(\.\d+)?$/.exec(engineVersion)?.[1]);
    return major >= POSTGRES_MAJORS.oldest && major <= POSTGRES_MAJORS.newest ? major : undefined;
}
