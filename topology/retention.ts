/**
 * The backup schedule of the seeds: what is written how often, and how long it is kept.
 * Daily full dumps 30 days, incremental every 4 hours 7 days, weekly 12 weeks, monthly 12 months;
 * RPO ≤ 15 minutes comes from RDS point-in-time recovery, RTO ≤ 4 hours from restoring a dump.
 */
export interface BackupSchedule {
    /** Key prefix segment and CronJob suffix. */
    readonly name: "incremental" | "daily" | "weekly" | "monthly";
    /** Cron expression (UTC) of the job that writes it. */
    readonly cron: string;
    /** How many backups the cron writes per day (for storage estimates). */
    readonly perDay: number;
    readonly keepDays: number;
    /** Move to a colder storage class after this many days, when that saves money (≥ 30 days for IA). */
    readonly coldAfterDays?: {
        readonly days: number;
        readonly storageClass: "STANDARD_IA" | "GLACIER_IR";
    };
}

export const BACKUP_SCHEDULES: readonly BackupSchedule[] = [
    { name: "incremental", cron: "0 */4 * * *", perDay: 6, keepDays: 7 },
    { name: "daily", cron: "30 1 * * *", perDay: 1, keepDays: 30 },
    {
        name: "weekly",
        cron: "0 2 * * 0",
        perDay: 1 / 7,
        keepDays: 84,
        coldAfterDays: { days: 30, storageClass: "STANDARD_IA" },
    },
    {
        name: "monthly",
        cron: "0 3 1 * *",
        perDay: 12 / 365,
        keepDays: 365,
        coldAfterDays: { days: 30, storageClass: "GLACIER_IR" },
    },
];

/** The seeds' recovery time objective (their 15-minute RPO is met by RDS point-in-time recovery). */
export const RECOVERY_TIME_OBJECTIVE_HOURS = 4;

/** How many backups of one source the schedules keep at any time. */
export function retainedBackups(): number {
    return Math.round(BACKUP_SCHEDULES.reduce((sum, s) => sum + s.perDay * s.keepDays, 0));
}
