import { checked } from "../shared/errors";
import { RedisConnection } from "../shared/connections";
import { withAliases } from "../shared/aliases";
import { DataStoreArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { generationKeepers, DEFAULT_SECRET_RECOVERY_DAYS } from "../shared/rotation";
import {
    nodeZones,
    REDIS_ENGINE_VERSION,
    REDIS_PARAMETER_FAMILY,
    replicationGroupId,
} from "./settings";

export interface RedisArgs extends DataStoreArgs {
    /** Generation of the AUTH token: raising it rotates the token (ElastiCache ROTATE keeps the old one valid until the next SET). Default: 0. */
    readonly authTokenGeneration?: number;
    /** Node type, e.g. "cache.r6g.large". No default. */
    readonly nodeType: string;
    /** Replicas beside the primary. Default: 1. */
    readonly replicas?: number;
    /** Days of snapshots. Default: 7. */
    readonly snapshotRetentionDays?: number;
    /** Days a deleted secret stays recoverable, its name reserved; 0 lets a destroyed stack be re-created at once. Default: 30. */
    readonly secretRecoveryWindowDays?: number;
}

/** ElastiCache Redis with encryption at rest and in transit and an auth token kept in Secrets Manager. */
export class Redis extends pulumi.ComponentResource {
    public readonly readerEndpoint: pulumi.Output<string>;
    /** What clients need: host (the primary endpoint), port, AUTH token secret. */
    public readonly connection: RedisConnection;

    constructor(name: string, args: RedisArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:data:Redis (folder = module); the alias keeps existing stacks' resources.
        super("platform:redis:Redis", name, {}, withAliases(opts, "platform:data:Redis"));
        const replicas = args.replicas ?? 1;
        const multiAz = args.multiAz ?? false;
        const snapshotRetentionDays = args.snapshotRetentionDays ?? 7;
        const id = checked(this, () => replicationGroupId(args.namePrefix, "redis"));
        const parent = { parent: this };
        const tags = (role: string) => ({ ...args.tags, Name: `${args.namePrefix}-${role}` });

        // ElastiCache accepts 16–128 printable characters without / " @; letters and digits avoid every escape.
        const authToken = new random.RandomPassword(
            `${name}-auth-token`,
            { length: 64, special: false, ...generationKeepers(args.authTokenGeneration ?? 0) },
            parent,
        );
        const secret = new aws.secretsmanager.Secret(
            `${name}-auth-token`,
            {
                name: `${args.namePrefix}/redis/auth-token`,
                description: `${args.namePrefix} Redis AUTH token`,
                kmsKeyId: args.secretsKeyArn,
                recoveryWindowInDays: args.secretRecoveryWindowDays ?? DEFAULT_SECRET_RECOVERY_DAYS,
                tags: tags("redis-auth-token"),
            },
            parent,
        );
        new aws.secretsmanager.SecretVersion(
            `${name}-auth-token`,
            { secretId: secret.id, secretString: authToken.result },
            parent,
        );

        const subnetGroup = new aws.elasticache.SubnetGroup(
            `${name}-subnets`,
            {
                name: id,
                description: `${args.namePrefix} Redis: private subnets`,
                subnetIds: args.subnetIds,
                tags: tags("redis-subnets"),
            },
            parent,
        );
        const parameterGroup = new aws.elasticache.ParameterGroup(
            `${name}-params`,
            {
                name: `${id}-${REDIS_PARAMETER_FAMILY}`,
                family: REDIS_PARAMETER_FAMILY,
                description: `${args.namePrefix} Redis: evict only keys with a TTL`,
                parameters: [{ name: "maxmemory-policy", value: "volatile-lru" }],
                tags: tags("redis-params"),
            },
            parent,
        );

        const group = new aws.elasticache.ReplicationGroup(
            `${name}-group`,
            {
                replicationGroupId: id,
                description: `${args.namePrefix} Redis`,
                engine: "redis",
                engineVersion: REDIS_ENGINE_VERSION,
                nodeType: args.nodeType,
                port: args.port,
                numCacheClusters: replicas + 1,
                preferredCacheClusterAzs: nodeZones(args.zones, replicas + 1),
                automaticFailoverEnabled: multiAz,
                multiAzEnabled: multiAz,
                subnetGroupName: subnetGroup.name,
                securityGroupIds: [args.securityGroupId],
                parameterGroupName: parameterGroup.name,
                atRestEncryptionEnabled: true,
                kmsKeyId: args.dataKeyArn,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                authToken: authToken.result,
                // A new token is added beside the old one, which stays valid until the next token change (README, Day two).
                authTokenUpdateStrategy: "ROTATE",
                snapshotRetentionLimit: snapshotRetentionDays,
                snapshotWindow: "01:00-02:00",
                maintenanceWindow: "sun:04:00-sun:05:00",
                autoMinorVersionUpgrade: true,
                tags: { ...tags("redis"), Role: "redis" },
            },
            parent,
        );

        this.readerEndpoint = group.readerEndpointAddress;
        this.connection = {
            host: group.primaryEndpointAddress,
            port: args.port,
            authTokenSecretArn: secret.arn,
        };
        this.registerOutputs({
            primaryEndpoint: this.connection.host,
            readerEndpoint: this.readerEndpoint,
            authTokenSecretArn: this.connection.authTokenSecretArn,
        });
    }
}
