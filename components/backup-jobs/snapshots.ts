/**
 * Chain backups as CSI VolumeSnapshots of each validator's data volume (EBS snapshots through the
 * EBS CSI driver): dchat has no snapshot subcommand, and a crash-consistent copy of its volume (the
 * database runs with WAL) is what a restore needs. Each run snapshots every validator's claim, waits
 * until all are ready, then prunes that schedule's snapshots older than its retention. Pure.
 */
import { PART_OF_PLATFORM } from "../shared/namespaces";
import { BackupSchedule } from "../../topology/retention";
import { K8sObject } from "../shared/k8s-object";
import { cronJob, security, small } from "./job";

/**
 * kubectl with a shell (registry.k8s.io/kubectl is distroless), pinned by tag. kubectl supports one
 * minor version of skew from the API server: move this with the cluster's kubernetesVersion.
 */
export const KUBECTL_IMAGE = "docker.io/alpine/k8s:1.33.0";
/** Class of the snapshots: EBS CSI; deleting a VolumeSnapshot deletes its EBS snapshot. */
export const SNAPSHOT_CLASS = "ebs-snapshots";
const CREATED_LABEL = "platform/created";

/** The VolumeSnapshotClass (a CRD of the snapshot controller, so declared as a custom resource). */
export function snapshotClass(): K8sObject {
    return {
        apiVersion: "snapshot.storage.k8s.io/v1",
        kind: "VolumeSnapshotClass",
        metadata: {
            name: SNAPSHOT_CLASS,
            labels: { ...PART_OF_PLATFORM },
        },
        driver: "ebs.csi.aws.com",
        deletionPolicy: "Delete",
    };
}

/** What the snapshot jobs may do in the chain's namespace: VolumeSnapshots only, nothing else. */
export function snapshotAccess(
    chainNamespace: string,
    jobNamespace: string,
    serviceAccount: string,
): K8sObject[] {
    const name = "backup-chain-snapshots";
    return [
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "Role",
            metadata: { name, namespace: chainNamespace },
            rules: [
                {
                    apiGroups: ["snapshot.storage.k8s.io"],
                    resources: ["volumesnapshots"],
                    verbs: ["create", "get", "list", "watch", "delete"],
                },
            ],
        },
        {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "RoleBinding",
            metadata: { name, namespace: chainNamespace },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
            subjects: [{ kind: "ServiceAccount", name: serviceAccount, namespace: jobNamespace }],
        },
    ];
}

/** Creates one snapshot per claim, waits for all, then prunes; any failure fails the job (and its alert). */
export function snapshotScript(): string {
    return [
        "set -eu",
        "now=$(date +%s)",
        "stamp=$(date -u +%Y%m%dt%H%M%S)",
        "names=''",
        "for claim in $CLAIMS; do",
        '  name="$claim-$SCHEDULE-$stamp"',
        '  kubectl -n "$NAMESPACE" create -f - <<EOF',
        "apiVersion: snapshot.storage.k8s.io/v1",
        "kind: VolumeSnapshot",
        "metadata:",
        "  name: $name",
        "  labels:",
        "    app.kubernetes.io/part-of: chain-platform",
        "    platform/schedule: $SCHEDULE",
        "    platform/claim: $claim",
        `    ${CREATED_LABEL}: "$now"`,
        "spec:",
        "  volumeSnapshotClassName: $SNAPSHOT_CLASS",
        "  source:",
        "    persistentVolumeClaimName: $claim",
        "EOF",
        '  names="$names $name"',
        "done",
        "for name in $names; do",
        '  kubectl -n "$NAMESPACE" wait --for=jsonpath=\'{.status.readyToUse}\'=true "volumesnapshot/$name" --timeout=150m',
        "done",
        // Only after the new snapshots are usable: a failed run never leaves fewer copies behind.
        `kubectl -n "$NAMESPACE" get volumesnapshots -l "platform/schedule=$SCHEDULE" -o go-template='{{range .items}}{{.metadata.name}} {{index .metadata.labels "${CREATED_LABEL}"}}{{"\\n"}}{{end}}' |`,
        "while read -r name created; do",
        '  if [ -n "$created" ] && [ $((now - created)) -gt $((KEEP_DAYS * 86400)) ]; then kubectl -n "$NAMESPACE" delete volumesnapshot "$name"; fi',
        "done",
    ].join("\n");
}

export interface ChainSnapshotSpec {
    readonly namespace: string;
    readonly volumeClaims: readonly string[];
    readonly snapshotClass: string;
}

export function chainSnapshotJob(schedule: BackupSchedule, chain: ChainSnapshotSpec): K8sObject {
    return cronJob("chain", schedule, {
        containers: [
            {
                name: "snapshot",
                image: KUBECTL_IMAGE,
                command: ["/bin/sh", "-c", snapshotScript()],
                env: [
                    { name: "NAMESPACE", value: chain.namespace },
                    { name: "CLAIMS", value: chain.volumeClaims.join(" ") },
                    { name: "SCHEDULE", value: schedule.name },
                    { name: "KEEP_DAYS", value: String(schedule.keepDays) },
                    { name: "SNAPSHOT_CLASS", value: chain.snapshotClass },
                    // kubectl's discovery cache goes to $HOME; the root filesystem is read-only.
                    { name: "HOME", value: "/tmp" },
                ],
                resources: small,
                securityContext: security,
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
        ],
        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
    });
}
