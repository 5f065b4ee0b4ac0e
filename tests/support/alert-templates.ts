/** Expands the annotation templates the alert rules use ({{ $labels.x }}, {{ $value }}), as Prometheus renders them. */
export function expandTemplate(
    template: string,
    labels: Record<string, string>,
    value?: string,
): string {
    return template
        .replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, name: string) => labels[name] ?? "")
        .replace(/\{\{ \$value \}\}/g, value ?? "");
}
