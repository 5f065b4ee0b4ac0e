/**
 * Small helpers over resource properties. Property access may throw the engine's unknown-value
 * error during a preview; `known` turns that into `undefined` so one unknown value skips one check,
 * never produces a violation.
 */

export function isUnknownValueError(error: unknown): boolean {
    return error instanceof Error && error.constructor.name === "UnknownValueError";
}

/** Evaluates `read`; an unknown value (preview) yields `undefined` instead of throwing. */
export function known<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (error) {
        if (isUnknownValueError(error)) {
            return undefined;
        }
        throw error;
    }
}

/** Evaluates `read`; an unknown value yields `whenUnknown` (e.g. "assume satisfied"). */
export function knownOr<T, U>(read: () => T, whenUnknown: U): T | U {
    try {
        return read();
    } catch (error) {
        if (isUnknownValueError(error)) {
            return whenUnknown;
        }
        throw error;
    }
}

export function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? [...(value as T[])] : [value as T];
}

export function parseJson(text: unknown): unknown {
    if (typeof text !== "string") return text;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** True for IPv4/IPv6 CIDRs that include addresses of the public internet. */
export function isPublicCidr(cidr: string): boolean {
    const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (v4) {
        const [a, b] = [Number(v4[1]), Number(v4[2])];
        const prefix = Number(v4[5]);
        const isPrivate =
            (a === 10 && prefix >= 8) ||
            (a === 172 && b >= 16 && b <= 31 && prefix >= 12) ||
            (a === 192 && b === 168 && prefix >= 16) ||
            (a === 100 && b >= 64 && b <= 127 && prefix >= 10) ||
            (a === 127 && prefix >= 8) ||
            (a === 169 && b === 254 && prefix >= 16);
        return !isPrivate;
    }
    const v6 = /^([0-9a-f:]+)\/(\d+)$/i.exec(cidr);
    if (v6) {
        const head = v6[1]!.toLowerCase();
        const prefix = Number(v6[2]);
        const isPrivate = (head.startsWith("fd") || head.startsWith("fc")) && prefix >= 7;
        const isLinkLocal = head.startsWith("fe80") && prefix >= 10;
        return !isPrivate && !isLinkLocal;
    }
    return false;
}

export function tagsOf(props: Record<string, unknown>): Record<string, string> {
    const tags = known(() => props.tags);
    return tags && typeof tags === "object" ? (tags as Record<string, string>) : {};
}

/** An instance's or launch template's user data as text (launch templates and userDataBase64 hold it base64-encoded). */
export function userDataOf(type: string, props: Record<string, unknown>): string | undefined {
    const text = props.userData ?? props.userDataBase64;
    if (typeof text !== "string") return undefined;
    const base64 = type === "aws:ec2/launchTemplate:LaunchTemplate" || props.userData === undefined;
    return base64 ? Buffer.from(text, "base64").toString("utf8") : text;
}
