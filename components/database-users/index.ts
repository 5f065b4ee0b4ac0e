import { PostgresConnection } from "../shared/connections";
import { ClusterWorkloadArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { RESTRICTED_NAMESPACE_LABELS } from "../shared/namespaces";
import { declareAll } from "../shared/k8s-declare";
import { networkPolicies, podsOf } from "../shared/network-policies";
import { policyDocument, readSecretsStatements } from "../shared/iam";
import { namespaceBudget } from "../shared/namespace-budget";
import { generationKeepers } from "../shared/rotation";
import {
    DATABASE_USERS_COMPONENT,
    DATABASE_USERS_NAMESPACE,
    databaseUsersObjects,
} from "./objects";
import { DATABASE_USERS, DatabaseUser, DatabaseUserKey, scramVerifier } from "./users";

export { DATABASE_USERS_COMPONENT, DATABASE_USERS_NAMESPACE };

export interface DatabaseUsersArgs extends ClusterWorkloadArgs {
    /** The database, as the Postgres component hands it out (its client image runs the Job). No default. */
    readonly connection: PostgresConnection;
    /** Generation of the users' passwords: raising it rotates them. No default. */
    readonly passwordGeneration: number;
    /** Days a deleted secret can be restored. No default. */
    readonly secretRecoveryWindowDays: number;
    /** Region of the secrets. No default. */
    readonly region: string;
}

/** Where a user's credentials are: what its consumer reads, and the version that changes on rotation. */
export interface DatabaseCredentials {
    readonly username: string;
    readonly secretArn: pulumi.Output<string>;
    readonly secretVersion: pulumi.Output<string>;
}

/**
 * The PostgreSQL users the exporters and the dump jobs log in as, each with one predefined role
 * (DATABASE_USERS): generated passwords in Secrets Manager, and a Job on the cluster that creates the
 * users as the master user. Consumers read only their own user's secret; only the Job reads the master's.
 */
export class DatabaseUsers extends pulumi.ComponentResource {
    public readonly credentials: Readonly<Record<DatabaseUserKey, DatabaseCredentials>>;

    constructor(name: string, args: DatabaseUsersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:database-users:DatabaseUsers", name, {}, opts);
        const parent = { parent: this };

        const credentialsOf = (key: DatabaseUserKey, user: DatabaseUser): DatabaseCredentials => {
            const role = `${name}-${key}`;
            const password = new random.RandomPassword(
                `${role}-password`,
                { length: 40, special: false, ...generationKeepers(args.passwordGeneration) },
                parent,
            );
            const salt = new random.RandomBytes(
                `${role}-salt`,
                { length: 16, ...generationKeepers(args.passwordGeneration) },
                parent,
            );
            const secret = new aws.secretsmanager.Secret(
                role,
                {
                    name: `${args.namePrefix}/postgres/${user.username}`,
                    description: `${args.namePrefix} PostgreSQL user ${user.username} (${user.memberOf}), for ${user.purpose}`,
                    kmsKeyId: args.secretsKeyArn,
                    recoveryWindowInDays: args.secretRecoveryWindowDays,
                    tags: { ...args.tags, Name: `${args.namePrefix}-postgres-${user.username}` },
                },
                parent,
            );
            const value = pulumi.all([password.result, salt.base64]).apply(([p, s]) =>
                JSON.stringify({
                    username: user.username,
                    password: p,
                    verifier: scramVerifier(p, s),
                }),
            );
            const version = new aws.secretsmanager.SecretVersion(
                role,
                { secretId: secret.id, secretString: pulumi.secret(value) },
                parent,
            );
            return {
                username: user.username,
                secretArn: secret.arn,
                secretVersion: version.versionId,
            };
        };
        this.credentials = {
            metrics: credentialsOf("metrics", DATABASE_USERS.metrics),
            dumps: credentialsOf("dumps", DATABASE_USERS.dumps),
        };
        const all = Object.entries(this.credentials).map(([key, c]) => ({
            user: DATABASE_USERS[key as DatabaseUserKey],
            ...c,
        }));

        const jobRole = args.cluster.serviceAccountRole(
            `${name}-role`,
            `${args.namePrefix}-database-users`,
            DATABASE_USERS_NAMESPACE,
            DATABASE_USERS_COMPONENT,
            args.tags,
        );
        new aws.iam.RolePolicy(
            `${name}-secrets`,
            {
                role: jobRole.id,
                policy: pulumi
                    .all([
                        args.connection.masterSecretArn,
                        ...all.map((u) => u.secretArn),
                        args.secretsKeyArn,
                    ])
                    .apply((values) =>
                        policyDocument(
                            readSecretsStatements(values.slice(0, -1), values[values.length - 1]!),
                        ),
                    ),
            },
            parent,
        );

        const k8sOpts = { parent: this, provider: args.cluster.provider };
        const namespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: DATABASE_USERS_NAMESPACE, labels: RESTRICTED_NAMESPACE_LABELS } },
            { ...k8sOpts, dependsOn: args.cluster.workloadDependencies },
        );
        const objects = databaseUsersObjects({
            region: args.region,
            image: args.connection.clientImage,
            connection: args.connection,
            users: all,
            roleArn: jobRole.arn,
        });
        declareAll(
            // Secrets Manager and STS through NAT; PostgreSQL by the port map.
            [
                ...namespaceBudget(DATABASE_USERS_NAMESPACE, objects),
                ...networkPolicies(DATABASE_USERS_NAMESPACE, args.listeners, args.placements, [
                    DATABASE_USERS_COMPONENT,
                ]),
                ...objects,
            ],
            (object) => `${name}-${object.kind.toLowerCase()}-${object.metadata.name}`,
            { ...k8sOpts, dependsOn: [namespace] },
            args.cluster.workloadDependencies,
        );
        this.registerOutputs({});
    }
}

/** Where the Job creating the users runs. */
export const DATABASE_USERS_PLACEMENTS = {
    databaseUsers: podsOf(DATABASE_USERS_NAMESPACE, DATABASE_USERS_COMPONENT),
} as const;
