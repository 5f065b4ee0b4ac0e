import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";

export interface ChainImageArgs {
    /** Repository name, e.g. "chain-platform-prod/chain-node". No default. */
    readonly repositoryName: string;
    /** A pushed image's digest ("sha256:…"), or a build from `buildContext`. No default. */
    readonly source: { readonly digest: string } | { readonly buildContext: string; readonly tag: string };
    /** KMS key of the repository. No default. */
    readonly keyArn: pulumi.Input<string>;
    /** Tags for every taggable AWS resource. Default: none. */
    readonly tags?: Record<string, string>;
}

/** The chain node image: an ECR repository (KMS, immutable tags, scan on push) and the image by digest. */
export class ChainImage extends pulumi.ComponentResource {
    /** "<registry>/<repository>@sha256:…": pods reference the image by digest, never by a mutable tag. */
    public readonly imageRef: pulumi.Output<string>;
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: ChainImageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:chain:ChainImage", name, {}, opts);
        const parent = { parent: this };
        const repository = new aws.ecr.Repository(`${name}-repository`, {
            name: args.repositoryName,
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.keyArn }],
            tags: args.tags,
        }, parent);
        new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
            repository: repository.name,
            policy: JSON.stringify({
                rules: [
                    { rulePriority: 1, description: "untagged layers go after 7 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 }, action: { type: "expire" } },
                    { rulePriority: 2, description: "keep the last 50 tagged images", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 50 }, action: { type: "expire" } },
                ],
            }),
        }, parent);

        if ("digest" in args.source) {
            this.imageRef = pulumi.interpolate`${repository.repositoryUrl}@${args.source.digest}`;
        } else {
            const auth = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, parent);
            const image = new docker.Image(`${name}-image`, {
                imageName: pulumi.interpolate`${repository.repositoryUrl}:${args.source.tag}`,
                build: { context: args.source.buildContext, platform: "linux/amd64" },
                registry: { server: repository.repositoryUrl, username: auth.userName, password: pulumi.secret(auth.password) },
            }, parent);
            this.imageRef = image.repoDigest;
        }
        this.repositoryUrl = repository.repositoryUrl;
        this.registerOutputs({ imageRef: this.imageRef, repositoryUrl: this.repositoryUrl });
    }
}
