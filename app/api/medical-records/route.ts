/** `/api/medical-records/`; what each method does, who may call it and its schemas: lib/records/operations.ts. */
import { paginated, pageWindow } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { chartVisit } from '@/lib/records/chart-visit';
import { listMedicalRecords } from '@/lib/records/list-medical-records';
import { chartVisitOperation, listMedicalRecordsOperation } from '@/lib/records/operations';
import { fromApiRecordStatus, serializeMedicalRecord } from '@/lib/records/serialize';

export const GET = withApi(listMedicalRecordsOperation, async ({ req, user, actor, query: q }) => {
  const { count, rows } = await listMedicalRecords({
    user, actor, page: pageWindow(q),
    filter: { patientId: q.patient_id, doctorId: q.doctor_id, appointmentId: q.appointment_id, status: q.status ? fromApiRecordStatus(q.status) : undefined },
  });
  return paginated(req, q, count, rows.map(serializeMedicalRecord));
});

export const POST = withApi(chartVisitOperation, async ({ user, actor, body }) =>
  serializeMedicalRecord(await chartVisit({ user, actor, input: body })));

export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
