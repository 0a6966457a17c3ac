import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { idParam } from '@/lib/api/params';
import { assertRole } from '@/lib/auth/current-user';
import { validationError } from '@/lib/errors';
import { amendMedicalRecord } from '@/lib/records/amend-medical-record';
import { getMedicalRecord } from '@/lib/records/get-medical-record';
import { markEnteredInError } from '@/lib/records/mark-entered-in-error';
import { amendRecordSchema, markEnteredInErrorSchema } from '@/lib/records/schemas';
import { serializeMedicalRecord, serializeMedicalRecordWithHistory } from '@/lib/records/serialize';

type P = { id: string };

// GET /api/medical-records/{id}/ — one record with its earlier versions (`history`); audited when not the patient
export const GET = withApi<P>(async ({ user, actor, params }) => {
  const { record, versions } = await getMedicalRecord({ user: assertRole(user), actor, recordId: idParam(params.id, 'The medical record') });
  return serializeMedicalRecordWithHistory(record, versions);
});

// PUT /api/medical-records/{id}/ — amend: the fields given replace the record's, the old version stays as history (its doctor or an admin)
export const PUT = withApi<P>(async ({ user, actor, params, body }) => {
  const recordId = idParam(params.id, 'The medical record');
  const input = await body(amendRecordSchema);
  const { record } = await amendMedicalRecord({ user: assertRole(user), actor, recordId, input });
  return serializeMedicalRecord(record);
});

// DELETE /api/medical-records/{id}/ — marks it entered_in_error (a reason is required, in the body or ?reason=); no row is removed
export const DELETE = withApi<P>(async ({ req, user, actor, params, body }) => {
  const recordId = idParam(params.id, 'The medical record');
  const fromQuery = new URL(req.url).searchParams.get('reason');
  let reason: string;
  if (fromQuery !== null) reason = markEnteredInErrorSchema.parse({ reason: fromQuery }).reason;
  else if (req.body === null) throw validationError({ reason: ['Say why this record is in error.'] });
  else reason = (await body(markEnteredInErrorSchema)).reason;
  return serializeMedicalRecord(await markEnteredInError({ user: assertRole(user), actor, recordId, reason }));
});

// Other methods — 405 with Allow: GET, PUT, DELETE
export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
