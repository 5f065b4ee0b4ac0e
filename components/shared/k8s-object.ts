/** A Kubernetes object as plain data (what the pure builders return and `declareAll` declares); values may be Pulumi inputs where the program fills them in. */
export type K8sObject = {
    apiVersion: string;
    kind: string;
    metadata: {
        name: string;
        namespace?: string;
        labels?: Record<string, string>;
        annotations?: Record<string, unknown>;
    };
    spec?: Record<string, unknown>;
} & Record<string, unknown>;
