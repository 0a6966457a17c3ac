/** `/api/medical-records/patient-history/`; what it does, who may call it and its schemas: lib/records/operations.ts. */
import { paginated, pageWindow } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { getPatientHistory } from '@/lib/records/get-patient-history';
import { getPatientHistoryOperation } from '@/lib/records/operations';
import { serializeMedicalRecord } from '@/lib/records/serialize';

export const GET = withApi(getPatientHistoryOperation, async ({ req, user, actor, query }) => {
  const { count, rows } = await getPatientHistory({ user, actor, patientId: query.patient_id, page: pageWindow(query) });
  return paginated(req, query, count, rows.map(serializeMedicalRecord));
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
