/** The kubeconfig of the cluster: authenticates with `aws eks get-token`, so it holds no credential. Pure. */
export function kubeconfig(
    clusterName: string,
    endpoint: string,
    certificateAuthority: string,
    region: string,
): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            {
                name: clusterName,
                cluster: { server: endpoint, "certificate-authority-data": certificateAuthority },
            },
        ],
        contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
        "current-context": clusterName,
        users: [
            {
                name: clusterName,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: [
                            "eks",
                            "get-token",
                            "--region",
                            region,
                            "--cluster-name",
                            clusterName,
                            "--output",
                            "json",
                        ],
                    },
                },
            },
        ],
    });
}
