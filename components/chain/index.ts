import { policyDocument, readSecretsStatements } from "../shared/iam";
import { ClusterWorkloadArgs } from "../shared/args";
import { ChainScrapeTargets } from "../shared/chain-targets";
import * as aws from "@pulumi/aws";
import { namespaceBudget } from "../shared/namespace-budget";
import { RESTRICTED_NAMESPACE_LABELS } from "../shared/namespaces";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { listenerOf } from "../../topology/ports";
import { declareAll, keyOf } from "../shared/k8s-declare";
import { RELAY, RELAY_RPC_SERVICE, VALIDATORS_SERVICE, validatorVolumeClaim } from "./names";
import { networkPolicies, Placement, podsOf } from "../shared/network-policies";
import { chainObjects, NAMESPACE } from "./workloads";

export interface ChainNetworkArgs extends ClusterWorkloadArgs {
    /** Validator count (3f+1). No default. */
    readonly validators: number;
    /** Relay replicas. No default. */
    readonly relays: number;
    /** Availability zones, in order. No default. */
    readonly zones: readonly string[];
    /** Node image by digest. No default. */
    readonly image: pulumi.Input<string>;
    /** Volume of each validator and relay, GiB. No default. */
    readonly volumeGb: number;
    /** Security group of the internal NLB in front of the relays' RPC. No default. */
    readonly rpcBalancerSecurityGroupId: pulumi.Input<string>;
    /** AWS region. No default. */
    readonly region: string;
    /** Days a deleted key secret stays recoverable, its name reserved; 0 lets a destroyed stack be re-created at once. No default. */
    readonly secretRecoveryWindowDays: number;
}

/**
 * Validators (one StatefulSet each, own volume, own key) and relays. Each validator's key is a
 * Secrets Manager secret written out of band; only that validator's service account can read it.
 */
export class ChainNetwork extends pulumi.ComponentResource {
    public readonly validatorKeySecretArns: pulumi.Output<string>[];
    /** "host:port" of the relays' internal RPC load balancer. */
    public readonly rpcEndpoint: pulumi.Output<string>;
    /** The namespace of the nodes (and of their volume claims and snapshots). */
    public readonly namespace: string;
    /** The Namespace itself, for objects other components declare in it. */
    public readonly namespaceResource: k8s.core.v1.Namespace;
    /** Data volume claim of each validator's pod, by index: what the chain backups snapshot. */
    public readonly validatorVolumeClaims: string[];
    /** Where Prometheus finds the nodes (Monitoring's `chain`). */
    public readonly scrapeTargets: ChainScrapeTargets;

    constructor(name: string, args: ChainNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:chain:ChainNetwork", name, {}, opts);
        const k8sOpts = { parent: this, provider: args.cluster.provider };
        const namespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: NAMESPACE, labels: RESTRICTED_NAMESPACE_LABELS } },
            k8sOpts,
        );
        const inNamespace = { ...k8sOpts, dependsOn: [namespace] };

        const validatorKeys = Array.from({ length: args.validators }, (_, i) => {
            const validator = `validator-${i}`;
            // No value here: the operator writes the key generated offline (see README), so it never enters Pulumi.
            const secret = new aws.secretsmanager.Secret(
                `${name}-${validator}-key`,
                {
                    name: `${args.namePrefix}/validators/${validator}`,
                    description: `Private key of ${validator}, written out of band from the offline key generator`,
                    kmsKeyId: args.secretsKeyArn,
                    recoveryWindowInDays: args.secretRecoveryWindowDays,
                    tags: { ...args.tags, Validator: validator },
                },
                { parent: this },
            );
            const role = args.cluster.serviceAccountRole(
                `${name}-${validator}-role`,
                `${args.namePrefix}-${validator}`,
                NAMESPACE,
                validator,
                args.tags,
            );
            new aws.iam.RolePolicy(
                `${name}-${validator}-key-access`,
                {
                    role: role.id,
                    policy: pulumi
                        .all([secret.arn, args.secretsKeyArn])
                        .apply(([arn, key]) => policyDocument(readSecretsStatements([arn], key))),
                },
                { parent: this },
            );
            return { secretArn: secret.arn, roleArn: role.arn };
        });

        const objects = chainObjects({
            validators: args.validators,
            relays: args.relays,
            zones: args.zones,
            image: args.image,
            storageClass: args.cluster.storageClass,
            volumeGb: args.volumeGb,
            region: args.region,
            listeners: args.listeners,
            validatorKeys,
            rpcBalancerSecurityGroupId: args.rpcBalancerSecurityGroupId,
        });
        const declared = declareAll(
            // Validators fetch their key from Secrets Manager; relays call nothing over HTTPS.
            [
                ...namespaceBudget(NAMESPACE, objects),
                ...networkPolicies(NAMESPACE, args.listeners, args.placements, ["validator"]),
                ...objects,
            ],
            (object) => `${name}-${object.kind.toLowerCase()}-${object.metadata.name}`,
            inNamespace,
            args.cluster.workloadDependencies,
        );
        const rpcService = declared.get(
            keyOf("Service", NAMESPACE, RELAY_RPC_SERVICE),
        ) as k8s.core.v1.Service;
        const rpcPort = listenerOf("relayRpcBalancer", "rpc", args.listeners).port;

        this.validatorKeySecretArns = validatorKeys.map((k) => k.secretArn);
        this.rpcEndpoint = rpcService.status.apply(
            (status) => `${status.loadBalancer.ingress[0]!.hostname}:${rpcPort}`,
        );
        this.namespace = NAMESPACE;
        this.namespaceResource = namespace;
        this.validatorVolumeClaims = Array.from({ length: args.validators }, (_, i) =>
            validatorVolumeClaim(i),
        );
        this.scrapeTargets = {
            namespace: NAMESPACE,
            validators: args.validators,
            validatorsService: {
                name: VALIDATORS_SERVICE,
                metricsPort: listenerOf("validator", "metrics", args.listeners).port,
            },
            relaysService: {
                name: RELAY,
                metricsPort: listenerOf("relay", "metrics", args.listeners).port,
            },
        };
        this.registerOutputs({
            validatorKeySecretArns: this.validatorKeySecretArns,
            rpcEndpoint: this.rpcEndpoint,
            validatorVolumeClaims: this.validatorVolumeClaims,
        });
    }
}

export type { Placement };

/** Where the chain's roles of the port map run, for every namespace's NetworkPolicies. */
export const CHAIN_PLACEMENTS = {
    validator: podsOf(NAMESPACE, "validator"),
    relay: podsOf(NAMESPACE, "relay"),
} as const;
