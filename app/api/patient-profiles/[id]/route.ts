/** `/api/patient-profiles/{id}/`; what each method does, who may call it and its schemas: lib/patients/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { deactivatePatient } from '@/lib/patients/deactivate-patient';
import { getPatientProfile } from '@/lib/patients/get-patient-profile';
import { deactivatePatientProfileOperation, getPatientProfileOperation, updatePatientProfileOperation } from '@/lib/patients/operations';
import { serializePatientProfile } from '@/lib/patients/serialize';
import { updatePatientProfile } from '@/lib/patients/update-patient-profile';

export const GET = withApi(getPatientProfileOperation, async ({ user, actor, params }) =>
  serializePatientProfile(await getPatientProfile({ user, actor, profileId: params.id })));

export const PUT = withApi(updatePatientProfileOperation, async ({ user, actor, params, body }) =>
  serializePatientProfile(await updatePatientProfile({ user, actor, profileId: params.id, input: body })));

export const DELETE = withApi(deactivatePatientProfileOperation, async ({ user, actor, params }) =>
  serializePatientProfile(await deactivatePatient({ user, actor, profileId: params.id })));

export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
