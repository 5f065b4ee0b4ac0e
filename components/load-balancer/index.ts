import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secretFetchCommands, shellScript } from "../servers/cloud-init";
import { edgeServer, ServerPlatform, serverInstanceProfile, serverUserData } from "../servers/server";
import { readSecretsStatements } from "../shared/iam";
import { NGINX_PATHS, renderNginxConfig } from "./nginx";

export interface LoadBalancerArgs {
    /** Image, region, keys, access and naming shared by all servers. No default. */
    readonly platform: ServerPlatform;
    /** Nginx servers, each in its own public subnet (zone). No default. */
    readonly count: number;
    /** EC2 instance type. No default. */
    readonly instanceType: string;
    /** Public subnets, one per zone. No default. */
    readonly subnetIds: pulumi.Input<string>[];
    /** Security group of the role (rules from the port map). No default. */
    readonly securityGroupId: pulumi.Input<string>;
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
    /** Where the certificate comes from. No default. */
    readonly certificate: { readonly source: "letsencrypt"; readonly email: string } | { readonly source: "secretsmanager" };
    /** Requests per second per client, and burst. Default: 20/s, burst 40. */
    readonly rateLimit?: { readonly perSecond: number; readonly burst: number };
}

/**
 * The boot script of the certificate: a short-lived self-signed one first, so Nginx starts (and can
 * answer ACME challenges), then the real one from Secrets Manager or Let's Encrypt.
 */
export function certificateScript(args: Pick<LoadBalancerArgs, "certificate" | "publicDomain"> & { readonly region: string }, secretId: string): string {
    const tlsDir = NGINX_PATHS.certificate.slice(0, NGINX_PATHS.certificate.lastIndexOf("/"));
    const bootstrap = [
        `mkdir -p ${tlsDir} ${NGINX_PATHS.acmeWebroot}`,
        `[ -s ${NGINX_PATHS.certificate} ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=bootstrap -keyout ${NGINX_PATHS.certificateKey} -out ${NGINX_PATHS.certificate}`,
        "nginx -t",
        "systemctl restart nginx",
    ];
    if (args.certificate.source === "secretsmanager") {
        // The secret holds {"certificate": "<PEM chain>", "privateKey": "<PEM>"}, written out of band.
        return shellScript([
            ...bootstrap,
            ...secretFetchCommands({ kind: "secretsmanager", id: secretId, region: args.region }, `${tlsDir}/bundle.json`),
            `jq -r .certificate ${tlsDir}/bundle.json > ${NGINX_PATHS.certificate}`,
            `jq -r .privateKey ${tlsDir}/bundle.json > ${NGINX_PATHS.certificateKey}`,
            `rm -f ${tlsDir}/bundle.json`,
            "systemctl reload nginx",
        ]);
    }
    const live = `/etc/letsencrypt/live/${args.publicDomain}`;
    return shellScript([
        ...bootstrap,
        `certbot certonly --non-interactive --agree-tos --email '${args.certificate.email}' --webroot -w ${NGINX_PATHS.acmeWebroot} -d '${args.publicDomain}' --deploy-hook 'ln -sf ${live}/fullchain.pem ${NGINX_PATHS.certificate} && ln -sf ${live}/privkey.pem ${NGINX_PATHS.certificateKey} && systemctl reload nginx'`,
    ]);
}

/** Nginx on EC2 with Elastic IPs: TLS termination, rate limiting, upstreams to the API and the relays' RPC. */
export class LoadBalancer extends pulumi.ComponentResource {
    public readonly publicIps: pulumi.Output<string>[];
    public readonly privateIps: pulumi.Output<string>[];
    /** Secret to hold the certificate bundle when it comes from Secrets Manager. */
    public readonly certificateSecretArn?: pulumi.Output<string>;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:edge:LoadBalancer", name, {}, opts);
        const rateLimit = args.rateLimit ?? { perSecond: 20, burst: 40 };
        const parent = { parent: this };

        const certificateSecret = args.certificate.source === "secretsmanager"
            ? new aws.secretsmanager.Secret(`${name}-certificate`, {
                name: `${args.platform.namePrefix}/tls/${args.publicDomain}`,
                description: `TLS certificate and key of ${args.publicDomain} as JSON {certificate, privateKey}; the value is written out of band`,
                kmsKeyId: args.platform.secretsKeyArn,
                tags: args.platform.tags,
            }, parent)
            : undefined;

        const profile = serverInstanceProfile(name, args.platform, "lb", pulumi.all([certificateSecret?.arn, args.platform.secretsKeyArn]).apply(([secret, key]) =>
            secret ? readSecretsStatements([secret], key) : [{ Sid: "DescribeOwnInstance", Effect: "Allow", Action: "ec2:DescribeTags", Resource: "*" }]), this);

        const nginxConf = pulumi.all([pulumi.all(args.apiUpstreams), args.rpcUpstream]).apply(([apiUpstreams, rpcUpstream]) =>
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
            }));

        const servers = Array.from({ length: args.count }, (_, i) => {
            const hostname = `${args.platform.namePrefix}-lb-${i + 1}`;
            const userData = pulumi.all([nginxConf, certificateSecret?.arn]).apply(([conf, secretArn]) =>
                serverUserData(args.platform, hostname, {
                    packages: ["nginx", ...(args.certificate.source === "letsencrypt" ? ["certbot"] : [])],
                    writeFiles: [
                        { path: "/etc/nginx/nginx.conf", content: conf, defer: true },
                        { path: "/usr/local/bin/platform-tls", content: certificateScript({ ...args, region: args.platform.region }, secretArn ?? ""), permissions: "0700" },
                    ],
                    runcmd: [["/usr/local/bin/platform-tls"]],
                }));
            return edgeServer(`${name}-${i}`, {
                platform: args.platform,
                hostname,
                role: "loadBalancer",
                instanceType: args.instanceType,
                subnetId: args.subnetIds[i % args.subnetIds.length]!,
                securityGroupId: args.securityGroupId,
                instanceProfile: profile.name,
                userData,
                rootVolumeGb: 20,
            }, this);
        });

        this.publicIps = servers.map((s) => s.eip.publicIp);
        this.privateIps = servers.map((s) => s.instance.privateIp);
        this.certificateSecretArn = certificateSecret?.arn;
        this.registerOutputs({ publicIps: this.publicIps, certificateSecretArn: this.certificateSecretArn });
    }
}
