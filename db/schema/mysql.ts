/**
 * MySQL/MariaDB tables. Generated from db/schema/tables.ts by npm run db:generate — do not edit.
 * Same text as the source, with its column kit import pointed at ./columns.mysql.
 */
import {
  bool, dateOnly, fkId, id, index, instant, int, json, longText, real, shortText, table, uniqueIndex,
} from './columns.mysql';
import type {
  ActorKind, Allergy, AttemptKind, AllergyOverride, AppointmentStatus, AuditOutcome, BloodType, CodeSystem, DiagnosisCertainty,
  DiagnosisRank, RecordStatus, ReminderChannel, ReminderStatus, Role, Sex,
} from '../../core/vocabulary';

/** Every person with a role: patients (with or without an account), practitioners, admins. */
export const users = table('users', {
  id: id(),
  email: shortText('email', 254), // lower-cased before it reaches the database; null = no account
  name: shortText('name', 200).notNull(),
  nameFolded: shortText('name_folded', 200).notNull(), // lower case, accents removed: for search
  role: shortText('role', 16).$type<Role>().notNull(),
  phone: shortText('phone', 32), // E.164 when it parses, as typed otherwise
  address: longText('address'),
  isActive: bool('is_active').notNull(),
  dateJoined: instant('date_joined').notNull(),
  passwordHash: shortText('password_hash', 255),
  mustChangePassword: bool('must_change_password').notNull(),
  sessionVersion: int('session_version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  // A patient merged into another (the same person registered twice): the survivor's user id. The row
  // stays (nothing is deleted), inactive; reads answer 404 with this pointer (lib/patients/merge-patients.ts).
  mergedIntoId: fkId('merged_into_id'), // no foreign key: a self-reference would need dialect types here
  mergedAt: instant('merged_at'),
}, (t) => [
  uniqueIndex('users_email_uq').on(t.email),
  index('users_role_idx').on(t.role, t.nameFolded),
  index('users_name_folded_idx').on(t.nameFolded),
  index('users_phone_idx').on(t.phone),
]);

/** FHIR Practitioner: the doctor side of a `doctor` user. */
export const practitioners = table('practitioners', {
  id: id(),
  userId: fkId('user_id').notNull().references(() => users.id),
  specialty: shortText('specialty', 120).notNull(),
  bookable: bool('bookable').notNull(),
  slotMinutes: int('slot_minutes').notNull(),
}, (t) => [uniqueIndex('practitioners_user_uq').on(t.userId)]);

/** FHIR Patient demographics, one-to-one with a `patient` user. */
export const patients = table('patients', {
  id: id(),
  userId: fkId('user_id').notNull().references(() => users.id),
  patientNumber: shortText('patient_number', 24).notNull(),
  dateOfBirth: dateOnly('date_of_birth'),
  sex: shortText('sex', 8).$type<Sex>().notNull(),
  bloodType: shortText('blood_type', 3).$type<BloodType>(),
  allergies: json<Allergy[]>('allergies').notNull(),
  medicalHistory: longText('medical_history'),
  emergencyContactName: shortText('emergency_contact_name', 200),
  emergencyContactRelationship: shortText('emergency_contact_relationship', 60),
  emergencyContactPhone: shortText('emergency_contact_phone', 32),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [
  uniqueIndex('patients_user_uq').on(t.userId),
  uniqueIndex('patients_number_uq').on(t.patientNumber),
  index('patients_dob_idx').on(t.dateOfBirth),
  index('patients_created_idx').on(t.createdAt),
]);

/** FHIR Appointment. Instants in UTC. */
export const appointments = table('appointments', {
  id: id(),
  patientId: fkId('patient_id').notNull().references(() => users.id),
  doctorId: fkId('doctor_id').notNull().references(() => users.id),
  startAt: instant('start_at').notNull(),
  endAt: instant('end_at').notNull(),
  status: shortText('status', 16).$type<AppointmentStatus>().notNull(),
  reason: longText('reason'),
  notes: longText('notes'),
  cancellationReason: longText('cancellation_reason'),
  createdById: fkId('created_by_id').references(() => users.id),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [
  index('appointments_doctor_start_idx').on(t.doctorId, t.startAt),
  index('appointments_patient_start_idx').on(t.patientId, t.startAt),
  index('appointments_status_start_idx').on(t.status, t.startAt),
  index('appointments_start_idx').on(t.startAt),
  index('appointments_created_by_idx').on(t.createdById),
]);

/** A charted visit (FHIR Encounter with its Observations). Vital signs in mmHg, °C, kg, cm, /min, %. */
export const medicalRecords = table('medical_records', {
  id: id(),
  patientId: fkId('patient_id').notNull().references(() => users.id),
  doctorId: fkId('doctor_id').notNull().references(() => users.id),
  appointmentId: fkId('appointment_id').references(() => appointments.id),
  symptoms: longText('symptoms'),
  notes: longText('notes'),
  systolicMmHg: int('systolic_mmhg'),
  diastolicMmHg: int('diastolic_mmhg'),
  temperatureC: real('temperature_c'),
  temperatureEnteredF: bool('temperature_entered_f'), // true when typed in °F and converted
  weightKg: real('weight_kg'),
  heightCm: real('height_cm'),
  heartRatePerMin: int('heart_rate_per_min'),
  respiratoryRatePerMin: int('respiratory_rate_per_min'),
  spo2Pct: int('spo2_pct'),
  status: shortText('status', 24).$type<RecordStatus>().notNull(),
  statusReason: longText('status_reason'),
  /** Allergy warnings the prescriber confirmed for this version's prescription lines (null: none). */
  allergyOverride: json<AllergyOverride>('allergy_override'),
  version: int('version').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [
  index('records_patient_created_idx').on(t.patientId, t.createdAt),
  index('records_doctor_created_idx').on(t.doctorId, t.createdAt),
  index('records_appointment_idx').on(t.appointmentId),
  index('records_status_created_idx').on(t.status, t.createdAt),
  index('records_created_idx').on(t.createdAt),
]);

/** FHIR Condition attached to a record: a coded (or free-text) diagnosis. */
export const diagnoses = table('diagnoses', {
  id: id(),
  recordId: fkId('record_id').notNull().references(() => medicalRecords.id),
  system: shortText('system', 16).$type<CodeSystem>().notNull(),
  code: shortText('code', 32),
  display: shortText('display', 255).notNull(),
  rank: shortText('diagnosis_rank', 16).$type<DiagnosisRank>().notNull(),
  certainty: shortText('certainty', 16).$type<DiagnosisCertainty>().notNull(),
  position: int('position').notNull(),
}, (t) => [
  index('diagnoses_record_idx').on(t.recordId),
  index('diagnoses_code_idx').on(t.system, t.code),
]);

/** FHIR MedicationRequest: one prescription line of a record. */
export const prescriptions = table('prescriptions', {
  id: id(),
  recordId: fkId('record_id').notNull().references(() => medicalRecords.id),
  medicine: shortText('medicine', 255).notNull(),
  codeSystem: shortText('code_system', 16),
  code: shortText('code', 32),
  strength: shortText('strength', 64),
  dose: shortText('dose', 64),
  route: shortText('route', 32),
  frequency: shortText('frequency', 64),
  duration: shortText('duration', 64),
  instructions: longText('instructions'),
  position: int('position').notNull(),
}, (t) => [
  index('prescriptions_record_idx').on(t.recordId),
  index('prescriptions_code_idx').on(t.codeSystem, t.code),
]);

/**
 * Opaque credentials stored as SHA-256 hex: API bearer tokens (`kind` 'api') and browser sessions
 * (`kind` 'session', referenced from the session cookie so signing out ends it on the server too).
 * Revoked, expired, or stale by session version.
 */
export const apiTokens = table('api_tokens', {
  id: id(),
  userId: fkId('user_id').notNull().references(() => users.id),
  kind: shortText('kind', 8).$type<'api' | 'session'>().notNull().default('api'),
  tokenHash: shortText('token_hash', 64).notNull(),
  sessionVersion: int('session_version').notNull(),
  createdAt: instant('created_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
}, (t) => [
  uniqueIndex('api_tokens_hash_uq').on(t.tokenHash),
  index('api_tokens_user_idx').on(t.userId),
]);

/** Attempts kept for rate limits: sign-ins (page and API, per account and per address), current-password checks (per account), refused self-registrations (per address). */
export const signInAttempts = table('sign_in_attempts', {
  id: id(),
  // Which limit the row counts for (core/vocabulary.ts ATTEMPT_KINDS); rows written before kinds were sign-ins.
  kind: shortText('kind', 16).$type<AttemptKind>().notNull().default('sign_in'),
  email: shortText('email', 254),
  clientAddress: shortText('client_address', 64),
  userId: fkId('user_id').references(() => users.id),
  succeeded: bool('succeeded').notNull(),
  at: instant('at').notNull(),
}, (t) => [
  index('sign_in_email_at_idx').on(t.email, t.at),
  index('sign_in_address_at_idx').on(t.clientAddress, t.at),
  index('sign_in_user_idx').on(t.userId),
]);

/** External identifiers (source system + resource type + id → our row), for idempotent import. */
export const externalIds = table('external_ids', {
  id: id(),
  system: shortText('system', 200).notNull(),
  resourceType: shortText('resource_type', 40).notNull(),
  externalId: shortText('external_id', 128).notNull(),
  entity: shortText('entity', 32).notNull(),
  entityId: fkId('entity_id').notNull(),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [
  uniqueIndex('external_ids_key_uq').on(t.system, t.resourceType, t.externalId),
  index('external_ids_entity_idx').on(t.entity, t.entityId),
]);

/** Audit log (FHIR AuditEvent, reduced): who did what to which record, and every chart read. */
export const auditEvents = table('audit_events', {
  id: id(),
  at: instant('at').notNull(),
  actorUserId: fkId('actor_user_id').references(() => users.id),
  actorKind: shortText('actor_kind', 8).$type<ActorKind>().notNull(),
  action: shortText('action', 64).notNull(),
  entity: shortText('entity', 32),
  entityId: fkId('entity_id'),
  patientId: fkId('patient_id').references(() => users.id),
  outcome: shortText('outcome', 8).$type<AuditOutcome>().notNull(),
  clientAddress: shortText('client_address', 64),
  requestId: shortText('request_id', 64),
  details: json<Record<string, unknown>>('details'),
}, (t) => [
  index('audit_at_idx').on(t.at),
  index('audit_actor_at_idx').on(t.actorUserId, t.at),
  index('audit_patient_at_idx').on(t.patientId, t.at),
  index('audit_entity_idx').on(t.entity, t.entityId),
  index('audit_action_at_idx').on(t.action, t.at),
]);

/** Named counters allocated inside a transaction (patient numbers). */
export const sequences = table('sequences', {
  name: shortText('name', 64).primaryKey(),
  value: int('value').notNull(),
});

/** Facts about this database, set once and never unset (e.g. it was started as a real clinic). */
export const databaseFlags = table('database_flags', {
  name: shortText('name', 64).primaryKey(),
  setAt: instant('set_at').notNull(),
});

/** Named locks: taking one locks its row until the transaction ends, so concurrent takers queue. */
export const locks = table('locks', {
  name: shortText('name', 64).primaryKey(),
  takenCount: int('taken_count').notNull(),
});
/** A doctor's weekly working hours: one row per range, minutes from midnight in clinic time, ISO weekday 1 (Mon)–7 (Sun). */
export const workingHours = table('working_hours', {
  id: id(),
  doctorId: fkId('doctor_id').notNull().references(() => users.id),
  weekday: int('weekday').notNull(),
  startMinute: int('start_minute').notNull(),
  endMinute: int('end_minute').notNull(),
}, (t) => [index('working_hours_doctor_idx').on(t.doctorId, t.weekday)]);

/** A doctor's time off: clinic-calendar dates, both ends included. */
export const timeOff = table('time_off', {
  id: id(),
  doctorId: fkId('doctor_id').notNull().references(() => users.id),
  startDate: dateOnly('start_date').notNull(),
  endDate: dateOnly('end_date').notNull(),
  reason: shortText('reason', 200),
  createdAt: instant('created_at').notNull(),
}, (t) => [index('time_off_doctor_idx').on(t.doctorId, t.startDate)]);

/**
 * Occupancy of active (pending/confirmed) appointments: one row per party (the doctor, the patient) and
 * per fixed 5-minute UTC cell the appointment covers. The unique key is the no-double-booking rule,
 * enforced by the database on both dialects; rows go when the appointment stops being active.
 */
export const appointmentCells = table('appointment_cells', {
  id: id(),
  appointmentId: fkId('appointment_id').notNull().references(() => appointments.id),
  party: shortText('party', 8).$type<'doctor' | 'patient'>().notNull(),
  partyId: fkId('party_id').notNull().references(() => users.id),
  cellStart: instant('cell_start').notNull(),
}, (t) => [
  uniqueIndex('appointment_cells_party_cell_uq').on(t.party, t.partyId, t.cellStart),
  index('appointment_cells_appointment_idx').on(t.appointmentId),
  index('appointment_cells_party_idx').on(t.partyId),
]);

/** The history of an appointment: every status change and move, with who and when. */
export const appointmentEvents = table('appointment_events', {
  id: id(),
  appointmentId: fkId('appointment_id').notNull().references(() => appointments.id),
  at: instant('at').notNull(),
  actorUserId: fkId('actor_user_id').references(() => users.id),
  fromStatus: shortText('from_status', 16).$type<AppointmentStatus>(),
  toStatus: shortText('to_status', 16).$type<AppointmentStatus>().notNull(),
  fromStartAt: instant('from_start_at'),
  toStartAt: instant('to_start_at'),
  note: longText('note'),
}, (t) => [
  index('appointment_events_appointment_idx').on(t.appointmentId, t.at),
  index('appointment_events_actor_idx').on(t.actorUserId),
]);

/**
 * Reminder outbox: one row per appointment, channel and kind (24 h / 2 h before). A worker claims a row
 * atomically (pending → sending with its claim token) before sending, so two workers never send one.
 */
export const reminders = table('reminders', {
  id: id(),
  appointmentId: fkId('appointment_id').notNull().references(() => appointments.id),
  channel: shortText('channel', 8).$type<ReminderChannel>().notNull(),
  kind: shortText('kind', 8).notNull(),
  dueAt: instant('due_at').notNull(),
  status: shortText('status', 12).$type<ReminderStatus>().notNull(),
  attempts: int('attempts').notNull(),
  nextAttemptAt: instant('next_attempt_at').notNull(),
  claimToken: shortText('claim_token', 64),
  claimedAt: instant('claimed_at'),
  sentAt: instant('sent_at'),
  lastError: longText('last_error'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [
  uniqueIndex('reminders_appointment_kind_uq').on(t.appointmentId, t.channel, t.kind),
  index('reminders_status_next_idx').on(t.status, t.nextAttemptAt),
]);
/**
 * Dashboard statistics kept up to date in the same transaction as the writes (db/repositories/
 * visit-stats.ts): one row per visit — a final/amended medical record, or a completed appointment
 * without such a record — dated by its clinic day (`visit_day` = yyyymmdd in the clinic time zone),
 * with the patient's sex and age band (index into AGE_BANDS, null when the date of birth is unknown)
 * on that day, the day of the patient's previous visit (`prev_day`, in (visit_day, source, source_id) order; null for
 * the first) — so "patients seen in a range" is a count of the range's rows whose prev_day falls before
 * it, without grouping by patient — and the diagnosis keys the visit contributed to `stats_diagnoses_daily`.
 */
export const statsVisits = table('stats_visits', {
  id: id(),
  source: shortText('source', 12).$type<'record' | 'appointment'>().notNull(),
  sourceId: int('source_id').notNull(),
  visitDay: int('visit_day').notNull(),
  doctorId: fkId('doctor_id').notNull(),
  patientId: fkId('patient_id').notNull(),
  sex: shortText('sex', 8).$type<Sex>().notNull(),
  ageBand: int('age_band'),
  prevDay: int('prev_day'),
  dxKeys: longText('dx_keys').notNull(), // JSON [[system, code], …] counted in stats_diagnoses_daily
}, (t) => [
  uniqueIndex('stats_visits_source_uq').on(t.source, t.sourceId),
  index('stats_visits_first_idx').on(t.visitDay, t.prevDay, t.sex, t.ageBand),
  index('stats_visits_patient_idx').on(t.patientId, t.visitDay),
]);

/** Visits per clinic day and doctor (the sums of `stats_visits`, kept with it). */
export const statsVisitsDaily = table('stats_visits_daily', {
  visitDay: int('visit_day').notNull(),
  doctorId: fkId('doctor_id').notNull(),
  n: int('n').notNull(),
}, (t) => [
  uniqueIndex('stats_visits_daily_uq').on(t.visitDay, t.doctorId),
]);

/** Diagnoses on visits per clinic day and (system, code); free text counts under ('text', ''). */
export const statsDiagnosesDaily = table('stats_diagnoses_daily', {
  visitDay: int('visit_day').notNull(),
  system: shortText('system', 16).notNull(),
  code: shortText('code', 32).notNull(),
  n: int('n').notNull(),
}, (t) => [
  uniqueIndex('stats_diagnoses_daily_uq').on(t.visitDay, t.system, t.code),
]);
/** Patient profiles registered per clinic day (`registered_day` = yyyymmdd of created_at), kept with them. */
export const statsPatientsDaily = table('stats_patients_daily', {
  registeredDay: int('registered_day').notNull(),
  n: int('n').notNull(),
}, (t) => [
  uniqueIndex('stats_patients_daily_uq').on(t.registeredDay),
]);

/**
 * The clinic's favourite diagnosis codes, kept by admins and shown in the diagnosis picker before the
 * doctor types: one row per code, `position` 0, 1, 2… is the order shown.
 */
export const diagnosisFavourites = table('diagnosis_favourites', {
  id: id(),
  system: shortText('system', 16).$type<CodeSystem>().notNull(),
  code: shortText('code', 32).notNull(),
  position: int('position').notNull(),
  updatedAt: instant('updated_at').notNull(), // who changed the list: the audit log (diagnosis_favourites.update)
}, (t) => [
  uniqueIndex('diagnosis_favourites_code_uq').on(t.system, t.code),
  index('diagnosis_favourites_position_idx').on(t.position),
]);
