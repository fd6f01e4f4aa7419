/** Types of node-version.mjs (plain JS, run by Node before the TypeScript tools). */
export type Purpose = 'run' | 'packaging';
export const REQUIREMENTS: Record<Purpose, { min: [number, number, number]; what: string }>;
export function atLeast(version: string, min: readonly number[]): boolean;
export function nodeProblem(version: string, purpose?: Purpose): string | null;
