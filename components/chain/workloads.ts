/**
 * The chain's Kubernetes objects as plain values: validators (one StatefulSet each, own volume, own
 * key), relays, their Services and disruption budgets. Pure, so tests validate them against the
 * Kubernetes schemas without mocks. Ports come from the port map; sizes from the seeds.
 */
import type { Input } from "@pulumi/pulumi";
import { listenerOf, Listener } from "../../topology/ports";
import { AWS_CLI_IMAGE, containerSecurity, podSecurity } from "../shared/pods";
import { K8sObject } from "./network-policies";

export const NAMESPACE = "chain";
const ZONE_KEY = "topology.kubernetes.io/zone";
const COMMON_LABELS = { "app.kubernetes.io/name": "chain-node", "app.kubernetes.io/part-of": "chain-platform" };

/** Seeds: validators 2 GiB / 1.5 CPU, relays 1.5 GiB / 1 CPU (limits); requests leave burst room for CPU only. */
export const RESOURCES = {
    validator: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1500m", memory: "2Gi" } },
    relay: { requests: { cpu: "500m", memory: "1536Mi" }, limits: { cpu: "1", memory: "1536Mi" } },
} as const;

export const RUN_AS_USER = 10001;

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
    readonly validatorKeys: readonly { readonly secretArn: Input<string>; readonly roleArn: Input<string> }[];
    /** Security group of the internal NLB in front of the relays' RPC. */
    readonly rpcBalancerSecurityGroupId: Input<string>;
}

export function labelsOf(component: "validator" | "relay", instance?: string): Record<string, string> {
    return { ...COMMON_LABELS, "app.kubernetes.io/component": component, ...(instance ? { "app.kubernetes.io/instance": instance } : {}) };
}

const hardened = containerSecurity(RUN_AS_USER);

function ports(role: "validator" | "relay", listeners: readonly Listener[]) {
    return ["p2p", "rpc", "metrics"].map((name) => ({ name, containerPort: listenerOf(role, name, listeners).port, protocol: "TCP" }));
}

function probe(path: string, port: number, initialDelaySeconds: number) {
    return { httpGet: { path, port }, initialDelaySeconds, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6 };
}


function validatorPeers(spec: ChainSpec): string {
    const p2p = listenerOf("validator", "p2p", spec.listeners).port;
    return Array.from({ length: spec.validators }, (_, i) => `validator-${i}.validator-${i}.${NAMESPACE}.svc.cluster.local:${p2p}`).join(",");
}

function nodeArgs(role: "validator" | "relay", spec: ChainSpec): string[] {
    const port = (name: string) => String(listenerOf(role, name, spec.listeners).port);
    return [
        `--role=${role}`,
        "--data-dir=/data",
        `--p2p-port=${port("p2p")}`,
        `--rpc-port=${port("rpc")}`,
        `--metrics-port=${port("metrics")}`,
        `--peers=${validatorPeers(spec)}`,
        ...(role === "validator" ? ["--key-file=/keys/validator.key"] : []),
    ];
}

function volumeClaim(spec: ChainSpec) {
    return [{
        metadata: { name: "data" },
        spec: { accessModes: ["ReadWriteOnce"], storageClassName: spec.storageClass, resources: { requests: { storage: `${spec.volumeGb}Gi` } } },
    }];
}

export function validatorStatefulSet(spec: ChainSpec, index: number): K8sObject {
    const name = `validator-${index}`;
    const labels = labelsOf("validator", name);
    const rpc = listenerOf("validator", "rpc", spec.listeners).port;
    return {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: { name, namespace: NAMESPACE, labels },
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
                    securityContext: podSecurity(RUN_AS_USER),
                    // One validator per zone where zones allow: losing a zone costs at most one.
                    nodeSelector: { [ZONE_KEY]: spec.zones[index % spec.zones.length]! },
                    affinity: {
                        podAntiAffinity: {
                            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { "app.kubernetes.io/component": "validator" } }, topologyKey: "kubernetes.io/hostname" }],
                        },
                    },
                    terminationGracePeriodSeconds: 60,
                    initContainers: [{
                        name: "fetch-key",
                        image: AWS_CLI_IMAGE,
                        command: ["/bin/sh", "-c", "aws secretsmanager get-secret-value --secret-id \"$VALIDATOR_KEY_ARN\" --query SecretString --output text > /keys/validator.key"],
                        env: [{ name: "VALIDATOR_KEY_ARN", value: spec.validatorKeys[index]!.secretArn }, { name: "AWS_REGION", value: spec.region }, { name: "HOME", value: "/tmp" }],
                        securityContext: hardened,
                        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
                        volumeMounts: [{ name: "keys", mountPath: "/keys" }, { name: "tmp", mountPath: "/tmp" }],
                    }],
                    containers: [{
                        name: "validator",
                        image: spec.image,
                        args: nodeArgs("validator", spec),
                        ports: ports("validator", spec.listeners),
                        resources: RESOURCES.validator,
                        livenessProbe: probe("/health", rpc, 30),
                        readinessProbe: probe("/health", rpc, 10),
                        securityContext: hardened,
                        volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "keys", mountPath: "/keys", readOnly: true }, { name: "tmp", mountPath: "/tmp" }],
                    }],
                    volumes: [
                        // The key lives in memory only, fetched at start through this validator's own IAM role.
                        { name: "keys", emptyDir: { medium: "Memory", sizeLimit: "1Mi" } },
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
    const rpc = listenerOf("relay", "rpc", spec.listeners).port;
    return {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: { name: "relay", namespace: NAMESPACE, labels },
        spec: {
            replicas: spec.relays,
            serviceName: "relay",
            podManagementPolicy: "Parallel",
            selector: { matchLabels: { "app.kubernetes.io/component": "relay" } },
            template: {
                metadata: { labels },
                spec: {
                    automountServiceAccountToken: false,
                    securityContext: podSecurity(RUN_AS_USER),
                    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE_KEY, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { "app.kubernetes.io/component": "relay" } } }],
                    terminationGracePeriodSeconds: 30,
                    containers: [{
                        name: "relay",
                        image: spec.image,
                        args: nodeArgs("relay", spec),
                        ports: ports("relay", spec.listeners),
                        resources: RESOURCES.relay,
                        livenessProbe: probe("/health", rpc, 30),
                        readinessProbe: probe("/health", rpc, 10),
                        securityContext: hardened,
                        volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "tmp", mountPath: "/tmp" }],
                    }],
                    volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }],
                },
            },
            volumeClaimTemplates: volumeClaim(spec),
        },
    };
}

function headlessService(name: string, selector: Record<string, string>, role: "validator" | "relay", spec: ChainSpec): K8sObject {
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, namespace: NAMESPACE, labels: labelsOf(role) },
        spec: {
            clusterIP: "None",
            publishNotReadyAddresses: true,
            selector,
            ports: ports(role, spec.listeners).map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.containerPort, protocol: "TCP" })),
        },
    };
}

/** The relays' RPC behind an internal NLB (AWS Load Balancer Controller, IP targets, the stack's own security group). */
export function relayRpcService(spec: ChainSpec): K8sObject {
    const port = listenerOf("relay", "rpc", spec.listeners).port;
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: {
            name: "relay-rpc",
            namespace: NAMESPACE,
            labels: labelsOf("relay"),
            annotations: {
                "service.beta.kubernetes.io/aws-load-balancer-type": "external",
                "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
                "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
                "service.beta.kubernetes.io/aws-load-balancer-security-groups": spec.rpcBalancerSecurityGroupId,
                "service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules": "false",
                "service.beta.kubernetes.io/aws-load-balancer-healthcheck-path": "/health",
                "service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol": "HTTP",
            },
        },
        spec: {
            type: "LoadBalancer",
            allocateLoadBalancerNodePorts: false,
            selector: { "app.kubernetes.io/component": "relay" },
            ports: [{ name: "rpc", port, targetPort: port, protocol: "TCP" }],
        },
    };
}

export function chainObjects(spec: ChainSpec): K8sObject[] {
    const validators = Array.from({ length: spec.validators }, (_, i) => `validator-${i}`);
    return [
        ...validators.map((name, i) => ({
            apiVersion: "v1",
            kind: "ServiceAccount",
            metadata: { name, namespace: NAMESPACE, labels: labelsOf("validator", name), annotations: { "eks.amazonaws.com/role-arn": spec.validatorKeys[i]!.roleArn } },
            automountServiceAccountToken: false,
        }) as K8sObject),
        ...validators.map((_, i) => validatorStatefulSet(spec, i)),
        ...validators.map((name) => headlessService(name, { "app.kubernetes.io/instance": name }, "validator", spec)),
        // Every validator behind one name, for Prometheus' DNS discovery: a new validator is a new target.
        headlessService("validators", { "app.kubernetes.io/component": "validator" }, "validator", spec),
        relayStatefulSet(spec),
        headlessService("relay", { "app.kubernetes.io/component": "relay" }, "relay", spec),
        relayRpcService(spec),
        ...(["validator", "relay"] as const).map((component) => ({
            apiVersion: "policy/v1",
            kind: "PodDisruptionBudget",
            metadata: { name: component, namespace: NAMESPACE, labels: labelsOf(component) },
            spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/component": component } } },
        }) as K8sObject),
    ];
}
