/** Types for scripts/build-fingerprint.mjs (plain JavaScript so `npm start` runs it without a compiler). */
export interface Fingerprint {
  /** Hex SHA-256 over the build's inputs and settings. */
  hash: string;
  /** How many input files went into it. */
  files: number;
}
export const FINGERPRINT_FILE: string;
export function listBuildInputs(root: string): string[];
export function computeFingerprint(root: string, opts?: { env?: Record<string, string | undefined>; nodeVersion?: string }): Fingerprint;
export function buildNeeded(root: string, fingerprint: Fingerprint): { needed: boolean; reason: string };
export function recordBuild(root: string, fingerprint: Fingerprint, now?: Date): void;
