/** `/api/patient-profiles/{id}/merge/`; what it does, who may call it and its schemas: lib/patients/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { mergePatients } from '@/lib/patients/merge-patients';
import { mergePatientProfilesOperation } from '@/lib/patients/operations';
import { serializePatientProfile } from '@/lib/patients/serialize';

// POST /api/patient-profiles/{id}/merge/ — merge `merge_from` into profile {id} (admin)
export const POST = withApi(mergePatientProfilesOperation, async ({ user, actor, params, body }) =>
  serializePatientProfile((await mergePatients({ user, actor, by: 'profile', intoId: params.id, fromId: body.merge_from, fields: body.fields })).profile));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
