/**
 * The subnet plan of the VPC: which CIDR each public and private subnet gets, per availability zone.
 *
 * The VPC is cut into 16 equal blocks. Private subnets (EKS pods, databases, app servers) take one
 * block each from the start, because pods use VPC addresses and need room; public subnets (NAT,
 * load balancers, WireGuard hub) are small and share the last block, cut 16 ways.
 */
import { formatCidr, parseCidr, subnetOf } from "./cidr";

export const MAX_AVAILABILITY_ZONES = 6;

export interface SubnetPlan {
    readonly zone: string;
    readonly publicCidr: string;
    readonly privateCidr: string;
}

export function planSubnets(vpcCidr: string, zones: readonly string[]): SubnetPlan[] {
    const vpc = parseCidr(vpcCidr);
    if (!vpc) {
        throw new RangeError(`not an IPv4 network: ${vpcCidr}`);
    }
    if (zones.length > MAX_AVAILABILITY_ZONES) {
        throw new RangeError(
            `at most ${MAX_AVAILABILITY_ZONES} availability zones are planned, got ${zones.length}`,
        );
    }
    const blockPrefix = vpc.prefix + 4;
    const publicBlock = subnetOf(vpc, blockPrefix, 15);
    return zones.map((zone, index) => ({
        zone,
        privateCidr: formatCidr(subnetOf(vpc, blockPrefix, index)),
        publicCidr: formatCidr(subnetOf(publicBlock, blockPrefix + 4, index)),
    }));
}
