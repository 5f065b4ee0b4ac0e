/** Validates plain Kubernetes objects against the Kubernetes OpenAPI schemas (kubernetes-models). */

// The module path is computed per API group: a static import cannot name it.
const load = (module: string) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(`kubernetes-models/${module}`) as Record<
        string,
        new (data: unknown) => { validate(): void }
    >;

/** "apps/v1" → "apps/v1"; core "v1" → "v1". */
export function validateObject(object: { apiVersion?: unknown; kind?: unknown }): void {
    const models = load(String(object.apiVersion));
    const Model = models[String(object.kind)];
    if (!Model) {
        throw new Error(`no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
    }
    new Model(object).validate();
}
