import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { K8sObject } from "./network-policies";

/** Declares a plain Kubernetes object with the SDK's typed resource of its kind. */
export function declareObject(name: string, object: K8sObject, opts: pulumi.CustomResourceOptions): pulumi.CustomResource {
    const args = object as never;
    switch (`${object.apiVersion}/${object.kind}`) {
        case "v1/Namespace": return new k8s.core.v1.Namespace(name, args, opts);
        case "v1/ServiceAccount": return new k8s.core.v1.ServiceAccount(name, args, opts);
        case "v1/Service": return new k8s.core.v1.Service(name, args, opts);
        case "v1/ConfigMap": return new k8s.core.v1.ConfigMap(name, args, opts);
        case "rbac.authorization.k8s.io/v1/ClusterRole": return new k8s.rbac.v1.ClusterRole(name, args, opts);
        case "rbac.authorization.k8s.io/v1/ClusterRoleBinding": return new k8s.rbac.v1.ClusterRoleBinding(name, args, opts);
        case "apps/v1/StatefulSet": return new k8s.apps.v1.StatefulSet(name, args, opts);
        case "apps/v1/Deployment": return new k8s.apps.v1.Deployment(name, args, opts);
        case "batch/v1/CronJob": return new k8s.batch.v1.CronJob(name, args, opts);
        case "policy/v1/PodDisruptionBudget": return new k8s.policy.v1.PodDisruptionBudget(name, args, opts);
        case "networking.k8s.io/v1/NetworkPolicy": return new k8s.networking.v1.NetworkPolicy(name, args, opts);
        default: throw new Error(`no SDK class for ${object.apiVersion} ${object.kind}`);
    }
}
