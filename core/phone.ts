/**
 * Phone numbers through libphonenumber-js (Google's libphonenumber metadata).
 * Stored as E.164 when the number parses and is possible, and as typed otherwise.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { env } from './env';

/** E.164 (`+254712345678`) for `input`, or null when it does not parse as a possible number. */
export function toE164(input: string, region: string = env().CLINIC_COUNTRY): string | null {
  const p = parsePhoneNumberFromString(input.trim(), region.toUpperCase() as CountryCode);
  return p && p.isPossible() ? p.number : null;
}

/** The value to store: E.164 when it parses, the trimmed original text otherwise; null when empty. */
export function normalizePhone(input: string | null | undefined, region?: string): string | null {
  if (input == null || input.trim() === '') return null;
  return toE164(input, region) ?? input.trim();
}
