import Link from 'next/link';
import { DateTime } from 'luxon';
import { Card, Empty } from '@/components/ui/card';
import type { ActionState } from '@/lib/api/action-state';
import { ConfirmBookingForm } from './confirm-booking-form';
import { bookableDayOrNull, getBookableDoctors, getBookingDays, getBookingSlots } from '@/lib/appointments/get-booking-options';
import { clinicZone, formatDate, formatTime, zoneAbbrev } from '@/core/time';

export type BookingSearchParams = { doctor?: string; date?: string; start?: string; doctorId?: string };
const linkCls = 'flex min-h-11 items-center justify-between rounded border border-slate-300 bg-white px-4 py-2 hover:border-teal-700';

function Steps({ step }: { step: number }) {
  const names = ['Doctor', 'Day', 'Time', 'Confirm'];
  return (
    <ol className="mb-4 flex gap-2 text-sm" aria-label="Booking steps">
      {names.map((n, i) => (
        <li key={n} aria-current={i === step ? 'step' : undefined} className={i === step ? 'font-semibold text-teal-800' : 'text-slate-500'}>{i + 1}. {n}</li>
      ))}
    </ol>
  );
}

/**
 * Booking, one step per screen (works without JavaScript): doctor → day → time → reason and confirm.
 * `basePath` is the page it lives on; `patientId` is set when staff book for a patient; `action` is
 * the server action of the last step.
 */
export async function BookingSteps({ sp, basePath, title = 'Book an appointment', patientId, action }: {
  sp: BookingSearchParams; basePath: string; title?: string; patientId?: number;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const doctors = await getBookableDoctors();
  const doctorId = sp.doctor && sp.doctor !== 'any' && /^\d+$/.test(sp.doctor) ? Number(sp.doctor) : null;
  const doctor = doctorId ? doctors.find((d) => d.id === doctorId) : undefined;
  const doctorParam = doctor ? String(doctor.id) : 'any';

  if (!sp.doctor || (doctorId && !doctor)) {
    return (
      <div>
        <h1 className="mb-2 text-2xl font-bold">{title}</h1>
        <Steps step={0} />
        <Card title="Choose a doctor">
          <ul className="flex flex-col gap-2">
            <li><Link className={linkCls} href={`${basePath}?doctor=any`}><span className="font-medium">First available doctor</span><span aria-hidden>›</span></Link></li>
            {doctors.map((d) => (
              <li key={d.id}><Link className={linkCls} href={`${basePath}?doctor=${d.id}`}><span><span className="font-medium">{d.name}</span><br /><span className="text-sm text-slate-600">{d.specialty}</span></span><span aria-hidden>›</span></Link></li>
            ))}
          </ul>
          {!doctors.length && <Empty>No doctor is taking appointments right now. Please call the clinic.</Empty>}
        </Card>
      </div>
    );
  }

  const who = doctor ? doctor.name : 'the first available doctor';
  const date = bookableDayOrNull(sp.date);
  if (!date) {
    const days = await getBookingDays(doctor?.id ?? null);
    return (
      <div>
        <h1 className="mb-2 text-2xl font-bold">Book with {who}</h1>
        <Steps step={1} />
        <Card title="Choose a day">
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {days.map((d) => {
              const label = formatDate(DateTime.fromISO(d.date, { zone: clinicZone() }).toJSDate());
              return (
                <li key={d.date}>
                  {d.free > 0
                    ? <Link className={linkCls} href={`${basePath}?doctor=${doctorParam}&date=${d.date}`}><span>{label}</span><span className="text-sm text-slate-600">{d.free} free</span></Link>
                    : <span aria-disabled="true" className="flex min-h-11 items-center justify-between rounded border border-slate-200 bg-slate-100 px-4 py-2 text-slate-400"><span>{label}</span><span className="text-sm">full</span></span>}
                </li>
              );
            })}
          </ul>
        </Card>
        <p className="mt-4"><Link href={basePath} className="text-teal-800 underline">← Choose another doctor</Link></p>
      </div>
    );
  }

  const dayLabel = formatDate(DateTime.fromISO(date, { zone: clinicZone() }).toJSDate());
  if (!sp.start) {
    const slots = await getBookingSlots(doctor?.id ?? null, date);
    const firstPerTime = doctor ? slots : slots.filter((s, i) => i === 0 || s.start.getTime() !== slots[i - 1].start.getTime());
    return (
      <div>
        <h1 className="mb-2 text-2xl font-bold">{dayLabel}</h1>
        <Steps step={2} />
        <Card title={`Free times with ${who} (${zoneAbbrev()})`}>
          {firstPerTime.length ? (
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-5" data-testid="free-slots">
              {firstPerTime.map((s) => (
                <li key={`${s.doctorId}-${s.start.getTime()}`}>
                  <Link className="flex min-h-11 items-center justify-center rounded border border-teal-700 bg-white font-mono text-teal-900 hover:bg-teal-50" href={`${basePath}?doctor=${doctorParam}&date=${date}&start=${encodeURIComponent(s.start.toISOString())}&doctorId=${s.doctorId}`}>{formatTime(s.start)}</Link>
                </li>
              ))}
            </ul>
          ) : <Empty>No free time left on this day. Choose another day.</Empty>}
        </Card>
        <p className="mt-4"><Link href={`${basePath}?doctor=${doctorParam}`} className="text-teal-800 underline">← Choose another day</Link></p>
      </div>
    );
  }

  const start = new Date(sp.start);
  const slotDoctor = doctors.find((d) => d.id === Number(sp.doctorId ?? doctor?.id));
  if (Number.isNaN(start.getTime()) || !slotDoctor) return <Empty>This time is no longer available. <Link href={basePath} className="underline">Start again</Link>.</Empty>;
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Confirm your appointment</h1>
      <Steps step={3} />
      <Card>
        <p className="text-lg font-semibold">{formatDate(start)} at {formatTime(start)} <span className="text-sm font-normal text-slate-600">({zoneAbbrev(start)})</span></p>
        <p className="mb-4">with {slotDoctor.name} · {slotDoctor.slotMinutes} minutes</p>
        <ConfirmBookingForm doctorId={slotDoctor.id} dateTime={start.toISOString()} patientId={patientId} action={action} />
      </Card>
      <p className="mt-4"><Link href={`${basePath}?doctor=${doctorParam}&date=${date}`} className="text-teal-800 underline">← Choose another time</Link></p>
    </div>
  );
}
