/**
 * EKS Kubernetes versions and their support windows, as dated data. A version past its end of
 * standard support still creates clusters, but bills extended support per cluster hour and is
 * force-upgraded a year later; so the schema accepts only versions still in standard support on
 * the day of the plan, and a plan run later says which version to move to.
 *
 * Source: Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS", section
 * "Amazon EKS Kubernetes release calendar" (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html),
 * read 2026-11-22. Dates are UTC; billing for extended support starts at 00:00 UTC of the end date.
 * 1.36 is released on EKS but its dates were not yet in the calendar read; add its row when they are.
 */
export const EKS_VERSIONS_AS_OF = "2026-11-22";

export interface EksVersionSupport {
    readonly version: string;
    /** First day of extended support (YYYY-MM-DD, UTC). */
    readonly standardSupportEnds: string;
    /** Day the version is force-upgraded (YYYY-MM-DD, UTC). */
    readonly extendedSupportEnds: string;
}

export const EKS_VERSIONS: readonly EksVersionSupport[] = [
    { version: "1.35", standardSupportEnds: "2027-03-27", extendedSupportEnds: "2028-03-27" },
    { version: "1.34", standardSupportEnds: "2026-12-02", extendedSupportEnds: "2027-12-02" },
    { version: "1.33", standardSupportEnds: "2026-07-29", extendedSupportEnds: "2027-07-29" },
    { version: "1.32", standardSupportEnds: "2026-03-23", extendedSupportEnds: "2027-03-23" },
    { version: "1.31", standardSupportEnds: "2025-11-26", extendedSupportEnds: "2026-11-26" },
    { version: "1.30", standardSupportEnds: "2025-07-23", extendedSupportEnds: "2026-07-23" },
    { version: "1.29", standardSupportEnds: "2025-03-23", extendedSupportEnds: "2026-03-23" },
];

/** The day of `date` in UTC, as YYYY-MM-DD (comparable as text). */
export function utcDay(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/** Versions still in standard support on `today`, newest first. */
export function standardSupportVersions(today: Date): EksVersionSupport[] {
    return EKS_VERSIONS.filter((v) => utcDay(today) < v.standardSupportEnds);
}

/**
 * Why `version` may not be pinned on `today`, or undefined when it may. Takes the date as a
 * parameter so tests are stable and the offline plan can be asked about another day.
 */
export function kubernetesVersionProblem(version: string, today: Date): string | undefined {
    const inStandard = standardSupportVersions(today).map(
        (v) => `${v.version} (standard support until ${v.standardSupportEnds})`,
    );
    const choose =
        inStandard.length > 0
            ? `pin one in standard support: ${inStandard.join(", ")}`
            : `no version of the table (as of ${EKS_VERSIONS_AS_OF}) is in standard support any more: add newer rows to topology/eks-versions.ts`;
    const entry = EKS_VERSIONS.find((v) => v.version === version);
    if (!entry) {
        return `must be an EKS version of the support table in topology/eks-versions.ts (as of ${EKS_VERSIONS_AS_OF}); ${choose}`;
    }
    if (utcDay(today) >= entry.standardSupportEnds) {
        return `left EKS standard support on ${entry.standardSupportEnds} (extended support bills extra per cluster hour and ends ${entry.extendedSupportEnds}); ${choose}`;
    }
    return undefined;
}
