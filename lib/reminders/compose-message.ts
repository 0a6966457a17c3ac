/**
 * The words of a reminder: the SMS (one part whenever it can be) and the email. Times in clinic time.
 */
import { DateTime } from 'luxon';
import { clinicZone } from '@/core/time';
import { smsParts, type SmsParts } from './sms-encoding';

export interface ReminderFacts {
  clinicName: string;
  doctorName: string;
  patientName: string;
  startAt: Date;
  zone?: string;
}

/** `Amina Njoroge` from `Dr Amina Njoroge`, `Dr. Amina Njoroge` or `Amina Njoroge` (we add the title ourselves). */
function bareDoctorName(name: string): string {
  return name.trim().replace(/^dr\.?\s+/i, '').replace(/\s+/g, ' ');
}

function when(startAt: Date, zone: string) {
  const d = DateTime.fromJSDate(startAt, { zone }).setLocale('en-GB');
  return { day: d.toFormat('ccc d LLL'), dayYear: d.toFormat('ccc d LLL yyyy'), time: d.toFormat('HH:mm'), zone: d.toFormat('ZZZZ') };
}

/**
 * The reminder SMS, e.g. `E-Health: reminder of your appointment with Dr Amina Njoroge on Tue 1 Dec at 09:20.
 * Reply or call the clinic to cancel.` — chosen to go out as ONE SMS:
 *
 * 1. the full text, when it fits one part (160 GSM-7 septets, or 70 UCS-2 units);
 * 2. when a name needs UCS-2 (e.g. `Adébáyọ̀`, whose `á` and `ọ̀` are not in GSM-7): a compact wording
 *    that keeps the name spelt as written, when that fits one 70-unit UCS-2 part;
 * 3. without the doctor's name; 4. without the clinic's name either (plain GSM-7, always one part).
 *
 * If none fitted one part (not possible with today's wording, kept as a guard), the candidate in the
 * fewest parts wins, the most informative on a tie.
 */
export function composeReminderSms(f: ReminderFacts): { text: string } & SmsParts {
  const { day, time } = when(f.startAt, f.zone ?? clinicZone());
  const doctor = bareDoctorName(f.doctorName);
  const clinic = f.clinicName.trim();
  const tail = 'Reply or call the clinic to cancel.';
  const full = `${clinic}: reminder of your appointment with Dr ${doctor} on ${day} at ${time}. ${tail}`;
  const candidates = [full];
  const fullParts = smsParts(full);
  if (fullParts.encoding === 'UCS-2') candidates.push(`${clinic}: appointment with Dr ${doctor}, ${day} ${time}.`);
  candidates.push(`${clinic}: reminder of your appointment on ${day} at ${time}. ${tail}`);
  candidates.push(`Reminder of your appointment on ${day} at ${time}. ${tail}`);
  let best: ({ text: string } & SmsParts) | undefined;
  for (const text of candidates) {
    const p = text === full ? fullParts : smsParts(text);
    if (p.parts.length === 1) return { text, ...p };
    if (!best || p.parts.length < best.parts.length) best = { text, ...p };
  }
  return best as { text: string } & SmsParts;
}

/** The reminder email: a subject and a plain-text body. */
export function composeReminderEmail(f: ReminderFacts): { subject: string; text: string } {
  const w = when(f.startAt, f.zone ?? clinicZone());
  const doctor = bareDoctorName(f.doctorName);
  const subject = `Reminder: your appointment on ${w.dayYear} at ${w.time}`;
  const text = [
    `Dear ${f.patientName.trim()},`,
    '',
    `This is a reminder of your appointment with Dr ${doctor} at ${f.clinicName.trim()} on ${w.dayYear} at ${w.time} (${w.zone}).`,
    '',
    'If you cannot come, please call the clinic to cancel or change it, so that someone else can have the time.',
    '',
    f.clinicName.trim(),
    '',
  ].join('\n');
  return { subject, text };
}
