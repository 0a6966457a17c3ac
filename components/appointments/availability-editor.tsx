import { DateTime } from 'luxon';
import { Card, Empty } from '@/components/ui/card';
import type { ActionState } from '@/lib/api/action-state';
import { DAY_KEYS, DAY_NAMES } from '@/lib/appointments/availability-grid';
import type { TimeOffItem, WeeklyHours } from '@/lib/appointments/availability-services';
import { MAX_RANGES_PER_DAY } from '@/lib/appointments/schemas';
import { clinicToday, clinicZone, zoneAbbrev } from '@/core/time';
import { AvailabilityHoursForm } from './availability-hours-form';
import { AddTimeOffForm, RemoveTimeOffForm } from './availability-time-off';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface AvailabilityActions {
  saveHours: Action;
  addTimeOff: Action;
  removeTimeOff: Action;
}

/** `Mon 1 Dec 2026` for a clinic date. */
function showDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL yyyy');
}

/**
 * A doctor's availability, editable: weekly hours and slot length, then time off (list with remove,
 * and the add form). Server-rendered; the forms are small client components over server actions.
 * Used by the doctor's "My availability" page and the admin's page for any doctor.
 */
export function AvailabilityEditor({ hours, timeOff, actions, self }: {
  hours: WeeklyHours;
  timeOff: TimeOffItem[];
  actions: AvailabilityActions;
  /** Whether the doctor is the one reading (the page speaks to "you"). */
  self: boolean;
}) {
  const zone = clinicZone();
  const them = self ? 'you' : hours.doctor.name;
  const days = DAY_KEYS.map((key, i) => ({ key, name: DAY_NAMES[i], ranges: hours.days[key] }));
  const working = days.filter((d) => d.ranges.length);
  return (
    <div className="flex flex-col gap-4">
      {!hours.doctor.isActive && (
        <p className="rounded bg-amber-50 p-3 text-amber-900">This account is deactivated: patients cannot book it whatever the hours.</p>
      )}
      {hours.doctor.isActive && !hours.doctor.bookable && (
        <p className="rounded bg-amber-50 p-3 text-amber-900">Online booking is switched off for {them}: the hours below are kept but offer no slots.</p>
      )}
      {!working.length && (
        <p className="rounded bg-amber-50 p-3 text-amber-900">
          No working hours yet: patients cannot book {them}. Add the periods {self ? 'you work' : 'they work'} below.
        </p>
      )}
      <Card title="Weekly hours">
        <AvailabilityHoursForm
          action={actions.saveHours} doctorId={hours.doctor.id} slotMinutes={hours.slotMinutes} days={days}
          maxRanges={MAX_RANGES_PER_DAY} zoneLabel={`${zoneAbbrev(new Date(), zone)}, ${zone}`}
        />
      </Card>
      <Card title="Time off">
        <p className="mb-3 text-sm text-slate-600">
          No appointments can be booked on these days. Appointments already booked stay booked: cancel or move them from the appointment list.
        </p>
        {timeOff.length ? (
          <ul className="mb-4 divide-y divide-slate-100" data-testid="time-off-list">
            {timeOff.map((t) => {
              const period = t.startDate === t.endDate ? showDate(t.startDate) : `${showDate(t.startDate)} – ${showDate(t.endDate)}`;
              return (
                <li key={t.id} className="flex flex-col gap-1 py-2">
                  <span className="font-medium">{period}</span>
                  {t.reason && <span className="text-sm text-slate-600">{t.reason}</span>}
                  <RemoveTimeOffForm action={actions.removeTimeOff} timeOffId={t.id} period={period} />
                </li>
              );
            })}
          </ul>
        ) : (
          <div className="mb-4"><Empty>No time off planned. Add the days {self ? 'you will be' : `${hours.doctor.name} will be`} away so that patients cannot book them.</Empty></div>
        )}
        <h3 className="mb-2 font-semibold">Add time off</h3>
        <AddTimeOffForm action={actions.addTimeOff} doctorId={hours.doctor.id} minDate={clinicToday()} />
      </Card>
    </div>
  );
}
