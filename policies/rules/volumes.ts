/**
 * Jobs and CronJobs never claim volumes of a storage class that retains them: every run would leave
 * an EBS volume behind, paid for and holding data nobody tracks. Checks generic ephemeral volumes and
 * claims of PersistentVolumeClaims the stack declares; no class named means the default class.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { stackPolicy } from "../lib/exemptions";
import { namespaceOf, podSpecOf, RUN_TO_COMPLETION_TYPES, Spec } from "../lib/kubernetes";
import { asArray, known } from "../lib/values";

const STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
const CLAIM = "kubernetes:core/v1:PersistentVolumeClaim";
const DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

function classes(resources: readonly PolicyResource[]): {
    reclaim: Map<string, string>;
    defaultClass?: string;
} {
    const reclaim = new Map<string, string>();
    let defaultClass: string | undefined;
    for (const r of resources) {
        if (r.type !== STORAGE_CLASS) continue;
        const metadata = known(() => r.props.metadata as Spec | undefined);
        const name = metadata?.name;
        if (typeof name !== "string") continue;
        // Kubernetes' default reclaimPolicy is Delete.
        reclaim.set(name, String(known(() => r.props.reclaimPolicy) ?? "Delete"));
        if (
            ((metadata?.annotations ?? {}) as Record<string, string>)[DEFAULT_CLASS_ANNOTATION] ===
            "true"
        )
            defaultClass = name;
    }
    return { reclaim, defaultClass };
}

export const jobVolumesReclaimed: StackValidationPolicy = stackPolicy({
    name: "job-volumes-not-retained",
    description:
        "Job and CronJob volumes (generic ephemeral or claimed) use a storage class whose reclaimPolicy is not Retain, so runs leave no volumes behind.",
    severity: "medium",
    validateStack: (args, report) => {
        const jobs = args.resources.filter((r) => RUN_TO_COMPLETION_TYPES.includes(r.type));
        if (jobs.length === 0) return;
        const { reclaim, defaultClass } = classes(args.resources);
        const claims = new Map<string, string | undefined>();
        for (const r of args.resources) {
            if (r.type !== CLAIM) continue;
            const name = known(() => (r.props.metadata as Spec | undefined)?.name);
            if (typeof name === "string")
                claims.set(
                    `${namespaceOf(r.props)}/${name}`,
                    known(
                        () =>
                            (r.props.spec as Spec | undefined)?.storageClassName as
                                string | undefined,
                    ),
                );
        }
        for (const job of jobs) {
            const pod = known(() => podSpecOf(job.type, job.props));
            if (!pod) continue;
            const namespace = known(() => namespaceOf(job.props)) ?? "default";
            for (const volume of asArray(pod.volumes as Spec[] | undefined)) {
                const ephemeral = (
                    (volume.ephemeral as Spec | undefined)?.volumeClaimTemplate as Spec | undefined
                )?.spec as Spec | undefined;
                const claimName = (volume.persistentVolumeClaim as Spec | undefined)?.claimName;
                let storageClass: string | undefined;
                if (ephemeral)
                    storageClass =
                        (ephemeral.storageClassName as string | undefined) ?? defaultClass;
                else if (typeof claimName === "string" && claims.has(`${namespace}/${claimName}`))
                    storageClass = claims.get(`${namespace}/${claimName}`) ?? defaultClass;
                else continue;
                if (storageClass !== undefined && reclaim.get(storageClass) === "Retain") {
                    report(
                        `volume ${String(volume.name)} uses storage class ${storageClass}, whose reclaimPolicy is Retain: every run leaves a volume behind; use a class with reclaimPolicy Delete`,
                        job.urn,
                    );
                }
            }
        }
    },
});
