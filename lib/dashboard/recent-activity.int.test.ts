/**
 * The activity log (the audit log filtered, `GET /api/dashboard/recent-activity/` and the service behind
 * /admin/activity) on SQLite and MariaDB: each filter (actor by id, name or email; action exact or
 * prefix; patient by id or number; outcome; clinic dates), combined filters, day edges in clinic time
 * (Africa/Nairobi, UTC+3), pagination keeping the filters, 400 with field errors for bad filters, 403 for
 * non-admins, the distinct actions offered, and the plans: every filtered query rides an index.
 */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as activity } from '@/app/api/dashboard/recent-activity/route';
import { getDatabase } from '@/db';
import { insertMany } from '@/db/dialect';
import { appendAuditEvent, explainAuditEventsQuery, type AuditEventFilters, type NewAuditEvent } from '@/db/repositories/audit';
import { findPatientByUserId } from '@/db/repositories/patients';
import { tables } from '@/db';
import { listAuditActions } from '@/lib/audit/list-audit-actions';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser, apiTokenFor } from '@/lib/testing/factories';
import { listRecentActivity, MAX_ACTOR_MATCHES } from './list-recent-activity';

const BASE = 'http://127.0.0.1:3999';
const ZONE = 'Africa/Nairobi';
const get = (path: string, token?: string | null) =>
  new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
/** A clinic wall-clock time (`2025-03-10T23:30`) as a UTC instant. */
const clinic = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();

type Item = { id: number; action: string; at: string; actor_id: number | null; patient_id: number | null; [k: string]: unknown };
let admin: { id: number; token: string; email: string };
let doctorToken: string;
let patientToken: string;
let amina: { id: number; email: string };
let baraka: { id: number; email: string };
let p1: { id: number; number: string };
let p2: { id: number; number: string };

async function list(qs: string, token = admin.token) {
  const res = await activity(get(`/api/dashboard/recent-activity/?page_size=100&${qs}`, token));
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body as { count: number; next: string | null; previous: string | null; results: Item[] };
}
/** The labels (entity_id - 1000 → label) of a result list, in order. */
const labels = (items: Item[]) => items.map((i) => LABELS[(i.entity_id as number) - 1000]);
const LABELS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'];

beforeAll(async () => {
  const a = await makeUser('admin', { name: 'Ada Admin' });
  admin = { id: a.id, email: a.email, token: await apiTokenFor(a.id) };
  const d1 = await makeUser('doctor', { name: 'Amina Otieno' });
  const d2 = await makeUser('doctor', { name: 'Baraka Wanjiru' });
  amina = { id: d1.id, email: d1.email };
  baraka = { id: d2.id, email: d2.email };
  doctorToken = await apiTokenFor(d1.id);
  const [u1, u2] = [await makeUser('patient', { name: 'Pendo Mwangi' }), await makeUser('patient', { name: 'Zawadi Kamau' })];
  p1 = { id: u1.id, number: (await findPatientByUserId(u1.id))!.patientNumber };
  p2 = { id: u2.id, number: (await findPatientByUserId(u2.id))!.patientNumber };
  patientToken = await apiTokenFor(u1.id);

  // e1..e8, inserted out of time order; entity_id 1000+i identifies them.
  const rows: Array<[string, Date, Partial<NewAuditEvent> & { action: string }]> = [
    ['e1', clinic('2025-03-10T23:30'), { actorUserId: amina.id, action: 'record.create', patientId: p1.id }],
    ['e2', clinic('2025-03-11T00:10'), { actorUserId: amina.id, action: 'record.amend', patientId: p1.id }],
    ['e3', clinic('2025-03-10T00:00'), { actorUserId: baraka.id, action: 'chart.view', patientId: p2.id }],
    ['e4', clinic('2025-03-09T23:59:59.999'), { actorUserId: baraka.id, action: 'chart.view', patientId: p1.id, outcome: 'denied' }],
    ['e5', clinic('2025-03-10T12:00'), { actorUserId: baraka.id, action: 'record.create', patientId: p2.id, outcome: 'failure' }],
    ['e6', clinic('2025-03-10T13:00'), { actorUserId: admin.id, action: 'user.create' }],
    ['e7', clinic('2025-03-10T14:00'), { actorUserId: null, actorKind: 'system', action: 'reminder.send', patientId: p1.id }],
    ['e8', clinic('2025-03-10T15:00'), { actorUserId: amina.id, actorKind: 'token', action: 'records.view' }],
  ];
  for (const i of [4, 0, 7, 2, 6, 1, 5, 3]) {
    const [label, at, over] = rows[i];
    await appendAuditEvent({ at, actorUserId: null, actorKind: 'user', entity: 'medical_record', entityId: 1000 + LABELS.indexOf(label), patientId: null, outcome: 'success', ...over });
  }
});

describe('the activity log without filters', () => {
  it('lists every event newest first with actor and patient names', async () => {
    const body = await list('');
    expect(body.count).toBe(8);
    expect(labels(body.results)).toEqual(['e2', 'e1', 'e8', 'e7', 'e6', 'e5', 'e3', 'e4']);
    const e1 = body.results[1];
    expect(e1).toEqual({
      id: expect.any(Number), at: '2025-03-10T23:30:00.000+03:00', actor_id: amina.id, actor_kind: 'user', actor_name: 'Amina Otieno',
      actor_email: amina.email, action: 'record.create', entity: 'medical_record', entity_id: 1000, patient_id: p1.id,
      patient_name: 'Pendo Mwangi', patient_number: p1.number, outcome: 'success',
    });
    const e7 = body.results[3];
    expect(e7).toMatchObject({ actor_id: null, actor_kind: 'system', actor_name: null, actor_email: null, patient_name: 'Pendo Mwangi' });
    expect(body.results[4]).toMatchObject({ patient_id: null, patient_name: null, patient_number: null });
  });
});

describe('each filter', () => {
  it('actor: by user id, by a fragment of the name (case- and accent-blind) or of the email', async () => {
    expect(labels((await list(`actor=${amina.id}`)).results)).toEqual(['e2', 'e1', 'e8']);
    expect(labels((await list('actor=amina')).results)).toEqual(['e2', 'e1', 'e8']);
    expect(labels((await list('actor=AMÍNA%20otieno')).results)).toEqual(['e2', 'e1', 'e8']);
    expect(labels((await list(`actor=${encodeURIComponent(baraka.email.toUpperCase())}`)).results)).toEqual(['e5', 'e3', 'e4']);
    expect((await list('actor=999999')).count).toBe(0); // an id nobody has: nothing, not an error
  });

  it('action: exact (case-blind input) or a prefix ending in a dot, which does not reach longer words', async () => {
    expect(labels((await list('action=record.create')).results)).toEqual(['e1', 'e5']);
    expect(labels((await list('action=RECORD.CREATE')).results)).toEqual(['e1', 'e5']);
    expect(labels((await list('action=record.')).results)).toEqual(['e2', 'e1', 'e5']);
    expect(labels((await list('action=record.*')).results)).toEqual(['e2', 'e1', 'e5']);
    expect(labels((await list('action=records.')).results)).toEqual(['e8']);
    expect((await list('action=record')).count).toBe(0); // not a prefix without its dot
  });

  it('patient: by user id or by clinic number, written loosely', async () => {
    const expected = ['e2', 'e1', 'e7', 'e4'];
    expect(labels((await list(`patient=${p1.id}`)).results)).toEqual(expected);
    expect(labels((await list(`patient=${p1.number}`)).results)).toEqual(expected);
    const digits = Number(p1.number.replace(/\D/g, ''));
    expect(labels((await list(`patient=eh${digits}`)).results)).toEqual(expected);
    expect(labels((await list(`patient=${encodeURIComponent(`EH-${digits}`)}`)).results)).toEqual(expected);
  });

  it('outcome', async () => {
    expect(labels((await list('outcome=denied')).results)).toEqual(['e4']);
    expect(labels((await list('outcome=failure')).results)).toEqual(['e5']);
    expect((await list('outcome=success')).count).toBe(6);
  });

  it('dates are clinic days, both ends included: 00:00 and 23:30 in, the next day\'s 00:10 and the day before\'s 23:59:59.999 out', async () => {
    expect(labels((await list('from=2025-03-10&to=2025-03-10')).results)).toEqual(['e1', 'e8', 'e7', 'e6', 'e5', 'e3']);
    expect(labels((await list('to=2025-03-10')).results)).toEqual(['e1', 'e8', 'e7', 'e6', 'e5', 'e3', 'e4']);
    expect(labels((await list('from=2025-03-11')).results)).toEqual(['e2']);
    expect(labels((await list('from=2025-03-09&to=2025-03-09')).results)).toEqual(['e4']);
    expect((await list('from=2025-03-12')).count).toBe(0);
  });
});

describe('combined filters', () => {
  it('AND every filter together', async () => {
    expect(labels((await list(`actor=amina&action=record.&from=2025-03-10&to=2025-03-10`)).results)).toEqual(['e1']);
    expect(labels((await list(`patient=${p1.number}&outcome=success&to=2025-03-10`)).results)).toEqual(['e1', 'e7']);
    expect(labels((await list(`actor=${baraka.id}&action=chart.view&from=2025-03-10`)).results)).toEqual(['e3']);
    expect(labels((await list(`actor=${baraka.id}&patient=${p2.id}&outcome=failure`)).results)).toEqual(['e5']);
    expect((await list(`actor=${amina.id}&patient=${p2.id}`)).count).toBe(0);
  });
});

describe('pagination', () => {
  it('pages in a stable order and its links keep the filters', async () => {
    const all = labels((await list('')).results);
    const seen: string[] = [];
    let url: string | null = `${BASE}/api/dashboard/recent-activity/?page_size=3`;
    let pages = 0;
    while (url) {
      const res = await activity(get(url.replace(/^https?:\/\/[^/]+/, ''), admin.token));
      const body = await res.json();
      expect(body.count).toBe(8);
      seen.push(...labels(body.results));
      url = body.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);

    const first = await (await activity(get('/api/dashboard/recent-activity/?page_size=1&action=record.&from=2025-03-10', admin.token))).json();
    expect(first.count).toBe(3);
    expect(first.next).toMatch(/page=2/);
    const next = new URL(first.next);
    expect(next.searchParams.get('action')).toBe('record.');
    expect(next.searchParams.get('from')).toBe('2025-03-10');
    const second = await (await activity(get(`${next.pathname}${next.search}`, admin.token))).json();
    expect(labels(second.results)).toEqual(['e1']);
    expect(second.previous).toMatch(/page=1/);
  });
});

describe('bad filters and access', () => {
  it('answers 400 validation_error naming each bad filter', async () => {
    const cases: Array<[string, string[]]> = [
      ['from=2025-02-30', ['from']],
      ['to=yesterday', ['to']],
      ['from=2025-03-11&to=2025-03-10', ['from']],
      ['action=bad%20action!', ['action']],
      ['patient=somebody', ['patient']],
      ['patient=EH-999999', ['patient']],
      ['actor=a', ['actor']],
      ['actor=nobody-has-this-name', ['actor']],
      ['outcome=maybe', ['outcome']],
      ['from=2025-13-01&outcome=maybe&patient=x', ['from', 'outcome', 'patient']],
    ];
    for (const [qs, fields] of cases) {
      const res = await activity(get(`/api/dashboard/recent-activity/?${qs}`, admin.token));
      expect(res.status, qs).toBe(400);
      const { error } = await res.json();
      expect(error.code, qs).toBe('validation_error');
      expect(Object.keys(error.fields).sort(), qs).toEqual(fields.sort());
      for (const f of fields) expect(error.fields[f][0], qs).toMatch(/\w/);
    }
  });

  it('asks for more of a name that matches too many users', async () => {
    for (let i = 0; i <= MAX_ACTOR_MATCHES; i++) await makeUser('doctor', { name: `Zebedee Many ${i}` });
    const res = await activity(get('/api/dashboard/recent-activity/?actor=zebedee', admin.token));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.actor[0]).toMatch(/More than 50 users match/);
  });

  it('refuses doctors and patients (403) and anonymous callers (401)', async () => {
    for (const token of [doctorToken, patientToken]) {
      const res = await activity(get(`/api/dashboard/recent-activity/?actor=${amina.id}`, token));
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect((await activity(get('/api/dashboard/recent-activity/?action=record.'))).status).toBe(401);
    const doctor: CurrentUser = { id: amina.id, name: 'Amina Otieno', email: amina.email, role: 'doctor', via: 'session', mustChangePassword: false };
    await expect(listRecentActivity({ user: doctor, page: { limit: 10, offset: 0 } })).rejects.toBeInstanceOf(AppError);
    await expect(listAuditActions(doctor)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the actions offered', () => {
  it('lists the distinct actions present, sorted, and the groups of more than one', async () => {
    const me: CurrentUser = { id: admin.id, name: 'Ada Admin', email: admin.email, role: 'admin', via: 'session', mustChangePassword: false };
    expect(await listAuditActions(me)).toEqual({
      actions: ['chart.view', 'record.amend', 'record.create', 'records.view', 'reminder.send', 'user.create'],
      prefixes: ['record.'],
    });
  });
});

describe('the plans', () => {
  it('every filter is served by its index, the ids of a page read from the index alone (a log of 3,000 more events)', async () => {
    const actors = [amina.id, baraka.id, admin.id, null];
    const patients = [p1.id, p2.id, null];
    const actions = ['chart.view', 'record.create', 'record.amend', 'appointment.book', 'appointment.cancel', 'auth.sign_in', 'user.update', 'patient.view'];
    const filler: NewAuditEvent[] = Array.from({ length: 3000 }, (_, i) => ({
      at: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000), actorUserId: actors[i % 4], actorKind: actors[i % 4] === null ? 'system' : 'user',
      action: `${actions[i % actions.length]}${i % 5 === 0 ? '' : `.x${i % 37}`}`, entity: 'appointment', entityId: i, patientId: patients[i % 3], outcome: 'success',
    }));
    await insertMany(tables.auditEvents, filler, 500);
    const sqlite = (await getDatabase()).dialect === 'sqlite';
    const dayFrom = clinic('2024-02-01T00:00');
    const dayTo = clinic('2024-02-08T00:00');
    const cases: Array<[string, AuditEventFilters, RegExp, boolean]> = [
      // [name, filters, the index it must use, whether the order comes from that index (no sort step)]
      ['none', {}, /audit_at_idx/, true],
      ['actor', { actorUserIds: [amina.id] }, /audit_actor_at_idx/, true],
      ['patient', { patientId: p1.id }, /audit_patient_at_idx/, true],
      ['action', { action: { exact: 'record.create' } }, /audit_action_at_idx/, true],
      ['action prefix', { action: { prefix: 'record.' } }, /audit_(action|at)_(at_)?idx/, false],
      ['dates', { from: dayFrom, to: dayTo }, /audit_at_idx/, true],
      ['actor + dates', { actorUserIds: [amina.id], from: dayFrom, to: dayTo }, /audit_(actor_at|at)_idx/, false],
      ['patient + outcome + dates', { patientId: p2.id, outcome: 'success', from: dayFrom, to: dayTo }, /audit_(patient_at|at)_idx/, false],
      ['several actors', { actorUserIds: [amina.id, baraka.id] }, /audit_(actor_at|at)_idx/, false],
    ];
    for (const [name, filters, index, ordered] of cases) {
      const page = await explainAuditEventsQuery(filters, 'page');
      const line = page.split('\n').find((l) => /audit_events/.test(l)) ?? '';
      expect(line, `${name}: ${page}`).toMatch(index);
      if (sqlite) {
        expect(line, `${name}: ${page}`).toMatch(name.includes('outcome') ? /USING (COVERING )?INDEX/ : /USING COVERING INDEX/);
        if (ordered) expect(page, `${name}: ${page}`).not.toMatch(/TEMP B-TREE/);
      } else {
        expect(line, `${name}: ${page}`).not.toMatch(/ ALL key=/);
        if (ordered) expect(page, `${name}: ${page}`).not.toMatch(/filesort/i);
      }
      if (name === 'none') continue;
      const countPlan = await explainAuditEventsQuery(filters, 'count');
      expect(countPlan, `${name} count: ${countPlan}`).toMatch(/audit_\w+_idx/);
      expect(countPlan, `${name} count: ${countPlan}`).not.toMatch(sqlite ? /SCAN audit_events$/m : / ALL key=/);
    }
  });
});
