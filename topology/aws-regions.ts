/**
 * The AWS regions a stack may name, as data. Dated: AWS opens regions every year, so a region
 * missing here is added here (with the date it was checked), never accepted by pattern alone —
 * a pattern accepted `us-esat-1`, which only fails at `pulumi up`.
 *
 * Source: AWS General Reference, "AWS Region billing codes" and "Regions and Zones"
 * (docs.aws.amazon.com/global-infrastructure/latest/regions/), read 2026-11-22. Regions that need
 * opting in are listed too: the zone lookup at preview fails clearly if the account has not opted in.
 */
export const AWS_REGIONS_AS_OF = "2026-11-22";

export const AWS_REGIONS: readonly string[] = [
    // North America
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "ca-west-1",
    "mx-central-1",
    // South America, Africa, Middle East
    "sa-east-1",
    "af-south-1",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    // Asia Pacific
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    // Europe
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    // Other partitions (partitionOf in topology/naming.ts knows them)
    "us-gov-east-1",
    "us-gov-west-1",
    "cn-north-1",
    "cn-northwest-1",
];

export function isAwsRegion(name: string): boolean {
    return AWS_REGIONS.includes(name);
}
