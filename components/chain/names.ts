import { NAMESPACES } from "../../topology/namespaces";
/**
 * The chain's object names and the cluster DNS names derived from them: the one place that knows a
 * StatefulSet's pod is `<statefulset>-<ordinal>.<governing service>.<namespace>.svc.cluster.local`
 * and its volume claim `<template>-<statefulset>-<ordinal>`. Pure.
 */

export const NAMESPACE = NAMESPACES.chain;
/** The relay StatefulSet and its governing headless Service share this name. */
export const RELAY = "relay";
/** Headless Service over every validator, for Prometheus' DNS discovery. */
export const VALIDATORS_SERVICE = "validators";
/** The relays' HTTP port behind the internal NLB. */
export const RELAY_RPC_SERVICE = "relay-rpc";
/** Volume claim template of every node; the claim of a pod is `data-<pod>`. */
export const DATA_CLAIM = "data";

/** Validator `i`'s StatefulSet, its governing headless Service, and its service account. */
export function validatorName(index: number): string {
    return `validator-${index}`;
}

export function serviceHost(service: string, namespace: string = NAMESPACE): string {
    return `${service}.${namespace}.svc.cluster.local`;
}

export function podHost(
    statefulSet: string,
    ordinal: number,
    service: string,
    namespace: string = NAMESPACE,
): string {
    return `${statefulSet}-${ordinal}.${serviceHost(service, namespace)}`;
}

/** Each validator StatefulSet has one replica, so its pod is ordinal 0. */
export function validatorPodHost(index: number): string {
    return podHost(validatorName(index), 0, validatorName(index));
}

export function relayPodHost(ordinal: number): string {
    return podHost(RELAY, ordinal, RELAY);
}

/** The data volume claim of validator `i`'s pod (what its VolumeSnapshots copy). */
export function validatorVolumeClaim(index: number): string {
    return `${DATA_CLAIM}-${validatorName(index)}-0`;
}
