import { withAliases } from "../shared/aliases";
import { ServerFleetArgs } from "../shared/args";
import { DCHAT_HEALTH_PATHS } from "../shared/chain-targets";
import { API_HEALTH_PATH, LoadBalancerTargets } from "../shared/server-targets";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../../topology/naming";
import { shellScript } from "../shared/cloud-init";
import { deliveredFile, syncBootCommands, syncFiles } from "../shared/delivered-file";
import { EdgeServer, edgeServer, serverInstanceProfile, serverUserData } from "../shared/server";
import { NGINX_PATHS, renderNginxConfig } from "./nginx";

export interface LoadBalancerArgs extends ServerFleetArgs {
    /** Listening ports from the port map. No default. */
    readonly ports: { readonly http: number; readonly https: number; readonly status: number };
    /** "ip:port" of every API server. No default. */
    readonly apiUpstreams: pulumi.Input<string>[];
    /** "host:port" of the relays' internal RPC load balancer. Default: /rpc not served. */
    readonly rpcUpstream?: pulumi.Input<string>;
    /** Networks that may read stub_status. No default. */
    readonly statusAllowedFrom: readonly string[];
    /** Public DNS name served (server_name, certificate). No default. */
    readonly publicDomain: string;
    /** Let's Encrypt by DNS-01 in this Route 53 public zone (which holds publicDomain), and its account email. No default. */
    readonly acme: { readonly hostedZoneId: string; readonly email: string };
    /** Requests per second per client, and burst. Default: 20/s, burst 40. */
    readonly rateLimit?: { readonly perSecond: number; readonly burst: number };
}

/** Where certbot keeps the live certificate of a domain. */
export function liveCertificateDir(domain: string): string {
    return `/etc/letsencrypt/live/${domain}`;
}

/**
 * The certificate script, run at boot and by a timer until it succeeds: a short-lived self-signed
 * certificate first, so Nginx starts and answers health checks, then Let's Encrypt by DNS-01 in the
 * Route 53 zone. DNS-01 needs no inbound path or webroot and works before the DNS record points here.
 * certbot's own timer renews, and its deploy hook reloads Nginx.
 */
export function certificateScript(domain: string, email: string, staggerSeconds: number): string {
    const live = liveCertificateDir(domain);
    const link = `ln -sf ${live}/fullchain.pem ${NGINX_PATHS.certificate} && ln -sf ${live}/privkey.pem ${NGINX_PATHS.certificateKey} && systemctl reload nginx`;
    return shellScript([
        ...bootstrapCertificateCommands(),
        "systemctl is-active --quiet nginx || { nginx -t && systemctl restart nginx; }",
        `[ -s ${live}/fullchain.pem ] && exit 0`,
        // Load balancers share the challenge record name; staggering keeps their first attempts apart.
        `sleep ${staggerSeconds}`,
        `certbot certonly --non-interactive --agree-tos --email '${email}' --dns-route53 -d '${domain}' --deploy-hook '${link}'`,
        link,
    ]);
}

/** A short-lived self-signed certificate when none exists, so nginx.conf passes `nginx -t` and Nginx starts. */
export function bootstrapCertificateCommands(): string[] {
    const tlsDir = NGINX_PATHS.certificate.slice(0, NGINX_PATHS.certificate.lastIndexOf("/"));
    return [
        `mkdir -p ${tlsDir}`,
        `[ -s ${NGINX_PATHS.certificate} ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=bootstrap -keyout ${NGINX_PATHS.certificateKey} -out ${NGINX_PATHS.certificate}`,
    ];
}

/** How the sync script checks and applies a new nginx.conf: `nginx -t` on the candidate, then a reload (no dropped connection). */
export const NGINX_SYNC = {
    name: "nginx",
    target: "/etc/nginx/nginx.conf",
    candidate: "/etc/nginx/nginx-sync.conf",
    mode: "0644",
    check: ['nginx -t -q -c "$candidate"'],
    apply: [
        "if systemctl is-active --quiet nginx; then systemctl reload nginx; else systemctl restart nginx; fi",
    ],
} as const;

/** The timer that retries the certificate until it exists (a failed first boot is not final). */
export const CERTIFICATE_UNITS = {
    service: [
        "[Unit]",
        "Description=Obtain the TLS certificate (retried until it exists)",
        "After=network-online.target",
        "",
        "[Service]",
        "Type=oneshot",
        "ExecStart=/usr/local/bin/platform-tls",
        "",
    ].join("\n"),
    timer: [
        "[Unit]",
        "Description=Retry the TLS certificate every 15 minutes",
        "",
        "[Timer]",
        "OnBootSec=2min",
        "OnUnitActiveSec=15min",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ].join("\n"),
};

/** What certbot's Route 53 plugin may do: find the zone, write the challenge TXT record and nothing else, wait for it. */
export function dnsChallengeStatements(
    partition: string,
    hostedZoneId: string,
    domain: string,
): Record<string, unknown>[] {
    return [
        { Sid: "FindZone", Effect: "Allow", Action: "route53:ListHostedZones", Resource: "*" },
        {
            Sid: "WaitForChange",
            Effect: "Allow",
            Action: "route53:GetChange",
            Resource: `arn:${partition}:route53:::change/*`,
        },
        {
            Sid: "WriteChallengeRecordOnly",
            Effect: "Allow",
            Action: "route53:ChangeResourceRecordSets",
            Resource: `arn:${partition}:route53:::hostedzone/${hostedZoneId}`,
            Condition: {
                "ForAllValues:StringEquals": {
                    "route53:ChangeResourceRecordSetsNormalizedRecordNames": [
                        `_acme-challenge.${domain}`,
                    ],
                    "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"],
                },
            },
        },
    ];
}

/** Nginx on EC2 with Elastic IPs: TLS termination, rate limiting, upstreams to the API and the relays' RPC. */
export class LoadBalancer extends pulumi.ComponentResource {
    public readonly publicIps: pulumi.Output<string>[];
    public readonly privateIps: pulumi.Output<string>[];
    /** What Prometheus scrapes and probes of the load balancers (Monitoring's `servers.loadBalancers`). */
    public readonly scrapeTargets: LoadBalancerTargets;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:edge:LoadBalancer (folder = module); the alias keeps existing stacks' resources.
        super(
            "platform:load-balancer:LoadBalancer",
            name,
            {},
            withAliases(opts, "platform:edge:LoadBalancer"),
        );
        const rateLimit = args.rateLimit ?? { perSecond: 20, burst: 40 };
        const parent = { parent: this };

        const nginxConf = pulumi
            .all([pulumi.all(args.apiUpstreams), args.rpcUpstream])
            .apply(([apiUpstreams, rpcUpstream]) =>
                renderNginxConfig({
                    serverName: args.publicDomain,
                    httpPort: args.ports.http,
                    httpsPort: args.ports.https,
                    statusPort: args.ports.status,
                    statusAllowedFrom: args.statusAllowedFrom,
                    apiUpstreams,
                    rpcUpstream,
                    certificatePath: NGINX_PATHS.certificate,
                    certificateKeyPath: NGINX_PATHS.certificateKey,
                    rateLimit,
                }),
            );

        // Upstreams and the relay endpoint change with routine changes; servers re-read this parameter.
        const config = deliveredFile(
            `${name}-config`,
            {
                parameterName: `/${args.platform.namePrefix}/lb/nginx.conf`,
                path: NGINX_SYNC.target,
                description:
                    "nginx.conf of the load balancers: each checks it with nginx -t and reloads",
                content: nginxConf,
                tags: args.platform.tags,
            },
            this,
        );
        const profile = serverInstanceProfile(
            name,
            args.platform,
            "lb",
            config.arn.apply((configArn) => [
                ...dnsChallengeStatements(
                    partitionOf(args.platform.region),
                    args.acme.hostedZoneId,
                    args.publicDomain,
                ),
                {
                    Sid: "ReadNginxConfig",
                    Effect: "Allow",
                    Action: "ssm:GetParameter",
                    Resource: configArn,
                },
            ]),
            this,
        );

        // Each server waits for the previous one: a change that replaces them (user data, an AMI) rolls
        // through the tier one server at a time instead of taking every load balancer down at once.
        const servers: EdgeServer[] = [];
        for (let i = 0; i < args.count; i++) {
            const hostname = `${args.platform.namePrefix}-lb-${i + 1}`;
            const userData = config.name.apply((parameterName) =>
                serverUserData(args.platform, hostname, {
                    packages: ["nginx", "certbot", "python3-certbot-dns-route53"],
                    writeFiles: [
                        {
                            path: "/usr/local/bin/platform-tls-bootstrap",
                            content: shellScript(bootstrapCertificateCommands()),
                            permissions: "0700",
                        },
                        {
                            path: "/usr/local/bin/platform-tls",
                            content: certificateScript(args.publicDomain, args.acme.email, i * 90),
                            permissions: "0700",
                        },
                        {
                            path: "/etc/systemd/system/platform-tls.service",
                            content: CERTIFICATE_UNITS.service,
                        },
                        {
                            path: "/etc/systemd/system/platform-tls.timer",
                            content: CERTIFICATE_UNITS.timer,
                        },
                        ...syncFiles({
                            ...NGINX_SYNC,
                            check: [...NGINX_SYNC.check],
                            apply: [...NGINX_SYNC.apply],
                            region: args.platform.region,
                            parameterName,
                        }),
                    ],
                    runcmd: [
                        ["/usr/local/bin/platform-tls-bootstrap"],
                        ...syncBootCommands(NGINX_SYNC.name),
                        ["systemctl", "enable", "--now", "platform-tls.timer"],
                        ["/usr/local/bin/platform-tls"],
                    ],
                }),
            );
            servers.push(
                edgeServer(
                    `${name}-${i}`,
                    {
                        platform: args.platform,
                        hostname,
                        role: "loadBalancer",
                        instanceType: args.instanceType,
                        subnetId: args.subnetIds[i % args.subnetIds.length]!,
                        securityGroupId: args.securityGroupId,
                        instanceProfile: profile.name,
                        userData,
                        rootVolumeGb: 20,
                        after: servers[i - 1]?.instance,
                    },
                    this,
                ),
            );
        }

        // One A record per load balancer, answered only while its health check passes (multivalue answer).
        servers.forEach((s, i) => {
            const check = new aws.route53.HealthCheck(
                `${name}-${i}-health`,
                {
                    type: "HTTPS",
                    ipAddress: s.eip.publicIp,
                    port: args.ports.https,
                    fqdn: args.publicDomain,
                    enableSni: true,
                    resourcePath: NGINX_PATHS.health,
                    requestInterval: 30,
                    failureThreshold: 3,
                    tags: {
                        ...args.platform.tags,
                        Name: `${args.platform.namePrefix}-lb-${i + 1}`,
                    },
                },
                parent,
            );
            new aws.route53.Record(
                `${name}-${i}-dns`,
                {
                    zoneId: args.acme.hostedZoneId,
                    name: args.publicDomain,
                    type: "A",
                    ttl: 60,
                    records: [s.eip.publicIp],
                    setIdentifier: `lb-${i + 1}`,
                    multivalueAnswerRoutingPolicy: true,
                    healthCheckId: check.id,
                },
                parent,
            );
        });

        this.publicIps = servers.map((s) => s.eip.publicIp);
        this.privateIps = servers.map((s) => s.instance.privateIp);
        this.scrapeTargets = {
            role: "loadBalancer",
            privateIps: this.privateIps,
            nodeExporterPort: args.platform.nodeExporterPort,
            statusUrls: this.privateIps.map(
                (ip) => pulumi.interpolate`http://${ip}:${args.ports.status}${NGINX_PATHS.status}`,
            ),
            // Through Nginx to each upstream: Nginx's own /healthz answers even with every upstream down.
            probeUrls: [
                `https://${args.publicDomain}${API_HEALTH_PATH}`,
                ...(args.rpcUpstream
                    ? [
                          `https://${args.publicDomain}${NGINX_PATHS.rpc.slice(0, -1)}${DCHAT_HEALTH_PATHS.live}`,
                      ]
                    : []),
            ],
        };
        this.registerOutputs({ publicIps: this.publicIps });
    }
}
