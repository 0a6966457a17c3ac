/**
 * GET /api/reports/monthly/ on SQLite and MariaDB: the monthly summary report as JSON (snake_case)
 * and as CSV (one header row with a Section column, BOM, neutralised text), the default month (the
 * previous clinic month), 400 for a bad or future month, admin only. Data: lib/reports/testing.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as monthly, PUT as putMonthly } from '@/app/api/reports/monthly/route';
import { previousClinicMonth } from '@/lib/reports/monthly-report';
import { EVIL_DOCTOR, seedDecember2025 } from '@/lib/reports/testing';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';

const BASE = 'http://127.0.0.1:3999';
const call = (qs: string, token?: string | null) =>
  monthly(new Request(`${BASE}/api/reports/monthly/?${qs}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
async function tokenFor(role: 'admin' | 'doctor' | 'patient') {
  return (await makeUserWithToken(role)).token;
}

let admin: string;
beforeAll(async () => {
  admin = await tokenFor('admin');
  await seedDecember2025();
});

describe('GET /api/reports/monthly/', () => {
  it('answers the month as JSON', async () => {
    const res = await call('month=2025-12', admin);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      clinic_name: 'E-Health Clinic',
      month: '2025-12', from: '2025-12-01', to: '2025-12-31', time_zone: 'Africa/Nairobi',
      patients: { total: 2, new: 1, seen: 2 },
      visits: {
        total: 3,
        weeks: [
          { from: '2025-12-01', to: '2025-12-07', visits: 3 },
          { from: '2025-12-08', to: '2025-12-14', visits: 0 },
          { from: '2025-12-15', to: '2025-12-21', visits: 0 },
          { from: '2025-12-22', to: '2025-12-28', visits: 0 },
          { from: '2025-12-29', to: '2025-12-31', visits: 0 },
        ],
      },
      top_diagnoses: {
        coded: [
          { system: 'ICD-10', code: 'J06.9', display: 'Acute upper respiratory infection, unspecified', count: 2, share: 0.5 },
          { system: 'ICD-10', code: 'I10', display: '@SUM(1+1)', count: 1, share: 0.25 },
        ],
        free_text: { count: 1, share: 0.25 },
      },
      appointments: {
        by_status: { pending: 0, confirmed: 0, completed: 1, cancelled: 1, no_show: 1 },
        total: 3, no_show_rate: 0.5, cancellation_rate: 0.3333,
      },
      visits_per_doctor: [
        { doctor_id: expect.any(Number), name: EVIL_DOCTOR, visits: 2 },
        { doctor_id: expect.any(Number), name: 'Dr Beta', visits: 1 },
      ],
    });
  });

  it('clips the first and last weeks to the month', async () => {
    const body = await (await call('month=2025-11', admin)).json();
    expect(body.visits.weeks[0]).toEqual({ from: '2025-11-01', to: '2025-11-02', visits: 0 });
    expect(body.visits.weeks.at(-1)).toEqual({ from: '2025-11-24', to: '2025-11-30', visits: 0 });
    expect(body.patients).toEqual({ total: 1, new: 1, seen: 0 });
  });

  it('downloads the month as one CSV with a Section column', async () => {
    const res = await call('month=2025-12&format=csv', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ehealth-monthly-report-2025-12.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('"Section","Item","Detail","Count","Percent (%)"');
    expect(lines.filter((l) => l.startsWith('"Section"'))).toHaveLength(1);
    expect(lines).toEqual(expect.arrayContaining([
      '"Report","Clinic","E-Health Clinic",,',
      '"Report","Month","2025-12",,',
      '"Patients","New patients (registered in the month)",,1,',
      '"Visits","Total",,3,',
      '"Visits","Week","2025-12-01 to 2025-12-07",3,100',
      '"Top diagnoses","Acute upper respiratory infection, unspecified","ICD-10 J06.9",2,50',
      '"Top diagnoses","\'@SUM(1+1)","ICD-10 I10",1,25',
      '"Top diagnoses","Free-text diagnoses (not coded), all together","Free text",1,25',
      '"Appointment outcomes","No-show","share of all appointments",1,33.33',
      '"Appointment outcomes","No-show rate","no-show / (completed + no-show)",,50',
      '"Appointment outcomes","Cancellation rate","cancelled / all appointments",,33.33',
      '"Visits per doctor","\'=HYPERLINK(""http://x.example"",""click"")",,2,66.67',
    ]));
  });

  it('defaults to the previous clinic month', async () => {
    const body = await (await call('', admin)).json();
    expect(body.month).toBe(previousClinicMonth());
  });

  it('answers 400 for a malformed or future month and a bad format', async () => {
    for (const qs of ['month=2025-13', 'month=12-2025', 'month=2025-1', 'month=', 'month=2099-01', 'month=1899-12', 'format=pdf']) {
      const res = await call(qs, admin);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.code, qs).toBe('validation_error');
    }
    const future = await (await call('month=2099-01', admin)).json();
    expect(future.error.fields).toEqual({ month: ['This month has not started yet.'] });
  });

  it('is for admins only and GET only', async () => {
    for (const role of ['doctor', 'patient'] as const) expect((await call('month=2025-12', await tokenFor(role))).status, role).toBe(403);
    expect((await call('month=2025-12')).status).toBe(401);
    expect((await putMonthly()).status).toBe(405);
  });
});
