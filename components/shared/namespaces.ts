/** Labels every namespace of the platform carries. Pure. */

/** Pod-security "restricted", enforced: the API server itself refuses a pod that is not hardened. */
export const RESTRICTED_NAMESPACE_LABELS = {
    "pod-security.kubernetes.io/enforce": "restricted",
    "pod-security.kubernetes.io/enforce-version": "latest",
};

/** The label every object of the platform carries, so `kubectl get -l` finds them all. */
export const PART_OF_PLATFORM = { "app.kubernetes.io/part-of": "chain-platform" } as const;
