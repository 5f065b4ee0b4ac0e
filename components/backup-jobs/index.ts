import { PostgresConnection } from "../shared/connections";
import { withAliases } from "../shared/aliases";
import { ClusterWorkloadArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import { namespaceBudget } from "../shared/namespace-budget";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { RESTRICTED_NAMESPACE_LABELS } from "../shared/namespaces";
import { declareAll, keyOf } from "../shared/k8s-declare";
import { networkPolicies, podsOf } from "../shared/network-policies";
import { policyDocument, readSecretsStatements } from "../shared/iam";
import { BACKUP_NAMESPACE, backupObjects, BackupJobsSpec, SCRATCH_STORAGE_CLASS } from "./cronjobs";
import { SNAPSHOT_CLASS, snapshotClass } from "./snapshots";

export interface BackupJobsArgs extends ClusterWorkloadArgs {
    /** What the jobs dump and snapshot, and where they write it. No default. */
    readonly spec: Omit<BackupJobsSpec, "postgres" | "chain"> & {
        /** The database (the Postgres component's connection) and the dump user's secret. */
        readonly postgres: {
            readonly connection: PostgresConnection;
            readonly secretArn: pulumi.Input<string>;
        };
        /** The chain component's namespace and validator volume claims (its exports). */
        readonly chain: Omit<BackupJobsSpec["chain"], "snapshotClass">;
    };
    /** The chain's Namespace resource: the snapshot jobs' Role is declared in it. No default. */
    readonly chainNamespace: pulumi.Resource;
    /** Where the dumps go: bucket, the prefix the writer policy allows, and that policy (the BackupStore's writer). No default. */
    readonly dumpsWriter: {
        readonly bucket: pulumi.Input<string>;
        readonly prefix: string;
        readonly policyArn: pulumi.Input<string>;
    };
}

/**
 * CronJobs that dump PostgreSQL into the backup bucket (through a role scoped to its prefix) and
 * snapshot every validator's volume as CSI VolumeSnapshots.
 */
export class BackupJobs extends pulumi.ComponentResource {
    constructor(name: string, args: BackupJobsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:backups:Backups (folder = module); the alias keeps existing stacks' resources.
        super(
            "platform:backup-jobs:BackupJobs",
            name,
            {},
            withAliases(opts, "platform:backups:Backups"),
        );
        const k8sOpts = { parent: this, provider: args.cluster.provider };
        const namespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: BACKUP_NAMESPACE, labels: RESTRICTED_NAMESPACE_LABELS } },
            k8sOpts,
        );

        const postgresRole = args.cluster.serviceAccountRole(
            `${name}-postgres-role`,
            `${args.namePrefix}-backup-postgres`,
            BACKUP_NAMESPACE,
            "backup-postgres",
            args.tags,
        );
        new aws.iam.RolePolicyAttachment(
            `${name}-postgres-writer`,
            { role: postgresRole.name, policyArn: args.dumpsWriter.policyArn },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-postgres-credentials`,
            {
                role: postgresRole.id,
                policy: pulumi
                    .all([args.spec.postgres.secretArn, args.secretsKeyArn])
                    .apply(([secret, key]) => policyDocument(readSecretsStatements([secret], key))),
            },
            { parent: this },
        );

        // The CRD comes with the cluster's snapshot controller, so the class waits for the cluster's add-ons.
        const klass = snapshotClass();
        const snapshots = new k8s.apiextensions.CustomResource(
            `${name}-volumesnapshotclass`,
            klass as never,
            { ...k8sOpts, dependsOn: args.cluster.workloadDependencies },
        );

        const objects = backupObjects({
            ...args.spec,
            postgres: {
                host: args.spec.postgres.connection.host,
                port: args.spec.postgres.connection.port,
                database: args.spec.postgres.connection.database,
                caBundle: args.spec.postgres.connection.caBundle,
                image: args.spec.postgres.connection.clientImage,
                secretArn: args.spec.postgres.secretArn,
                bucket: args.dumpsWriter.bucket,
                prefix: args.dumpsWriter.prefix,
                roleArn: postgresRole.arn,
            },
            chain: { ...args.spec.chain, snapshotClass: SNAPSHOT_CLASS },
        });
        const chainNamespace = args.spec.chain.namespace;
        declareAll(
            // Dumps: Secrets Manager, S3, STS; snapshots: the EKS API.
            [
                ...namespaceBudget(BACKUP_NAMESPACE, objects),
                ...networkPolicies(BACKUP_NAMESPACE, args.listeners, args.placements, [
                    "backup-postgres",
                    "backup-chain",
                ]),
                ...objects,
            ],
            (object) => `${name}-${object.kind.toLowerCase()}-${object.metadata.name}`,
            { ...k8sOpts, dependsOn: [namespace] },
            args.cluster.workloadDependencies,
            (object, declared) => {
                // The snapshot Role and its binding live in the chain's namespace.
                if (object.metadata.namespace === chainNamespace) return [args.chainNamespace];
                if (object.kind !== "CronJob") return [];
                return object.metadata.name.startsWith("backup-chain-")
                    ? [
                          snapshots,
                          declared.get(
                              keyOf("RoleBinding", chainNamespace, "backup-chain-snapshots"),
                          )!,
                      ]
                    : [declared.get(keyOf("StorageClass", undefined, SCRATCH_STORAGE_CLASS))!];
            },
        );
        this.registerOutputs({});
    }
}

/** Only the dump jobs talk to PostgreSQL; the chain's snapshot jobs talk to the Kubernetes API alone. */
export const BACKUP_PLACEMENTS = {
    backupJob: podsOf(BACKUP_NAMESPACE, "backup-postgres"),
} as const;
