import * as aws from "@pulumi/aws";
import { ConfigError } from "../../config/errors";

/**
 * Preview-time lookup of the public Route 53 zone that holds the API's name: its ID is per account,
 * so mocks cannot know it and a wrong zone would surface only when certbot's first challenge fails.
 */
export async function lookupPublicZone(configKey: string, zoneName: string): Promise<string> {
    try {
        const zone = await aws.route53.getZone({ name: zoneName, privateZone: false });
        return zone.zoneId;
    } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new ConfigError([
            {
                key: configKey,
                value: JSON.stringify(zoneName),
                rule: `must be a public Route 53 hosted zone of this account (lookup answered: ${reason}); create it and delegate it first (README, "From an empty account", step 1)`,
            },
        ]);
    }
}
