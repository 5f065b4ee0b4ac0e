/** The inventory: the offline plan's JSON contract (see ARCHITECTURE.md, "Offline plan"). */

export const FILE_KINDS = [
    "nginx",
    "wireguard",
    "cloud-init",
    "prometheus",
    "prometheus-rules",
    "alertmanager",
    "grafana-dashboard",
    "other",
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface InventoryResource {
    readonly urn: string;
    /** Former URNs the resource answers to (a renamed component type and its children, by `aliases`). */
    readonly aliases?: readonly string[];
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly parent?: string;
    readonly inputs: Record<string, unknown>;
    readonly dependencies: readonly string[];
    /** Which inputs carry which dependencies (an addition to the design's contract, for policies). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** Set when the resource is replaced by deleting it first (`deleteBeforeReplace`); absent otherwise. */
    readonly deleteBeforeReplace?: true;
    /** Inputs whose changes Pulumi ignores (`ignoreChanges`): the diff shows no change for them. */
    readonly ignoreChanges?: readonly string[];
}

export interface PlanFile {
    /** Relative to --out. */
    readonly path: string;
    readonly resource: string;
    readonly kind: FileKind;
}

export interface Violation {
    readonly policy: string;
    readonly enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    readonly urn: string;
    readonly message: string;
}

export interface InventoryCost {
    readonly monthlyUsd: number;
    readonly currency: string;
    readonly pricesAsOf: string;
    readonly label: string;
    readonly unknown: readonly string[];
    readonly items: readonly {
        readonly urn: string;
        readonly type: string;
        readonly monthlyUsd: number | null;
        readonly basis: string;
    }[];
}

export interface Inventory {
    readonly project: string;
    readonly stack: string;
    /** The stack's AWS region (an addition to the design's contract: the diff prices both sides from it). */
    readonly region?: string;
    readonly resources: readonly InventoryResource[];
    readonly outputs: Record<string, unknown>;
    readonly files: readonly PlanFile[];
    readonly violations: readonly Violation[];
    /** Monthly cost estimate (an addition to the design's contract). */
    readonly cost?: InventoryCost;
}
