/** The `/api/patient-profiles/` operations (see lib/api/operation.ts). */
import { defineOperation, named } from '@/lib/api/operation';
import { paginationSchema } from '@/lib/api/pagination';
import { idPathParam } from '@/lib/api/params';
import { createPatientByStaffSchema, listPatientProfilesSchema, updatePatientProfileSchema } from './schemas';
import { mergePatientsSchema } from './merge-schemas';
import { patientProfileListResponseSchema, patientProfileResponseSchema } from './serialize';

const profileId = { id: idPathParam('The patient profile') };

export const listPatientProfilesOperation = defineOperation({
  method: 'GET', path: '/api/patient-profiles/', operationId: 'listPatientProfiles', tag: 'Patient profiles',
  summary: 'List patient profiles, role-filtered (patient: own; doctor: linked patients; admin: all)',
  description: '`q` searches names, phone numbers and clinic numbers.',
  query: [paginationSchema, listPatientProfilesSchema],
  success: { status: 200, description: 'A page of profiles, by name.', schema: patientProfileListResponseSchema },
});

export const createPatientProfileOperation = defineOperation({
  method: 'POST', path: '/api/patient-profiles/', operationId: 'createPatientProfile', tag: 'Patient profiles', roles: ['doctor', 'admin'],
  summary: 'Register a walk-in patient (doctor, admin)',
  description: 'A patient matching a registered one (the same date of birth and a close name or the same phone) answers 409 `conflict` '
    + 'with `"conflict": "possible_duplicate"` and `candidates` [{ id, user_id, patient_number, name, date_of_birth, phone, is_active, matches }] '
    + 'unless `confirm_new_patient` (older name: `confirm_not_duplicate`) is true. A taken email (any case) answers 409 `"conflict": "email_taken"`. '
    + 'Phone and address may be flat or in `contact_info`.',
  body: named(createPatientByStaffSchema, 'CreatePatientByStaff'),
  success: { status: 201, description: 'The new profile.', schema: patientProfileResponseSchema },
  errors: ['conflict'],
});

export const getPatientProfileOperation = defineOperation({
  method: 'GET', path: '/api/patient-profiles/{id}/', operationId: 'getPatientProfile', tag: 'Patient profiles', params: profileId,
  summary: 'One profile (own; any doctor: demographics, the clinical part when linked; admin)',
  success: { status: 200, description: 'The profile.', schema: patientProfileResponseSchema },
});

export const updatePatientProfileOperation = defineOperation({
  method: 'PUT', path: '/api/patient-profiles/{id}/', operationId: 'updatePatientProfile', tag: 'Patient profiles', params: profileId,
  summary: 'Partial update (patient: own contact, emergency contact, allergies, history; linked doctor, admin: also demographics)',
  body: named(updatePatientProfileSchema, 'UpdatePatientProfile'),
  success: { status: 200, description: 'The profile after the change.', schema: patientProfileResponseSchema },
});

export const deactivatePatientProfileOperation = defineOperation({
  method: 'DELETE', path: '/api/patient-profiles/{id}/', operationId: 'deactivatePatientProfile', tag: 'Patient profiles', roles: ['admin'], params: profileId,
  summary: 'Deactivate the patient\'s account (admin); nothing is removed',
  success: { status: 200, description: 'The profile, its account inactive.', schema: patientProfileResponseSchema },
});

export const mergePatientProfilesOperation = defineOperation({
  method: 'POST', path: '/api/patient-profiles/{id}/merge/', operationId: 'mergePatientProfiles', tag: 'Patient profiles', roles: ['admin'], params: profileId,
  summary: 'Merge another patient record of the same person into this one (admin)',
  description: '`{id}` is the survivor\'s profile id, `merge_from` the other record\'s. Its appointments, medical records and imported ids move to the survivor; '
    + '`fields` chooses per field whose value the survivor keeps (`survivor`/`merged`; `medical_history` also `both`; a field left out keeps the survivor\'s value, '
    + 'or the merged one where the survivor\'s is empty); allergies are joined. The merged record stays, inactive: its reads answer 404 with `merged_into`. '
    + '400 for merging a record into itself or an unknown `merge_from`; 409 when the survivor `{id}` is deactivated (reactivate it first), when `merge_from` was already merged (with `merged_into`) or when both patients hold '
    + 'overlapping active appointments (`appointments`). Audited (`patient.merge`).',
  body: named(mergePatientsSchema, 'MergePatientProfiles'),
  success: { status: 200, description: 'The survivor\'s profile after the merge.', schema: patientProfileResponseSchema },
  errors: ['conflict'],
});
