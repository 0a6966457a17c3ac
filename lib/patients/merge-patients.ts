import { withTransaction } from '@/db';
import { classifyDbError } from '@/db/dialect';
import { findPatientProfileById, findPatientProfileByUserId, updatePatientProfileRows, type PatientProfileRow } from '@/db/repositories/patient-profiles';
import { findOverlappingPatientAppointments, lockUsersForMerge, markUserMerged, movePatientRows } from '@/db/repositories/patient-merge';
import type { NewPatient } from '@/db/repositories/patients';
import { syncPatientVisits } from '@/db/repositories/stats-sync';
import type { NewUser } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { conflict, notFound, validationError } from '@/lib/errors';
import { foldName } from '@/core/text';
import { toClinicIso } from '@/core/time';
import type { Allergy } from '@/core/vocabulary';
import { assertNotMerged } from './merged';
import { MERGE_FIELDS, type MergeChoice, type MergeField, type MergeFieldChoices } from './merge-schemas';
import { toPatientProfile, type PatientProfile } from './profile';

/** What a merge did: the survivor's profile, the resolved field choices, what moved. */
export interface MergeResult {
  profile: PatientProfile;
  fields: Record<MergeField, MergeChoice>;
  moved: { appointmentIds: number[]; recordIds: number[]; externalIds: number };
  allergiesAdded: string[];
}

/** The value of each mergeable field on one side, for the defaults and the screen (null/'' = empty). */
export function mergeFieldValues({ user, patient }: PatientProfileRow): Record<MergeField, string | null> {
  const ec = [patient.emergencyContactName, patient.emergencyContactRelationship, patient.emergencyContactPhone].filter(Boolean).join(' · ');
  return {
    name: user.name, date_of_birth: patient.dateOfBirth, gender: patient.sex === 'unknown' ? null : patient.sex,
    email: user.email, phone: user.phone, address: user.address, blood_type: patient.bloodType,
    medical_history: patient.medicalHistory, emergency_contact_info: ec || null,
  };
}

/**
 * The choice for each field: the given one, else the survivor's value — or the merged record's where
 * the survivor's is empty and the merged one's is not; medical history defaults to `both` when both
 * hold different texts.
 */
export function defaultMergeChoices(survivor: PatientProfileRow, merged: PatientProfileRow, given: MergeFieldChoices = {}): Record<MergeField, MergeChoice> {
  const s = mergeFieldValues(survivor);
  const m = mergeFieldValues(merged);
  const empty = (v: string | null) => v === null || v.trim() === '';
  const out = {} as Record<MergeField, MergeChoice>;
  for (const f of MERGE_FIELDS) {
    const chosen = given[f];
    if (chosen) out[f] = chosen;
    else if (f === 'medical_history' && !empty(s[f]) && !empty(m[f]) && s[f]?.trim() !== m[f]?.trim()) out[f] = 'both';
    else out[f] = empty(s[f]) && !empty(m[f]) ? 'merged' : 'survivor';
  }
  return out;
}

/** The union of two allergy lists, one entry per substance (case and accents ignored): the survivor's entry, its gaps filled from the other. */
export function unionAllergies(survivor: Allergy[], merged: Allergy[]): { allergies: Allergy[]; added: string[] } {
  const out = survivor.map((a) => ({ ...a }));
  const added: string[] = [];
  for (const a of merged) {
    const same = out.find((x) => foldName(x.substance) === foldName(a.substance));
    if (!same) {
      out.push({ ...a });
      added.push(a.substance);
      continue;
    }
    if (!same.reaction && a.reaction) same.reaction = a.reaction;
    if (!same.severity && a.severity) same.severity = a.severity;
  }
  return { allergies: out, added };
}

/**
 * Merges patient `from` into patient `into` — two records of one person (admin only, 403 otherwise).
 * Ids are profile ids (`by: 'profile'`, the API's `{id}` and `merge_from`) or user ids (`by: 'user'`,
 * the admin screen). In ONE transaction, both users locked in id order:
 * - every appointment (with its occupancy cells, reminders and history), medical record (with its
 *   diagnoses, prescriptions and versions) and imported external id moves to the survivor; the
 *   dashboard statistics follow (visits re-pointed and re-sequenced, the merged registration no longer
 *   counted);
 * - the survivor keeps, per field, the value chosen in `fields` (`defaultMergeChoices` for the rest);
 *   `email` taken from the merged record moves its account (email and password) to the survivor and
 *   ends the survivor's sessions; allergies are always the union (`unionAllergies`);
 * - the merged record stays (nothing is deleted): inactive, its sessions and tokens ended, its
 *   `merged_into_id` the survivor; reads of it answer 404 with `merged_into` (lib/patients/merged.ts),
 *   and lists and searches leave it out. Records merged into it earlier now point to the survivor.
 * Audited: `patient.merge` on the survivor (both ids, numbers, the field choices, what moved) and
 * `patient.merged_away` on the merged record.
 *
 * Refusals change nothing: 404 for no survivor (with `merged_into` when the survivor itself was merged
 * away); 409 `conflict` when the survivor is deactivated (reactivate it first: the person would
 * otherwise be left without an active record); 400 `validation_error` on `merge_from` for no such patient or the survivor itself, and on
 * `fields.email` for taking an email the merged record has not; 409 `conflict` when `merge_from` was
 * already merged (with `merged_into`) or when both patients hold overlapping active appointments
 * (`appointments`: `[{ id, overlaps_id, date_time }]` — cancel or move one of each pair first: one
 * person cannot be booked twice at once, the rule the occupancy cells keep).
 */
export async function mergePatients(opts: {
  user: CurrentUser; actor: Actor; by: 'profile' | 'user'; intoId: number; fromId: number; fields?: MergeFieldChoices; now?: Date;
}): Promise<MergeResult> {
  assertRole(opts.user, ['admin']);
  const now = opts.now ?? new Date();
  const find = (id: number) => (opts.by === 'profile' ? findPatientProfileById(id) : findPatientProfileByUserId(id));
  return withTransaction(async () => {
    const first = await find(opts.intoId);
    if (!first) throw notFound('The patient profile');
    const other = await find(opts.fromId);
    if (!other) throw validationError({ merge_from: ['No patient has this id.'] });
    if (other.user.id === first.user.id) throw validationError({ merge_from: ['A patient cannot be merged into itself.'] });
    // Lock both users, then re-read: a concurrent merge of either waits and is seen here.
    await lockUsersForMerge([first.user.id, other.user.id]);
    const survivor = (await find(opts.intoId)) as PatientProfileRow;
    const merged = (await find(opts.fromId)) as PatientProfileRow;
    await assertNotMerged(survivor.user, 'The patient profile', opts.by);
    if (!survivor.user.isActive) {
      throw conflict('The record to keep is deactivated: merging into it would leave this person without an active record. Reactivate it first (PUT /api/users/{id}/ with "is_active": true), or keep the other record.');
    }
    if (merged.user.mergedIntoId !== null) {
      const pointer = opts.by === 'profile' ? (await findPatientProfileByUserId(merged.user.mergedIntoId))?.patient.id : merged.user.mergedIntoId;
      throw conflict('This patient was already merged into another record.', { merged_into: pointer ?? merged.user.mergedIntoId });
    }
    const overlaps = await findOverlappingPatientAppointments(merged.user.id, survivor.user.id);
    if (overlaps.length) {
      throw conflict('Both patients have active appointments at the same time. Cancel or move one of each pair, then merge.', {
        appointments: overlaps.map((o) => ({ id: o.appointmentId, overlaps_id: o.otherAppointmentId, date_time: toClinicIso(o.startAt) })),
      });
    }
    const fields = defaultMergeChoices(survivor, merged, opts.fields);
    if (fields.email === 'merged' && !merged.user.email && survivor.user.email) {
      throw validationError({ 'fields.email': ['The merged record has no email: keep the survivor\'s.'] });
    }
    const takeAccount = fields.email === 'merged' && !!merged.user.email && merged.user.email !== survivor.user.email;

    let moved: Awaited<ReturnType<typeof movePatientRows>>;
    try {
      moved = await movePatientRows(merged.user.id, survivor.user.id);
    } catch (e) {
      // An appointment booked for the survivor since the overlap check holds a cell a moved one needs.
      if (classifyDbError(e) === 'unique') throw conflict('An appointment of one of the patients changed meanwhile and now overlaps the other\'s. Reload and try again.');
      throw e;
    }
    await markUserMerged(merged.user.id, survivor.user.id, { releaseAccount: takeAccount, now });

    const pick = <T>(f: MergeField, s: T, m: T): T => (fields[f] === 'merged' ? m : s);
    const su = survivor.user; const mu = merged.user; const sp = survivor.patient; const mp = merged.patient;
    const userValues: Partial<NewUser> = {
      name: pick('name', su.name, mu.name), nameFolded: pick('name', su.nameFolded, mu.nameFolded),
      phone: pick('phone', su.phone, mu.phone), address: pick('address', su.address, mu.address),
    };
    if (takeAccount) {
      Object.assign(userValues, { email: mu.email, passwordHash: mu.passwordHash, mustChangePassword: mu.mustChangePassword, sessionVersion: su.sessionVersion + 1 });
    }
    const { allergies, added } = unionAllergies(sp.allergies ?? [], mp.allergies ?? []);
    const history = fields.medical_history === 'both'
      ? [sp.medicalHistory, mp.medicalHistory].filter((t) => t && t.trim()).join('\n\n') || null
      : pick('medical_history', sp.medicalHistory, mp.medicalHistory);
    const ec = fields.emergency_contact_info === 'merged' ? mp : sp;
    const patientValues: Partial<NewPatient> = {
      dateOfBirth: pick('date_of_birth', sp.dateOfBirth, mp.dateOfBirth), sex: pick('gender', sp.sex, mp.sex),
      bloodType: pick('blood_type', sp.bloodType, mp.bloodType), medicalHistory: history, allergies,
      emergencyContactName: ec.emergencyContactName, emergencyContactRelationship: ec.emergencyContactRelationship, emergencyContactPhone: ec.emergencyContactPhone,
    };
    await updatePatientProfileRows(su.id, userValues, patientValues, now);
    await syncPatientVisits(su.id); // the moved visits take the survivor's sex and age band

    const who = (r: PatientProfileRow) => ({ user_id: r.user.id, profile_id: r.patient.id, patient_number: r.patient.patientNumber });
    await audit(opts.actor, {
      action: 'patient.merge', entity: 'patient', entityId: su.id, patientId: su.id,
      details: {
        survivor: who(survivor), merged: who(merged), fields,
        moved: { appointments: moved.appointmentIds, medical_records: moved.recordIds, external_ids: moved.externalIds },
        allergies_added: added, account_moved: takeAccount,
      },
    });
    await audit(opts.actor, {
      action: 'patient.merged_away', entity: 'patient', entityId: mu.id, patientId: mu.id,
      details: { merged_into: who(survivor), merged: who(merged) },
    });
    const after = (await findPatientProfileByUserId(su.id)) as PatientProfileRow;
    return { profile: toPatientProfile(after, true), fields, moved, allergiesAdded: added };
  });
}
