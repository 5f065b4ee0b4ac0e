import { withAliases } from "../shared/aliases";
import { ServerTierArgs } from "../shared/args";
import { ServerTargets } from "../shared/server-targets";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { generationKeepers } from "../shared/rotation";
import { secretFetchCommands, shellScript } from "../shared/cloud-init";
import { edgeServer, serverInstanceProfile, serverUserData } from "../shared/server";
import { deliveredFile, syncBootCommands, syncFiles } from "../shared/delivered-file";
import {
    hubAddress,
    renderWireguardConfig,
    WIREGUARD_APPLY,
    WIREGUARD_CONFIG_PATH,
    WIREGUARD_PRIVATE_KEY_PATH,
    WireguardPeer,
    wireguardPublicKey,
} from "./wg-config";

export interface WireGuardHubArgs extends ServerTierArgs {
    /** Public subnet of the hub. No default. */
    readonly subnetId: pulumi.Input<string>;
    /** WireGuard port (port map). No default. */
    readonly listenPort: number;
    /** Tunnel network; the hub takes its first address. No default. */
    readonly tunnelCidr: string;
    /** Peers of the hub, validated by the configuration schema. No default. */
    readonly peers: readonly WireguardPeer[];
    /** Generation of the private key: raising it rotates the key (every peer must then take the new public key). No default. */
    readonly keyGeneration: number;
}

/** WireGuard hub for operators and sites: Elastic IP, forwarding and NAT into the VPC, key from SSM. */
export class WireGuardHub extends pulumi.ComponentResource {
    public readonly publicIp: pulumi.Output<string>;
    public readonly privateIp: pulumi.Output<string>;
    /** What Prometheus scrapes of the hub (Monitoring's `servers.wireguardHub`). */
    public readonly scrapeTargets: ServerTargets;
    public readonly publicKey: pulumi.Output<string>;
    public readonly privateKeyParameter: pulumi.Output<string>;
    /** SSM parameter holding wg0.conf; a peer change updates it and the hub applies it within a minute. */
    public readonly configParameter: pulumi.Output<string>;

    constructor(name: string, args: WireGuardHubArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:edge:WireGuardHub (folder = module); the alias keeps existing stacks' resources.
        super(
            "platform:wireguard:WireGuardHub",
            name,
            {},
            withAliases(opts, "platform:edge:WireGuardHub"),
        );
        const parent = { parent: this };
        const hostname = `${args.platform.namePrefix}-wireguard`;

        // Any 32 random bytes are a valid WireGuard private key (X25519 clamps them).
        const key = new random.RandomBytes(
            `${name}-private-key`,
            { length: 32, ...generationKeepers(args.keyGeneration) },
            parent,
        );
        const parameter = new aws.ssm.Parameter(
            `${name}-private-key`,
            {
                name: `/${args.platform.namePrefix}/wireguard/hub-private-key`,
                description: "WireGuard private key of the hub, loaded at boot",
                type: "SecureString",
                keyId: args.platform.secretsKeyArn,
                value: key.base64,
                tags: args.platform.tags,
            },
            parent,
        );

        const wg0 = renderWireguardConfig({
            address: hubAddress(args.tunnelCidr),
            listenPort: args.listenPort,
            privateKeyPath: WIREGUARD_PRIVATE_KEY_PATH,
            tunnelCidr: args.tunnelCidr,
            peers: args.peers,
        });
        // Peers change often; the hub re-reads its configuration, so a peer never replaces the hub.
        const config = deliveredFile(
            `${name}-config`,
            {
                parameterName: `/${args.platform.namePrefix}/wireguard/wg0.conf`,
                path: WIREGUARD_CONFIG_PATH,
                description:
                    "wg0.conf of the hub (public keys only): the hub applies changes with wg syncconf",
                content: wg0,
                tags: args.platform.tags,
            },
            this,
        );

        const profile = serverInstanceProfile(
            name,
            args.platform,
            "wireguard",
            pulumi
                .all([parameter.arn, args.platform.secretsKeyArn, config.arn])
                .apply(([arn, secretsKey, configArn]) => [
                    {
                        Sid: "ReadHubKey",
                        Effect: "Allow",
                        Action: "ssm:GetParameter",
                        Resource: arn,
                    },
                    // SSM decrypts a SecureString with its ARN as encryption context: this grant opens nothing else under the key.
                    {
                        Sid: "DecryptHubKey",
                        Effect: "Allow",
                        Action: "kms:Decrypt",
                        Resource: secretsKey,
                        Condition: { StringEquals: { "kms:EncryptionContext:PARAMETER_ARN": arn } },
                    },
                    {
                        Sid: "ReadHubConfig",
                        Effect: "Allow",
                        Action: "ssm:GetParameter",
                        Resource: configArn,
                    },
                ]),
            this,
        );

        const sync = {
            name: "wireguard",
            region: args.platform.region,
            target: WIREGUARD_CONFIG_PATH,
            candidate: "/etc/wireguard/wg0-sync.conf",
            mode: "0600",
            check: ['wg-quick strip "$candidate" > /dev/null'],
            apply: WIREGUARD_APPLY,
        };
        const userData = pulumi.all([parameter.name, config.name]).apply(([keyName, configName]) =>
            serverUserData(args.platform, hostname, {
                packages: ["wireguard-tools", "iptables"],
                writeFiles: [
                    {
                        path: "/etc/sysctl.d/60-wireguard-forwarding.conf",
                        content: "net.ipv4.ip_forward = 1\n",
                    },
                    {
                        path: "/usr/local/bin/platform-wireguard-key",
                        content: shellScript(
                            secretFetchCommands(
                                { kind: "ssm", id: keyName, region: args.platform.region },
                                WIREGUARD_PRIVATE_KEY_PATH,
                            ),
                        ),
                        permissions: "0700",
                    },
                    ...syncFiles({ ...sync, parameterName: configName }),
                ],
                runcmd: [
                    ["sysctl", "--system"],
                    ["/usr/local/bin/platform-wireguard-key"],
                    ...syncBootCommands(sync.name),
                    ["systemctl", "enable", "--now", "wg-quick@wg0"],
                ],
            }),
        );

        const { instance, eip } = edgeServer(
            `${name}-server`,
            {
                platform: args.platform,
                hostname,
                role: "wireguardHub",
                instanceType: args.instanceType,
                subnetId: args.subnetId,
                securityGroupId: args.securityGroupId,
                instanceProfile: profile.name,
                userData,
                rootVolumeGb: 20,
                forwardsTraffic: true,
            },
            this,
        );

        this.publicIp = eip.publicIp;
        this.privateIp = instance.privateIp;
        this.scrapeTargets = {
            role: "wireguardHub",
            privateIps: [this.privateIp],
            nodeExporterPort: args.platform.nodeExporterPort,
        };
        // The public half of a secret key is not secret.
        this.publicKey = pulumi.unsecret(key.base64.apply(wireguardPublicKey));
        this.privateKeyParameter = parameter.name;
        this.configParameter = config.name;
        this.registerOutputs({
            publicIp: this.publicIp,
            publicKey: this.publicKey,
            privateKeyParameter: this.privateKeyParameter,
            configParameter: this.configParameter,
        });
    }
}
