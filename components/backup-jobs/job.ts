/** What every backup job shares: its namespace, user, hardening and CronJob wrapper. Pure. */
import { PART_OF_PLATFORM } from "../shared/namespaces";
import { NAMESPACES } from "../../topology/namespaces";
import { BackupSchedule, RECOVERY_TIME_OBJECTIVE_HOURS } from "../../topology/retention";
import { K8sObject } from "../shared/k8s-object";
import { containerSecurity, podSecurity } from "../shared/pods";

export const BACKUP_NAMESPACE = NAMESPACES.backups;
export const USER = 10001;

export const security = containerSecurity(USER);
export const small = {
    requests: { cpu: "100m", memory: "128Mi" },
    limits: { cpu: "500m", memory: "256Mi" },
};

export function labelsOf(
    kind: "postgres" | "chain",
    schedule: BackupSchedule,
): Record<string, string> {
    return {
        "app.kubernetes.io/name": `backup-${kind}`,
        "app.kubernetes.io/component": `backup-${kind}`,
        ...PART_OF_PLATFORM,
        "platform/schedule": schedule.name,
    };
}

/** A CronJob of `kind` on `schedule` around a pod spec. */
export function cronJob(
    kind: "postgres" | "chain",
    schedule: BackupSchedule,
    pod: Record<string, unknown>,
): K8sObject {
    const labels = labelsOf(kind, schedule);
    return {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: { name: `backup-${kind}-${schedule.name}`, namespace: BACKUP_NAMESPACE, labels },
        spec: {
            schedule: schedule.cron,
            timeZone: "Etc/UTC",
            concurrencyPolicy: "Forbid",
            startingDeadlineSeconds: 900,
            successfulJobsHistoryLimit: 3,
            failedJobsHistoryLimit: 3,
            jobTemplate: {
                metadata: { labels },
                spec: {
                    backoffLimit: 2,
                    // An hour inside the seeds' RTO, so a hung job fails loudly (and is retried) instead of piling up.
                    activeDeadlineSeconds: (RECOVERY_TIME_OBJECTIVE_HOURS - 1) * 3600,
                    ttlSecondsAfterFinished: 86400,
                    template: {
                        metadata: { labels },
                        spec: {
                            serviceAccountName: `backup-${kind}`,
                            restartPolicy: "Never",
                            securityContext: podSecurity(USER),
                            ...pod,
                        },
                    },
                },
            },
        },
    };
}
