import * as aws from "@pulumi/aws";
import { ConfigError } from "../../config/errors";

/**
 * Preview-time check that a pinned image is in its repository. Mocks and previews cannot know what a
 * registry holds, so without it a wrong digest surfaces only as pods stuck in ImagePullBackOff
 * after `up` has declared everything.
 */
export async function verifyPinnedImage(configKey: string, repositoryName: string, digest: string): Promise<void> {
    try {
        const image = await aws.ecr.getImage({ repositoryName, imageDigest: digest });
        if (image.imageDigest !== digest) throw new Error(`ECR answered ${image.imageDigest}`);
    } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new ConfigError([{
            key: configKey,
            value: JSON.stringify(digest),
            rule: `must be an image in ECR repository ${repositoryName}, which answered: ${reason}. Push it first (README, "From an empty account", step 3), or set chainImageDigest to build`,
        }]);
    }
}
