/**
 * FHIR date/time values (https://hl7.org/fhir/R4/datatypes.html#dateTime) → JS instants, via luxon.
 */
import { DateTime } from 'luxon';

/**
 * The instant of a FHIR `dateTime`/`instant` string, or null when it does not parse.
 * With an offset (`2012-09-19T05:49:32+00:00`, `…Z`) it is exact. Without one — a date
 * (`2012-09-19`, `2012-09`, `2012`) or a time without offset, which FHIR forbids but some systems
 * send — it is read in `zone` (default UTC), at the start of the period it names.
 */
export function parseFhirInstant(value: string | null | undefined, zone = 'UTC'): Date | null {
  if (!value) return null;
  const d = DateTime.fromISO(value, { zone, setZone: true });
  return d.isValid ? d.toJSDate() : null;
}
