/**
 * Rotating a generated secret: its random resource keeps the secret's generation (a configuration
 * key); raising it replaces the random value, and everything that holds the value updates in place.
 * Generation 0 sets no keeper, so stacks that never rotated plan exactly as before.
 */
export function generationKeepers(generation: number): { keepers?: Record<string, string> } {
    return generation > 0 ? { keepers: { generation: String(generation) } } : {};
}

/** Days a deleted secret stays recoverable (its name reserved): protected stacks, and Redis by default. */
export const DEFAULT_SECRET_RECOVERY_DAYS = 30;
