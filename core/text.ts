/** Text helpers shared by the domain, import and seed. */

/**
 * A folded copy of a name for search: NFKD, combining marks removed, lower case, spaces collapsed.
 * `Zoë N'Diaye` → `zoe n'diaye`. The name itself is always stored exactly as typed.
 */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An email normalised for storage and lookup: trimmed and lower-cased (null stays null). */
export function normalizeEmail(email: string | null | undefined): string | null {
  if (email == null) return null;
  const e = email.trim().toLowerCase();
  return e === '' ? null : e;
}
