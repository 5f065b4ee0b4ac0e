import { PostgresConnection, RedisConnection } from "../shared/connections";
import { ServerFleetArgs } from "../shared/args";
import { ApiServerTargets } from "../shared/server-targets";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secretFetchCommands, shellScript } from "../shared/cloud-init";
import { server, serverInstanceProfile, serverUserData } from "../shared/server";
import { readSecretsStatements } from "../shared/iam";
import { dnsSuffixOf, partitionOf } from "../../topology/naming";

export interface AppServersArgs extends ServerFleetArgs {
    /** Port the API listens on (port map). */
    readonly apiPort: number;
    /** Image, "<repository>:<tag>" or "<repository>@sha256:…", in this account's ECR registry. */
    readonly image: string;
    /** AWS account of the ECR registry. No default. */
    readonly accountId: string;
    /** PostgreSQL as the Postgres component hands it out. No default. */
    readonly database: PostgresConnection;
    /** Redis as the Redis component hands it out. No default. */
    readonly redis: RedisConnection;
}

const ENV_FILE = "/run/platform-api/env";
/** The RDS roots on the host, mounted read-only at the same path in the API's container. */
const API_CA_FILE = "/etc/platform-api/rds-ca.pem";

/** The boot script that turns the two secrets and the plain settings into the API's environment file. */
export function apiEnvironmentScript(
    region: string,
    databaseSecretArn: string,
    redisSecretArn: string,
): string {
    return shellScript([
        ...secretFetchCommands(
            { kind: "secretsmanager", id: databaseSecretArn, region },
            "/run/platform-api/database.json",
        ),
        ...secretFetchCommands(
            { kind: "secretsmanager", id: redisSecretArn, region },
            "/run/platform-api/redis-token",
        ),
        `cat /etc/platform-api/settings.env > '${ENV_FILE}.tmp'`,
        `printf 'DATABASE_USER=%s\\nDATABASE_PASSWORD=%s\\n' "$(jq -r .username /run/platform-api/database.json)" "$(jq -r .password /run/platform-api/database.json)" >> '${ENV_FILE}.tmp'`,
        `printf 'REDIS_AUTH_TOKEN=%s\\n' "$(cat /run/platform-api/redis-token)" >> '${ENV_FILE}.tmp'`,
        `mv '${ENV_FILE}.tmp' '${ENV_FILE}'`,
    ]);
}

/** The API on EC2: private, IMDSv2 only, encrypted, its settings and secrets read at boot. */
export class AppServers extends pulumi.ComponentResource {
    public readonly privateIps: pulumi.Output<string>[];
    public readonly instanceIds: pulumi.Output<string>[];
    /** "ip:port" of each server's API: the load balancers' upstreams and Prometheus' targets. */
    public readonly apiEndpoints: pulumi.Output<string>[];
    /** What Prometheus scrapes of the API servers (Monitoring's `servers.apiServers`). */
    public readonly scrapeTargets: ApiServerTargets;

    constructor(name: string, args: AppServersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:servers:AppServers", name, {}, opts);
        const registry = `${args.accountId}.dkr.ecr.${args.platform.region}.${dnsSuffixOf(args.platform.region)}`;
        const repository = args.image.split(/[:@]/)[0]!;
        const image = `${registry}/${args.image}`;

        const profile = serverInstanceProfile(
            name,
            args.platform,
            "app",
            pulumi
                .all([
                    args.database.masterSecretArn,
                    args.redis.authTokenSecretArn,
                    args.platform.secretsKeyArn,
                ])
                .apply(([db, redis, key]) => [
                    ...readSecretsStatements([db, redis], key),
                    {
                        Sid: "EcrLogin",
                        Effect: "Allow",
                        Action: "ecr:GetAuthorizationToken",
                        Resource: "*",
                    },
                    {
                        Sid: "PullApiImage",
                        Effect: "Allow",
                        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                        Resource: `arn:${partitionOf(args.platform.region)}:ecr:${args.platform.region}:${args.accountId}:repository/${repository}`,
                    },
                ]),
            this,
        );

        // Each server waits for the previous one: a change that replaces them (the API image, user data)
        // rolls through the tier instead of replacing every API server at once.
        let previous: aws.ec2.Instance | undefined;
        const servers = Array.from({ length: args.count }, (_, i) => {
            const hostname = `${args.platform.namePrefix}-app-${i + 1}`;
            const userData = pulumi
                .all([
                    args.database.host,
                    pulumi.all([...args.database.replicaHosts]),
                    args.database.masterSecretArn,
                    args.redis.host,
                    args.redis.authTokenSecretArn,
                ])
                .apply(([dbHost, readers, dbSecret, redisHost, redisSecret]) => {
                    const settings = [
                        `DATABASE_HOST=${dbHost}`,
                        `DATABASE_PORT=${args.database.port}`,
                        `DATABASE_READ_HOSTS=${readers.join(",")}`,
                        `DATABASE_NAME=${args.database.database}`,
                        // verify-full needs the roots that sign RDS's certificates: delivered beside the settings.
                        "DATABASE_SSLMODE=verify-full",
                        `DATABASE_SSLROOTCERT=${API_CA_FILE}`,
                        `REDIS_HOST=${redisHost}`,
                        `REDIS_PORT=${args.redis.port}`,
                        "REDIS_TLS=true",
                        `PORT=${args.apiPort}`,
                        "",
                    ].join("\n");
                    return serverUserData(args.platform, hostname, {
                        packages: ["docker.io"],
                        writeFiles: [
                            { path: "/etc/platform-api/settings.env", content: settings },
                            { path: API_CA_FILE, content: args.database.caBundle },
                            {
                                path: "/usr/local/bin/platform-api-env",
                                content: apiEnvironmentScript(
                                    args.platform.region,
                                    dbSecret,
                                    redisSecret,
                                ),
                                permissions: "0700",
                            },
                            {
                                path: "/etc/systemd/system/platform-api.service",
                                content: [
                                    "[Unit]",
                                    "Description=Platform API",
                                    "After=docker.service network-online.target",
                                    "Requires=docker.service",
                                    "Wants=network-online.target",
                                    "",
                                    "[Service]",
                                    "RuntimeDirectory=platform-api",
                                    "RuntimeDirectoryPreserve=yes",
                                    "ExecStartPre=/usr/local/bin/platform-api-env",
                                    `ExecStartPre=/bin/sh -c 'aws ecr get-login-password --region ${args.platform.region} | docker login --username AWS --password-stdin ${registry}'`,
                                    `ExecStartPre=/usr/bin/docker pull ${image}`,
                                    `ExecStart=/usr/bin/docker run --rm --name platform-api --read-only --cap-drop ALL --security-opt no-new-privileges --env-file ${ENV_FILE} --volume ${API_CA_FILE}:${API_CA_FILE}:ro -p ${args.apiPort}:${args.apiPort} ${image}`,
                                    "ExecStop=/usr/bin/docker stop platform-api",
                                    "Restart=always",
                                    "RestartSec=5",
                                    "",
                                    "[Install]",
                                    "WantedBy=multi-user.target",
                                    "",
                                ].join("\n"),
                            },
                        ],
                        runcmd: [
                            ["systemctl", "daemon-reload"],
                            ["systemctl", "enable", "--now", "platform-api.service"],
                        ],
                    });
                });
            previous = server(
                `${name}-${i}`,
                {
                    platform: args.platform,
                    hostname,
                    role: "appServer",
                    instanceType: args.instanceType,
                    subnetId: args.subnetIds[i % args.subnetIds.length]!,
                    securityGroupId: args.securityGroupId,
                    instanceProfile: profile.name,
                    userData,
                    rootVolumeGb: 30,
                    after: previous,
                },
                this,
            );
            return previous;
        });

        this.privateIps = servers.map((s) => s.privateIp);
        this.instanceIds = servers.map((s) => s.id);
        this.apiEndpoints = this.privateIps.map((ip) => pulumi.interpolate`${ip}:${args.apiPort}`);
        this.scrapeTargets = {
            role: "appServer",
            privateIps: this.privateIps,
            nodeExporterPort: args.platform.nodeExporterPort,
            apiTargets: this.apiEndpoints,
        };
        this.registerOutputs({ privateIps: this.privateIps, instanceIds: this.instanceIds });
    }
}
