/**
 * What the program looks up in the account before declaring anything (at preview, so a problem is a
 * configuration error naming its key, not a failed create): zones that can host everything, the
 * account, the server image, the node image, the public zone and the API image.
 */
import * as aws from "@pulumi/aws";
import * as path from "path";
import type { ChainImageArgs } from "../components/chain-image";
import {
    contentTag,
    contextDigest,
    parseEcrImage,
    verifyEcrImage,
    verifyPinnedImage,
} from "../components/chain-image";
import { lookupPublicZone } from "../components/load-balancer/zone";
import { allLookups, ConfigError } from "../config/errors";
import { StackConfig } from "../config/parse";
import { chooseZones } from "../topology/zones";

export interface AccountLookups {
    /** Zones chosen, in order (the primary's first), and their zone IDs. */
    readonly zones: string[];
    readonly zoneIds: string[];
    /** The account the stack deploys into. */
    readonly accountId: string;
    /** Canonical's Ubuntu 24.04 LTS image of the servers. */
    readonly serverAmiId: string;
    /** Where the node image comes from: a verified digest, or a build of a checkout. */
    readonly chainImageSource: ChainImageArgs["source"];
    /** The Route 53 zone holding the public domain. */
    readonly hostedZoneId: string;
}

export async function lookUpAccount(
    config: StackConfig,
    project: string,
    chainRepositoryName: string,
): Promise<AccountLookups> {
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
                key: `${project}:availabilityZones`,
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
                key: `${project}:clusterAdminRoleArns[${config.clusterAdminRoleArns.indexOf(arn)}]`,
                value: JSON.stringify(arn),
                rule: `must be a role of this account (${caller.accountId}): EKS refuses access entries for another account's roles`,
            })),
        );
    }
    const zones = zoneChoice.chosen.map((z) => z.name);
    const zoneIds = zoneChoice.chosen.map((z) => z.id);
    const [chainImageSource, hostedZoneId] = await allLookups<
        [ChainImageArgs["source"], string, void]
    >([
        chainImageSourceOf(config, project, chainRepositoryName),
        lookupPublicZone(`${project}:publicZone`, config.publicZone),
        // The API image is the application team's: it must be in this account's registry before servers boot.
        verifyEcrImage(
            `${project}:apiImage`,
            config.apiImage,
            parseEcrImage(config.apiImage),
            "Push the API image to this account's ECR registry first",
        ),
    ]);
    return {
        zones,
        zoneIds,
        accountId: caller.accountId,
        serverAmiId: ubuntu.id,
        chainImageSource,
        hostedZoneId,
    };
}

/**
 * Where the node image comes from, checked before anything is declared: a build context must be a
 * checkout with a Dockerfile (its content digest is the tag), a pinned digest must be in the repository.
 */
async function chainImageSourceOf(
    config: StackConfig,
    project: string,
    repositoryName: string,
): Promise<ChainImageArgs["source"]> {
    const key = `${project}:chainImageDigest`;
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
                key: `${project}:chainImageBuildContext`,
                value: JSON.stringify(config.chainImageBuildContext),
                rule: `must be a checkout of the chain's repository: ${(error as Error).message}`,
            },
        ]);
    }
}
