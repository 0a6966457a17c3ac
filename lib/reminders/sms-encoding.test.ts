/** SMS encoding (3GPP TS 23.038 / 23.040): GSM-7 vs UCS-2, septet counts, part limits, safe cut points; the reminder SMS text. */
import { describe, expect, it } from 'vitest';
import { composeReminderEmail, composeReminderSms } from './compose-message';
import { gsm7Septets, isGsm7, smsParts } from './sms-encoding';

const septets = (s: string) => [...s].reduce((n, c) => n + (gsm7Septets(c) ?? NaN), 0);

describe('smsParts', () => {
  it('uses GSM-7 for the default alphabet, including its accented letters and Greek capitals', () => {
    expect(smsParts('Hello, Zoé! 50% off @ £5 — no').encoding).toBe('UCS-2'); // the em dash is not GSM-7
    for (const t of ['Hello, Zoé! 50% off @ £5', 'ÄÖÑÜ äöñü à è é ù ì ò Ç ΔΦΓΛΩΠΨΣΘΞ ¡¿§', 'line\nbreak\r']) {
      expect(smsParts(t)).toMatchObject({ encoding: 'GSM-7', parts: [t], units: t.length });
    }
    expect(isGsm7('ç')).toBe(false); // only the capital Ç is in the table
  });

  it('counts extension-table characters as 2 septets', () => {
    for (const c of ['€', '[', ']', '{', '}', '\\', '^', '~', '|', '\f']) expect(gsm7Septets(c)).toBe(2);
    expect(smsParts('€5 [x]')).toMatchObject({ encoding: 'GSM-7', units: 9 });
    expect(smsParts('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: ['€'.repeat(80)] });
    expect(smsParts('€'.repeat(80) + 'a').parts).toHaveLength(2);
  });

  it('fits 160 septets in one GSM-7 part and splits 161 into 153-septet parts', () => {
    expect(smsParts('a'.repeat(160)).parts).toHaveLength(1);
    const p = smsParts('a'.repeat(161));
    expect(p.parts.map((x) => x.length)).toEqual([153, 8]);
    expect(smsParts('a'.repeat(306)).parts).toHaveLength(2);
    expect(smsParts('a'.repeat(307)).parts).toHaveLength(3);
  });

  it('fits 70 units in one UCS-2 part and splits 71 into 67-unit parts', () => {
    expect(smsParts('ọ'.repeat(70))).toMatchObject({ encoding: 'UCS-2', units: 70 });
    expect(smsParts('ọ'.repeat(70)).parts).toHaveLength(1);
    expect(smsParts('ọ'.repeat(71)).parts.map((x) => x.length)).toEqual([67, 4]);
    expect(smsParts('ọ'.repeat(134)).parts).toHaveLength(2);
    expect(smsParts('ọ'.repeat(135)).parts).toHaveLength(3);
  });

  it('never splits an escape pair: the extension character moves to the next part', () => {
    const text = 'a'.repeat(152) + '€' + 'b'.repeat(10);
    const p = smsParts(text);
    expect(p.encoding).toBe('GSM-7');
    expect(p.units).toBe(164);
    expect(p.parts).toEqual(['a'.repeat(152), '€' + 'b'.repeat(10)]);
    expect(p.parts.join('')).toBe(text);
    for (const part of p.parts) expect(septets(part)).toBeLessThanOrEqual(153);
  });

  it('never splits a surrogate pair: the emoji moves to the next part', () => {
    const text = 'a'.repeat(66) + '😀' + 'b'.repeat(10);
    const p = smsParts(text);
    expect(p.encoding).toBe('UCS-2');
    expect(p.units).toBe(78); // the emoji is 2 UTF-16 units
    expect(p.parts).toEqual(['a'.repeat(66), '😀' + 'b'.repeat(10)]);
    for (const part of p.parts) expect(part.length).toBeLessThanOrEqual(67);
  });

  it('sends a Yoruba name with tone marks (Adébáyọ̀) and Swahili text with non-GSM letters in UCS-2', () => {
    expect(smsParts('Dr Adébáyọ̀').encoding).toBe('UCS-2');
    expect(smsParts('Dr Adébáyọ̀').units).toBe('Dr Adébáyọ̀'.length);
    expect(smsParts('Dr Ñyambura Wanjikũ').encoding).toBe('UCS-2'); // ũ is not GSM-7 (Ñ is)
    expect(smsParts('Habari Wanjiku, miadi yako ni kesho.').encoding).toBe('GSM-7');
  });

  it('treats an empty text as one empty part', () => {
    expect(smsParts('')).toEqual({ encoding: 'GSM-7', parts: [''], units: 0 });
  });
});

describe('composeReminderSms', () => {
  const startAt = new Date('2026-12-01T06:20:00Z'); // 09:20 in Nairobi
  const base = { clinicName: 'E-Health', doctorName: 'Amina Njoroge', patientName: 'Wanjiru Kamau', startAt, zone: 'Africa/Nairobi' };

  it('writes the full reminder in clinic time, in one GSM-7 part', () => {
    const m = composeReminderSms(base);
    expect(m.text).toBe('E-Health: reminder of your appointment with Dr Amina Njoroge on Tue 1 Dec at 09:20. Reply or call the clinic to cancel.');
    expect(m).toMatchObject({ encoding: 'GSM-7', parts: [m.text] });
    expect(composeReminderSms({ ...base, doctorName: 'Dr. Amina Njoroge' }).text).toContain('with Dr Amina Njoroge on');
  });

  it('drops the doctor name, then the clinic name, to stay in one part', () => {
    const longName = 'Amina Wairimu Nyambura Njoroge-Kariuki Wa Mwangi Achieng Otieno'; // full text: 171 septets
    const longDoctor = composeReminderSms({ ...base, doctorName: longName });
    expect(longDoctor.text).toBe('E-Health: reminder of your appointment on Tue 1 Dec at 09:20. Reply or call the clinic to cancel.');
    const longClinic = composeReminderSms({ ...base, clinicName: 'Kenyatta National Hospital Outpatient Clinic, Nairobi, Wing C, Ground Floor, Room 12', doctorName: longName });
    expect(longClinic.text).toBe('Reminder of your appointment on Tue 1 Dec at 09:20. Reply or call the clinic to cancel.');
    for (const m of [longDoctor, longClinic]) expect(m).toMatchObject({ encoding: 'GSM-7', units: m.text.length, parts: [m.text] });
  });

  it('keeps a name that needs UCS-2 in one 70-unit part when a compact wording fits, else drops it', () => {
    const yoruba = composeReminderSms({ ...base, doctorName: 'Adébáyọ̀ Okafor' });
    expect(yoruba.text).toBe('E-Health: appointment with Dr Adébáyọ̀ Okafor, Tue 1 Dec 09:20.');
    expect(yoruba).toMatchObject({ encoding: 'UCS-2', parts: [yoruba.text] });
    expect(yoruba.units).toBeLessThanOrEqual(70);
    const long = composeReminderSms({ ...base, doctorName: 'Olúwadámiláre Adébáyọ̀-Ògúnléye' });
    expect(long.text).toBe('E-Health: reminder of your appointment on Tue 1 Dec at 09:20. Reply or call the clinic to cancel.');
    expect(long.parts).toHaveLength(1);
    const clinic = composeReminderSms({ ...base, clinicName: 'Ilé Ìwòsàn Ọ̀yọ́' });
    expect(clinic).toMatchObject({ text: 'Ilé Ìwòsàn Ọ̀yọ́: appointment with Dr Amina Njoroge, Tue 1 Dec 09:20.', encoding: 'UCS-2' });
    expect(clinic.parts).toHaveLength(1);
    const both = composeReminderSms({ ...base, clinicName: 'Ilé Ìwòsàn Ọ̀yọ́ Ìbàdàn', doctorName: 'Olúwadámiláre Adébáyọ̀' });
    expect(both).toMatchObject({ text: 'Reminder of your appointment on Tue 1 Dec at 09:20. Reply or call the clinic to cancel.', encoding: 'GSM-7' });
  });

  it('writes an email with a subject, the patient, the doctor and the clinic time', () => {
    const m = composeReminderEmail({ ...base, doctorName: 'Adébáyọ̀ Okafor' });
    expect(m.subject).toBe('Reminder: your appointment on Tue 1 Dec 2026 at 09:20');
    expect(m.text).toContain('Dear Wanjiru Kamau,');
    expect(m.text).toContain('with Dr Adébáyọ̀ Okafor at E-Health on Tue 1 Dec 2026 at 09:20');
  });
});
