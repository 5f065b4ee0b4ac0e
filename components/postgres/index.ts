import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { parameterGroupFamily, POSTGRES_PARAMETERS, rdsIdentifier, replicaZones } from "./settings";

export interface PostgresArgs {
    /** Engine version, major or major.minor, e.g. "17". No default. */
    readonly engineVersion: string;
    /** Instance class of primary and replicas, e.g. "db.m6g.xlarge". No default. */
    readonly instanceClass: string;
    /** Allocated gp3 storage, GiB; autoscaling may grow it to twice that. No default. */
    readonly allocatedStorageGb: number;
    /** Read replicas, each in its own zone other than the primary's. Default: 0. */
    readonly readReplicas?: number;
    /** Zones in order; the primary's is the first. No default. */
    readonly zones: readonly string[];
    /** Private subnets for the subnet group, one per zone. No default. */
    readonly subnetIds: pulumi.Input<string>[];
    /** Security group admitting the PostgreSQL port from the roles of the port map. No default. */
    readonly securityGroupId: pulumi.Input<string>;
    /** Port from the port map. No default. */
    readonly port: number;
    /** KMS key for storage and Performance Insights. No default. */
    readonly dataKeyArn: pulumi.Input<string>;
    /** KMS key of the RDS-managed master secret in Secrets Manager. No default. */
    readonly secretsKeyArn: pulumi.Input<string>;
    /** Days of automated backups (point-in-time recovery). Default: 7. */
    readonly backupRetentionDays?: number;
    /** Synchronous standby in another zone. Default: false. */
    readonly multiAz?: boolean;
    /** Deletion protection and a final snapshot. Default: true. */
    readonly deletionProtection?: boolean;
    /** Prefix of identifiers, e.g. "chain-platform-prod". No default. */
    readonly namePrefix: string;
    /** The account, pinned in the enhanced-monitoring role's trust policy. No default. */
    readonly accountId: string;
    /** Seconds between enhanced-monitoring samples (OS metrics: CPU steal, memory, disk queue). Default: 60. */
    readonly monitoringIntervalSeconds?: number;
    /** Tags for every resource. Default: none. */
    readonly tags?: Record<string, string>;
}

/** RDS PostgreSQL: an encrypted primary forcing TLS, and read replicas in other zones. */
export class Postgres extends pulumi.ComponentResource {
    public readonly writerEndpoint: pulumi.Output<string>;
    public readonly readerEndpoints: pulumi.Output<string>[];
    public readonly masterSecretArn: pulumi.Output<string>;
    public readonly instanceIdentifiers: pulumi.Output<string>[];

    constructor(name: string, args: PostgresArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:Postgres", name, {}, opts);
        const readReplicas = args.readReplicas ?? 0;
        const backupRetentionDays = args.backupRetentionDays ?? 7;
        const multiAz = args.multiAz ?? false;
        const deletionProtection = args.deletionProtection ?? true;
        const family = parameterGroupFamily(args.engineVersion);
        const zonesOfReplicas = replicaZones(args.zones, readReplicas);
        const identifier = rdsIdentifier(args.namePrefix, "pg");
        const parent = { parent: this };
        const tags = (role: string) => ({ ...args.tags, Name: `${args.namePrefix}-${role}` });
        const logs = ["postgresql", "upgrade"];

        const subnetGroup = new aws.rds.SubnetGroup(`${name}-subnets`, {
            name: identifier,
            description: `${args.namePrefix} PostgreSQL: private subnets`,
            subnetIds: args.subnetIds,
            tags: tags("pg-subnets"),
        }, parent);
        const parameterGroup = new aws.rds.ParameterGroup(`${name}-params`, {
            name: rdsIdentifier(args.namePrefix, family),
            family,
            description: `${args.namePrefix} ${family}: TLS only, slow statements logged`,
            parameters: POSTGRES_PARAMETERS.map((p) => ({ ...p })),
            tags: tags("pg-params"),
        }, parent);

        // Enhanced monitoring: OS metrics every interval, delivered by RDS through this role.
        const monitoringRole = new aws.iam.Role(`${name}-monitoring`, {
            name: `${args.namePrefix}-rds-monitoring`,
            description: `${args.namePrefix} RDS enhanced monitoring`,
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": args.accountId } } }],
            }),
            tags: tags("rds-monitoring"),
        }, parent);
        const monitoringPolicy = new aws.iam.RolePolicyAttachment(`${name}-monitoring`, {
            role: monitoringRole.name,
            policyArn: pulumi.interpolate`arn:${aws.getPartitionOutput({}, parent).partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
        }, parent);
        // RDS checks the role's permissions when the instance is created: the attachment must exist first.
        const monitored = { ...parent, dependsOn: [monitoringPolicy] };
        const monitoring = { monitoringInterval: args.monitoringIntervalSeconds ?? 60, monitoringRoleArn: monitoringRole.arn };

        const primary = new aws.rds.Instance(`${name}-primary`, {
            identifier,
            engine: "postgres",
            engineVersion: args.engineVersion,
            instanceClass: args.instanceClass,
            allocatedStorage: args.allocatedStorageGb,
            maxAllocatedStorage: args.allocatedStorageGb * 2,
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: args.dataKeyArn,
            dbName: "platform",
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
        }, monitored);

        const replicas = zonesOfReplicas.map((zone, i) =>
            new aws.rds.Instance(`${name}-replica-${i}`, {
                identifier: rdsIdentifier(args.namePrefix, "pg", "replica", String(i + 1)),
                replicateSourceDb: primary.identifier,
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
            }, monitored),
        );

        this.writerEndpoint = primary.endpoint;
        this.readerEndpoints = replicas.map((r) => r.endpoint);
        // manageMasterUserPassword makes RDS create exactly one master secret.
        this.masterSecretArn = primary.masterUserSecrets.apply((secrets) => secrets[0]!.secretArn);
        this.instanceIdentifiers = [primary, ...replicas].map((i) => i.identifier);
        this.registerOutputs({
            writerEndpoint: this.writerEndpoint,
            readerEndpoints: this.readerEndpoints,
            masterSecretArn: this.masterSecretArn,
        });
    }
}
