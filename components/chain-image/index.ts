import { withAliases } from "../shared/aliases";
import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";

export { contentTag, contextDigest } from "./context-digest";
export { parseEcrImage, verifyEcrImage, verifyPinnedImage } from "./pinned";

export interface ChainImageArgs {
    /** Repository name, e.g. "chain-platform-prod/chain-node". No default. */
    readonly repositoryName: string;
    /**
     * A pushed image's digest ("sha256:…", verified at preview by `verifyPinnedImage`), or a build of
     * the chain repository's own Dockerfile from a checkout, tagged by the checkout's content digest. No default.
     */
    readonly source:
        { readonly digest: string } | { readonly buildContext: string; readonly tag: string };
    /** KMS key of the repository (the data key). No default. */
    readonly dataKeyArn: pulumi.Input<string>;
    /** Delete the repository with its images on destroy (staging, so it can be re-created). No default. */
    readonly forceDestroy: boolean;
    /** Tags for every taggable AWS resource. Default: none. */
    readonly tags?: Record<string, string>;
}

/** Untagged images (layers of superseded builds) go after this many days; tagged images are never expired. */
export const UNTAGGED_IMAGE_DAYS = 14;

/** The chain node image: an ECR repository (KMS, immutable tags, scan on push) and the image by digest. */
export class ChainImage extends pulumi.ComponentResource {
    /** "<registry>/<repository>@sha256:…": pods reference the image by digest, never by a mutable tag. */
    public readonly imageRef: pulumi.Output<string>;
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: ChainImageArgs, opts?: pulumi.ComponentResourceOptions) {
        // Renamed from platform:chain:ChainImage (folder = module); the alias keeps existing stacks' resources.
        super(
            "platform:chain-image:ChainImage",
            name,
            {},
            withAliases(opts, "platform:chain:ChainImage"),
        );
        const parent = { parent: this };
        const repository = new aws.ecr.Repository(
            `${name}-repository`,
            {
                name: args.repositoryName,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.dataKeyArn }],
                forceDelete: args.forceDestroy,
                tags: args.tags,
            },
            parent,
        );
        // A count rule over tagged images would expire the digest a stack pins; only untagged layers expire.
        new aws.ecr.LifecyclePolicy(
            `${name}-lifecycle`,
            {
                repository: repository.name,
                policy: JSON.stringify({
                    rules: [
                        {
                            rulePriority: 1,
                            description: `untagged images go after ${UNTAGGED_IMAGE_DAYS} days`,
                            selection: {
                                tagStatus: "untagged",
                                countType: "sinceImagePushed",
                                countUnit: "days",
                                countNumber: UNTAGGED_IMAGE_DAYS,
                            },
                            action: { type: "expire" },
                        },
                    ],
                }),
            },
            parent,
        );

        if ("digest" in args.source) {
            this.imageRef = pulumi.interpolate`${repository.repositoryUrl}@${args.source.digest}`;
        } else {
            const auth = aws.ecr.getAuthorizationTokenOutput(
                { registryId: repository.registryId },
                parent,
            );
            // The chain repository's own multi-stage Dockerfile, at the root of its checkout.
            const image = new docker.Image(
                `${name}-image`,
                {
                    imageName: pulumi.interpolate`${repository.repositoryUrl}:${args.source.tag}`,
                    build: {
                        context: args.source.buildContext,
                        dockerfile: `${args.source.buildContext}/Dockerfile`,
                        platform: "linux/amd64",
                    },
                    registry: {
                        server: repository.repositoryUrl,
                        username: auth.userName,
                        password: pulumi.secret(auth.password),
                    },
                },
                parent,
            );
            this.imageRef = image.repoDigest;
        }
        this.repositoryUrl = repository.repositoryUrl;
        this.registerOutputs({ imageRef: this.imageRef, repositoryUrl: this.repositoryUrl });
    }
}
