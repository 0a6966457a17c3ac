/** `/api/patient-profiles/`; what each method does, who may call it and its schemas: lib/patients/operations.ts. */
import { paginated, pageWindow } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { createPatientByStaff } from '@/lib/patients/create-patient-by-staff';
import { listPatientProfiles } from '@/lib/patients/list-patient-profiles';
import { createPatientProfileOperation, listPatientProfilesOperation } from '@/lib/patients/operations';
import { serializePatientProfile } from '@/lib/patients/serialize';

export const GET = withApi(listPatientProfilesOperation, async ({ req, user, actor, query }) => {
  const { count, rows } = await listPatientProfiles({ user, actor, q: query.q, page: pageWindow(query) });
  return paginated(req, query, count, rows.map(serializePatientProfile));
});

export const POST = withApi(createPatientProfileOperation, async ({ user, actor, body }) =>
  serializePatientProfile(await createPatientByStaff({ user, actor, input: body })));

export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
