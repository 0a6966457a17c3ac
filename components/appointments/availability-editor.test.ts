/**
 * The availability editor rendered on the server (what a browser gets before scripts load): the fields
 * are named as the form schema expects, so submitting the page unchanged saves the same week; labels,
 * time off with its remove confirmation, and the empty state.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ActionState } from '@/lib/api/action-state';
import type { TimeOffItem, WeeklyHours } from '@/lib/appointments/availability-services';
import { weeklyHoursFormSchema, weeklyHoursSchema } from '@/lib/appointments/schemas';
import { AvailabilityEditor } from './availability-editor';

const noop = async (s: ActionState): Promise<ActionState> => s;
const actions = { saveHours: noop, addTimeOff: noop, removeTimeOff: noop };
const nine2five = [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '17:00' }];
const hours: WeeklyHours = {
  doctor: { id: 42, name: 'Grace Wanjiru', specialty: 'General Practice', isActive: true, bookable: true },
  slotMinutes: 20,
  days: { mon: nine2five, tue: nine2five, wed: nine2five, thu: nine2five, fri: [{ start: '08:00', end: '13:00' }], sat: [], sun: [{ start: '18:00', end: '24:00' }] },
};

function render(timeOff: TimeOffItem[] = [], self = true) {
  return renderToStaticMarkup(createElement(AvailabilityEditor, { hours, timeOff, actions, self }));
}

/** The name/value pairs a browser would submit from the hours form (inputs only; the form is the first one). */
function hoursFormFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1];
    if (!name) continue;
    out[name] = /value="([^"]*)"/.exec(m[1])?.[1] ?? '';
  }
  return out;
}

describe('AvailabilityEditor (server-rendered)', () => {
  it('names its fields for the form schema: submitting it unchanged saves the same week', () => {
    const fields = hoursFormFields(render());
    expect(fields).toMatchObject({ doctor_id: '42', slot_minutes: '20', 'mon.0.start': '08:00', 'mon.1.end': '17:00', 'sun.0.end': '00:00' });
    // Each day offers one blank "add a period" row after its periods.
    expect(fields).toMatchObject({ 'mon.2.start': '', 'sat.0.start': '', 'fri.1.end': '' });
    const parsed = weeklyHoursFormSchema.safeParse(fields);
    expect(parsed.success).toBe(true);
    const { doctor_id: _, ...week } = parsed.data!;
    const original = weeklyHoursSchema.parse({ slot_minutes: 20, ...hours.days });
    expect(weeklyHoursSchema.parse(week)).toEqual(original);
  });

  it('labels every time input and shows the zone; lists time off with a remove confirmation', () => {
    const html = render([{ id: 7, doctorId: 42, startDate: '2026-12-01', endDate: '2026-12-05', reason: 'Conference' }]);
    const ids = [...html.matchAll(/<input[^>]*id="([^"]+)"/g)].map((m) => m[1]);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
    expect(html).toContain('Africa/Nairobi');
    expect(html).toContain('Tue 1 Dec 2026 – Sat 5 Dec 2026');
    expect(html).toContain('Conference');
    expect(html).toContain('Yes, remove it');
    expect(html).toContain('name="time_off_id" value="7"');
  });

  it('says what to do when there is no time off, and speaks of the doctor by name to an admin', () => {
    const mine = render();
    expect(mine).toContain('No time off planned. Add the days you will be away');
    const admin = render([], false);
    expect(admin).toContain('Add the days Grace Wanjiru will be away');
  });
});
