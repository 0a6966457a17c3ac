/** Audit actions of the record lifecycle (`audit_events.action`, entity `medical_record`). */

/** An amendment: `details` `{ fromVersion, toVersion, reason, previous }`, `previous` the replaced version (`RecordSnapshot`). */
export const AMEND_ACTION = 'record.amend';

/** Marked entered in error: `details` `{ reason, previousStatus, version }`. */
export const ENTERED_IN_ERROR_ACTION = 'record.entered_in_error';

/** A prescriber confirmed prescribing despite matching allergies: `details` `{ version, matches }` (the stored `AllergyOverride.matches`). */
export const ALLERGY_OVERRIDE_ACTION = 'record.allergy_override';
