/**
 * Turns the wire form of resource inputs (protobuf Struct as JavaScript, with Pulumi's signature
 * objects) into plain JSON in which every secret is the string "[secret]".
 */
import * as pulumi from "@pulumi/pulumi";

export const SECRET_MASK = "[secret]";
export const UNKNOWN_MARK = "[unknown]";

const {
    specialSigKey,
    specialSecretSig,
    specialResourceSig,
    specialAssetSig,
    specialArchiveSig,
    specialOutputValueSig,
    unknownValue,
} = pulumi.runtime;

export function maskSecrets(value: unknown): unknown {
    if (value === unknownValue) {
        return UNKNOWN_MARK;
    }
    if (Array.isArray(value)) {
        return value.map(maskSecrets);
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const record = value as Record<string, unknown>;
    switch (record[specialSigKey]) {
        case specialSecretSig:
            return SECRET_MASK;
        case specialOutputValueSig:
            if (record.secret) {
                return SECRET_MASK;
            }
            return "value" in record ? maskSecrets(record.value) : UNKNOWN_MARK;
        case specialResourceSig:
            // A reference stands for the resource's id (custom) or URN (component), as the provider sees it.
            return typeof record.id === "string" && record.id !== ""
                ? maskSecrets(record.id)
                : record.urn;
        case specialAssetSig:
        case specialArchiveSig:
            return {
                asset:
                    record.path ??
                    record.uri ??
                    (record.text !== undefined ? "(inline text)" : "(archive)"),
            };
    }
    return Object.fromEntries(
        Object.keys(record)
            .sort()
            .map((key) => [key, maskSecrets(record[key])]),
    );
}
