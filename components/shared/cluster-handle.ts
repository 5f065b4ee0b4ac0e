import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

/**
 * What a workload component needs of the cluster it runs on (the ChainCluster provides it, as
 * pulumi-eks's cluster hands node groups its `core`): a component depends on this, not on the
 * cluster's folder.
 */
export interface ClusterHandle {
    /** The EKS cluster's name (its nodes carry it as a tag: Prometheus finds them by it). */
    readonly clusterName: pulumi.Output<string>;
    /** Kubernetes provider of the cluster. */
    readonly provider: k8s.Provider;
    /** Name of the encrypted gp3 storage class the cluster declares, for persistent volumes. */
    readonly storageClass: string;
    /** What workloads wait for: the storage class, CSI driver, load balancer controller and their webhooks. */
    readonly workloadDependencies: pulumi.Resource[];
    /** An IAM role the service account `namespace/serviceAccount` assumes through the cluster's OIDC provider. */
    serviceAccountRole(
        name: string,
        roleName: string,
        namespace: string,
        serviceAccount: string,
        tags?: Record<string, string>,
    ): aws.iam.Role;
}
