/** Where the pod template of each Kubernetes workload kind lives. */
import { asArray } from "./values";

export const WORKLOAD_TYPES = [
    "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:StatefulSet",
    "kubernetes:apps/v1:DaemonSet",
    "kubernetes:apps/v1:ReplicaSet",
    "kubernetes:batch/v1:Job",
    "kubernetes:batch/v1:CronJob",
    "kubernetes:core/v1:Pod",
];

export const RUN_TO_COMPLETION_TYPES = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"];

export type Spec = Record<string, unknown>;

export function podSpecOf(type: string, props: Record<string, unknown>): Spec | undefined {
    const spec = props.spec as Spec | undefined;
    switch (type) {
        case "kubernetes:core/v1:Pod":
            return spec;
        case "kubernetes:batch/v1:CronJob":
            return (((spec?.jobTemplate as Spec | undefined)?.spec as Spec | undefined)?.template as Spec | undefined)?.spec as Spec | undefined;
        default:
            return WORKLOAD_TYPES.includes(type) ? ((spec?.template as Spec | undefined)?.spec as Spec | undefined) : undefined;
    }
}

export interface Container extends Spec {
    name?: string;
}

export function containersOf(pod: Spec, includeInit = true): Container[] {
    return [...asArray(pod.containers as Container[] | undefined), ...(includeInit ? asArray(pod.initContainers as Container[] | undefined) : [])];
}

export function namespaceOf(props: Record<string, unknown>): string {
    const namespace = (props.metadata as Spec | undefined)?.namespace;
    return typeof namespace === "string" && namespace !== "" ? namespace : "default";
}
