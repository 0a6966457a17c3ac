/**
 * No silent duplicate patients, on both databases: the matching rule (same birth date and a close name or
 * the same phone; a shared phone alone passes), self-registration told nothing about the other record,
 * staff shown the candidates until `confirm_new_patient`, and the two races — simultaneous registrations
 * of one person create ONE patient and answer one 409; simultaneous uses of one email (any case) create
 * one account and answer one 409 — through the real functions and the real route handlers.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as createUser } from '@/app/api/users/route';
import { POST as createProfile } from '@/app/api/patient-profiles/route';
import { q, tables } from '@/db';
import { listProfilesByDateOfBirth } from '@/db/repositories/patient-profiles';
import { findUserByEmail } from '@/db/repositories/users';
import { SYSTEM_ACTOR } from '@/lib/audit/audit';
import { AppError } from '@/lib/errors';
import { makeUserWithToken, uniqueIdentity } from '@/lib/testing/factories';
import { toE164 } from '@/core/phone';
import { SELF_REGISTRATION_DUPLICATE_MESSAGE, findMatchingPatients } from './duplicate-guard';
import { registerPatient } from './register-patient';
import { registerPatientSchema } from './schemas';

const BASE = 'http://127.0.0.1:3999';
let address = 0;
/** A request from a client address of its own (self-registration refusals count against an address). */
function req(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': `10.99.${Math.floor(++address / 250)}.${address % 250}` };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
let n = 0;
const email = (tag = 'dup') => `${tag}.${++n}.${Date.now()}@Example.org`;
const person = (over: Record<string, unknown> = {}) => ({ name: 'Wanjiru Kamau', email: email(), password: 'a good password', gender: 'female', ...uniqueIdentity(), ...over });
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as AppError);
const patientsBornOn = async (dob: string) => (await listProfilesByDateOfBirth(dob)).length;
const self = () => ({ ...SYSTEM_ACTOR, clientAddress: `10.98.0.${++address % 250}` });

describe('the matching rule', () => {
  it('matches the same birth date with a close name or the same phone; never a shared phone or a close name alone', async () => {
    const p = person({ name: "Zoë N'Diaye" });
    await registerPatient(registerPatientSchema.parse(p), self());
    const phone = toE164(p.phone) as string;
    const ids = async (over: { name?: string; dateOfBirth?: string | null; phone?: string | null }) =>
      (await findMatchingPatients({ name: p.name, dateOfBirth: p.date_of_birth, phone: null, ...over })).map((c) => c.name);
    expect(await ids({ name: 'zoe ndiaye' })).toEqual(["Zoë N'Diaye"]); // folded: case, accents, apostrophe
    expect(await ids({ name: 'Ndiaye Zoe' })).toEqual(["Zoë N'Diaye"]); // words in another order
    expect(await ids({ name: 'Zoe Ndiay' })).toEqual(["Zoë N'Diaye"]); // a typing slip
    expect(await ids({ name: 'Baraka Otieno', phone })).toEqual(["Zoë N'Diaye"]); // same phone and birth date
    expect(await ids({ name: 'Baraka Otieno' })).toEqual([]);
    expect(await ids({ name: 'Awa Ndiaye', dateOfBirth: uniqueIdentity().date_of_birth, phone })).toEqual([]); // a child on the mother's phone
    expect(await ids({ dateOfBirth: uniqueIdentity().date_of_birth })).toEqual([]); // a namesake born another day
    expect(await ids({ dateOfBirth: null, phone })).toEqual([]); // no birth date: no match
  });
});

describe('self-registration', () => {
  it('answers 409 conflict telling nothing about the other record, writes nothing, counts as a refused registration', async () => {
    const first = person({ name: 'Achieng Odhiambo' });
    await registerPatient(registerPatientSchema.parse(first), self());
    const before = await patientsBornOn(first.date_of_birth);
    const again = person({ name: 'ACHIENG odhiambo', date_of_birth: first.date_of_birth });
    const actor = self();
    const e = await err(registerPatient(registerPatientSchema.parse(again), actor));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'conflict', message: SELF_REGISTRATION_DUPLICATE_MESSAGE, extra: { conflict: 'possible_duplicate' } });
    expect(e.extra).not.toHaveProperty('candidates');
    expect(e.fields).toBeUndefined();
    expect(await patientsBornOn(first.date_of_birth)).toBe(before);
    expect(await findUserByEmail(again.email.toLowerCase())).toBeUndefined();
    const db = await q();
    const attempts = await db.select().from(tables.signInAttempts).where(and(eq(tables.signInAttempts.clientAddress, actor.clientAddress as string), eq(tables.signInAttempts.succeeded, false)));
    expect(attempts.map((a) => a.kind)).toEqual(['registration']); // a refused registration, never a failed sign-in
    // confirm_new_patient from the person themselves changes nothing.
    expect((await err(registerPatient(registerPatientSchema.parse({ ...again, confirm_new_patient: true }), self()))).code).toBe('conflict');
  });

  it('through POST /api/users/ (anyone): 409 with the ask-at-the-clinic message and no candidate, name or number', async () => {
    const first = person({ name: 'Kipchoge Rotich' });
    expect((await createUser(req('POST', '/api/users/', null, first))).status).toBe(201);
    const again = { ...person({ name: 'Kipchoge Rotich', date_of_birth: first.date_of_birth }), confirm_new_patient: true };
    const res = await createUser(req('POST', '/api/users/', null, again));
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'conflict', message: SELF_REGISTRATION_DUPLICATE_MESSAGE, conflict: 'possible_duplicate' } });
    expect(text).not.toMatch(/Kipchoge|EH-\d|candidates/);
    // A patient signed in registering someone is a self-registration too.
    const patient = await makeUserWithToken('patient');
    const byPatient = await createUser(req('POST', '/api/users/', patient.token, { ...again, email: email() }));
    expect(byPatient.status).toBe(409);
    expect((await byPatient.json()).error).not.toHaveProperty('candidates');
  });
});

describe('staff through POST /api/users/', () => {
  it('a doctor or an admin gets 409 with the candidates until confirm_new_patient: true; the override is audited', async () => {
    const first = person({ name: 'Otieno Barasa' });
    const made = await (await createUser(req('POST', '/api/users/', null, first))).json();
    const admin = await makeUserWithToken('admin');
    const twin = person({ name: 'Barasa Otieno', date_of_birth: first.date_of_birth });
    const res = await createUser(req('POST', '/api/users/', admin.token, twin));
    expect(res.status).toBe(409);
    const e = (await res.json()).error;
    expect(e).toMatchObject({ code: 'conflict', conflict: 'possible_duplicate' });
    expect(e.candidates).toHaveLength(1);
    expect(e.candidates[0]).toMatchObject({ user_id: made.id, name: 'Otieno Barasa', date_of_birth: first.date_of_birth, is_active: true, matches: ['date_of_birth_and_name'] });
    expect(e.candidates[0].id).toBeTypeOf('number');
    expect(e.candidates[0].patient_number).toMatch(/^EH-\d{6}$/);
    expect(await findUserByEmail(twin.email.toLowerCase())).toBeUndefined();

    const ok = await createUser(req('POST', '/api/users/', admin.token, { ...twin, confirm_new_patient: true }));
    expect(ok.status).toBe(201);
    const created = await ok.json();
    const db = await q();
    const [audit] = await db.select().from(tables.auditEvents).where(and(eq(tables.auditEvents.action, 'patient.register'), eq(tables.auditEvents.entityId, created.id)));
    expect(audit.details).toEqual({ confirmedNewPatientDespite: [made.id] });

    const doctor = await makeUserWithToken('doctor');
    const third = await createUser(req('POST', '/api/users/', doctor.token, person({ name: 'Otieno Barasa', date_of_birth: first.date_of_birth })));
    expect(third.status).toBe(409);
    expect((await third.json()).error.candidates.map((c: { user_id: number }) => c.user_id).sort()).toEqual([made.id, created.id].sort());
  });
});

describe('races', () => {
  it('two simultaneous self-registrations of one person create one patient and answer one 409 (functions)', async () => {
    const one = person({ name: 'Njeri Wambui' });
    const inputs = [one, { ...one, email: email() }, { ...one, name: 'NJERI wambui', email: email() }].map((p) => registerPatientSchema.parse(p));
    const results = await Promise.allSettled(inputs.map((i) => registerPatient(i, self())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as AppError);
    expect(refused.map((e) => [e.code, e.extra?.conflict])).toEqual([['conflict', 'possible_duplicate'], ['conflict', 'possible_duplicate']]);
    expect(await patientsBornOn(one.date_of_birth)).toBe(1);
  });

  it('two simultaneous registrations of one person through the route handlers: one 201, one 409, one patient', async () => {
    const doctor = await makeUserWithToken('doctor');
    const one = person({ name: 'Mwangi Kariuki' });
    const [a, b] = await Promise.all([
      createUser(req('POST', '/api/users/', null, one)),
      createUser(req('POST', '/api/users/', null, { ...one, email: email() })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await patientsBornOn(one.date_of_birth)).toBe(1);

    // A walk-in and a self-registration of one person at the same moment: one patient as well.
    const two = person({ name: 'Chebet Langat' });
    const walkIn = { name: two.name, date_of_birth: two.date_of_birth, gender: 'female', contact_info: { phone: two.phone } };
    const [c, d, e] = await Promise.all([
      createProfile(req('POST', '/api/patient-profiles/', doctor.token, walkIn)),
      createUser(req('POST', '/api/users/', null, two)),
      createProfile(req('POST', '/api/patient-profiles/', doctor.token, walkIn)),
    ]);
    expect([c.status, d.status, e.status].sort()).toEqual([201, 409, 409]);
    expect(await patientsBornOn(two.date_of_birth)).toBe(1);
  });

  it('two simultaneous registrations with one email in different cases: one account, one 409 email_taken', async () => {
    const shared = email('race');
    const [a, b] = await Promise.all([
      createUser(req('POST', '/api/users/', null, person({ name: 'Amina Hassan', email: shared }))),
      createUser(req('POST', '/api/users/', null, person({ name: 'Fatuma Ali', email: shared.toUpperCase() }))),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = await (a.status === 409 ? a : b).json();
    expect(refused.error).toMatchObject({ code: 'conflict', conflict: 'email_taken', fields: { email: [expect.stringMatching(/already exists/)] } });
    const db = await q();
    expect(await db.select().from(tables.users).where(eq(tables.users.email, shared.toLowerCase()))).toHaveLength(1);

    // The same through the walk-in door and staff creation.
    const admin = await makeUserWithToken('admin');
    const walkInEmail = email('walkin');
    const walkIn = (name: string, mail: string) => ({ name, gender: 'male', email: mail, ...uniqueIdentity() });
    const [c, d] = await Promise.all([
      createProfile(req('POST', '/api/patient-profiles/', admin.token, walkIn('Juma Omondi', walkInEmail))),
      createProfile(req('POST', '/api/patient-profiles/', admin.token, walkIn('Kamau Njoroge', walkInEmail.toUpperCase()))),
    ]);
    expect([c.status, d.status].sort()).toEqual([201, 409]);
    expect((await (c.status === 409 ? c : d).json()).error).toMatchObject({ code: 'conflict', conflict: 'email_taken' });
    const staffEmail = email('staff');
    const staff = (mail: string) => ({ role: 'doctor', email: mail, password: 'temporary-pass-1' });
    const [e, f] = await Promise.all([
      createUser(req('POST', '/api/users/', admin.token, staff(staffEmail))),
      createUser(req('POST', '/api/users/', admin.token, staff(staffEmail.toUpperCase()))),
    ]);
    expect([e.status, f.status].sort()).toEqual([201, 409]);
    expect((await (e.status === 409 ? e : f).json()).error.code).toBe('conflict');
  });
});

describe('email in any case is a 409 conflict wherever it is set', () => {
  it('self-registration, staff creation and the walk-in door', async () => {
    const admin = await makeUserWithToken('admin');
    const taken = person();
    expect((await createUser(req('POST', '/api/users/', null, taken))).status).toBe(201);
    const upper = taken.email.toUpperCase();
    const selfAgain = await createUser(req('POST', '/api/users/', null, person({ email: upper })));
    expect(selfAgain.status).toBe(409);
    expect((await selfAgain.json()).error).toMatchObject({ code: 'conflict', conflict: 'email_taken' });
    const staff = await createUser(req('POST', '/api/users/', admin.token, { role: 'admin', email: upper, password: 'temporary-pass-1' }));
    expect(staff.status).toBe(409);
    const walkIn = await createProfile(req('POST', '/api/patient-profiles/', admin.token, { name: 'Other Person', gender: 'male', email: upper, ...uniqueIdentity() }));
    expect(walkIn.status).toBe(409);
    expect((await walkIn.json()).error).toMatchObject({ code: 'conflict', conflict: 'email_taken' });
  });
});
