/** Value sets shared by both schema files, the domain and the API (HL7/FHIR terms where they exist). */

export const ROLES = ['patient', 'doctor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** FHIR AdministrativeGender. */
export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** The 8 ABO/Rh blood groups. */
export const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodType = (typeof BLOOD_TYPES)[number];

/** Appointment status (the seed's words; FHIR's `noshow` is `no-show` here). */
export const APPOINTMENT_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'no-show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Medical record status (FHIR Composition/Observation status subset). */
export const RECORD_STATUSES = ['final', 'amended', 'entered-in-error'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const CODE_SYSTEMS = ['ICD-10', 'SNOMED-CT', 'text'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export const DIAGNOSIS_RANKS = ['primary', 'secondary'] as const;
export type DiagnosisRank = (typeof DIAGNOSIS_RANKS)[number];

/** FHIR Condition.verificationStatus subset. */
export const DIAGNOSIS_CERTAINTIES = ['provisional', 'confirmed'] as const;
export type DiagnosisCertainty = (typeof DIAGNOSIS_CERTAINTIES)[number];

export const ACTOR_KINDS = ['user', 'token', 'system', 'import'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * What a row of `sign_in_attempts` counts, each kind with its own limit: a password sign-in (page or
 * API), a check of the current password when changing it, a refused self-registration. Kinds never
 * count against one another (refused registrations from a shared address must not lock staff out).
 */
export const ATTEMPT_KINDS = ['sign_in', 'password_change', 'registration'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

/** One allergy on a patient profile (FHIR AllergyIntolerance, reduced). */
export interface Allergy {
  substance: string;
  reaction?: string;
  severity?: 'mild' | 'moderate' | 'severe';
}

/** How a prescribed medicine matched a recorded allergy, strongest first. */
export const ALLERGY_MATCH_KINDS = ['substance', 'class', 'cross_reactivity'] as const;
export type AllergyMatchKind = (typeof ALLERGY_MATCH_KINDS)[number];

/**
 * One recorded allergy a prescribed medicine matched: the medicine as written, the allergy's
 * substance, how they matched, the shared class (or the medicine's class for cross-reactivity), and
 * the allergy's severity and reaction and a cross-reactivity note where known. `source` is
 * "prescription" when the medicine was found in the free-text prescription (absent for a line).
 */
export interface AllergyMatchDetail {
  medicine: string;
  source?: 'prescription';
  allergySubstance: string;
  kind: AllergyMatchKind;
  className?: string;
  severity?: 'mild' | 'moderate' | 'severe';
  reaction?: string;
  note?: string;
}

/**
 * Allergy warnings a prescriber saw and confirmed when saving a record version (stored with the
 * record, `medical_records.allergy_override`): when, by whom (a user id; null for a non-user actor),
 * and the matches (`AllergyMatchDetail`).
 */
export interface AllergyOverride {
  confirmedAt: string;
  confirmedById: number | null;
  matches: AllergyMatchDetail[];
}

/** Appointment statuses that hold a slot (and occupancy cells). */
export const ACTIVE_APPOINTMENT_STATUSES = ['pending', 'confirmed'] as const;

export const REMINDER_CHANNELS = ['email', 'sms'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/**
 * Reminder outbox states: pending (waiting or retrying), sending (claimed by a worker), sent,
 * failed (gave up after retries), unknown (the transport may have accepted it: never resent blindly),
 * withdrawn (the appointment was cancelled or moved).
 */
export const REMINDER_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown', 'withdrawn'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
