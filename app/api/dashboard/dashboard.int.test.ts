/**
 * The dashboard API on SQLite and MariaDB: GET /api/dashboard/stats/ and /api/dashboard/recent-activity/
 * — admin 200 with their shapes, patient/doctor 403, 401 without (or with a bad) token, 400 on a bad
 * range or page size, 405 for other methods. The numbers themselves: lib/dashboard/dashboard-stats.int.test.ts;
 * the activity log's filters: lib/dashboard/recent-activity.int.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as stats, POST as postStats } from '@/app/api/dashboard/stats/route';
import { GET as activity } from '@/app/api/dashboard/recent-activity/route';
import { appendAuditEvent } from '@/db/repositories/audit';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';

const BASE = 'http://127.0.0.1:3999';
const get = (path: string, token?: string | null) =>
  new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

type TestUser = Awaited<ReturnType<typeof makeUserWithToken>>;
let admin: TestUser;
let doctor: TestUser;
let patient: TestUser;

beforeAll(async () => {
  [admin, doctor, patient] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
  for (let i = 0; i < 3; i++) {
    await appendAuditEvent({ at: new Date(Date.UTC(2025, 11, 1, 9, i)), actorUserId: doctor.id, actorKind: 'user', action: `test.action${i}`, entity: 'medical_record', entityId: 100 + i, patientId: patient.id, outcome: 'success' });
  }
});

describe('GET /api/dashboard/stats/', () => {
  it('answers an admin with the statistics shape', async () => {
    const res = await stats(get('/api/dashboard/stats/?from=2025-12-01&to=2025-12-14&granularity=week', admin.token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.range).toEqual({ from: '2025-12-01', to: '2025-12-14', granularity: 'week', time_zone: 'Africa/Nairobi' });
    expect(Object.keys(body).sort()).toEqual(['appointments', 'patients', 'patients_seen', 'range', 'top_diagnoses', 'visits', 'visits_per_doctor']);
    expect(body.patients).toEqual({ total: 0, new: 0 }); // the one patient registered now, after this range
    expect(body.visits).toEqual({ total: 0, series: [{ period: '2025-12-01', visits: 0 }, { period: '2025-12-08', visits: 0 }] });
    expect(body.appointments).toEqual({ by_status: { pending: 0, confirmed: 0, completed: 0, cancelled: 0, no_show: 0 }, no_show_rate: null, cancellation_rate: null });
    expect(body.top_diagnoses).toEqual({ coded: [], free_text: { count: 0, share: 0 } });
    expect(body.patients_seen.by_age_band.map((b: { band: string }) => b.band)).toEqual(['0-4', '5-14', '15-24', '25-44', '45-64', '65+']);
  });

  it('defaults to the last 30 days by day', async () => {
    const body = await (await stats(get('/api/dashboard/stats', admin.token))).json();
    expect(body.range.granularity).toBe('day');
    expect(body.visits.series).toHaveLength(30);
    expect(body.visits.series[29].period).toBe(body.range.to);
    expect(body.patients).toEqual({ total: 1, new: 1 }); // registered today, inside the default range
  });

  it('refuses patients and doctors (403) and anonymous callers (401)', async () => {
    for (const u of [patient, doctor]) {
      const res = await stats(get('/api/dashboard/stats/', u.token));
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect((await stats(get('/api/dashboard/stats/'))).status).toBe(401);
    expect((await stats(get('/api/dashboard/stats/', 'ehr_not-a-token'))).status).toBe(401);
  });

  it('answers 400 for a bad range and 405 for other methods', async () => {
    for (const qs of ['from=2025-12-02&to=2025-12-01', 'from=2024-01-01&to=2025-06-01', 'from=yesterday', 'from=2025-02-30&to=2025-03-01', 'granularity=year']) {
      const res = await stats(get(`/api/dashboard/stats/?${qs}`, admin.token));
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.code).toBe('validation_error');
    }
    expect((await postStats()).status).toBe(405);
  });
});

describe('GET /api/dashboard/recent-activity/', () => {
  it('pages the audit log newest first for an admin', async () => {
    const res = await activity(get('/api/dashboard/recent-activity/?page_size=2', admin.token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.count).toBeGreaterThanOrEqual(3);
    expect(body.previous).toBeNull();
    expect(body.next).toContain('page=2');
    expect(body.results).toHaveLength(2);
    const all = (await (await activity(get('/api/dashboard/recent-activity/?page_size=100', admin.token))).json()).results;
    const ours = all.filter((e: { action: string }) => e.action.startsWith('test.action'));
    expect(ours.map((e: { action: string }) => e.action)).toEqual(['test.action2', 'test.action1', 'test.action0']);
    expect(ours[0]).toEqual({
      id: expect.any(Number), at: '2025-12-01T12:02:00.000+03:00', actor_id: doctor.id, actor_kind: 'user', actor_name: doctor.name, actor_email: doctor.email,
      action: 'test.action2', entity: 'medical_record', entity_id: 102, patient_id: patient.id, patient_name: patient.name, patient_number: expect.stringMatching(/^EH-\d{6}$/), outcome: 'success',
    });
    const times = all.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('refuses non-admins (403), anonymous callers (401) and a bad page size (400)', async () => {
    expect((await activity(get('/api/dashboard/recent-activity/', patient.token))).status).toBe(403);
    expect((await activity(get('/api/dashboard/recent-activity/', doctor.token))).status).toBe(403);
    expect((await activity(get('/api/dashboard/recent-activity/'))).status).toBe(401);
    expect((await activity(get('/api/dashboard/recent-activity/?page_size=101', admin.token))).status).toBe(400);
  });
});
