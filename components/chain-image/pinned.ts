import * as aws from "@pulumi/aws";
import { ConfigError } from "../../config/errors";

/** An image in an ECR repository of this account, by digest or tag. */
export interface EcrImageRef {
    readonly repositoryName: string;
    readonly digest?: string;
    readonly tag?: string;
}

/** "repository:tag" or "repository@sha256:…" (the apiImage form) as a reference. */
export function parseEcrImage(text: string): EcrImageRef {
    const at = text.indexOf("@");
    if (at >= 0) return { repositoryName: text.slice(0, at), digest: text.slice(at + 1) };
    const colon = text.lastIndexOf(":");
    return { repositoryName: text.slice(0, colon), tag: text.slice(colon + 1) };
}

/**
 * Preview-time check that an image is in its ECR repository. Mocks and previews cannot know what a
 * registry holds, so without it a wrong reference surfaces only as pods or services failing to pull
 * after `up` has declared everything.
 */
export async function verifyEcrImage(
    configKey: string,
    configValue: string,
    image: EcrImageRef,
    remedy: string,
): Promise<void> {
    try {
        const found = await aws.ecr.getImage({
            repositoryName: image.repositoryName,
            imageDigest: image.digest,
            imageTag: image.tag,
        });
        if (image.digest && found.imageDigest !== image.digest)
            throw new Error(`ECR answered ${found.imageDigest}`);
    } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new ConfigError([
            {
                key: configKey,
                value: JSON.stringify(configValue),
                rule: `must be an image in ECR repository ${image.repositoryName}, which answered: ${reason}. ${remedy}`,
            },
        ]);
    }
}

/** The node image pinned by digest in the stack's own repository. */
export function verifyPinnedImage(
    configKey: string,
    repositoryName: string,
    digest: string,
): Promise<void> {
    return verifyEcrImage(
        configKey,
        digest,
        { repositoryName, digest },
        `Push it first (README, "From an empty account", step 3), or set chainImageDigest to build`,
    );
}
