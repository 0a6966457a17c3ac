import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { idParam } from '@/lib/api/params';
import { assertRole } from '@/lib/auth/current-user';
import { deactivatePatient } from '@/lib/patients/deactivate-patient';
import { getPatientProfile } from '@/lib/patients/get-patient-profile';
import { updatePatientProfileSchema } from '@/lib/patients/schemas';
import { serializePatientProfile } from '@/lib/patients/serialize';
import { updatePatientProfile } from '@/lib/patients/update-patient-profile';

type P = { id: string };

// GET /api/patient-profiles/{id}/ — one profile (own; any doctor: demographics, clinical part when linked; admin)
export const GET = withApi<P>(async ({ user, actor, params }) =>
  serializePatientProfile(await getPatientProfile({ user: assertRole(user), actor, profileId: idParam(params.id, 'The patient profile') })));

// PUT /api/patient-profiles/{id}/ — partial update (patient: own contact/emergency/allergies/history; linked doctor, admin: also demographics)
export const PUT = withApi<P>(async ({ user, actor, params, body }) => {
  const profileId = idParam(params.id, 'The patient profile');
  const input = await body(updatePatientProfileSchema);
  return serializePatientProfile(await updatePatientProfile({ user: assertRole(user), actor, profileId, input }));
});

// DELETE /api/patient-profiles/{id}/ — admin only: deactivates the patient's account (sessions end); nothing is removed; 200 with the profile
export const DELETE = withApi<P>(async ({ user, actor, params }) =>
  serializePatientProfile(await deactivatePatient({ user: assertRole(user, ['admin']), actor, profileId: idParam(params.id, 'The patient profile') })),
{ roles: ['admin'] });

// Other methods — 405 with Allow: GET, PUT, DELETE
export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
