/** Kubernetes resource quantities ("500m", "2", "256Mi", "4Gi") as numbers: CPU in millicores, memory in MiB. Pure. */

const MEMORY_SCALE: Readonly<Record<string, number>> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    Ti: 1024 ** 2,
    Pi: 1024 ** 3,
    Ei: 1024 ** 4,
    k: 1e3 / 1048576,
    M: 1e6 / 1048576,
    G: 1e9 / 1048576,
    T: 1e12 / 1048576,
    P: 1e15 / 1048576,
    E: 1e18 / 1048576,
    "": 1 / 1048576,
};

/** Millicores of a CPU quantity, or undefined when it is not one. */
export function millicores(quantity: unknown): number | undefined {
    const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(quantity ?? ""));
    return match ? Number(match[1]) * (match[2] === "m" ? 1 : 1000) : undefined;
}

/** MiB of a memory quantity, or undefined when it is not one. */
export function mebibytes(quantity: unknown): number | undefined {
    // Kubernetes's suffixes: binary Ki…Ei, decimal k (lowercase), M, G, T, P, E.
    const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(String(quantity ?? ""));
    return match ? Number(match[1]) * MEMORY_SCALE[match[2] ?? ""]! : undefined;
}
