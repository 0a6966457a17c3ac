import Link from 'next/link';
import { DateTime } from 'luxon';
import { Button } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import type { ActionState } from '@/lib/api/action-state';
import { ConfirmBookingForm } from './confirm-booking-form';
import {
  bookableDayOrNull, getBookingChoices, getBookingDays, getBookingSlots, offeredSlotOrNull, type BookingScope,
} from '@/lib/appointments/get-booking-options';
import { clinicZone, formatDate, formatTime, zoneAbbrev } from '@/core/time';

export type BookingSearchParams = { doctor?: string; date?: string; start?: string; doctorId?: string; specialty?: string };
const linkCls = 'flex min-h-11 items-center justify-between rounded border border-slate-300 bg-white px-4 py-2 hover:border-teal-700';
/** A day of the day list: its date above its state (two short lines fit a phone's half width). */
const dayCls = 'flex min-h-11 flex-col justify-center rounded border px-3 py-2';

function Steps({ names, step }: { names: string[]; step: number }) {
  return (
    <ol className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Booking steps">
      {names.map((n, i) => (
        <li key={n} aria-current={i === step ? 'step' : undefined} className={i === step ? 'font-semibold text-teal-800' : 'text-slate-600'}>{i + 1}. {n}</li>
      ))}
    </ol>
  );
}

/** The appointment a reschedule moves: its doctor is kept; the time it holds counts as free. */
export interface RescheduleTarget {
  appointmentId: number;
  doctorId: number;
  doctorName: string;
  startAt: Date;
}

/**
 * Booking, one step per screen (works without JavaScript): doctor (optionally narrowed by specialty)
 * → day → time → confirm. `basePath` is the page it lives on; `patientId` is whom the booking is for
 * (their age picks the suitable doctors, their own appointments' times are not offered); `self` when
 * the patient books for themselves (else staff book: a hidden `patient_id` goes with the form);
 * `action` is the server action of the last step. With `reschedule`, the doctor is the appointment's
 * and the last step moves it (`appointment_id`, `date_time`) instead of booking.
 */
export async function BookingSteps({ sp, basePath, title = 'Book an appointment', patientId, self = false, action, reschedule }: {
  sp: BookingSearchParams; basePath: string; title?: string; patientId: number; self?: boolean;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  reschedule?: RescheduleTarget;
}) {
  const scope: BookingScope = { patientId, self, specialty: sp.specialty ?? null, rescheduleAppointmentId: reschedule?.appointmentId, rescheduleFrom: reschedule?.startAt };
  const choices = await getBookingChoices(scope);
  const { doctors, specialty } = choices;
  const doctorId = reschedule ? reschedule.doctorId : sp.doctor && sp.doctor !== 'any' && /^\d{1,15}$/.test(sp.doctor) ? Number(sp.doctor) : null;
  const doctor = reschedule
    ? { id: reschedule.doctorId, name: reschedule.doctorName }
    : doctorId ? doctors.find((d) => d.id === doctorId) : undefined;
  const doctorParam = doctor ? String(doctor.id) : 'any';
  const stepNames = reschedule ? ['Day', 'Time', 'Confirm'] : ['Doctor', 'Day', 'Time', 'Confirm'];
  const offset = reschedule ? 1 : 0;
  /** A link of the steps, keeping the chosen doctor and specialty. */
  const href = (more: Record<string, string> = {}, withDoctor = true) => {
    const q = new URLSearchParams();
    if (withDoctor && !reschedule) q.set('doctor', doctorParam);
    if (specialty) q.set('specialty', specialty);
    for (const [k, v] of Object.entries(more)) q.set(k, v);
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };

  if (!reschedule && (!sp.doctor || (doctorId && !doctor))) {
    return (
      <div>
        <h1 className="mb-2 text-2xl font-bold">{title}</h1>
        <Steps names={stepNames} step={0} />
        <Card title="Choose a doctor">
          {choices.specialties.length > 1 && (
            <form method="get" action={basePath} className="mb-4 flex flex-wrap items-end gap-2" data-testid="specialty-filter">
              <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
                Specialty (optional)
                <select name="specialty" defaultValue={specialty ?? ''} className="min-h-11 rounded border border-slate-400 bg-white px-3 text-base font-normal">
                  <option value="">Any specialty</option>
                  {choices.specialties.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              <Button type="submit" variant="secondary">Show doctors</Button>
            </form>
          )}
          {doctors.length ? (
            <ul className="flex flex-col gap-2" data-testid="doctor-choices">
              <li><Link className={linkCls} href={href({ doctor: 'any' }, false)}><span><span className="font-medium">First available doctor</span>{specialty && <><br /><span className="text-sm text-slate-600">{specialty}</span></>}</span><span aria-hidden>›</span></Link></li>
              {doctors.map((d) => (
                <li key={d.id}><Link className={linkCls} href={href({ doctor: String(d.id) }, false)}><span><span className="font-medium">{d.name}</span><br /><span className="text-sm text-slate-600">{d.specialty}</span></span><span aria-hidden>›</span></Link></li>
              ))}
            </ul>
          ) : <Empty>No doctor is taking appointments right now. Please call the clinic.</Empty>}
        </Card>
      </div>
    );
  }

  const who = doctor ? doctor.name : specialty ? `the first available doctor in ${specialty}` : 'the first available doctor';
  const date = bookableDayOrNull(sp.date);
  // The day's free times, read once: the time list shows them, and the confirm step is only for one of
  // them; anything else from the address bar goes back a step.
  const slots = date ? await getBookingSlots(choices, doctor?.id ?? null, date, scope) : [];
  const slot = offeredSlotOrNull(slots, sp.start, reschedule ? undefined : sp.doctorId);
  const notice = sp.start && !slot ? <Notice tone="info" className="mb-3" data-testid="time-not-available">That time is not available. Choose another.</Notice> : null;
  const backToDoctors = reschedule ? null : <p className="mt-4"><Link href={href({}, false)} className="text-teal-800 underline">← Choose another doctor</Link></p>;
  if (!date) {
    const days = await getBookingDays(choices, doctor?.id ?? null, scope);
    return (
      <div>
        <h1 className="mb-2 text-2xl font-bold">{reschedule ? title : `Book with ${who}`}</h1>
        <Steps names={stepNames} step={1 - offset} />
        {notice}
        {reschedule && <p className="mb-3">Now: {formatDate(reschedule.startAt)} at {formatTime(reschedule.startAt)} with {reschedule.doctorName}. Choose the new time.</p>}
        <Card title="Choose a day">
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="booking-days">
            {days.map((d) => {
              const label = formatDate(DateTime.fromISO(d.date, { zone: clinicZone() }).toJSDate());
              return (
                <li key={d.date} data-date={d.date} data-state={d.state}>
                  {d.state === 'available'
                    ? <Link className={`${dayCls} border-slate-300 bg-white hover:border-teal-700`} href={href({ date: d.date })}><span>{label}</span><span className="whitespace-nowrap text-sm text-teal-900">{d.free} free</span></Link>
                    : d.state === 'full'
                      ? <span aria-disabled="true" className={`${dayCls} border-amber-300 bg-amber-50 text-slate-800`}><span>{label}</span><span className="whitespace-nowrap text-sm font-medium text-amber-900">Full</span></span>
                      : <span aria-disabled="true" className={`${dayCls} border-slate-200 bg-slate-100 text-slate-600`}><span>{label}</span><span className="whitespace-nowrap text-sm">Not available</span></span>}
                </li>
              );
            })}
          </ul>
          {days.every((d) => d.state !== 'available') && <p className="mt-3 text-slate-700">No free time in the next {days.length} days. {reschedule ? 'Keep your appointment, or cancel it and book another doctor.' : 'Choose another doctor or call the clinic.'}</p>}
        </Card>
        {backToDoctors}
      </div>
    );
  }

  const dayLabel = formatDate(DateTime.fromISO(date, { zone: clinicZone() }).toJSDate());
  if (!slot) {
    const firstPerTime = doctor ? slots : slots.filter((s, i) => i === 0 || s.start.getTime() !== slots[i - 1].start.getTime());
    return (
      <div>
        <h1 className="mb-2 text-2xl font-bold">{dayLabel}</h1>
        <Steps names={stepNames} step={2 - offset} />
        {notice}
        <Card title={`Free times with ${who} (${zoneAbbrev()})`}>
          {firstPerTime.length ? (
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-5" data-testid="free-slots">
              {firstPerTime.map((s) => (
                <li key={`${s.doctorId}-${s.start.getTime()}`}>
                  <Link className="flex min-h-11 items-center justify-center rounded border border-teal-700 bg-white font-mono text-teal-900 hover:bg-teal-50" href={href({ date, start: s.start.toISOString(), doctorId: String(s.doctorId) })}>{formatTime(s.start)}</Link>
                </li>
              ))}
            </ul>
          ) : <Empty>No free time left on this day. Choose another day.</Empty>}
        </Card>
        <p className="mt-4"><Link href={href()} className="text-teal-800 underline">← Choose another day</Link></p>
      </div>
    );
  }

  const start = slot.start;
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">{reschedule ? 'Confirm the new time' : 'Confirm your appointment'}</h1>
      <Steps names={stepNames} step={3 - offset} />
      <Card>
        <p className="text-lg font-semibold">{formatDate(start)} at {formatTime(start)} <span className="text-sm font-normal text-slate-600">({zoneAbbrev(start)})</span></p>
        <p className="mb-4">with {slot.doctorName} · {slot.minutes} minutes</p>
        <ConfirmBookingForm doctorId={slot.doctorId} dateTime={start.toISOString()} patientId={self ? undefined : patientId} appointmentId={reschedule?.appointmentId} action={action} />
      </Card>
      <p className="mt-4"><Link href={href({ date })} className="text-teal-800 underline">← Choose another time</Link></p>
    </div>
  );
}
