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

/** A workload's pod template (metadata and spec); a bare Pod is its own template. */
export function podTemplateOf(type: string, props: Record<string, unknown>): Spec | undefined {
    const spec = props.spec as Spec | undefined;
    switch (type) {
        case "kubernetes:core/v1:Pod":
            return props;
        case "kubernetes:batch/v1:CronJob":
            return ((spec?.jobTemplate as Spec | undefined)?.spec as Spec | undefined)?.template as
                Spec | undefined;
        default:
            return WORKLOAD_TYPES.includes(type) ? (spec?.template as Spec | undefined) : undefined;
    }
}

export function podSpecOf(type: string, props: Record<string, unknown>): Spec | undefined {
    return podTemplateOf(type, props)?.spec as Spec | undefined;
}

/** The labels a workload's pods carry. */
export function podLabelsOf(type: string, props: Record<string, unknown>): Record<string, string> {
    return ((podTemplateOf(type, props)?.metadata as Spec | undefined)?.labels ?? {}) as Record<
        string,
        string
    >;
}

/** A label selector, matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist), as Kubernetes reads it. */
export function selects(selector: Spec | undefined, labels: Record<string, string>): boolean {
    if (!selector) return true;
    const byLabels = Object.entries((selector.matchLabels ?? {}) as Record<string, string>).every(
        ([k, v]) => labels[k] === v,
    );
    return (
        byLabels &&
        asArray(selector.matchExpressions as Spec[] | undefined).every((e) => {
            const key = String(e.key);
            const values = asArray(e.values as string[] | undefined);
            switch (e.operator) {
                case "In":
                    return key in labels && values.includes(labels[key]!);
                case "NotIn":
                    return !(key in labels) || !values.includes(labels[key]!);
                case "Exists":
                    return key in labels;
                case "DoesNotExist":
                    return !(key in labels);
                default:
                    return false;
            }
        })
    );
}

export interface Container extends Spec {
    name?: string;
}

export function containersOf(pod: Spec, includeInit = true): Container[] {
    return [
        ...asArray(pod.containers as Container[] | undefined),
        ...(includeInit ? asArray(pod.initContainers as Container[] | undefined) : []),
    ];
}

export function namespaceOf(props: Record<string, unknown>): string {
    const namespace = (props.metadata as Spec | undefined)?.namespace;
    return typeof namespace === "string" && namespace !== "" ? namespace : "default";
}
