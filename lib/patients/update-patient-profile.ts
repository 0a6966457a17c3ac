import { withTransaction } from '@/db';
import { findPatientProfileById, findPatientProfileByUserId, updatePatientProfileRows } from '@/db/repositories/patient-profiles';
import type { NewPatient } from '@/db/repositories/patients';
import type { NewUser } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { assertCanEditPatient } from '@/lib/auth/policy';
import { AppError, notFound } from '@/lib/errors';
import { assertNotMerged } from './merged';
import { foldName } from '@/core/text';
import { toPatientProfile, type PatientProfile } from './profile';
import { STAFF_ONLY_PROFILE_FIELDS, type UpdatePatientProfileInput } from './schemas';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes a patient profile (by profile id `profileId` or patient user id `userId`) with `input`,
 * already validated by `updatePatientProfileSchema` or `patientProfileFormSchema`: members absent
 * stay as they are.
 *
 * Who: the patient (their own contact — phone, address —, emergency contact, allergies, medical
 * history), an admin, or a doctor linked to the patient (all of that plus name, date of birth, sex,
 * blood type). A patient sending a staff-only member with a different value gets 403 with that field
 * named (the same value is accepted, so a profile fetched and sent back works). The clinic number,
 * role, account status and email are never changed here (not in the schema: ignored).
 *
 * One transaction: the rows and the audit entry (`patient.update`, the names of the changed fields,
 * no values). Nothing changed → nothing written. Returns the profile as now stored.
 */
export async function updatePatientProfile(opts: {
  user: CurrentUser;
  actor: Actor;
  profileId?: number;
  userId?: number;
  input: UpdatePatientProfileInput;
  now?: Date;
}): Promise<PatientProfile> {
  const user = assertRole(opts.user);
  const { input } = opts;
  const now = opts.now ?? new Date();
  return withTransaction(async () => {
    const find = () => (opts.profileId !== undefined ? findPatientProfileById(opts.profileId) : findPatientProfileByUserId(opts.userId ?? -1));
    const row = await find();
    if (!row) throw notFound('The patient profile');
    const patientId = row.user.id;
    if (user.role !== 'patient' || user.id === patientId) await assertNotMerged(row.user, 'The patient profile', opts.profileId !== undefined ? 'profile' : 'user');
    await assertCanEditPatient(user, patientId);
    const { user: u, patient: p } = row;

    const current: Record<(typeof STAFF_ONLY_PROFILE_FIELDS)[number], unknown> = {
      name: u.name, date_of_birth: p.dateOfBirth, gender: p.sex, blood_type: p.bloodType,
    };
    if (user.role === 'patient') {
      const refused = STAFF_ONLY_PROFILE_FIELDS.filter((k) => input[k] !== undefined && !same(input[k], current[k]));
      if (refused.length) {
        const message = 'Only the clinic can change this. Ask at the reception.';
        throw new AppError('forbidden', `Patients cannot change their ${refused.join(', ').replace(/_/g, ' ')}.`, Object.fromEntries(refused.map((k) => [k, [message]])));
      }
    }

    const userValues: Partial<NewUser> = {};
    const patientValues: Partial<NewPatient> = {};
    const changed: string[] = [];
    const set = <T, K extends keyof T>(field: string, target: T, key: K, next: T[K] | undefined, prev: unknown) => {
      if (next === undefined || same(next, prev)) return;
      target[key] = next;
      changed.push(field);
    };
    set('name', userValues, 'name', input.name, u.name);
    if (userValues.name) userValues.nameFolded = foldName(userValues.name);
    set('contact_info.phone', userValues, 'phone', input.contact_info?.phone, u.phone);
    set('contact_info.address', userValues, 'address', input.contact_info?.address, u.address);
    set('date_of_birth', patientValues, 'dateOfBirth', input.date_of_birth, p.dateOfBirth);
    set('gender', patientValues, 'sex', input.gender, p.sex);
    set('blood_type', patientValues, 'bloodType', input.blood_type, p.bloodType);
    set('allergies', patientValues, 'allergies', input.allergies, p.allergies ?? []);
    set('medical_history', patientValues, 'medicalHistory', input.medical_history, p.medicalHistory);
    if (input.emergency_contact_info !== undefined) {
      const ec = input.emergency_contact_info;
      const next = { name: ec?.name ?? null, relationship: ec?.relationship ?? null, phone: ec?.phone ?? null };
      const prev = { name: p.emergencyContactName, relationship: p.emergencyContactRelationship, phone: p.emergencyContactPhone };
      if (!same(next, prev)) {
        Object.assign(patientValues, { emergencyContactName: next.name, emergencyContactRelationship: next.relationship, emergencyContactPhone: next.phone });
        changed.push('emergency_contact_info');
      }
    }
    if (!changed.length) return toPatientProfile(row, true);

    await updatePatientProfileRows(patientId, userValues, patientValues, now);
    await audit(opts.actor, { action: 'patient.update', entity: 'patient', entityId: patientId, patientId, details: { fields: changed } });
    const updated = await find();
    return toPatientProfile(updated!, true);
  });
}
