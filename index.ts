/**
 * The platform stack. Reads and validates the configuration once, then composes the components;
 * nothing is declared when the configuration is invalid.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Backups } from "./components/backup-jobs";
import {
    DATABASE_USERS_COMPONENT,
    DATABASE_USERS_NAMESPACE,
    DatabaseUsers,
} from "./components/database-users";
import { BackupStore } from "./components/backup-store";
import { ChainNetwork, Placement } from "./components/chain";
import {
    ChainImage,
    contentTag,
    contextDigest,
    parseEcrImage,
    verifyEcrImage,
    verifyPinnedImage,
} from "./components/chain-image";
import { ChainCluster, DEFAULT_STORAGE_CLASS } from "./components/cluster";
import { AUTOSCALING_SERVICE_LINKED_ROLE, Keys, serviceLinkedRole } from "./components/keys";
import { LoadBalancer } from "./components/load-balancer";
import { lookupPublicZone } from "./components/load-balancer/zone";
import { Network } from "./components/network";
import { Monitoring } from "./components/monitoring";
import { Postgres } from "./components/postgres";
import { Redis } from "./components/redis";
import { AppServers } from "./components/servers/app-servers";
import { WireGuardHub } from "./components/wireguard";
import { allLookups, ConfigError } from "./config/errors";
import { StackConfig } from "./config/parse";
import type { ChainImageArgs } from "./components/chain-image";
import * as path from "path";
import { loadStackConfig } from "./config/load";
import { baseTags, namePrefix, partitionOf, StackIdentity } from "./topology/naming";
import { listenerOf, portMap, Role } from "./topology/ports";
import { planSubnets } from "./topology/subnets";
import { chooseZones } from "./topology/zones";

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

    // Zones are qualified and ordered by zone ID (topology/zones.ts): names map to different
    // physical zones per account, and some zone IDs cannot host EKS or current instance types.
    const instanceTypes = [
        { role: "appServerInstanceType", type: config.appServerInstanceType },
        { role: "loadBalancerInstanceType", type: config.loadBalancerInstanceType },
        { role: "wireguardInstanceType", type: config.wireguardInstanceType },
        { role: "nodeInstanceType", type: config.nodeInstanceType },
    ];
    const [available, offered, caller, ubuntu] = await Promise.all([
        aws.getAvailabilityZones({
            state: "available",
            filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
        }),
        aws.ec2.getInstanceTypeOfferings({
            locationType: "availability-zone-id",
            filters: [
                {
                    name: "instance-type",
                    values: [...new Set(instanceTypes.map((t) => t.type))].sort(),
                },
            ],
        }),
        aws.getCallerIdentity({}),
        // Canonical's Ubuntu 24.04 LTS; servers ignore later AMI changes until replaced on purpose.
        aws.ec2.getAmi({
            mostRecent: true,
            owners: ["099720109477"],
            filters: [
                {
                    name: "name",
                    values: ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"],
                },
                { name: "virtualization-type", values: ["hvm"] },
            ],
        }),
    ]);
    const offerings: Record<string, string[]> = {};
    offered.instanceTypes.forEach((type, i) =>
        (offerings[type] ??= []).push(offered.locations[i]!),
    );
    const zoneChoice = chooseZones({
        zones: available.names.map((name, i) => ({ name, id: available.zoneIds[i]! })),
        count: config.availabilityZones,
        instanceTypes,
        offerings,
    });
    if (zoneChoice.problem) {
        throw new ConfigError([
            {
                key: `${identity.project}:availabilityZones`,
                value: String(config.availabilityZones),
                rule: `${zoneChoice.problem} (region ${config.region})`,
            },
        ]);
    }
    const foreignRoles = config.clusterAdminRoleArns.filter(
        (arn) => arn.split(":")[4] !== caller.accountId,
    );
    if (foreignRoles.length > 0) {
        throw new ConfigError(
            foreignRoles.map((arn) => ({
                key: `${identity.project}:clusterAdminRoleArns[${config.clusterAdminRoleArns.indexOf(arn)}]`,
                value: JSON.stringify(arn),
                rule: `must be a role of this account (${caller.accountId}): EKS refuses access entries for another account's roles`,
            })),
        );
    }
    const zones = zoneChoice.chosen.map((z) => z.name);
    const zoneIds = zoneChoice.chosen.map((z) => z.id);
    const listeners = portMap({ sshFromOperators: config.sshFromOperators });

    // Protected stacks keep what a destroy would lose; the others can be destroyed and re-created at once
    // (no secret name held in its recovery window, no bucket or repository refusing to go because it is not empty).
    const recreatable = !config.deletionProtection;
    const secretRecoveryWindowDays = recreatable ? 0 : 30;
    const chainRepositoryName = `${prefix}/chain-node`;
    const [chainImageSource, hostedZoneId] = await allLookups<
        [ChainImageArgs["source"], string, void]
    >([
        chainImageSourceOf(config, chainRepositoryName),
        lookupPublicZone(`${identity.project}:publicZone`, config.publicZone),
        // The API image is the application team's: it must be in this account's registry before servers boot.
        verifyEcrImage(
            `${identity.project}:apiImage`,
            config.apiImage,
            parseEcrImage(config.apiImage),
            "Push the API image to this account's ECR registry first",
        ),
    ]);
    const partition = partitionOf(config.region);
    // Node groups launch through EC2 Auto Scaling's service-linked role; the data key must name it, so it must exist first.
    const autoscalingRole = await serviceLinkedRole("autoscaling-service-role", {
        ...AUTOSCALING_SERVICE_LINKED_ROLE,
        owner: `${identity.project}/${identity.stack}`,
        accountId: caller.accountId,
        partition,
        tags,
    });
    const policyContext = {
        accountId: caller.accountId,
        region: config.region,
        partition,
        autoscalingRoleArn: autoscalingRole.arn,
    };
    const keys = new Keys("keys", {
        policyContext,
        serviceLinkedRoles: [autoscalingRole],
        namePrefix: prefix,
        deletionWindowDays: config.kmsDeletionWindowDays,
        tags,
    });

    const network = new Network("network", {
        cidrBlock: config.vpcCidr,
        accountId: caller.accountId,
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
        region: config.region,
        accountId: caller.accountId,
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
        port: listenerOf("redis", "redis", listeners).port,
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
        objectLock: config.backupObjectLock,
        replicaRegion:
            config.backupReplicaRegion === "none" ? undefined : config.backupReplicaRegion,
        namePrefix: prefix,
        tags,
    });

    const port = (role: Parameters<typeof listenerOf>[0], name: string) =>
        listenerOf(role, name, listeners).port;
    const nodeExporterPort = port("appServer", "node-exporter");

    const serverPlatform = {
        ami: ubuntu.id,
        region: config.region,
        dataKeyArn: keys.arns.data,
        secretsKeyArn: keys.arns.secrets,
        nodeExporterPort,
        ssh: config.sshFromOperators,
        namePrefix: prefix,
        tags,
    };

    const appServers = new AppServers("app", {
        platform: serverPlatform,
        count: config.appServerCount,
        instanceType: config.appServerInstanceType,
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.appServer,
        apiPort: port("appServer", "api"),
        image: config.apiImage,
        accountId: caller.accountId,
        database: postgres.connection,
        redis: {
            endpoint: redis.primaryEndpoint,
            port: port("redis", "redis"),
            authTokenSecretArn: redis.authTokenSecretArn,
        },
    });

    const cluster = new ChainCluster("cluster", {
        inClusterObjects: config.chainWorkloads,
        adminRoleArns: config.clusterAdminRoleArns,
        accountId: caller.accountId,
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
        keyArn: keys.arns.data,
        forceDelete: recreatable,
        tags,
    });

    // Where each role of the port map is, for NetworkPolicies: pods by namespace and label, or the subnets outside the cluster.
    const subnetPlan = planSubnets(config.vpcCidr, zones);
    const privateSubnets: Placement = {
        kind: "networks",
        cidrs: subnetPlan.map((s) => s.privateCidr),
    };
    const publicSubnets: Placement = {
        kind: "networks",
        cidrs: subnetPlan.map((s) => s.publicCidr),
    };
    const pods = (namespace: string, component: string): Placement => ({
        kind: "pods",
        namespace,
        labels: { "app.kubernetes.io/component": component },
    });
    const placements: Partial<Record<Role | "operators", Placement>> = {
        validator: pods("chain", "validator"),
        relay: pods("chain", "relay"),
        // Only the dump jobs talk to PostgreSQL; the chain's snapshot jobs talk to the Kubernetes API alone.
        backupJob: pods("backups", "backup-postgres"),
        databaseUsers: pods(DATABASE_USERS_NAMESPACE, DATABASE_USERS_COMPONENT),
        prometheus: pods("monitoring", "prometheus"),
        alertmanager: pods("monitoring", "alertmanager"),
        grafana: pods("monitoring", "grafana"),
        jaeger: pods("monitoring", "jaeger"),
        postgresExporter: pods("monitoring", "postgres-exporter"),
        redisExporter: pods("monitoring", "redis-exporter"),
        nginxExporter: pods("monitoring", "nginx-exporter"),
        blackboxExporter: pods("monitoring", "blackbox-exporter"),
        kubeStateMetrics: pods("monitoring", "kube-state-metrics"),
        kubelet: privateSubnets,
        relayRpcBalancer: privateSubnets,
        postgres: privateSubnets,
        redis: privateSubnets,
        appServer: privateSubnets,
        loadBalancer: publicSubnets,
        wireguardHub: publicSubnets,
        operators: publicSubnets,
    };

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
              storageClass: DEFAULT_STORAGE_CLASS,
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
              image: postgres.connection.clientImage,
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
        new Backups(
            "backup-jobs",
            {
                cluster,
                spec: {
                    region: config.region,
                    postgres: {
                        host: postgres.connection.host,
                        port: postgres.connection.port,
                        database: postgres.connection.database,
                        caBundle: postgres.connection.caBundle,
                        secretArn: databaseUsers.credentials.dumps.secretArn,
                        image: postgres.connection.clientImage,
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
        apiUpstreams: appServers.privateIps.map(
            (ip) => pulumi.interpolate`${ip}:${port("appServer", "api")}`,
        ),
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

    // The servers' own addresses, now that they exist: operators arrive from the hub's address (it masquerades),
    // the Nginx exporter reaches each load balancer's, Prometheus and Jaeger each server's, not whole subnets.
    // What stays subnet-wide has addresses that move: nodes (kubelet), RDS and ElastiCache after a failover.
    const hosts = (ips: readonly pulumi.Input<string>[]): Placement => ({
        kind: "networks",
        cidrs: ips.map((ip) => pulumi.interpolate`${ip}/32`),
    });
    const serverPlacements: Partial<Record<Role | "operators", Placement>> = {
        ...placements,
        operators: hosts([wireguard.privateIp]),
        loadBalancer: hosts(loadBalancer.privateIps),
        appServer: hosts(appServers.privateIps),
        wireguardHub: hosts([wireguard.privateIp]),
    };
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
                  storageClass: DEFAULT_STORAGE_CLASS,
                  retentionDays: config.prometheusRetentionDays,
                  volumeGb: config.prometheusVolumeGb,
                  servers: [
                      ...appServers.privateIps.map((ip) => ({ ip, role: "appServer" })),
                      ...loadBalancer.privateIps.map((ip) => ({ ip, role: "loadBalancer" })),
                      { ip: wireguard.privateIp, role: "wireguardHub" },
                  ],
                  apiServerIps: appServers.privateIps,
                  loadBalancerIps: loadBalancer.privateIps,
                  // Through Nginx to the API and to the relays: Nginx's own /healthz answers even with every upstream down.
                  publicUrls: [
                      `https://${config.publicDomain}/health`,
                      `https://${config.publicDomain}/rpc/health`,
                  ],
                  validators: config.validators,
                  chainNamespace: chain.namespace,
                  database: postgres.connection,
                  databaseCredentials: databaseUsers.credentials.metrics,
                  redis: { host: redis.primaryEndpoint, secretArn: redis.authTokenSecretArn },
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
            masterSecretArn: postgres.masterSecretArn,
        },
        redis: {
            primaryEndpoint: redis.primaryEndpoint,
            readerEndpoint: redis.readerEndpoint,
            authTokenSecretArn: redis.authTokenSecretArn,
        },
        appServers: { privateIps: appServers.privateIps },
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
        },
        backups: {
            buckets: backups.bucketNames,
            writerPolicyArns: backups.writerPolicyArns,
            replicaBuckets: backups.replicaBucketNames,
        },
    };
};

/**
 * Where the node image comes from, checked before anything is declared: a build context must be a
 * checkout with a Dockerfile (its content digest is the tag), a pinned digest must be in the repository.
 */
async function chainImageSourceOf(
    config: StackConfig,
    repositoryName: string,
): Promise<ChainImageArgs["source"]> {
    const key = `${pulumi.getProject()}:chainImageDigest`;
    if (config.chainImageDigest !== "build") {
        // Before the workloads are on, nothing pulls the image, and its repository may not exist yet.
        if (config.chainWorkloads)
            await verifyPinnedImage(key, repositoryName, config.chainImageDigest);
        return { digest: config.chainImageDigest };
    }
    // Relative to the project, as Pulumi runs the program there; kept relative so state does not name this machine's paths.
    const buildContext = config.chainImageBuildContext;
    try {
        return { buildContext, tag: contentTag(contextDigest(path.resolve(buildContext))) };
    } catch (error) {
        throw new ConfigError([
            {
                key: `${pulumi.getProject()}:chainImageBuildContext`,
                value: JSON.stringify(config.chainImageBuildContext),
                rule: `must be a checkout of the chain's repository: ${(error as Error).message}`,
            },
        ]);
    }
}
