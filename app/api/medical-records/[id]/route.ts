/** `/api/medical-records/{id}/`; what each method does, who may call it and its schemas: lib/records/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { amendMedicalRecord } from '@/lib/records/amend-medical-record';
import { getMedicalRecord } from '@/lib/records/get-medical-record';
import { markEnteredInError } from '@/lib/records/mark-entered-in-error';
import { amendMedicalRecordOperation, getMedicalRecordOperation, markMedicalRecordEnteredInErrorOperation } from '@/lib/records/operations';
import { serializeMedicalRecord, serializeMedicalRecordWithHistory } from '@/lib/records/serialize';

export const GET = withApi(getMedicalRecordOperation, async ({ user, actor, params }) => {
  const { record, versions } = await getMedicalRecord({ user, actor, recordId: params.id });
  return serializeMedicalRecordWithHistory(record, versions);
});

export const PUT = withApi(amendMedicalRecordOperation, async ({ user, actor, params, body }) =>
  serializeMedicalRecord((await amendMedicalRecord({ user, actor, recordId: params.id, input: body })).record));

export const DELETE = withApi(markMedicalRecordEnteredInErrorOperation, async ({ user, actor, params, query, body }) => {
  const reason = query.reason ?? (await body()).reason;
  return serializeMedicalRecord(await markEnteredInError({ user, actor, recordId: params.id, reason }));
});

export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
