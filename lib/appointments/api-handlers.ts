/** The appointment route handlers that several routes share (thin: service → serialize). */
import type { ApiContext } from '@/lib/api/with-api';
import { paginated, pageWindow } from '@/lib/api/pagination';
import { changeAppointmentStatus, type StatusAction } from './change-appointment-status';
import { listAppointments, type AppointmentScope } from './list-appointments';
import type { confirmAppointmentOperation, listAppointmentsOperation } from './operations';
import { fromApiStatus, serializeAppointment } from './serialize';

/** GET list handler for a scope ('all', 'upcoming', 'today'); the three list operations share one query. */
export function listHandler(scope: AppointmentScope) {
  return async ({ req, user, query: q }: Pick<ApiContext<typeof listAppointmentsOperation>, 'req' | 'user' | 'query'>) => {
    const { count, rows } = await listAppointments({
      user, scope, page: pageWindow(q),
      filter: { status: q.status ? fromApiStatus(q.status) : undefined, doctorId: q.doctor_id, patientId: q.patient_id, from: q.from, to: q.to },
    });
    return paginated(req, q, count, rows.map(serializeAppointment));
  };
}

/** POST handler of a status action that takes no body (`confirm`, `complete`, `no-show`): a body sent is read and ignored. */
export function statusActionHandler(action: Exclude<StatusAction, 'cancel'>) {
  return async ({ req, user, actor, params }: Pick<ApiContext<typeof confirmAppointmentOperation>, 'req' | 'user' | 'actor' | 'params'>) => {
    if (req.headers.get('content-length') && req.headers.get('content-length') !== '0') await req.text();
    return serializeAppointment(await changeAppointmentStatus({ user, actor, appointmentId: params.id, action }));
  };
}
