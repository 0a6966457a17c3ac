import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { paginated, pageWindow, paginationSchema } from '@/lib/api/pagination';
import { assertRole } from '@/lib/auth/current-user';
import { chartVisit } from '@/lib/records/chart-visit';
import { listMedicalRecords } from '@/lib/records/list-medical-records';
import { listMedicalRecordsSchema } from '@/lib/records/schemas';
import { chartVisitSchema } from '@/lib/records/schemas';
import { fromApiRecordStatus, serializeMedicalRecord } from '@/lib/records/serialize';

// GET /api/medical-records/ — list, role-filtered (patient: own; doctor: linked patients; admin: all), newest first
export const GET = withApi(async ({ req, user, actor, query }) => {
  const p = query(paginationSchema);
  const f = query(listMedicalRecordsSchema);
  const { count, rows } = await listMedicalRecords({
    user: assertRole(user), actor, page: pageWindow(p),
    filter: { patientId: f.patient_id, doctorId: f.doctor_id, appointmentId: f.appointment_id, status: f.status ? fromApiRecordStatus(f.status) : undefined },
  });
  return paginated(req, p, count, rows.map(serializeMedicalRecord));
});

// POST /api/medical-records/ — chart a visit (doctors; completes the appointment when one is given) (201)
export const POST = withApi(async ({ user, actor, body }) => {
  const input = await body(chartVisitSchema);
  const row = await chartVisit({ user: assertRole(user, ['doctor']), actor, input });
  return NextResponse.json(serializeMedicalRecord(row), { status: 201 });
}, { roles: ['doctor'] });

// Other methods — 405 with Allow: GET, POST
export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
