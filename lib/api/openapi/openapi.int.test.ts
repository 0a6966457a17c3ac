/**
 * The OpenAPI document (`GET /api/openapi.json`) against the code, on both databases:
 * - its shape is OpenAPI 3.1 (path parameters declared, responses everywhere, unique operationIds,
 *   every `$ref` resolves);
 * - it lists every route handler method and nothing else (`listApiRoutes()`, both directions);
 * - the security it states holds (required → 401 without a caller; roles → 403 for another role);
 * - real responses of the handlers parse with the documented response schemas, and nothing in them
 *   is undocumented (`schema.parse(body)` drops unknown members, so it must equal the body);
 * - `/api/openapi.json` and `/api/docs` (and its assets) answer as documented.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { GET as getOpenApi, POST as postOpenApi } from '@/app/api/openapi.json/route';
import { GET as getDocs } from '@/app/api/docs/route';
import { GET as getAsset } from '@/app/api/docs/assets/[file]/route';
import { GET as listUsersRoute, POST as createUserRoute } from '@/app/api/users/route';
import { GET as getUserRoute, PATCH as patchUserRoute } from '@/app/api/users/[id]/route';
import { POST as loginRoute } from '@/app/api/auth/login/route';
import { POST as logoutRoute } from '@/app/api/auth/logout/route';
import { GET as listAppointmentsRoute } from '@/app/api/appointments/route';
import { GET as getAppointmentRoute } from '@/app/api/appointments/[id]/route';
import { POST as confirmRoute } from '@/app/api/appointments/[id]/confirm/route';
import { GET as listProfilesRoute } from '@/app/api/patient-profiles/route';
import { GET as getProfileRoute } from '@/app/api/patient-profiles/[id]/route';
import { POST as chartRoute } from '@/app/api/medical-records/route';
import { GET as getRecordRoute, PUT as amendRoute } from '@/app/api/medical-records/[id]/route';
import { GET as historyRoute } from '@/app/api/medical-records/patient-history/route';
import { GET as doctorsRoute } from '@/app/api/doctors/route';
import { GET as slotsRoute } from '@/app/api/doctors/[id]/slots/route';
import { GET as icd10Route } from '@/app/api/icd10/route';
import { GET as statsRoute } from '@/app/api/dashboard/stats/route';
import { GET as activityRoute } from '@/app/api/dashboard/recent-activity/route';
import { GET as exportRoute } from '@/app/api/dashboard/export/[table]/route';
import { GET as monthlyRoute } from '@/app/api/reports/monthly/route';
import { GET as healthRoute } from '@/app/api/health-check/route';
import { createAppointment } from '@/db/repositories/appointments';
import { listApiRoutes, type ApiRoute } from '@/lib/testing/api-routes';
import { makeUser, makeUserWithToken } from '@/lib/testing/factories';
import { buildOpenApiDocument, getOpenApiDocument } from './document';
import { DOCS_ASSETS, DOCS_ASSET_NAMES } from './docs-page';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import type { Operation as ApiOperation } from '@/lib/api/operation';
import { bookableDoctorListResponseSchema, slotListResponseSchema } from '@/lib/appointments/availability-serialize';
import { appointmentListResponseSchema, appointmentResponseSchema } from '@/lib/appointments/serialize';
import { loginResponseSchema, logoutResponseSchema } from '@/lib/auth/serialize';
import { auditEventListResponseSchema, dashboardStatsResponseSchema } from '@/lib/dashboard/serialize';
import { healthCheckResponseSchema } from '@/lib/health/serialize';
import { patientProfileListResponseSchema, patientProfileResponseSchema } from '@/lib/patients/serialize';
import { icd10ResultsResponseSchema } from '@/lib/records/icd10/serialize';
import { medicalRecordListResponseSchema, medicalRecordResponseSchema, medicalRecordWithHistoryResponseSchema } from '@/lib/records/serialize';
import { monthlyReportResponseSchema } from '@/lib/reports/serialize';
import { userListResponseSchema, userResponseSchema } from '@/lib/users/serialize';
import { API_OPERATIONS } from './api-operations';

const BASE = 'http://127.0.0.1:3999';
/** Route handlers the document leaves out on purpose: next-auth's browser sign-in and the JSON 404 of unknown paths. */
const UNDOCUMENTED = ['/api/auth/{...nextauth}/', '/api/{...path}/'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as unknown as {
  openapi: string; info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Json & { operationId: string; parameters?: Array<{ in: string; name: string; required?: boolean }>; responses: Record<string, Json>; security?: unknown[] }>>;
  components: Json;
};

function req(method: string, path: string, token?: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (params: Record<string, string | number>) => ({ params: Promise.resolve(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))) });
type Handler = (r: Request, c?: unknown) => Promise<Response>;
const call = (h: unknown, r: Request, params: Record<string, string | number> = {}) => (h as Handler)(r, ctx(params));


/** The body parses with `schema` and nothing in it is left undocumented. */
async function expectDocumented(res: Response, status: number, schema: z.ZodType) {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  const body = JSON.parse(text);
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues, text.slice(0, 300)).toEqual([]);
  expect(parsed.data).toEqual(body);
  return body;
}

/** Every `{name}` of a template. */
const templateParams = (t: string) => [...t.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document that says paths also answer without the trailing slash', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('E-Health API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.info.description).toMatch(/also answers without it/);
    expect(Object.keys(doc.components.securitySchemes as Json).sort()).toEqual(['bearerAuth', 'sessionCookie']);
    expect(getOpenApiDocument()).toBe(getOpenApiDocument()); // built once
  });

  it('declares every path parameter, and only those, as required path parameters', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        const op = item[m];
        if (!op) continue;
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), `${m} ${path}`).toEqual(templateParams(path).sort());
        for (const p of declared) expect(p.required, `${m} ${path} ${p.name}`).toBe(true);
        const names = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
        expect(new Set(names).size, `${m} ${path}: a parameter twice`).toBe(names.length);
      }
    }
  });

  it('gives every operation a unique operationId, a summary, a tag and a success response', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        const op = item[m];
        if (!op) continue;
        ids.push(op.operationId);
        expect(op.summary, `${m} ${path}`).toBeTruthy();
        expect((op.tags as string[]).length, `${m} ${path}`).toBe(1);
        expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), `${m} ${path}`).toBe(true);
        for (const [status, r] of Object.entries(op.responses)) {
          expect(r.description ?? r.$ref, `${m} ${path} ${status}`).toBeTruthy();
          if (/^[45]\d\d$/.test(status) && status !== '503') expect(r.$ref, `${m} ${path} ${status}`).toMatch(/^#\/components\/responses\//);
        }
        if (op.requestBody) expect(['post', 'put', 'patch', 'delete']).toContain(m);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
  });

  it('resolves every $ref', () => {
    const refs = new Set<string>();
    JSON.stringify(doc, (k, v) => {
      if (k === '$ref' && typeof v === 'string') refs.add(v);
      return v;
    });
    expect(refs.size).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeTruthy();
    }
  });

  it('documents every route handler method, and only those (both directions)', async () => {
    const routes = await listApiRoutes();
    const expected = new Set<string>();
    for (const r of routes) {
      if (UNDOCUMENTED.includes(r.template)) continue;
      expect(r.catchAll, `${r.template}: a new catch-all needs a decision (document it or add it to UNDOCUMENTED)`).toBe(false);
      for (const m of r.methods) expected.add(`${m} ${r.template}`);
    }
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) for (const m of METHODS) if (item[m]) documented.add(`${m.toUpperCase()} ${path}`);
    expect([...expected].filter((x) => !documented.has(x)), 'route handlers missing from the document (define their operations in lib/<domain>/operations.ts)').toEqual([]);
    expect([...documented].filter((x) => !expected.has(x)), 'documented operations without a route handler').toEqual([]);
    for (const u of UNDOCUMENTED) expect(routes.some((r) => r.template === u), `${u} is gone: drop it from UNDOCUMENTED`).toBe(true);
  });

  describe('the security it states', () => {
    let routes: ApiRoute[];
    let patient: { token: string };
    let doctor: { token: string };
    beforeAll(async () => {
      routes = await listApiRoutes();
      [patient, doctor] = [await makeUserWithToken('patient'), await makeUserWithToken('doctor')];
    });
    const handlerOf = (op: ApiOperation) => routes.find((r) => r.template === op.path)?.module[op.method];
    const paramsOf = (op: ApiOperation) => Object.fromEntries(templateParams(op.path).map((n) => [n, ({ file: 'init.js', id: '1', table: 'patients' } as Record<string, string>)[n] ?? 'x']));
    const concrete = (op: ApiOperation) => op.path.replace(/\{([^}]+)\}/g, (_, n: string) => String(paramsOf(op)[n]));

    it('answers 401 without a caller exactly where a caller is required', async () => {
      for (const op of API_OPERATIONS) {
        const res = await call(handlerOf(op), req(op.method, concrete(op), null, op.method === 'GET' ? undefined : {}), paramsOf(op));
        const required = (op.auth ?? 'required') === 'required';
        expect(res.status === 401, `${op.method} ${op.path} answered ${res.status}`).toBe(required);
        const security = doc.paths[op.path][op.method.toLowerCase()].security as Array<Json>;
        expect(security.some((s) => Object.keys(s).length === 0) || security.length === 0, `${op.method} ${op.path}: security`).toBe(!required);
      }
    });

    it('answers 403 to a role the operation does not list', async () => {
      for (const op of API_OPERATIONS.filter((o) => o.roles)) {
        const outsider = !op.roles!.includes('patient') ? patient : !op.roles!.includes('doctor') ? doctor : null;
        if (!outsider) continue;
        const res = await call(handlerOf(op), req(op.method, concrete(op), outsider.token, op.method === 'GET' ? undefined : {}), paramsOf(op));
        expect(res.status, `${op.method} ${op.path}`).toBe(403);
        expect(doc.paths[op.path][op.method.toLowerCase()].responses['403'], `${op.method} ${op.path} documents 403`).toBeTruthy();
      }
    });
  });
});

describe('real responses match the documented schemas', () => {
  let admin: Awaited<ReturnType<typeof makeUserWithToken>>;
  let doctor: Awaited<ReturnType<typeof makeUserWithToken>>;
  let patient: Awaited<ReturnType<typeof makeUserWithToken>>;
  beforeAll(async () => {
    [admin, doctor, patient] = [await makeUserWithToken('admin'), await makeUserWithToken('doctor'), await makeUserWithToken('patient')];
  });

  it('users, login and logout', async () => {
    await expectDocumented(await call(getUserRoute, req('GET', `/api/users/${patient.id}/`, admin.token), { id: patient.id }), 200, userResponseSchema);
    const page = await expectDocumented(await call(listUsersRoute, req('GET', '/api/users/?page_size=2', admin.token)), 200, userListResponseSchema);
    expect(page.results).toHaveLength(2);
    expect(page.next).toContain('page=2');
    const created = await expectDocumented(await call(createUserRoute, req('POST', '/api/users/', admin.token, {
      role: 'doctor', email: `openapi.${Date.now()}@test.example`, password: 'a temporary one', specialty: 'Paediatrics',
    })), 201, userResponseSchema);
    expect(created.role).toBe('doctor');
    const login = await expectDocumented(await call(loginRoute, req('POST', '/api/auth/login/', null, { email: patient.email, password: patient.password })), 200, loginResponseSchema);
    await expectDocumented(await call(logoutRoute, req('POST', '/api/auth/logout/', login.token)), 200, logoutResponseSchema);
  });

  it('appointments, doctors and slots', async () => {
    const start = new Date(Date.now() + 3 * 3_600_000);
    const appointmentId = await createAppointment({ patientId: patient.id, doctorId: doctor.id, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'pending', createdAt: new Date(), updatedAt: new Date() });
    const page = await expectDocumented(await call(listAppointmentsRoute, req('GET', '/api/appointments/', patient.token)), 200, appointmentListResponseSchema);
    expect(page.results.map((a: { id: number }) => a.id)).toContain(appointmentId);
    await expectDocumented(await call(getAppointmentRoute, req('GET', `/api/appointments/${appointmentId}/`, patient.token), { id: appointmentId }), 200, appointmentResponseSchema);
    const confirmed = await expectDocumented(await call(confirmRoute, req('POST', `/api/appointments/${appointmentId}/confirm/`, doctor.token), { id: appointmentId }), 200, appointmentResponseSchema);
    expect(confirmed.status).toBe('confirmed');
    await expectDocumented(await call(doctorsRoute, req('GET', '/api/doctors/', patient.token)), 200, bookableDoctorListResponseSchema);
    await expectDocumented(await call(slotsRoute, req('GET', `/api/doctors/${doctor.id}/slots/`, patient.token), { id: doctor.id }), 200, slotListResponseSchema);
  });

  it('patient profiles, medical records (with history), the patient history and ICD-10', async () => {
    const profiles = await expectDocumented(await call(listProfilesRoute, req('GET', '/api/patient-profiles/', patient.token)), 200, patientProfileListResponseSchema);
    const profileId = profiles.results[0].id;
    await expectDocumented(await call(getProfileRoute, req('GET', `/api/patient-profiles/${profileId}/`, admin.token), { id: profileId }), 200, patientProfileResponseSchema);
    const record = await expectDocumented(await call(chartRoute, req('POST', '/api/medical-records/', doctor.token, {
      patient_id: patient.id,
      symptoms: 'Cough for a week',
      diagnoses: [{ system: 'ICD-10', code: 'J20.9' }, { system: 'text', display: 'Mild dehydration', certainty: 'provisional' }],
      prescriptions: [{ medicine: 'Amoxicillin', strength: '500 mg', dose: '1 capsule', route: 'oral', frequency: 'three times daily', duration: '5 days' }],
      vital_signs: { systolic_mmhg: 150, diastolic_mmhg: 95, temperature_c: 38.4, weight_kg: 70, height_cm: 170 },
      notes: 'Review in a week.',
    })), 201, medicalRecordResponseSchema);
    expect(record.vital_signs.flags).toBeTruthy();
    await expectDocumented(await call(amendRoute, req('PUT', `/api/medical-records/${record.id}/`, doctor.token, { notes: 'Review in 5 days.', reason: 'typo' }), { id: record.id }), 200, medicalRecordResponseSchema);
    const full = await expectDocumented(await call(getRecordRoute, req('GET', `/api/medical-records/${record.id}/`, patient.token), { id: record.id }), 200, medicalRecordWithHistoryResponseSchema);
    expect(full.history).toHaveLength(1);
    await expectDocumented(await call(historyRoute, req('GET', `/api/medical-records/patient-history/?patient_id=${patient.id}`, doctor.token)), 200, medicalRecordListResponseSchema);
    const icd = await expectDocumented(await call(icd10Route, req('GET', '/api/icd10/?q=malaria', doctor.token)), 200, icd10ResultsResponseSchema);
    expect(icd.results.length).toBeGreaterThan(0);
  });

  it('the dashboard, its exports, the monthly report and the health check', async () => {
    await expectDocumented(await call(statsRoute, req('GET', '/api/dashboard/stats/?granularity=week', admin.token)), 200, dashboardStatsResponseSchema);
    const activity = await expectDocumented(await call(activityRoute, req('GET', '/api/dashboard/recent-activity/', admin.token)), 200, auditEventListResponseSchema);
    expect(activity.count).toBeGreaterThan(0);
    await expectDocumented(await call(activityRoute, req('GET', `/api/dashboard/recent-activity/?actor=${admin.id}&action=user.&from=2020-01-01`, admin.token)), 200, auditEventListResponseSchema);
    await expectDocumented(await call(monthlyRoute, req('GET', '/api/reports/monthly/', admin.token)), 200, monthlyReportResponseSchema);
    const csv = await call(monthlyRoute, req('GET', '/api/reports/monthly/?format=csv', admin.token));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const table = await call(exportRoute, req('GET', '/api/dashboard/export/visits/', admin.token), { table: 'visits' });
    expect(table.status).toBe(200);
    expect(table.headers.get('content-type')).toContain('text/csv');
    expect(table.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const unknown = await expectDocumented(await call(exportRoute, req('GET', '/api/dashboard/export/nope/', admin.token), { table: 'nope' }), 404, errorEnvelopeSchema);
    expect(unknown.error.tables).toContain('visits');
    await expectDocumented(await call(healthRoute, req('GET', '/api/health-check/')), 200, healthCheckResponseSchema);
  });

  it('errors: 400 with fields, 401, 403, 404, 405 and 409 in the envelope', async () => {
    const bad = await expectDocumented(await call(listUsersRoute, req('GET', '/api/users/?page_size=500', admin.token)), 400, errorEnvelopeSchema);
    expect(bad.error.fields.page_size).toBeTruthy();
    await expectDocumented(await call(getUserRoute, req('GET', '/api/users/1/'), { id: 1 }), 401, errorEnvelopeSchema);
    await expectDocumented(await call(listUsersRoute, req('GET', '/api/users/', patient.token)), 403, errorEnvelopeSchema);
    await expectDocumented(await call(getUserRoute, req('GET', '/api/users/999999999/', admin.token), { id: 999999999 }), 404, errorEnvelopeSchema);
    const notAllowed = await expectDocumented(await call(patchUserRoute, req('PATCH', '/api/users/1/', admin.token)), 405, errorEnvelopeSchema);
    expect(notAllowed.error.allowed).toEqual(['GET', 'PUT', 'DELETE']);
    const start = new Date(Date.now() + 5 * 3_600_000);
    const id = await createAppointment({ patientId: patient.id, doctorId: doctor.id, startAt: start, endAt: new Date(start.getTime() + 1_200_000), status: 'cancelled', createdAt: new Date(), updatedAt: new Date() });
    const clash = await expectDocumented(await call(confirmRoute, req('POST', `/api/appointments/${id}/confirm/`, doctor.token), { id }), 409, errorEnvelopeSchema);
    expect(clash.error.code).toBe('conflict');
  });
});

describe('GET /api/openapi.json and /api/docs', () => {
  it('serves the document as JSON, and 405 for other methods', async () => {
    const res = await call(getOpenApi, req('GET', '/api/openapi.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(getOpenApiDocument())));
    expect((await call(postOpenApi, req('POST', '/api/openapi.json'))).status).toBe(405);
  });

  it('serves the page with same-origin assets only, under a strict Content-Security-Policy', async () => {
    const res = await call(getDocs, req('GET', '/api/docs'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const u of urls) expect(u, u).toMatch(/^\/api\/(docs\/assets\/[\w.-]+\?v=[\w.%-]+|openapi\.json)$/);
  });

  it('serves each allow-listed asset with its content type and a long cache, and nothing else', async () => {
    for (const name of DOCS_ASSET_NAMES) {
      const res = await call(getAsset, req('GET', `/api/docs/assets/${name}`), { file: name });
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe(DOCS_ASSETS[name]);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect((await res.arrayBuffer()).byteLength, name).toBeGreaterThan(100);
    }
    for (const name of ['index.html', 'swagger-initializer.js', '../package.json', '..%2Fpackage.json', 'package.json', 'swagger-ui.js']) {
      const res = await call(getAsset, req('GET', `/api/docs/assets/x`), { file: name });
      expect(res.status, name).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});
