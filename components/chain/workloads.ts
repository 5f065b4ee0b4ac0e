/**
 * The chain's Kubernetes objects as plain values: validators (one StatefulSet each, own volume, own
 * key), relays, their configuration, Services and disruption budgets. Pure, so tests validate them
 * against the Kubernetes schemas without mocks. Ports come from the port map; sizes from the seeds;
 * the command line and configuration from node.ts.
 */
import { PART_OF_PLATFORM } from "../shared/namespaces";
import { CHAIN_NODE_RESOURCES } from "../../topology/chain-sizes";
import type { Input } from "@pulumi/pulumi";
import { listenerOf, Listener } from "../../topology/ports";
import {
    AWS_CLI_IMAGE,
    containerSecurity,
    fetchSecretWhenWritten,
    podSecurity,
} from "../shared/pods";
import { DCHAT_HEALTH_PATHS } from "../shared/chain-targets";
import { K8sObject } from "../shared/k8s-object";
import {
    DATA_CLAIM,
    NAMESPACE,
    RELAY,
    RELAY_RPC_SERVICE,
    VALIDATORS_SERVICE,
    validatorName,
    validatorPodHost,
} from "./names";
import {
    CONFIG_FILE,
    KEY_FILE,
    NODE_PATHS,
    NODE_USER,
    NodeRole,
    nodeConfig,
    nodeEnv,
    relayArgs,
    validatorArgs,
} from "./node";

export { NAMESPACE };
const ZONE_KEY = "topology.kubernetes.io/zone";
const COMMON_LABELS = {
    "app.kubernetes.io/name": "chain-node",
    ...PART_OF_PLATFORM,
};

/** Seeds: validators 2 GiB / 1.5 CPU, relays 1.5 GiB / 1 CPU (limits); requests leave burst room for CPU only. */
export const RESOURCES = CHAIN_NODE_RESOURCES;

export interface ChainSpec {
    readonly validators: number;
    readonly relays: number;
    readonly zones: readonly string[];
    /** Image by digest: "<registry>/<repository>@sha256:…". */
    readonly image: Input<string>;
    readonly storageClass: string;
    readonly volumeGb: number;
    readonly region: string;
    readonly listeners: readonly Listener[];
    /** Secret ARN and IAM role ARN of each validator, by index. */
    readonly validatorKeys: readonly {
        readonly secretArn: Input<string>;
        readonly roleArn: Input<string>;
    }[];
    /** Security group of the internal NLB in front of the relays' HTTP port. */
    readonly rpcBalancerSecurityGroupId: Input<string>;
}

export function labelsOf(component: NodeRole, instance?: string): Record<string, string> {
    return {
        ...COMMON_LABELS,
        "app.kubernetes.io/component": component,
        ...(instance ? { "app.kubernetes.io/instance": instance } : {}),
    };
}

const hardened = containerSecurity(NODE_USER);
// OnRootMismatch: re-owning a 500 GiB volume on every start would delay it for minutes.
const podSecurityContext = { ...podSecurity(NODE_USER), fsGroupChangePolicy: "OnRootMismatch" };

/** The node's listeners, each from the port map. */
export const NODE_LISTENERS = ["p2p", "health", "metrics"] as const;

function ports(role: NodeRole, listeners: readonly Listener[]) {
    return NODE_LISTENERS.map((name) => ({
        name,
        containerPort: listenerOf(role, name, listeners).port,
        protocol: "TCP",
    }));
}

/** Liveness and readiness from dchat's health server. */
function probes(role: NodeRole, listeners: readonly Listener[]) {
    const port = listenerOf(role, "health", listeners).port;
    const probe = (path: string, initialDelaySeconds: number) => ({
        httpGet: { path, port },
        initialDelaySeconds,
        periodSeconds: 10,
        timeoutSeconds: 3,
        failureThreshold: 6,
    });
    return {
        livenessProbe: probe(DCHAT_HEALTH_PATHS.live, 30),
        readinessProbe: probe(DCHAT_HEALTH_PATHS.ready, 10),
    };
}

function configMap(name: string, role: NodeRole, toml: string, instance?: string): K8sObject {
    return {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name, namespace: NAMESPACE, labels: labelsOf(role, instance) },
        data: { [CONFIG_FILE]: toml },
    };
}

function serviceAccount(
    name: string,
    role: NodeRole,
    annotations?: Record<string, Input<string>>,
): K8sObject {
    return {
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: {
            name,
            namespace: NAMESPACE,
            labels: labelsOf(role, role === "validator" ? name : undefined),
            ...(annotations ? { annotations } : {}),
        },
        automountServiceAccountToken: false,
    };
}

function volumeClaim(spec: ChainSpec) {
    return [
        {
            metadata: { name: DATA_CLAIM },
            spec: {
                accessModes: ["ReadWriteOnce"],
                storageClassName: spec.storageClass,
                resources: { requests: { storage: `${spec.volumeGb}Gi` } },
            },
        },
    ];
}

/** The node container: dchat opens ./dchat.db, so the working directory is the data volume (the root is read-only). */
function nodeContainer(
    role: NodeRole,
    spec: ChainSpec,
    args: string[],
    extraMounts: Record<string, unknown>[],
) {
    return {
        name: role,
        image: spec.image,
        args,
        env: nodeEnv(),
        workingDir: NODE_PATHS.data,
        ports: ports(role, spec.listeners),
        resources: RESOURCES[role],
        ...probes(role, spec.listeners),
        securityContext: hardened,
        volumeMounts: [
            { name: DATA_CLAIM, mountPath: NODE_PATHS.data },
            { name: "config", mountPath: NODE_PATHS.config, readOnly: true },
            ...extraMounts,
            { name: "tmp", mountPath: "/tmp" },
        ],
    };
}

export function validatorStatefulSet(spec: ChainSpec, index: number): K8sObject {
    const name = validatorName(index);
    const labels = labelsOf("validator", name);
    const keyPath = `${NODE_PATHS.keys}/${KEY_FILE}`;
    return {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        // The key is written out of band after the first deploy; until then the pod waits in its init
        // container, and `pulumi up` must not fail waiting for it (README: validator keys).
        metadata: {
            name,
            namespace: NAMESPACE,
            labels,
            annotations: { "pulumi.com/skipAwait": "true" },
        },
        spec: {
            replicas: 1,
            serviceName: name,
            podManagementPolicy: "Parallel",
            selector: { matchLabels: { "app.kubernetes.io/instance": name } },
            template: {
                metadata: { labels },
                spec: {
                    serviceAccountName: name,
                    automountServiceAccountToken: false,
                    securityContext: podSecurityContext,
                    // One validator per zone where zones allow: losing a zone costs at most one.
                    nodeSelector: { [ZONE_KEY]: spec.zones[index % spec.zones.length]! },
                    affinity: {
                        podAntiAffinity: {
                            requiredDuringSchedulingIgnoredDuringExecution: [
                                {
                                    labelSelector: {
                                        matchLabels: { "app.kubernetes.io/component": "validator" },
                                    },
                                    topologyKey: "kubernetes.io/hostname",
                                },
                            ],
                        },
                    },
                    terminationGracePeriodSeconds: 60,
                    initContainers: [
                        {
                            name: "fetch-key",
                            image: AWS_CLI_IMAGE,
                            // dchat reads a JSON key file with "private_key"; a secret in another format fails here, by name, not inside the node.
                            command: [
                                "/bin/sh",
                                "-c",
                                [
                                    "set -eu",
                                    "umask 077",
                                    ...fetchSecretWhenWritten("VALIDATOR_KEY_ARN", keyPath),
                                    `grep -q '"private_key"' ${keyPath} || { echo "secret $VALIDATOR_KEY_ARN is not a dchat key file (JSON with private_key)" >&2; exit 1; }`,
                                ].join("\n"),
                            ],
                            env: [
                                {
                                    name: "VALIDATOR_KEY_ARN",
                                    value: spec.validatorKeys[index]!.secretArn,
                                },
                                { name: "AWS_REGION", value: spec.region },
                                { name: "HOME", value: "/tmp" },
                            ],
                            securityContext: hardened,
                            resources: {
                                requests: { cpu: "50m", memory: "64Mi" },
                                limits: { cpu: "200m", memory: "128Mi" },
                            },
                            volumeMounts: [
                                { name: "keys", mountPath: NODE_PATHS.keys },
                                { name: "tmp", mountPath: "/tmp" },
                            ],
                        },
                    ],
                    containers: [
                        nodeContainer("validator", spec, validatorArgs(spec), [
                            { name: "keys", mountPath: NODE_PATHS.keys, readOnly: true },
                        ]),
                    ],
                    volumes: [
                        // The key lives in memory only, fetched at start through this validator's own IAM role.
                        { name: "keys", emptyDir: { medium: "Memory", sizeLimit: "1Mi" } },
                        { name: "config", configMap: { name: `${name}-config` } },
                        { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
                    ],
                },
            },
            volumeClaimTemplates: volumeClaim(spec),
        },
    };
}

export function relayStatefulSet(spec: ChainSpec): K8sObject {
    const labels = labelsOf("relay");
    return {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: { name: RELAY, namespace: NAMESPACE, labels },
        spec: {
            replicas: spec.relays,
            serviceName: RELAY,
            podManagementPolicy: "Parallel",
            selector: { matchLabels: { "app.kubernetes.io/component": "relay" } },
            template: {
                metadata: { labels },
                spec: {
                    serviceAccountName: RELAY,
                    automountServiceAccountToken: false,
                    securityContext: podSecurityContext,
                    topologySpreadConstraints: [
                        {
                            maxSkew: 1,
                            topologyKey: ZONE_KEY,
                            whenUnsatisfiable: "DoNotSchedule",
                            labelSelector: {
                                matchLabels: { "app.kubernetes.io/component": "relay" },
                            },
                        },
                    ],
                    terminationGracePeriodSeconds: 30,
                    containers: [nodeContainer("relay", spec, relayArgs(spec), [])],
                    volumes: [
                        { name: "config", configMap: { name: `${RELAY}-config` } },
                        { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
                    ],
                },
            },
            volumeClaimTemplates: volumeClaim(spec),
        },
    };
}

function headlessService(
    name: string,
    selector: Record<string, string>,
    role: NodeRole,
    spec: ChainSpec,
): K8sObject {
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, namespace: NAMESPACE, labels: labelsOf(role) },
        spec: {
            clusterIP: "None",
            // Peers must resolve each other while starting, before they are ready.
            publishNotReadyAddresses: true,
            selector,
            ports: ports(role, spec.listeners).map((p) => ({
                name: p.name,
                port: p.containerPort,
                targetPort: p.containerPort,
                protocol: "TCP",
            })),
        },
    };
}

/**
 * The relays' HTTP server behind an internal NLB (AWS Load Balancer Controller, IP targets, the
 * stack's own security group): the NLB listens on the balancer's port and forwards to the relays'.
 */
export function relayRpcService(spec: ChainSpec): K8sObject {
    const port = listenerOf("relayRpcBalancer", "rpc", spec.listeners).port;
    const target = listenerOf("relay", "health", spec.listeners).port;
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: {
            name: RELAY_RPC_SERVICE,
            namespace: NAMESPACE,
            labels: labelsOf("relay"),
            annotations: {
                "service.beta.kubernetes.io/aws-load-balancer-type": "external",
                "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
                "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
                "service.beta.kubernetes.io/aws-load-balancer-security-groups":
                    spec.rpcBalancerSecurityGroupId,
                "service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules":
                    "false",
                "service.beta.kubernetes.io/aws-load-balancer-healthcheck-path":
                    DCHAT_HEALTH_PATHS.live,
                "service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol": "HTTP",
            },
        },
        spec: {
            type: "LoadBalancer",
            allocateLoadBalancerNodePorts: false,
            selector: { "app.kubernetes.io/component": "relay" },
            ports: [{ name: "rpc", port, targetPort: target, protocol: "TCP" }],
        },
    };
}

/** Every object, each before the objects that reference it (service accounts and ConfigMaps first). */
export function chainObjects(spec: ChainSpec): K8sObject[] {
    const indexes = Array.from({ length: spec.validators }, (_, i) => i);
    return [
        ...indexes.map((i) =>
            serviceAccount(validatorName(i), "validator", {
                "eks.amazonaws.com/role-arn": spec.validatorKeys[i]!.roleArn,
            }),
        ),
        serviceAccount(RELAY, "relay"),
        ...indexes.map((i) =>
            configMap(
                `${validatorName(i)}-config`,
                "validator",
                nodeConfig("validator", spec, validatorPodHost(i)),
                validatorName(i),
            ),
        ),
        // One file for every relay pod: each one's own address stays among its peers (see relayArgs).
        configMap(`${RELAY}-config`, "relay", nodeConfig("relay", spec)),
        ...indexes.map((i) => validatorStatefulSet(spec, i)),
        ...indexes.map((i) =>
            headlessService(
                validatorName(i),
                { "app.kubernetes.io/instance": validatorName(i) },
                "validator",
                spec,
            ),
        ),
        // Every validator behind one name, for Prometheus' DNS discovery: a new validator is a new target.
        headlessService(
            VALIDATORS_SERVICE,
            { "app.kubernetes.io/component": "validator" },
            "validator",
            spec,
        ),
        relayStatefulSet(spec),
        headlessService(RELAY, { "app.kubernetes.io/component": "relay" }, "relay", spec),
        relayRpcService(spec),
        ...(["validator", "relay"] as const).map(
            (component) =>
                ({
                    apiVersion: "policy/v1",
                    kind: "PodDisruptionBudget",
                    metadata: {
                        name: component,
                        namespace: NAMESPACE,
                        labels: labelsOf(component),
                    },
                    spec: {
                        maxUnavailable: 1,
                        selector: { matchLabels: { "app.kubernetes.io/component": component } },
                    },
                }) as K8sObject,
        ),
    ];
}
