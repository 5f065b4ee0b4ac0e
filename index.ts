/**
 * The platform stack. Reads and validates the configuration once, then composes the components;
 * nothing is declared when the configuration is invalid.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BackupStore } from "./components/backup-store";
import { Keys } from "./components/keys";
import { LoadBalancer } from "./components/load-balancer";
import { Network } from "./components/network";
import { Postgres } from "./components/postgres";
import { Redis } from "./components/redis";
import { AppServers } from "./components/servers/app-servers";
import { WireGuardHub } from "./components/wireguard";
import { ConfigError } from "./config/errors";
import { loadStackConfig } from "./config/load";
import { baseTags, namePrefix, partitionOf, StackIdentity } from "./topology/naming";
import { listenerOf, portMap } from "./topology/ports";

export = async () => {
    const config = loadStackConfig();
    const identity: StackIdentity = {
        project: pulumi.getProject(),
        stack: pulumi.getStack(),
        environment: config.environment,
        owner: config.owner,
    };
    const prefix = namePrefix(identity);
    const tags = baseTags(identity);

    const [available, caller, ubuntu] = await Promise.all([
        aws.getAvailabilityZones({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }),
        aws.getCallerIdentity({}),
        // Canonical's Ubuntu 24.04 LTS; servers ignore later AMI changes until replaced on purpose.
        aws.ec2.getAmi({
            mostRecent: true,
            owners: ["099720109477"],
            filters: [
                { name: "name", values: ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"] },
                { name: "virtualization-type", values: ["hvm"] },
            ],
        }),
    ]);
    if (available.names.length < config.availabilityZones) {
        throw new ConfigError([{
            key: `${identity.project}:availabilityZones`,
            value: String(config.availabilityZones),
            rule: `must not exceed the ${available.names.length} available zones of ${config.region} (${available.names.join(", ")})`,
        }]);
    }
    const zones = [...available.names].sort().slice(0, config.availabilityZones);
    const listeners = portMap({ sshFromOperators: config.sshFromOperators });

    const policyContext = { accountId: caller.accountId, region: config.region, partition: partitionOf(config.region) };
    const keys = new Keys("keys", {
        policyContext,
        aliasPrefix: prefix,
        deletionWindowDays: config.kmsDeletionWindowDays,
        tags,
    });

    const network = new Network("network", {
        cidrBlock: config.vpcCidr,
        zones,
        natGateways: config.natGateways,
        listeners,
        internetAllowList: { wireguardHub: config.wireguardAllowedSources },
        flowLogKeyArn: keys.arns.logs,
        flowLogRetentionDays: config.flowLogRetentionDays,
        namePrefix: prefix,
        tags,
    });

    const postgres = new Postgres("postgres", {
        engineVersion: config.postgresEngineVersion,
        instanceClass: config.postgresInstanceClass,
        allocatedStorageGb: config.postgresStorageGb,
        readReplicas: config.postgresReadReplicas,
        zones,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.postgres,
        port: listenerOf("postgres", "postgres", listeners).port,
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        backupRetentionDays: config.postgresBackupRetentionDays,
        multiAz: config.postgresMultiAz,
        deletionProtection: config.deletionProtection,
        namePrefix: prefix,
        tags,
    });

    const redis = new Redis("redis", {
        nodeType: config.redisNodeType,
        replicas: config.redisReplicas,
        multiAz: config.redisMultiAz,
        zones,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.redis,
        port: listenerOf("redis", "redis", listeners).port,
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        snapshotRetentionDays: config.redisSnapshotRetentionDays,
        namePrefix: prefix,
        tags,
    });

    const backups = new BackupStore("backups", {
        policyContext,
        backupsKeyArn: keys.arns.backups,
        objectLock: config.backupObjectLock,
        replicaRegion: config.backupReplicaRegion === "none" ? undefined : config.backupReplicaRegion,
        namePrefix: prefix,
        tags,
    });

    const port = (role: Parameters<typeof listenerOf>[0], name: string) => listenerOf(role, name, listeners).port;
    const nodeExporterPort = port("appServer", "node-exporter");

    const appServers = new AppServers("app", {
        count: config.appServerCount,
        instanceType: config.appServerInstanceType,
        ami: ubuntu.id,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.appServer,
        apiPort: port("appServer", "api"),
        nodeExporterPort,
        image: config.apiImage,
        accountId: caller.accountId,
        region: config.region,
        database: { endpoint: postgres.writerEndpoint, readerEndpoints: postgres.readerEndpoints, secretArn: postgres.masterSecretArn },
        redis: { endpoint: redis.primaryEndpoint, port: port("redis", "redis"), authTokenSecretArn: redis.authTokenSecretArn },
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        ssh: config.sshFromOperators,
        namePrefix: prefix,
        tags,
    });

    const loadBalancer = new LoadBalancer("lb", {
        count: config.loadBalancerCount,
        instanceType: config.loadBalancerInstanceType,
        ami: ubuntu.id,
        subnetIds: network.publicSubnetIds,
        securityGroupId: network.securityGroupIds.loadBalancer,
        ports: { http: port("loadBalancer", "http"), https: port("loadBalancer", "https"), status: port("loadBalancer", "nginx-status"), nodeExporter: nodeExporterPort },
        apiUpstreams: appServers.privateIps.map((ip) => pulumi.interpolate`${ip}:${port("appServer", "api")}`),
        statusAllowedFrom: [config.vpcCidr],
        publicDomain: config.publicDomain,
        certificate: config.tlsCertificate === "letsencrypt" ? { source: "letsencrypt", email: config.acmeEmail } : { source: "secretsmanager" },
        region: config.region,
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        ssh: config.sshFromOperators,
        namePrefix: prefix,
        tags,
    });

    const wireguard = new WireGuardHub("wireguard", {
        instanceType: config.wireguardInstanceType,
        ami: ubuntu.id,
        subnetId: network.publicSubnetIds[0]!,
        securityGroupId: network.securityGroupIds.wireguardHub,
        listenPort: port("wireguardHub", "wireguard"),
        nodeExporterPort,
        tunnelCidr: config.wireguardCidr,
        peers: config.wireguardPeers,
        region: config.region,
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        ssh: config.sshFromOperators,
        namePrefix: prefix,
        tags,
    });

    return {
        availabilityZones: zones,
        vpcId: network.vpcId,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        securityGroupIds: network.securityGroupIds,
        kmsKeyArns: keys.arns,
        postgres: {
            writerEndpoint: postgres.writerEndpoint,
            readerEndpoints: postgres.readerEndpoints,
            masterSecretArn: postgres.masterSecretArn,
        },
        redis: {
            primaryEndpoint: redis.primaryEndpoint,
            readerEndpoint: redis.readerEndpoint,
            authTokenSecretArn: redis.authTokenSecretArn,
        },
        appServers: { privateIps: appServers.privateIps },
        loadBalancer: { publicIps: loadBalancer.publicIps, certificateSecretArn: loadBalancer.certificateSecretArn },
        wireguard: { publicIp: wireguard.publicIp, publicKey: wireguard.publicKey, privateKeyParameter: wireguard.privateKeyParameter },
        backups: {
            buckets: backups.bucketNames,
            writerPolicyArns: backups.writerPolicyArns,
            replicaBuckets: backups.replicaBucketNames,
        },
    };
};
