/**
 * IPv4 CIDR arithmetic: parsing, overlap and subdivision. Pure functions, no Pulumi.
 */

export interface Ipv4Cidr {
    /** Network address as an unsigned 32-bit integer. */
    readonly network: number;
    /** Prefix length, 0–32. */
    readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns undefined unless it is a valid network address (no host bits set). */
export function parseCidr(text: string): Ipv4Cidr | undefined {
    const match = CIDR_PATTERN.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        return undefined;
    }
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    if (address % blockSize(prefix) !== 0) {
        return undefined;
    }
    return { network: address, prefix };
}

export function blockSize(prefix: number): number {
    return 2 ** (32 - prefix);
}

export function formatAddress(address: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

export function formatCidr(cidr: Ipv4Cidr): string {
    return `${formatAddress(cidr.network)}/${cidr.prefix}`;
}

export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    const aEnd = a.network + blockSize(a.prefix);
    const bEnd = b.network + blockSize(b.prefix);
    return a.network < bEnd && b.network < aEnd;
}

export function containsAddress(cidr: Ipv4Cidr, address: number): boolean {
    return address >= cidr.network && address < cidr.network + blockSize(cidr.prefix);
}

/** The `index`-th block of length `newPrefix` inside `parent`. */
export function subnetOf(parent: Ipv4Cidr, newPrefix: number, index: number): Ipv4Cidr {
    if (newPrefix < parent.prefix || newPrefix > 32) {
        throw new RangeError(`cannot cut /${newPrefix} blocks out of a /${parent.prefix}`);
    }
    const count = 2 ** (newPrefix - parent.prefix);
    if (index < 0 || index >= count) {
        throw new RangeError(
            `a /${parent.prefix} holds ${count} /${newPrefix} blocks; index ${index} is out of range`,
        );
    }
    return { network: parent.network + index * blockSize(newPrefix), prefix: newPrefix };
}

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((c) =>
    parseCidr(c)!,
);

/** True when the whole block lies inside RFC 1918 or the RFC 6598 shared range. */
export function isPrivateRange(cidr: Ipv4Cidr): boolean {
    return PRIVATE_RANGES.some(
        (range) => range.prefix <= cidr.prefix && containsAddress(range, cidr.network),
    );
}
