import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { paginated, pageWindow, paginationSchema } from '@/lib/api/pagination';
import { assertRole } from '@/lib/auth/current-user';
import { getPatientHistory } from '@/lib/records/get-patient-history';
import { patientHistoryQuerySchema } from '@/lib/records/schemas';
import { serializeMedicalRecord } from '@/lib/records/serialize';

// GET /api/medical-records/patient-history/?patient_id= — that patient's visits, newest first, paginated; audited when not the patient
export const GET = withApi(async ({ req, user, actor, query }) => {
  const p = query(paginationSchema);
  const { patient_id } = query(patientHistoryQuerySchema);
  const { count, rows } = await getPatientHistory({ user: assertRole(user), actor, patientId: patient_id, page: pageWindow(p) });
  return paginated(req, p, count, rows.map(serializeMedicalRecord));
});

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
