/**
 * GET /api/dashboard/export/{table}/ on SQLite and MariaDB: the CSV download of a dashboard table —
 * UTF-8 BOM, one header row, CRLF, numbers bare, text starting with a formula character neutralised,
 * the attachment filename; admin only (403 doctor/patient, 401 anonymous); 404 unknown table; 400 bad
 * range; 405 other methods. Data: lib/reports/testing.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportTable, POST as postExport } from '@/app/api/dashboard/export/[table]/route';
import { DASHBOARD_TABLE_IDS } from '@/lib/reports/dashboard-tables';
import { seedDecember2025 } from '@/lib/reports/testing';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';

const BASE = 'http://127.0.0.1:3999';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const call = (table: string, qs: string, token?: string | null) =>
  exportTable(new Request(`${BASE}/api/dashboard/export/${table}/?${qs}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({ table }) });
async function tokenFor(role: 'admin' | 'doctor' | 'patient') {
  return (await makeUserWithToken(role)).token;
}
/** The body's bytes (Response.text() would drop the BOM) and its text after the BOM. */
async function csvOf(res: Response) {
  const bytes = Buffer.from(await res.arrayBuffer());
  return { bytes, text: bytes.subarray(3).toString('utf8') };
}

const RANGE = 'from=2025-12-01&to=2025-12-14';
let admin: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  await seedDecember2025();
});

describe('GET /api/dashboard/export/{table}/', () => {
  it('downloads the doctors table: BOM, header, neutralised formula, bare numbers, filename', async () => {
    const res = await call('doctors', RANGE, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ehealth-doctors-2025-12-01-to-2025-12-14.csv"');
    const { bytes, text } = await csvOf(res);
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    expect(text).toBe([
      '"Doctor","Visits","Share of visits (%)"',
      '"\'=HYPERLINK(""http://x.example"",""click"")",2,66.67',
      '"Dr Beta",1,33.33',
      '',
    ].join('\r\n'));
  });

  it('downloads the diagnoses table with coded diagnoses first and free text apart', async () => {
    const { text } = await csvOf(await call('diagnoses', RANGE, admin));
    expect(text.split('\r\n')).toEqual([
      '"Rank","Code system","Code","Diagnosis","Diagnoses","Share of all diagnoses (%)"',
      '1,"ICD-10","J06.9","Acute upper respiratory infection, unspecified",2,50',
      '2,"ICD-10","I10","\'@SUM(1+1)",1,25',
      ',"Free text",,"Free-text diagnoses (not coded), all together",1,25',
      '',
    ]);
  });

  it('downloads appointments, rates, visits by week, patients, sex and age with the same numbers as the dashboard', async () => {
    const lines = async (table: string, qs = RANGE) => (await csvOf(await call(table, qs, admin))).text.split('\r\n').slice(0, -1);
    expect(await lines('appointments')).toEqual([
      '"Status","Appointments","Share of all appointments (%)"',
      '"Pending",0,0', '"Confirmed",0,0', '"Completed",1,33.33', '"Cancelled",1,33.33', '"No-show",1,33.33', '"Total",3,100',
    ]);
    expect(await lines('rates')).toEqual([
      '"Rate","Rate (%)","Appointments counted","Out of"',
      '"No-show rate (no-show / (completed + no-show))",50,1,2',
      '"Cancellation rate (cancelled / all appointments)",33.33,1,3',
    ]);
    expect(await lines('visits', `${RANGE}&granularity=week`)).toEqual(['"Week starting (Monday)","Visits"', '"2025-12-01",3', '"2025-12-08",0']);
    expect(await lines('visits', RANGE)).toHaveLength(15);
    expect(await lines('patients')).toEqual([
      '"Measure","Count"',
      '"Total patients (registered by the end of the range)",2',
      '"New patients (registered in the range)",1',
      '"Visits",3',
      '"Patients seen (with a visit in the range)",2',
    ]);
    expect(await lines('sex')).toEqual(['"Sex","Patients seen","Share (%)"', '"Male",1,50', '"Female",1,50', '"Other",0,0', '"Unknown",0,0']);
    expect(await lines('age')).toEqual([
      '"Age band (years)","Patients seen","Share (%)"',
      '"0-4",0,0', '"5-14",0,0', '"15-24",0,0', '"25-44",1,50', '"45-64",0,0', '"65+",0,0', '"Unknown (no date of birth)",1,50',
    ]);
  });

  it('serves every table id', async () => {
    for (const id of DASHBOARD_TABLE_IDS) expect((await call(id, RANGE, admin)).status, id).toBe(200);
  });

  it('answers 404 for an unknown table and 400 for a bad range, in the JSON envelope', async () => {
    const missing = await call('passwords', RANGE, admin);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    for (const qs of ['from=2025-12-02&to=2025-12-01', 'from=2024-01-01&to=2025-06-01', 'from=yesterday', 'granularity=year']) {
      const res = await call('visits', qs, admin);
      expect(res.status, qs).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect((await res.json()).error.code).toBe('validation_error');
    }
  });

  it('refuses doctors and patients (403), anonymous callers (401), and other methods (405)', async () => {
    for (const role of ['doctor', 'patient'] as const) {
      const res = await call('visits', RANGE, await tokenFor(role));
      expect(res.status, role).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect((await call('visits', RANGE)).status).toBe(401);
    expect((await call('nope', RANGE)).status).toBe(401); // the caller is checked before the table
    expect((await postExport()).status).toBe(405);
  });
});
