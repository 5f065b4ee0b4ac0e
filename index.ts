/**
 * The platform stack. Reads and validates the configuration once, then composes the components;
 * nothing is declared when the configuration is invalid.
 */
import * as pulumi from "@pulumi/pulumi";
import { BackupJobs } from "./components/backup-jobs";
import { DatabaseUsers } from "./components/database-users";
import { BackupStore } from "./components/backup-store";
import { ChainNetwork } from "./components/chain";
import { ChainImage } from "./components/chain-image";
import { ChainCluster } from "./components/cluster";
import { AUTOSCALING_SERVICE_LINKED_ROLE, Keys, serviceLinkedRole } from "./components/keys";
import { LoadBalancer } from "./components/load-balancer";
import { Network } from "./components/network";
import { Monitoring } from "./components/monitoring";
import { Postgres } from "./components/postgres";
import { Redis } from "./components/redis";
import { AppServers } from "./components/servers";
import { WireGuardHub } from "./components/wireguard";
import { DEFAULT_SECRET_RECOVERY_DAYS } from "./components/shared/rotation";
import { loadStackConfig } from "./config/load";
import { baseTags, namePrefix, partitionOf, StackIdentity } from "./topology/naming";
import { listenerOf, portMap } from "./topology/ports";
import { planSubnets } from "./topology/subnets";
import { lookUpAccount } from "./stack/lookups";
import { placementsByAddress, placementsBySubnet } from "./stack/placements";

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

    const chainRepositoryName = `${prefix}/chain-node`;
    const { zones, zoneIds, accountId, serverAmiId, chainImageSource, hostedZoneId } =
        await lookUpAccount(config, identity.project, chainRepositoryName);
    const listeners = portMap({ sshFromOperators: config.sshFromOperators });
    // Every port comes from the port map, read one way.
    const port = (role: Parameters<typeof listenerOf>[0], name: string) =>
        listenerOf(role, name, listeners).port;

    // Protected stacks keep what a destroy would lose; the others can be destroyed and re-created at once
    // (no secret name held in its recovery window, no bucket or repository refusing to go because it is not empty).
    const recreatable = !config.deletionProtection;
    const secretRecoveryWindowDays = recreatable ? 0 : DEFAULT_SECRET_RECOVERY_DAYS;
    const partition = partitionOf(config.region);
    // Node groups launch through EC2 Auto Scaling's service-linked role; the data key must name it, so it must exist first.
    const autoscalingRole = await serviceLinkedRole("autoscaling-service-role", {
        ...AUTOSCALING_SERVICE_LINKED_ROLE,
        owner: `${identity.project}/${identity.stack}`,
        accountId: accountId,
        partition,
        tags,
    });
    const policyContext = {
        accountId: accountId,
        region: config.region,
        partition,
        autoscalingRoleArn: autoscalingRole.arn,
    };
    // ── Foundation: keys and network ──
    const keys = new Keys("keys", {
        policyContext,
        serviceLinkedRoles: [autoscalingRole],
        namePrefix: prefix,
        deletionWindowDays: config.kmsDeletionWindowDays,
        tags,
    });

    const network = new Network("network", {
        cidrBlock: config.vpcCidr,
        accountId: accountId,
        zones,
        natGateways: config.natGateways,
        listeners,
        internetAllowList: { wireguardHub: config.wireguardAllowedSources },
        flowLogKeyArn: keys.arns.logs,
        flowLogRetentionDays: config.flowLogRetentionDays,
        namePrefix: prefix,
        tags,
    });

    // ── Data: PostgreSQL, Redis, backup buckets ──
    const postgres = new Postgres("postgres", {
        engineVersion: config.postgresEngineVersion,
        instanceClass: config.postgresInstanceClass,
        allocatedStorageGb: config.postgresStorageGb,
        readReplicas: config.postgresReadReplicas,
        zones,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.postgres,
        port: port("postgres", "postgres"),
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        backupRetentionDays: config.postgresBackupRetentionDays,
        multiAz: config.postgresMultiAz,
        deletionProtection: config.deletionProtection,
        namePrefix: prefix,
        region: config.region,
        accountId: accountId,
        tags,
    });

    const redis = new Redis("redis", {
        secretRecoveryWindowDays,
        nodeType: config.redisNodeType,
        authTokenGeneration: config.redisAuthTokenGeneration,
        replicas: config.redisReplicas,
        multiAz: config.redisMultiAz,
        zones,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.redis,
        port: port("redis", "redis"),
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        snapshotRetentionDays: config.redisSnapshotRetentionDays,
        namePrefix: prefix,
        tags,
    });

    const backups = new BackupStore("backups", {
        forceDestroy: recreatable,
        policyContext,
        backupsKeyArn: keys.arns.backups,
        keyDeletionWindowDays: config.kmsDeletionWindowDays,
        objectLock: config.backupObjectLock,
        replicaRegion:
            config.backupReplicaRegion === "none" ? undefined : config.backupReplicaRegion,
        namePrefix: prefix,
        tags,
    });

    const nodeExporterPort = port("appServer", "node-exporter");

    const serverPlatform = {
        ami: serverAmiId,
        region: config.region,
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        nodeExporterPort,
        ssh: config.sshFromOperators,
        namePrefix: prefix,
        tags,
    };

    // ── Servers: the API tier ──
    const appServers = new AppServers("app", {
        platform: serverPlatform,
        count: config.appServerCount,
        instanceType: config.appServerInstanceType,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.appServer,
        apiPort: port("appServer", "api"),
        image: config.apiImage,
        accountId: accountId,
        database: postgres.connection,
        redis: redis.connection,
    });

    // ── Cluster, node image and the workloads on it ──
    const cluster = new ChainCluster("cluster", {
        inClusterObjects: config.chainWorkloads,
        adminRoleArns: config.clusterAdminRoleArns,
        accountId: accountId,
        version: config.kubernetesVersion,
        subnetIds: network.privateSubnetIds,
        zones,
        vpcId: network.vpcId,
        nodeSecurityGroupId: network.securityGroupIds.cluster,
        publicAccessCidrs: config.clusterPublicAccessCidrs,
        nodeInstanceType: config.nodeInstanceType,
        nodesPerZone: config.nodesPerZone,
        clusterKeyArn: keys.arns.cluster,
        dataKeyArn: keys.arns.data,
        logsKeyArn: keys.arns.logs,
        logRetentionDays: config.flowLogRetentionDays,
        region: config.region,
        namePrefix: prefix,
        tags,
    });

    const chainImage = new ChainImage("chain-image", {
        repositoryName: chainRepositoryName,
        source: chainImageSource,
        dataKeyArn: keys.arns.data,
        forceDestroy: recreatable,
        tags,
    });

    // Where each role of the port map is, for NetworkPolicies (stack/placements.ts).
    const placements = placementsBySubnet(planSubnets(config.vpcCidr, zones));

    // The Kubernetes workloads wait for the second up of an empty account (README, "From an empty account").
    const chain = !config.chainWorkloads
        ? undefined
        : new ChainNetwork("chain", {
              secretRecoveryWindowDays,
              cluster,
              validators: config.validators,
              relays: config.relays,
              zones,
              image: chainImage.imageRef,
              volumeGb: config.chainVolumeGb,
              listeners,
              placements,
              rpcBalancerSecurityGroupId: network.securityGroupIds.relayRpcBalancer,
              secretsKeyArn: keys.arns.secrets,
              region: config.region,
              namePrefix: prefix,
              tags,
          });

    // The exporters and dump jobs log in as users of their own, created by a Job as the master user.
    const databaseUsers = !chain
        ? undefined
        : new DatabaseUsers("database-users", {
              cluster,
              connection: postgres.connection,
              passwordGeneration: config.databaseUserPasswordGeneration,
              secretsKeyArn: keys.arns.secrets,
              secretRecoveryWindowDays,
              listeners,
              placements,
              region: config.region,
              namePrefix: prefix,
              tags,
          });

    if (chain && databaseUsers)
        new BackupJobs(
            "backup-jobs",
            {
                cluster,
                spec: {
                    region: config.region,
                    postgres: {
                        connection: postgres.connection,
                        secretArn: databaseUsers.credentials.dumps.secretArn,
                    },
                    chain: {
                        namespace: chain.namespace,
                        volumeClaims: chain.validatorVolumeClaims,
                    },
                    backupsKeyArn: keys.arns.backups,
                    // The EBS CSI driver's role may use the data key (the cluster's storage class uses it too).
                    scratchKeyArn: keys.arns.data,
                    scratchGb: config.chainVolumeGb,
                },
                chainNamespace: chain.namespaceResource,
                dumpsWriter: backups.writers.dumps,
                secretsKeyArn: keys.arns.secrets,
                listeners,
                placements,
                namePrefix: prefix,
                tags,
            },
            { dependsOn: [databaseUsers] },
        );

    // ── Edge: Nginx load balancers and the WireGuard hub ──
    const loadBalancer = new LoadBalancer("lb", {
        platform: serverPlatform,
        count: config.loadBalancerCount,
        instanceType: config.loadBalancerInstanceType,
        subnetIds: network.publicSubnetIds,
        securityGroupId: network.securityGroupIds.loadBalancer,
        ports: {
            http: port("loadBalancer", "http"),
            https: port("loadBalancer", "https"),
            status: port("loadBalancer", "nginx-status"),
        },
        apiUpstreams: appServers.apiEndpoints,
        rpcUpstream: chain?.rpcEndpoint,
        statusAllowedFrom: [config.vpcCidr],
        publicDomain: config.publicDomain,
        acme: { hostedZoneId, email: config.acmeEmail },
    });

    const wireguard = new WireGuardHub("wireguard", {
        platform: serverPlatform,
        instanceType: config.wireguardInstanceType,
        subnetId: network.publicSubnetIds[0]!,
        securityGroupId: network.securityGroupIds.wireguardHub,
        listenPort: port("wireguardHub", "wireguard"),
        tunnelCidr: config.wireguardCidr,
        peers: config.wireguardPeers,
        keyGeneration: config.wireguardKeyGeneration,
    });

    // ── Monitoring, which reaches every server by its address ──
    const serverPlacements = placementsByAddress(
        placements,
        {
            hub: wireguard.privateIp,
            loadBalancers: loadBalancer.privateIps,
            apiServers: appServers.privateIps,
        },
        (ip) => pulumi.interpolate`${ip}/32`,
    );
    const monitoring = !(chain && databaseUsers)
        ? undefined
        : new Monitoring(
              "monitoring",
              {
                  secretRecoveryWindowDays,
                  grafanaPasswordGeneration: config.grafanaPasswordGeneration,
                  cluster,
                  listeners,
                  placements: serverPlacements,
                  environment: config.environment,
                  region: config.region,
                  retentionDays: config.prometheusRetentionDays,
                  volumeGb: config.prometheusVolumeGb,
                  servers: {
                      apiServers: appServers.scrapeTargets,
                      loadBalancers: loadBalancer.scrapeTargets,
                      wireguardHub: wireguard.scrapeTargets,
                  },
                  chain: chain.scrapeTargets,
                  database: postgres.connection,
                  databaseCredentials: databaseUsers.credentials.metrics,
                  redis: redis.connection,
                  alerting: {
                      slackChannel: config.alertSlackChannel,
                      pagerDuty: config.alertPagerDuty,
                  },
                  secretsKeyArn: keys.arns.secrets,
                  namePrefix: prefix,
                  tags,
              },
              { dependsOn: [databaseUsers] },
          );

    // ── Outputs ──
    return {
        availabilityZones: zones,
        availabilityZoneIds: zoneIds,
        vpcId: network.vpcId,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        securityGroupIds: network.securityGroupIds,
        kmsKeyArns: keys.arns,
        postgres: {
            writerEndpoint: postgres.writerEndpoint,
            readerEndpoints: postgres.readerEndpoints,
            masterSecretArn: postgres.connection.masterSecretArn,
        },
        redis: {
            primaryEndpoint: redis.connection.host,
            readerEndpoint: redis.readerEndpoint,
            authTokenSecretArn: redis.connection.authTokenSecretArn,
        },
        appServers: { privateIps: appServers.privateIps, instanceIds: appServers.instanceIds },
        loadBalancer: { publicIps: loadBalancer.publicIps, hostedZoneId },
        cluster: { name: cluster.clusterName, kubeconfig: cluster.kubeconfig },
        chain: {
            image: chainImage.imageRef,
            repositoryUrl: chainImage.repositoryUrl,
            validatorKeySecretArns: chain?.validatorKeySecretArns,
            rpcEndpoint: chain?.rpcEndpoint,
        },
        monitoring: monitoring && {
            grafanaAdminPassword: monitoring.grafanaAdminPassword,
            alertingSecretArns: monitoring.alertingSecretArns,
        },
        wireguard: {
            publicIp: wireguard.publicIp,
            publicKey: wireguard.publicKey,
            privateKeyParameter: wireguard.privateKeyParameter,
            configParameter: wireguard.configParameter,
        },
        backups: {
            buckets: backups.bucketNames,
            writerPolicyArns: backups.writerPolicyArns,
            replicaBuckets: backups.replicaBucketNames,
        },
    };
};
