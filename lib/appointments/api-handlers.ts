/** The appointment route handlers' shared bodies (thin: parse → service → serialize). */
import { NextResponse } from 'next/server';
import type { ApiContext } from '@/lib/api/with-api';
import { idParam } from '@/lib/api/params';
import { paginated, pageWindow, paginationSchema } from '@/lib/api/pagination';
import { assertRole } from '@/lib/auth/current-user';
import { cancelAppointmentSchema, listAppointmentsSchema } from './schemas';
import { changeAppointmentStatus, type StatusAction } from './change-appointment-status';
import { listAppointments, type AppointmentScope } from './list-appointments';
import { fromApiStatus, serializeAppointment } from './serialize';

/** GET list handler for a scope ('all', 'upcoming', 'today'). */
export function listHandler(scope: AppointmentScope) {
  return async ({ req, user, query }: ApiContext) => {
    const p = query(paginationSchema);
    const f = query(listAppointmentsSchema);
    const { count, rows } = await listAppointments({
      user: assertRole(user), scope, page: pageWindow(p),
      filter: { status: f.status ? fromApiStatus(f.status) : undefined, doctorId: f.doctor_id, patientId: f.patient_id, from: f.from, to: f.to },
    });
    return paginated(req, p, count, rows.map(serializeAppointment));
  };
}

/** POST handler for a status action on `/api/appointments/{id}/<action>/`. */
export function statusActionHandler(action: StatusAction) {
  return async ({ req, user, actor, params, body }: ApiContext<{ id: string }>) => {
    const appointmentId = idParam(params.id, 'The appointment');
    let reason: string | undefined;
    if (action === 'cancel') reason = (await body(cancelAppointmentSchema)).reason;
    else if (req.headers.get('content-length') && req.headers.get('content-length') !== '0') await req.text(); // body ignored
    const a = await changeAppointmentStatus({ user: assertRole(user), actor, appointmentId, action, reason });
    return NextResponse.json(serializeAppointment(a));
  };
}
