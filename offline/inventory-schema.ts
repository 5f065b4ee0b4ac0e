/** The shape an inventory file must have before any command reads it: wrong shape is an input error. */
import { z } from "zod";
import { InputError } from "./command";
import { Inventory } from "./inventory";

const resource = z.object({
    urn: z.string().startsWith("urn:pulumi:"),
    aliases: z.array(z.string().startsWith("urn:pulumi:")).optional(),
    type: z.string().min(1),
    name: z.string().min(1),
    custom: z.boolean(),
    inputs: z.record(z.string(), z.unknown()),
    dependencies: z.array(z.string()).optional(),
});

const inventory = z.object({
    project: z.string().min(1),
    stack: z.string().min(1),
    resources: z.array(resource),
    outputs: z.record(z.string(), z.unknown()).optional(),
    files: z.array(z.unknown()).optional(),
    violations: z
        .array(
            z.object({
                policy: z.string(),
                enforcementLevel: z.string(),
                urn: z.string(),
                message: z.string(),
            }),
        )
        .optional(),
});

/** The first few schema problems as "path: message" (never the values, which may be secrets). */
export function shapeProblems(error: z.ZodError, limit = 5): string {
    const lines = error.issues
        .slice(0, limit)
        .map((issue) => `  - ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    return [
        ...lines,
        ...(error.issues.length > limit ? [`  - … ${error.issues.length - limit} more`] : []),
    ].join("\n");
}

/** Checks a parsed document is an offline-plan inventory; `what` names it in the error. */
export function asInventory(document: unknown, what: string): Inventory {
    const result = inventory.safeParse(document);
    if (!result.success) {
        throw new InputError(
            `${what} is not an offline-plan inventory (npm run plan -- --json):\n${shapeProblems(result.error)}`,
        );
    }
    const parsed = document as Inventory;
    return {
        ...parsed,
        outputs: parsed.outputs ?? {},
        files: parsed.files ?? [],
        violations: parsed.violations ?? [],
        resources: parsed.resources.map((r) => ({ ...r, dependencies: r.dependencies ?? [] })),
    };
}

const exported = z.object({
    deployment: z.object({
        resources: z.array(
            z.object({ urn: z.string().startsWith("urn:pulumi:"), type: z.string().min(1) }),
        ),
    }),
});

/** Checks a parsed document is a `pulumi stack export`. */
export function assertStackExport(document: unknown, what: string): void {
    const result = exported.safeParse(document);
    if (!result.success) {
        throw new InputError(
            `${what} is not a pulumi stack export (deployment.resources):\n${shapeProblems(result.error)}`,
        );
    }
}
