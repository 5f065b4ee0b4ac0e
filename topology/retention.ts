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
    readonly keepDays: number;
    /** Move to a colder storage class after this many days, when that saves money (≥ 30 days for IA). */
    readonly coldAfterDays?: { readonly days: number; readonly storageClass: "STANDARD_IA" | "GLACIER_IR" };
}

export const BACKUP_SCHEDULES: readonly BackupSchedule[] = [
    { name: "incremental", cron: "0 */4 * * *", keepDays: 7 },
    { name: "daily", cron: "30 1 * * *", keepDays: 30 },
    { name: "weekly", cron: "0 2 * * 0", keepDays: 84, coldAfterDays: { days: 30, storageClass: "STANDARD_IA" } },
    { name: "monthly", cron: "0 3 1 * *", keepDays: 365, coldAfterDays: { days: 30, storageClass: "GLACIER_IR" } },
];

/** Recovery objectives of the seeds. */
export const RECOVERY_POINT_OBJECTIVE_MINUTES = 15;
export const RECOVERY_TIME_OBJECTIVE_HOURS = 4;
