import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { RESTRICTED_NAMESPACE_LABELS } from "../chain";
import { declareObject } from "../chain/declare";
import { networkPolicies } from "../chain/network-policies";
import { ChainCluster } from "../cluster";
import { policyDocument, readSecretsStatements } from "../shared/iam";
import { Listener } from "../../topology/ports";
import { BACKUP_NAMESPACE, backupObjects, BackupJobsSpec } from "./cronjobs";

export interface BackupsArgs {
    /** The cluster to run on: its Kubernetes provider and IAM roles for service accounts. No default. */
    readonly cluster: ChainCluster;
    /** What the jobs dump and snapshot, and where they write it. No default. */
    readonly spec: Omit<BackupJobsSpec, "postgres" | "chain"> & {
        readonly postgres: Omit<BackupJobsSpec["postgres"], "roleArn">;
        readonly chain: Omit<BackupJobsSpec["chain"], "roleArn">;
    };
    /** IAM policies scoped to each writer's prefix (from the BackupStore). */
    readonly writerPolicyArns: { readonly postgres: pulumi.Input<string>; readonly chain: pulumi.Input<string> };
    /** KMS key of the secrets it declares or reads. No default. */
    readonly secretsKeyArn: pulumi.Input<string>;
    /** The port map. No default. */
    readonly listeners: readonly Listener[];
    /** Where each role of the port map is, for NetworkPolicies. No default. */
    readonly placements: Parameters<typeof networkPolicies>[2];
    /** Prefix of physical names, e.g. "chain-platform-prod". No default. */
    readonly namePrefix: string;
    /** Tags for every taggable AWS resource. Default: none. */
    readonly tags?: Record<string, string>;
}

/** CronJobs that dump PostgreSQL and snapshot the chain into the backup buckets, each through a role scoped to its prefix. */
export class Backups extends pulumi.ComponentResource {
    constructor(name: string, args: BackupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:backups:Backups", name, {}, opts);
        const k8sOpts = { parent: this, provider: args.cluster.provider };
        const namespace = new k8s.core.v1.Namespace(`${name}-namespace`, { metadata: { name: BACKUP_NAMESPACE, labels: RESTRICTED_NAMESPACE_LABELS } }, k8sOpts);

        const roles = Object.fromEntries((["postgres", "chain"] as const).map((kind) => {
            const role = args.cluster.serviceAccountRole(`${name}-${kind}-role`, `${args.namePrefix}-backup-${kind}`, BACKUP_NAMESPACE, `backup-${kind}`, args.tags);
            new aws.iam.RolePolicyAttachment(`${name}-${kind}-writer`, { role: role.name, policyArn: args.writerPolicyArns[kind] }, { parent: this });
            return [kind, role];
        })) as Record<"postgres" | "chain", aws.iam.Role>;
        new aws.iam.RolePolicy(`${name}-postgres-credentials`, {
            role: roles.postgres.id,
            policy: pulumi.all([args.spec.postgres.secretArn, args.secretsKeyArn]).apply(([secret, key]) => policyDocument(readSecretsStatements([secret], key))),
        }, { parent: this });

        const objects = backupObjects({
            ...args.spec,
            postgres: { ...args.spec.postgres, roleArn: roles.postgres.arn },
            chain: { ...args.spec.chain, roleArn: roles.chain.arn },
        });
        for (const object of [...networkPolicies(BACKUP_NAMESPACE, args.listeners, args.placements), ...objects]) {
            declareObject(`${name}-${object.kind.toLowerCase()}-${object.metadata.name}`, object, { ...k8sOpts, dependsOn: [namespace] });
        }
        this.registerOutputs({});
    }
}
