/**
 * Backup CronJobs as plain values: PostgreSQL logical dumps and chain snapshots on the seeds'
 * schedule, each written with a SHA-256 checksum that S3 verifies on upload. Pure.
 */
import type { Input } from "@pulumi/pulumi";
import { BACKUP_SCHEDULES, BackupSchedule } from "../../topology/retention";
import { K8sObject } from "../chain/network-policies";
import { AWS_CLI_IMAGE, containerSecurity, podSecurity } from "../shared/pods";

export const BACKUP_NAMESPACE = "backups";
const USER = 10001;

export interface BackupJobsSpec {
    readonly region: string;
    readonly postgres: { readonly host: Input<string>; readonly port: number; readonly database: string; readonly secretArn: Input<string>; readonly image: string; readonly bucket: Input<string>; readonly prefix: string; readonly roleArn: Input<string> };
    readonly chain: { readonly rpcUrl: string; readonly image: Input<string>; readonly bucket: Input<string>; readonly prefix: string; readonly roleArn: Input<string> };
    readonly backupsKeyArn: Input<string>;
    readonly storageClass: string;
    /** Scratch volume of a job, GiB. */
    readonly scratchGb: number;
}

const security = containerSecurity(USER);
const small = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } };
const work = [{ name: "work", mountPath: "/work" }, { name: "tmp", mountPath: "/tmp" }];

/** Uploads a file and its checksum; `--checksum-algorithm SHA256` makes S3 refuse a corrupted upload. */
function uploadScript(file: string, extension: string): string {
    return [
        "set -eu",
        "stamp=$(date -u +%Y%m%dT%H%M%SZ)",
        `key="$PREFIX/$SCHEDULE/$stamp.${extension}"`,
        `sha256sum ${file} | cut -d' ' -f1 > ${file}.sha256`,
        `aws s3 cp ${file} "s3://$BUCKET/$key" --sse aws:kms --sse-kms-key-id "$KMS_KEY" --checksum-algorithm SHA256`,
        `aws s3 cp ${file}.sha256 "s3://$BUCKET/$key.sha256" --sse aws:kms --sse-kms-key-id "$KMS_KEY" --checksum-algorithm SHA256`,
    ].join("\n");
}

function cronJob(kind: "postgres" | "chain", schedule: BackupSchedule, spec: BackupJobsSpec, initContainers: Record<string, unknown>[], extension: string, file: string): K8sObject {
    const target = spec[kind];
    const name = `backup-${kind}-${schedule.name}`;
    const labels = { "app.kubernetes.io/name": `backup-${kind}`, "app.kubernetes.io/component": "backup", "app.kubernetes.io/part-of": "chain-platform", "platform/schedule": schedule.name };
    return {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: { name, namespace: BACKUP_NAMESPACE, labels },
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
                    // Within the seeds' four-hour RTO, so a hung job fails loudly instead of piling up.
                    activeDeadlineSeconds: 3 * 3600,
                    ttlSecondsAfterFinished: 86400,
                    template: {
                        metadata: { labels },
                        spec: {
                            serviceAccountName: `backup-${kind}`,
                            restartPolicy: "Never",
                            securityContext: podSecurity(USER),
                            initContainers,
                            containers: [{
                                name: "upload",
                                image: AWS_CLI_IMAGE,
                                command: ["/bin/sh", "-c", uploadScript(file, extension)],
                                env: [
                                    { name: "BUCKET", value: target.bucket },
                                    { name: "PREFIX", value: target.prefix },
                                    { name: "SCHEDULE", value: schedule.name },
                                    { name: "KMS_KEY", value: spec.backupsKeyArn },
                                    { name: "AWS_REGION", value: spec.region },
                                    { name: "HOME", value: "/tmp" },
                                ],
                                resources: small,
                                securityContext: security,
                                volumeMounts: work,
                            }],
                            volumes: [
                                { name: "work", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], storageClassName: spec.storageClass, resources: { requests: { storage: `${spec.scratchGb}Gi` } } } } } },
                                { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
                            ],
                        },
                    },
                },
            },
        },
    };
}

function postgresJob(schedule: BackupSchedule, spec: BackupJobsSpec): K8sObject {
    const pg = spec.postgres;
    const fetch = {
        name: "fetch-credentials",
        image: AWS_CLI_IMAGE,
        command: ["/bin/sh", "-c", "set -eu; umask 077; aws secretsmanager get-secret-value --secret-id \"$DATABASE_SECRET_ARN\" --query SecretString --output text > /work/credentials.json"],
        env: [{ name: "DATABASE_SECRET_ARN", value: pg.secretArn }, { name: "AWS_REGION", value: spec.region }, { name: "HOME", value: "/tmp" }],
        resources: small,
        securityContext: security,
        volumeMounts: work,
    };
    const dump = {
        name: "dump",
        image: pg.image,
        command: ["/bin/sh", "-c", [
            "set -eu",
            "PGUSER=$(sed -n 's/.*\"username\" *: *\"\\([^\"]*\\)\".*/\\1/p' /work/credentials.json)",
            "PGPASSWORD=$(sed -n 's/.*\"password\" *: *\"\\([^\"]*\\)\".*/\\1/p' /work/credentials.json)",
            "export PGUSER PGPASSWORD",
            "rm -f /work/credentials.json",
            "pg_dump --format=custom --no-owner --no-privileges --file=/work/dump.pgc",
            "pg_restore --list /work/dump.pgc > /dev/null",
        ].join("\n")],
        env: [{ name: "PGHOST", value: pg.host }, { name: "PGPORT", value: String(pg.port) }, { name: "PGDATABASE", value: pg.database }, { name: "PGSSLMODE", value: "require" }],
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
        securityContext: security,
        volumeMounts: work,
    };
    return cronJob("postgres", schedule, spec, [fetch, dump], "pgc", "/work/dump.pgc");
}

function chainJob(schedule: BackupSchedule, spec: BackupJobsSpec): K8sObject {
    const snapshot = {
        name: "snapshot",
        image: spec.chain.image,
        args: ["snapshot", `--rpc=${spec.chain.rpcUrl}`, "--output=/work/snapshot.tar", ...(schedule.name === "incremental" ? ["--incremental"] : [])],
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
        securityContext: security,
        volumeMounts: work,
    };
    return cronJob("chain", schedule, spec, [snapshot], "tar", "/work/snapshot.tar");
}

export function backupObjects(spec: BackupJobsSpec): K8sObject[] {
    const accounts = (["postgres", "chain"] as const).map((kind) => ({
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name: `backup-${kind}`, namespace: BACKUP_NAMESPACE, annotations: { "eks.amazonaws.com/role-arn": spec[kind].roleArn } },
        automountServiceAccountToken: false,
    }) as K8sObject);
    return [...accounts, ...BACKUP_SCHEDULES.flatMap((schedule) => [postgresJob(schedule, spec), chainJob(schedule, spec)])];
}
