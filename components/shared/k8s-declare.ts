import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { K8sObject } from "./k8s-object";

/** Declares a plain Kubernetes object with the SDK's typed resource of its kind. */
export function declareObject(
    name: string,
    object: K8sObject,
    opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource {
    const args = object as never;
    switch (`${object.apiVersion}/${object.kind}`) {
        case "v1/Namespace":
            return new k8s.core.v1.Namespace(name, args, opts);
        case "v1/ServiceAccount":
            return new k8s.core.v1.ServiceAccount(name, args, opts);
        case "v1/Service":
            return new k8s.core.v1.Service(name, args, opts);
        case "v1/ConfigMap":
            return new k8s.core.v1.ConfigMap(name, args, opts);
        case "v1/LimitRange":
            return new k8s.core.v1.LimitRange(name, args, opts);
        case "v1/ResourceQuota":
            return new k8s.core.v1.ResourceQuota(name, args, opts);
        case "rbac.authorization.k8s.io/v1/ClusterRole":
            return new k8s.rbac.v1.ClusterRole(name, args, opts);
        case "rbac.authorization.k8s.io/v1/ClusterRoleBinding":
            return new k8s.rbac.v1.ClusterRoleBinding(name, args, opts);
        case "rbac.authorization.k8s.io/v1/Role":
            return new k8s.rbac.v1.Role(name, args, opts);
        case "rbac.authorization.k8s.io/v1/RoleBinding":
            return new k8s.rbac.v1.RoleBinding(name, args, opts);
        case "storage.k8s.io/v1/StorageClass":
            return new k8s.storage.v1.StorageClass(name, args, opts);
        case "apps/v1/StatefulSet":
            return new k8s.apps.v1.StatefulSet(name, args, opts);
        case "apps/v1/Deployment":
            return new k8s.apps.v1.Deployment(name, args, opts);
        case "batch/v1/CronJob":
            return new k8s.batch.v1.CronJob(name, args, opts);
        case "batch/v1/Job":
            return new k8s.batch.v1.Job(name, args, opts);
        case "policy/v1/PodDisruptionBudget":
            return new k8s.policy.v1.PodDisruptionBudget(name, args, opts);
        case "networking.k8s.io/v1/NetworkPolicy":
            return new k8s.networking.v1.NetworkPolicy(name, args, opts);
        default:
            throw new Error(`no SDK class for ${object.apiVersion} ${object.kind}`);
    }
}

/** "Kind/namespace/name", how objects refer to each other below. */
export function keyOf(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}/${namespace ?? ""}/${name}`;
}

type Pod = { serviceAccountName?: string; volumes?: { configMap?: { name: string } }[] };

function podOf(object: K8sObject): Pod | undefined {
    const spec = object.spec as
        | { template?: { spec?: Pod }; jobTemplate?: { spec?: { template?: { spec?: Pod } } } }
        | undefined;
    return object.kind === "CronJob"
        ? spec?.jobTemplate?.spec?.template?.spec
        : spec?.template?.spec;
}

/**
 * Objects of the same namespace a workload needs before it starts: its service account and the
 * ConfigMaps it mounts. Pure.
 */
export function referencesOf(object: K8sObject): string[] {
    const pod = podOf(object);
    if (!pod) return [];
    const namespace = object.metadata.namespace;
    return [
        ...(pod.serviceAccountName
            ? [keyOf("ServiceAccount", namespace, pod.serviceAccountName)]
            : []),
        ...(pod.volumes ?? []).flatMap((v) =>
            v.configMap ? [keyOf("ConfigMap", namespace, v.configMap.name)] : [],
        ),
    ];
}

/**
 * Declares `objects` in order. Workloads wait for what they reference and for `platform` (the
 * cluster's storage class, CSI driver and load balancer controller); Services wait for `platform`
 * too, because the controller's webhooks intercept them. A reference to an object not declared
 * before it throws, so an ordering mistake fails the plan instead of racing at deploy time.
 */
export function declareAll(
    objects: readonly K8sObject[],
    nameOf: (object: K8sObject) => string,
    opts: pulumi.CustomResourceOptions & { dependsOn: pulumi.Resource[] },
    platform: readonly pulumi.Resource[],
    extra: (
        object: K8sObject,
        declared: ReadonlyMap<string, pulumi.CustomResource>,
    ) => pulumi.Resource[] = () => [],
): Map<string, pulumi.CustomResource> {
    const declared = new Map<string, pulumi.CustomResource>();
    for (const object of objects) {
        const references = referencesOf(object).map((key) => {
            const found = declared.get(key);
            if (!found)
                throw new Error(
                    `${object.kind} ${object.metadata.name} references ${key}, which is not declared before it`,
                );
            return found;
        });
        const waits = [
            ...(object.kind === "Service" || podOf(object) ? [...platform, ...references] : []),
            ...extra(object, declared),
        ];
        declared.set(
            keyOf(object.kind, object.metadata.namespace, object.metadata.name),
            declareObject(nameOf(object), object, {
                ...opts,
                dependsOn: [...opts.dependsOn, ...waits],
            }),
        );
    }
    return declared;
}
