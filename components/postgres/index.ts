import { awsManagedPolicyArn, serviceTrustWithinAccount } from "../shared/iam";
import { withAliases } from "../shared/aliases";
import { DataStoreArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checked } from "../shared/errors";
import { PostgresConnection } from "../shared/connections";
import { RDS_CA_IDENTIFIER, rdsCaBundle } from "./ca-bundle";
import { parameterGroupFamily, POSTGRES_PARAMETERS, rdsIdentifier, replicaZones } from "./settings";

/** The database the platform's API, exporters and dump jobs use. */
export const DATABASE_NAME = "platform";

export type { PostgresConnection };

export interface PostgresArgs extends DataStoreArgs {
    /** Engine version, major or major.minor, e.g. "17". No default. */
    readonly engineVersion: string;
    /** Instance class of primary and replicas, e.g. "db.m6g.xlarge". No default. */
    readonly instanceClass: string;
    /** Allocated gp3 storage, GiB; autoscaling may grow it to twice that. No default. */
    readonly allocatedStorageGb: number;
    /** Read replicas, each in its own zone other than the primary's. Default: 0. */
    readonly readReplicas?: number;
    /** Days of automated backups (point-in-time recovery). Default: 7. */
    readonly backupRetentionDays?: number;
    /** Deletion protection and a final snapshot. Default: true. */
    readonly deletionProtection?: boolean;
    /** The account, pinned in the enhanced-monitoring role's trust policy. No default. */
    readonly accountId: string;
    /** Seconds between enhanced-monitoring samples (OS metrics: CPU steal, memory, disk queue). Default: 60. */
    readonly monitoringIntervalSeconds?: number;
    /** Region of the instances: their certificates chain to that region's root. No default. */
    readonly region: string;
}

/** RDS PostgreSQL: an encrypted primary forcing TLS, and read replicas in other zones. */
export class Postgres extends pulumi.ComponentResource {
    public readonly writerEndpoint: pulumi.Output<string>;
    public readonly readerEndpoints: pulumi.Output<string>[];
    /** What clients need: host, replicas, port, database, CA bundle, master secret, client image. */
    public readonly connection: PostgresConnection;

    constructor(name: string, args: PostgresArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:data:Postgres (folder = module); the alias keeps existing stacks' resources.
        super("platform:postgres:Postgres", name, {}, withAliases(opts, "platform:data:Postgres"));
        const readReplicas = args.readReplicas ?? 0;
        const backupRetentionDays = args.backupRetentionDays ?? 7;
        const multiAz = args.multiAz ?? false;
        const deletionProtection = args.deletionProtection ?? true;
        const family = checked(this, () => parameterGroupFamily(args.engineVersion));
        const zonesOfReplicas = checked(this, () => replicaZones(args.zones, readReplicas));
        const identifier = checked(this, () => rdsIdentifier(args.namePrefix, "pg"));
        const parent = { parent: this };
        const tags = (role: string) => ({ ...args.tags, Name: `${args.namePrefix}-${role}` });
        const logs = ["postgresql", "upgrade"];
        // Pinned rather than RDS's default of the day, so the CA bundle clients carry is known to verify it.
        const caCertIdentifier = RDS_CA_IDENTIFIER;
        const caBundle = checked(this, () => rdsCaBundle(args.region, caCertIdentifier));

        const subnetGroup = new aws.rds.SubnetGroup(
            `${name}-subnets`,
            {
                name: identifier,
                description: `${args.namePrefix} PostgreSQL: private subnets`,
                subnetIds: args.subnetIds,
                tags: tags("pg-subnets"),
            },
            parent,
        );
        const parameterGroup = new aws.rds.ParameterGroup(
            `${name}-params`,
            {
                name: checked(this, () => rdsIdentifier(args.namePrefix, family)),
                family,
                description: `${args.namePrefix} ${family}: TLS only, slow statements logged`,
                parameters: POSTGRES_PARAMETERS.map((p) => ({ ...p })),
                tags: tags("pg-params"),
            },
            parent,
        );

        // Enhanced monitoring: OS metrics every interval, delivered by RDS through this role.
        const monitoringRole = new aws.iam.Role(
            `${name}-monitoring`,
            {
                name: `${args.namePrefix}-rds-monitoring`,
                description: `${args.namePrefix} RDS enhanced monitoring`,
                assumeRolePolicy: serviceTrustWithinAccount(
                    "monitoring.rds.amazonaws.com",
                    args.accountId,
                ),
                tags: tags("rds-monitoring"),
            },
            parent,
        );
        const monitoringPolicy = new aws.iam.RolePolicyAttachment(
            `${name}-monitoring`,
            {
                role: monitoringRole.name,
                policyArn: awsManagedPolicyArn(
                    args.region,
                    "service-role/AmazonRDSEnhancedMonitoringRole",
                ),
            },
            parent,
        );
        // RDS checks the role's permissions when the instance is created: the attachment must exist first.
        const monitored = { ...parent, dependsOn: [monitoringPolicy] };
        const monitoring = {
            monitoringInterval: args.monitoringIntervalSeconds ?? 60,
            monitoringRoleArn: monitoringRole.arn,
        };

        const primary = new aws.rds.Instance(
            `${name}-primary`,
            {
                identifier,
                engine: "postgres",
                engineVersion: args.engineVersion,
                instanceClass: args.instanceClass,
                allocatedStorage: args.allocatedStorageGb,
                maxAllocatedStorage: args.allocatedStorageGb * 2,
                storageType: "gp3",
                storageEncrypted: true,
                kmsKeyId: args.dataKeyArn,
                dbName: DATABASE_NAME,
                caCertIdentifier,
                username: "platform_admin",
                // RDS keeps the master password in Secrets Manager; it never passes through Pulumi.
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.secretsKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                port: args.port,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [args.securityGroupId],
                parameterGroupName: parameterGroup.name,
                multiAz,
                // RDS refuses a zone for Multi-AZ instances: it places primary and standby itself.
                availabilityZone: multiAz ? undefined : args.zones[0],
                publiclyAccessible: false,
                backupRetentionPeriod: backupRetentionDays,
                backupWindow: "02:00-02:30",
                maintenanceWindow: "sun:03:00-sun:03:30",
                copyTagsToSnapshot: true,
                deletionProtection,
                skipFinalSnapshot: !deletionProtection,
                finalSnapshotIdentifier: deletionProtection ? `${identifier}-final` : undefined,
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: args.dataKeyArn,
                performanceInsightsRetentionPeriod: 7,
                ...monitoring,
                enabledCloudwatchLogsExports: logs,
                autoMinorVersionUpgrade: true,
                tags: { ...tags("pg-primary"), Role: "postgres" },
            },
            monitored,
        );

        const replicas = zonesOfReplicas.map(
            (zone, i) =>
                new aws.rds.Instance(
                    `${name}-replica-${i}`,
                    {
                        identifier: checked(this, () =>
                            rdsIdentifier(args.namePrefix, "pg", "replica", String(i + 1)),
                        ),
                        replicateSourceDb: primary.identifier,
                        caCertIdentifier,
                        instanceClass: args.instanceClass,
                        maxAllocatedStorage: args.allocatedStorageGb * 2,
                        storageType: "gp3",
                        port: args.port,
                        availabilityZone: zone,
                        vpcSecurityGroupIds: [args.securityGroupId],
                        parameterGroupName: parameterGroup.name,
                        publiclyAccessible: false,
                        backupRetentionPeriod: 0,
                        skipFinalSnapshot: true,
                        deletionProtection,
                        copyTagsToSnapshot: true,
                        performanceInsightsEnabled: true,
                        performanceInsightsKmsKeyId: args.dataKeyArn,
                        performanceInsightsRetentionPeriod: 7,
                        ...monitoring,
                        enabledCloudwatchLogsExports: logs,
                        autoMinorVersionUpgrade: true,
                        tags: { ...tags(`pg-replica-${i + 1}`), Role: "postgres" },
                    },
                    monitored,
                ),
        );

        this.writerEndpoint = primary.endpoint;
        this.readerEndpoints = replicas.map((r) => r.endpoint);
        // manageMasterUserPassword makes RDS create exactly one master secret.
        const masterSecretArn = primary.masterUserSecrets.apply((secrets) => secrets[0]!.secretArn);
        this.connection = {
            host: primary.address,
            replicaHosts: replicas.map((r) => r.address),
            port: args.port,
            database: DATABASE_NAME,
            caBundle,
            masterSecretArn,
            clientImage: `postgres:${family.replace(/^postgres/, "")}-alpine`,
        };
        this.registerOutputs({
            writerEndpoint: this.writerEndpoint,
            readerEndpoints: this.readerEndpoints,
            masterSecretArn,
        });
    }
}
