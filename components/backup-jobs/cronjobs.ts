/**
 * Backup objects as plain values: PostgreSQL logical dumps (SHA-256 written and verified by S3 on
 * upload) and the chain's VolumeSnapshots (snapshots.ts), on the seeds' schedule; the scratch
 * storage class whose volumes die with their job. Pure.
 */
import { PART_OF_PLATFORM } from "../shared/namespaces";
import type { Input } from "@pulumi/pulumi";
import { BACKUP_SCHEDULES, BackupSchedule } from "../../topology/retention";
import { K8sObject } from "../shared/k8s-object";
import {
    AWS_CLI_IMAGE,
    SECRETS_DIR,
    SECRETS_VOLUME,
    secretsInitContainer,
    splitCredentials,
} from "../shared/pods";
import {
    postgresCaConfigMap,
    postgresCaMount,
    postgresCaVolume,
    libpqEnvironment,
    loginFromFiles,
} from "../shared/postgres-client";
import { BACKUP_NAMESPACE, cronJob, security, small, USER } from "./job";
import { chainSnapshotJob, snapshotAccess } from "./snapshots";

export { BACKUP_NAMESPACE };

/** Scratch volumes of the dump jobs: reclaimPolicy Delete, so a finished job leaves no EBS volume behind. */
export const SCRATCH_STORAGE_CLASS = "gp3-scratch";

export interface BackupJobsSpec {
    readonly region: string;
    /**
     * The database (host, port, name, CA bundle), the dump user's secret, the client image, where dumps
     * go (bucket and prefix, from the BackupStore's writer) and the jobs' role.
     */
    readonly postgres: {
        readonly host: Input<string>;
        readonly port: number;
        readonly database: string;
        readonly caBundle: string;
        readonly secretArn: Input<string>;
        readonly image: string;
        readonly bucket: Input<string>;
        readonly prefix: string;
        readonly roleArn: Input<string>;
    };
    /** The chain component's names: its namespace and each validator's data volume claim. */
    readonly chain: {
        readonly namespace: string;
        readonly volumeClaims: readonly string[];
        readonly snapshotClass: string;
    };
    readonly backupsKeyArn: Input<string>;
    /** KMS key the scratch volumes are encrypted with (the cluster's EBS CSI driver may use it). */
    readonly scratchKeyArn: Input<string>;
    /** Scratch volume of a dump job, GiB. */
    readonly scratchGb: number;
}

const work = [
    { name: "work", mountPath: "/work" },
    { name: "tmp", mountPath: "/tmp" },
];

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

function postgresJob(schedule: BackupSchedule, spec: BackupJobsSpec): K8sObject {
    const pg = spec.postgres;
    // The dump user's credentials stay in memory, not on the scratch volume.
    const fetch = secretsInitContainer({
        region: spec.region,
        files: [{ arn: pg.secretArn, file: "credentials.json" }],
        then: splitCredentials(`${SECRETS_DIR}/credentials.json`, `${SECRETS_DIR}/`),
        user: USER,
        resources: small,
    });
    const dump = {
        name: "dump",
        image: pg.image,
        command: [
            "/bin/sh",
            "-c",
            [
                "set -eu",
                ...loginFromFiles(`${SECRETS_DIR}/username`, `${SECRETS_DIR}/password`),
                "pg_dump --format=custom --no-owner --no-privileges --file=/work/dump.pgc",
                "pg_restore --list /work/dump.pgc > /dev/null",
            ].join("\n"),
        ],
        env: libpqEnvironment(pg),
        resources: {
            requests: { cpu: "250m", memory: "256Mi" },
            limits: { cpu: "1", memory: "1Gi" },
        },
        securityContext: security,
        volumeMounts: [
            ...work,
            { name: "secrets", mountPath: SECRETS_DIR, readOnly: true },
            postgresCaMount,
        ],
    };
    const upload = {
        name: "upload",
        image: AWS_CLI_IMAGE,
        command: ["/bin/sh", "-c", uploadScript("/work/dump.pgc", "pgc")],
        env: [
            { name: "BUCKET", value: pg.bucket },
            { name: "PREFIX", value: pg.prefix },
            { name: "SCHEDULE", value: schedule.name },
            { name: "KMS_KEY", value: spec.backupsKeyArn },
            { name: "AWS_REGION", value: spec.region },
            { name: "HOME", value: "/tmp" },
        ],
        resources: small,
        securityContext: security,
        volumeMounts: work,
    };
    return cronJob("postgres", schedule, {
        initContainers: [fetch, dump],
        containers: [upload],
        volumes: [
            // A generic ephemeral volume: created with the pod, deleted with it (and, by the class's reclaimPolicy, its EBS volume).
            {
                name: "work",
                ephemeral: {
                    volumeClaimTemplate: {
                        spec: {
                            accessModes: ["ReadWriteOnce"],
                            storageClassName: SCRATCH_STORAGE_CLASS,
                            resources: { requests: { storage: `${spec.scratchGb}Gi` } },
                        },
                    },
                },
            },
            { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
            SECRETS_VOLUME,
            postgresCaVolume,
        ],
    });
}

function scratchStorageClass(spec: BackupJobsSpec): K8sObject {
    return {
        apiVersion: "storage.k8s.io/v1",
        kind: "StorageClass",
        metadata: {
            name: SCRATCH_STORAGE_CLASS,
            labels: { ...PART_OF_PLATFORM },
        },
        provisioner: "ebs.csi.aws.com",
        parameters: { type: "gp3", encrypted: "true", kmsKeyId: spec.scratchKeyArn },
        reclaimPolicy: "Delete",
        volumeBindingMode: "WaitForFirstConsumer",
    };
}

/** Every object, each before the objects that reference it. */
export function backupObjects(spec: BackupJobsSpec): K8sObject[] {
    const account = (
        kind: "postgres" | "chain",
        annotations: Record<string, Input<string>> | undefined,
        automount: boolean,
    ) =>
        ({
            apiVersion: "v1",
            kind: "ServiceAccount",
            metadata: {
                name: `backup-${kind}`,
                namespace: BACKUP_NAMESPACE,
                ...(annotations ? { annotations } : {}),
            },
            automountServiceAccountToken: automount,
        }) as K8sObject;
    return [
        scratchStorageClass(spec),
        account("postgres", { "eks.amazonaws.com/role-arn": spec.postgres.roleArn }, false),
        postgresCaConfigMap(BACKUP_NAMESPACE, spec.postgres.caBundle),
        // The snapshot jobs talk to the Kubernetes API (VolumeSnapshots), so their token is mounted.
        account("chain", undefined, true),
        ...snapshotAccess(spec.chain.namespace, BACKUP_NAMESPACE, "backup-chain"),
        ...BACKUP_SCHEDULES.flatMap((schedule) => [
            postgresJob(schedule, spec),
            chainSnapshotJob(schedule, spec.chain),
        ]),
    ];
}
