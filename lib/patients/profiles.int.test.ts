/**
 * Patient profiles through the services on both databases: who reads and edits what, E.164 phones and
 * names kept exactly, allergies as JSON, validation (dates of birth at their boundaries, 29 February),
 * nothing written on a refusal, duplicate detection before a walk-in registration and its override,
 * deactivation instead of deletion, role-filtered lists.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { q, tables } from '@/db';
import { createAppointment } from '@/db/repositories/appointments';
import { findPatientProfileByUserId } from '@/db/repositories/patient-profiles';
import { findUserById } from '@/db/repositories/users';
import { actorOf, type CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/factories';
import { addDays, clinicToday } from '@/core/time';
import { createPatientByStaff } from './create-patient-by-staff';
import { deactivatePatient } from './deactivate-patient';
import { editDistance, findPossibleDuplicates, namesAreClose } from './find-possible-duplicates';
import { getPatientProfile } from './get-patient-profile';
import { listPatientProfiles } from './list-patient-profiles';
import { createPatientByStaffSchema, patientProfileFormSchema, updatePatientProfileSchema } from './schemas';
import { serializePatientProfile } from './serialize';
import { updatePatientProfile } from './update-patient-profile';

async function current(id: number): Promise<CurrentUser> {
  const u = (await findUserById(id))!;
  return { id: u.id, name: u.name, email: u.email, role: u.role, via: 'session', mustChangePassword: false };
}
async function link(doctorId: number, patientId: number) {
  const now = new Date();
  await createAppointment({ patientId, doctorId, startAt: now, endAt: new Date(now.getTime() + 1_200_000), status: 'completed', createdAt: now, updatedAt: now });
}
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as AppError);
async function rowsOf(userId: number) {
  const row = (await findPatientProfileByUserId(userId))!;
  return JSON.parse(JSON.stringify(row)) as unknown;
}
async function auditOf(action: string, patientId: number) {
  const db = await q();
  const a = tables.auditEvents;
  return db.select().from(a).where(and(eq(a.action, action), eq(a.patientId, patientId)));
}
let phoneSeq = 0;
/** A unique, valid Kenyan mobile number as typed locally (`07…`) and its E.164 form. */
function newPhone() {
  const local = `0711${String(++phoneSeq).padStart(6, '0')}`;
  return { local, e164: `+254${local.slice(1)}` };
}
let dobSeq = 0;
/** A date of birth no other patient of this file's database has. */
const uniqueDob = () => addDays('1960-01-01', -(++dobSeq) * 7);

describe('a patient edits their own profile', () => {
  it('stores phones as E.164, keeps accents and apostrophes exactly, round-trips allergies as JSON, audits the fields changed', async () => {
    const p = await makeUser('patient');
    const me = await current(p.id);
    const input = updatePatientProfileSchema.parse({
      contact_info: { phone: '0712 345 678', address: "Rue de l'Église 4, Thiès" },
      emergency_contact_info: { name: 'Ngozi O’Brien-Adébáyọ̀', relationship: 'sœur', phone: '+234 803 123 4567' },
      allergies: [{ substance: 'Pénicilline', reaction: 'urticaire', severity: 'severe' }, { substance: 'Groundnuts', reaction: '', severity: null }],
      medical_history: 'Asthme depuis l’enfance.\nAppendicectomie 2019.',
    });
    const out = await updatePatientProfile({ user: me, actor: actorOf(me), userId: p.id, input });
    expect(out).toMatchObject({
      phone: '+254712345678', address: "Rue de l'Église 4, Thiès",
      emergencyContact: { name: 'Ngozi O’Brien-Adébáyọ̀', relationship: 'sœur', phone: '+2348031234567' },
      allergies: [{ substance: 'Pénicilline', reaction: 'urticaire', severity: 'severe' }, { substance: 'Groundnuts' }],
      medicalHistory: 'Asthme depuis l’enfance.\nAppendicectomie 2019.',
    });
    const stored = (await findPatientProfileByUserId(p.id))!;
    expect(stored.patient.allergies).toEqual([{ substance: 'Pénicilline', reaction: 'urticaire', severity: 'severe' }, { substance: 'Groundnuts' }]);
    expect(stored.patient.emergencyContactName).toBe('Ngozi O’Brien-Adébáyọ̀');
    expect(stored.user.phone).toBe('+254712345678');
    const json = serializePatientProfile(await getPatientProfile({ user: me, actor: actorOf(me), userId: p.id }));
    expect(json.allergies).toEqual(stored.patient.allergies);
    expect(json.emergency_contact_info).toEqual({ name: 'Ngozi O’Brien-Adébáyọ̀', relationship: 'sœur', phone: '+2348031234567' });
    const events = await auditOf('patient.update', p.id);
    expect(events).toHaveLength(1);
    expect(events[0].details).toEqual({ fields: ['contact_info.phone', 'contact_info.address', 'allergies', 'medical_history', 'emergency_contact_info'] });
    // Saving the same values again changes nothing and writes nothing.
    await updatePatientProfile({ user: me, actor: actorOf(me), userId: p.id, input });
    expect((await findPatientProfileByUserId(p.id))!.patient.updatedAt.getTime()).toBe(stored.patient.updatedAt.getTime());
    expect(await auditOf('patient.update', p.id)).toHaveLength(1);
  });

  it('cannot edit another patient (403, nothing written)', async () => {
    const [p, other] = await Promise.all([makeUser('patient'), makeUser('patient')]);
    const me = await current(p.id);
    const before = await rowsOf(other.id);
    const e = await err(updatePatientProfile({ user: me, actor: actorOf(me), userId: other.id, input: updatePatientProfileSchema.parse({ medical_history: 'mine now' }) }));
    expect(e.code).toBe('forbidden');
    expect(await rowsOf(other.id)).toEqual(before);
    expect((await err(getPatientProfile({ user: me, actor: actorOf(me), userId: other.id }))).code).toBe('forbidden');
  });

  it('cannot change the clinic number, role or account status (ignored), nor name, birth date, sex or blood type (403, nothing written)', async () => {
    const p = await makeUser('patient', { name: 'Wanjiru Kamau' });
    const me = await current(p.id);
    const before = (await findPatientProfileByUserId(p.id))!;
    const sneaky = updatePatientProfileSchema.parse({ patient_number: 'EH-999999', role: 'admin', is_active: false, user_id: 1, id: 1, email: 'x@y.z', medical_history: 'ok' });
    expect(Object.keys(sneaky).filter((k) => (sneaky as Record<string, unknown>)[k] !== undefined)).toEqual(['medical_history']);
    await updatePatientProfile({ user: me, actor: actorOf(me), userId: p.id, input: sneaky });
    const after = (await findPatientProfileByUserId(p.id))!;
    expect(after.patient.patientNumber).toBe(before.patient.patientNumber);
    expect(after.user).toMatchObject({ role: 'patient', isActive: true, email: before.user.email, sessionVersion: before.user.sessionVersion });
    expect(after.patient.medicalHistory).toBe('ok');

    const snapshot = await rowsOf(p.id);
    const e = await err(updatePatientProfile({ user: me, actor: actorOf(me), userId: p.id, input: updatePatientProfileSchema.parse({ name: 'Queen Wanjiru', blood_type: 'AB+', contact_info: { phone: '0722 000 111' } }) }));
    expect(e.code).toBe('forbidden');
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['blood_type', 'name']);
    expect(await rowsOf(p.id)).toEqual(snapshot); // the phone in the same request was not saved either
    // Sending back the unchanged values (a fetched profile) is fine.
    await updatePatientProfile({ user: me, actor: actorOf(me), userId: p.id, input: updatePatientProfileSchema.parse({ name: 'Wanjiru Kamau', gender: 'unknown', blood_type: null, medical_history: 'ok' }) });
  });
});

describe('staff edit profiles', () => {
  it('a linked doctor edits demographics and contact; an unlinked doctor reads demographics only and cannot edit; an admin does everything', async () => {
    const [doctor, stranger, admin, p] = await Promise.all([makeUser('doctor'), makeUser('doctor'), makeUser('admin'), makeUser('patient')]);
    await link(doctor.id, p.id);
    const d = await current(doctor.id);
    const dob = addDays(clinicToday(), -365 * 30);
    const out = await updatePatientProfile({ user: d, actor: actorOf(d), userId: p.id, input: updatePatientProfileSchema.parse({
      name: "  Zoë N'Diaye-Okonkwo ", date_of_birth: dob, gender: 'female', blood_type: 'O-', allergies: [{ substance: 'Sulfa', severity: 'moderate' }],
    }) });
    expect(out).toMatchObject({ name: "Zoë N'Diaye-Okonkwo", dateOfBirth: dob, sex: 'female', bloodType: 'O-', allergies: [{ substance: 'Sulfa', severity: 'moderate' }] });
    expect((await findUserById(p.id))!.nameFolded).toBe("zoe n'diaye-okonkwo");

    const s = await current(stranger.id);
    const seen = await getPatientProfile({ user: s, actor: actorOf(s), userId: p.id });
    expect(seen).toMatchObject({ name: "Zoë N'Diaye-Okonkwo", dateOfBirth: dob, allergies: null, medicalHistory: null, clinicalAccess: false });
    expect((await auditOf('patient.view', p.id)).map((x) => x.details)).toEqual([{ clinical: false }]);
    const before = await rowsOf(p.id);
    expect((await err(updatePatientProfile({ user: s, actor: actorOf(s), userId: p.id, input: updatePatientProfileSchema.parse({ blood_type: 'A+' }) }))).code).toBe('forbidden');
    expect(await rowsOf(p.id)).toEqual(before);
    expect((await getPatientProfile({ user: d, actor: actorOf(d), userId: p.id })).allergies).toEqual([{ substance: 'Sulfa', severity: 'moderate' }]);

    const a = await current(admin.id);
    const byAdmin = await updatePatientProfile({ user: a, actor: actorOf(a), profileId: out.id, input: updatePatientProfileSchema.parse({ blood_type: null, emergency_contact_info: null, contact_info: { phone: '', address: null } }) });
    expect(byAdmin).toMatchObject({ bloodType: null, phone: null, address: null, emergencyContact: { name: null, relationship: null, phone: null } });
  });

  it('404 for a profile that does not exist, and a doctor is not a patient', async () => {
    const [admin, doctor] = await Promise.all([makeUser('admin'), makeUser('doctor')]);
    const a = await current(admin.id);
    expect((await err(getPatientProfile({ user: a, actor: actorOf(a), profileId: 987_654_321 }))).code).toBe('not_found');
    expect((await err(getPatientProfile({ user: a, actor: actorOf(a), userId: doctor.id }))).code).toBe('not_found');
    expect((await err(updatePatientProfile({ user: a, actor: actorOf(a), profileId: 987_654_321, input: {} }))).code).toBe('not_found');
  });
});

describe('validation', () => {
  afterEach(() => { vi.useRealTimers(); });

  const dobError = (date_of_birth: string) => {
    const r = updatePatientProfileSchema.safeParse({ date_of_birth });
    return r.success ? null : r.error.issues[0].message;
  };

  it('dates of birth: not in the future, not over 130 years ago, real dates only; 29 February handled (clinic today)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 22:00 UTC on 28 Feb is already 29 Feb in Nairobi: the clinic's today counts.
    vi.setSystemTime(new Date('2028-02-28T22:00:00Z'));
    expect(dobError('2028-02-29')).toBeNull();
    expect(dobError('2028-03-01')).toMatch(/future/);
    expect(dobError('1898-02-28')).toBeNull(); // exactly 130 years (29 Feb 1898 does not exist)
    expect(dobError('1898-02-27')).toMatch(/130 years/);
    expect(dobError('1900-02-29')).toMatch(/real date/); // 1900 was not a leap year
    expect(dobError('2000-02-29')).toBeNull();
    expect(dobError('2027-02-29')).toMatch(/real date/);
    expect(dobError('2024-13-01')).toMatch(/real date/);
    expect(dobError('1 March 1990')).toMatch(/YYYY-MM-DD/);

    vi.setSystemTime(new Date('2026-02-28T09:00:00Z'));
    expect(dobError('1896-02-29')).toBeNull(); // 129 until 1 March
    expect(dobError('1896-02-28')).toBeNull();
    expect(dobError('1896-02-27')).toMatch(/130 years/);
    vi.setSystemTime(new Date('2026-03-01T09:00:00Z'));
    expect(dobError('1896-02-29')).toMatch(/130 years/);
    expect(dobError('1896-03-01')).toBeNull();
  });

  it('field errors name the field, keep the form row numbers, and refuse bad phones, severities, blood types and half emergency contacts', () => {
    const r = patientProfileFormSchema.safeParse({
      'contact_info.phone': '12', 'contact_info.address': '',
      'emergency_contact_info.name': 'Baraka', 'emergency_contact_info.relationship': '', 'emergency_contact_info.phone': '',
      'allergies.0.substance': 'Latex', 'allergies.1.substance': '', 'allergies.2.substance': '', 'allergies.2.reaction': 'swelling',
      'allergies.3.substance': 'Aspirin', 'allergies.3.severity': 'deadly', 'allergies.4.substance': 'latex',
      medical_history: 'x'.repeat(8001),
    });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(Object.keys(fields).sort()).toEqual(['allergies.2.substance', 'allergies.3.severity', 'allergies.4.substance', 'contact_info.phone', 'emergency_contact_info.phone', 'medical_history']);
    expect(fields['allergies.4.substance']).toMatch(/twice/);
    expect(updatePatientProfileSchema.safeParse({ blood_type: 'C+' }).success).toBe(false);
    expect(updatePatientProfileSchema.safeParse({ name: '1234' }).success).toBe(false);
  });

  it('a valid form: blank allergy rows dropped, blanks clear, names in any script kept', () => {
    const out = patientProfileFormSchema.parse({
      'contact_info.phone': '', 'contact_info.address': '  ', 'emergency_contact_info.name': 'أمينة محمد', 'emergency_contact_info.relationship': 'أخت', 'emergency_contact_info.phone': '0733 111 222',
      'allergies.0.substance': '', 'allergies.1.substance': 'Chloroquine', 'allergies.1.severity': 'mild', medical_history: '',
    });
    expect(out).toEqual({
      contact_info: { phone: null, address: null },
      emergency_contact_info: { name: 'أمينة محمد', relationship: 'أخت', phone: '+254733111222' },
      allergies: [{ substance: 'Chloroquine', severity: 'mild' }],
      medical_history: null,
    });
  });
});

describe('possible duplicates', () => {
  it('names: folded equal, reordered, a middle name more or less, up to 2 edits; not different people', () => {
    expect(namesAreClose("Zoë N'Diaye", 'zoe ndiaye')).toBe(true);
    expect(namesAreClose('Okonkwo Chidi', 'Chidi Okonkwo')).toBe(true);
    expect(namesAreClose('Amina Njoroge', 'Amina Wanjiru Njoroge')).toBe(true);
    expect(namesAreClose('Wanjiku Kamau', 'Wanjiku Kamua')).toBe(true);
    expect(namesAreClose('أمينة محمد', 'محمد أمينة')).toBe(true);
    expect(namesAreClose('John Otieno', 'Mary Achieng')).toBe(false);
    expect(namesAreClose('Ali', 'Eli')).toBe(false); // too short for the edit rule
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba', 2)).toBe(2);
  });

  it('walk-in registration: same birth date and a close name or the same phone → 409 with candidates, nothing written; a shared phone alone passes; confirmed → saved and audited', async () => {
    const [doctor, patientUser] = await Promise.all([makeUser('doctor'), makeUser('patient')]);
    const d = await current(doctor.id);
    const dob = uniqueDob();
    const phone = newPhone();
    const first = await createPatientByStaff({ user: d, actor: actorOf(d), input: createPatientByStaffSchema.parse({ name: "Zoë N'Diaye", date_of_birth: dob, gender: 'female', phone: phone.local }) });
    expect(first).toMatchObject({ name: "Zoë N'Diaye", phone: phone.e164, dateOfBirth: dob, email: null, isActive: true });
    expect(first.patientNumber).toMatch(/^EH-\d{6}$/);
    expect((await findUserById(first.userId))!.passwordHash).toBeNull();

    const count = async () => (await listPatientProfiles({ user: await current((await makeUser('admin')).id), actor: { userId: null, kind: 'system' }, q: first.name, page: { limit: 100, offset: 0 } })).count;
    const n0 = await count();
    for (const name of ['zoe ndiaye', "N'DIAYE Zoé", 'Zoe Ndiay', 'Zoë Awa N’Diaye']) {
      const e = await err(createPatientByStaff({ user: d, actor: actorOf(d), input: createPatientByStaffSchema.parse({ name, date_of_birth: dob, gender: 'female', phone: newPhone().local }) }));
      expect(e.code, name).toBe('conflict');
      expect(e.extra).toMatchObject({ conflict: 'possible_duplicate', candidates: [{ user_id: first.userId, name: "Zoë N'Diaye", date_of_birth: dob, phone: phone.e164, patient_number: first.patientNumber, matches: ['date_of_birth_and_name'] }] });
    }
    // The same phone and birth date under another name blocks too.
    const byPhone = await err(createPatientByStaff({ user: d, actor: actorOf(d), input: createPatientByStaffSchema.parse({ name: 'Somebody Else', date_of_birth: dob, gender: 'male', phone: phone.e164 }) }));
    expect(byPhone.extra).toMatchObject({ conflict: 'possible_duplicate', candidates: [{ user_id: first.userId, matches: ['phone'] }] });
    expect(await count()).toBe(n0);
    // A shared phone alone does not (a mother and her child): registered without a question.
    const child = await createPatientByStaff({ user: d, actor: actorOf(d), input: createPatientByStaffSchema.parse({ name: 'Awa Ndiaye', date_of_birth: uniqueDob(), gender: 'female', phone: phone.e164 }) });
    expect(child.phone).toBe(phone.e164);

    // A different birth date and phone: no question asked.
    await createPatientByStaff({ user: d, actor: actorOf(d), input: createPatientByStaffSchema.parse({ name: "Zoë N'Diaye", date_of_birth: uniqueDob(), gender: 'female', phone: newPhone().local }) });

    const twin = await createPatientByStaff({ user: d, actor: actorOf(d), input: createPatientByStaffSchema.parse({ name: 'Zoe Ndiaye', date_of_birth: dob, gender: 'female', phone: newPhone().local, confirm_new_patient: 'true' }) });
    expect(twin.userId).not.toBe(first.userId);
    const [created] = await auditOf('patient.create', twin.userId);
    expect(created.details).toEqual({ by: 'doctor', confirmedNotDuplicateOf: [first.userId] });
    expect((await findPossibleDuplicates({ name: 'zoe ndiaye', dateOfBirth: dob })).map((c) => c.userId).sort()).toEqual([first.userId, twin.userId].sort());
    expect(await findPossibleDuplicates({ name: 'zoe ndiaye', dateOfBirth: dob, excludeUserId: first.userId })).toHaveLength(1);

    // Patients do not register others.
    const pu = await current(patientUser.id);
    expect((await err(createPatientByStaff({ user: pu, actor: actorOf(pu), input: createPatientByStaffSchema.parse({ name: 'X Y', date_of_birth: uniqueDob(), gender: 'male', phone: newPhone().local }) }))).code).toBe('forbidden');
  });

  it('an email already used is a 409 email_taken; an optional email is stored in lower case', async () => {
    const [admin, existing] = await Promise.all([makeUser('admin'), makeUser('patient')]);
    const a = await current(admin.id);
    const e = await err(createPatientByStaff({ user: a, actor: actorOf(a), input: createPatientByStaffSchema.parse({ name: 'Kofi Mensah', date_of_birth: uniqueDob(), gender: 'male', phone: newPhone().local, email: existing.email.toUpperCase() }) }));
    expect(e).toMatchObject({ code: 'conflict', extra: { conflict: 'email_taken' } });
    expect(e.fields?.email).toBeDefined();
    const email = `Kofi.${Date.now()}@Example.org`;
    const made = await createPatientByStaff({ user: a, actor: actorOf(a), input: createPatientByStaffSchema.parse({ name: 'Kofi Mensah', date_of_birth: uniqueDob(), gender: 'male', phone: newPhone().local, email, blood_type: 'B+' }) });
    expect(made).toMatchObject({ email: email.toLowerCase(), bloodType: 'B+' });
  });
});

describe('deactivation instead of deletion', () => {
  it('admin only; the account is deactivated and its sessions end; the profile and clinical rows stay; idempotent', async () => {
    const [admin, doctor, p] = await Promise.all([makeUser('admin'), makeUser('doctor'), makeUser('patient')]);
    await link(doctor.id, p.id);
    const profile = (await findPatientProfileByUserId(p.id))!;
    const d = await current(doctor.id);
    expect((await err(deactivatePatient({ user: d, actor: actorOf(d), profileId: profile.patient.id }))).code).toBe('forbidden');
    const pu = await current(p.id);
    expect((await err(deactivatePatient({ user: pu, actor: actorOf(pu), profileId: profile.patient.id }))).code).toBe('forbidden');

    const a = await current(admin.id);
    const out = await deactivatePatient({ user: a, actor: actorOf(a), profileId: profile.patient.id });
    expect(out).toMatchObject({ id: profile.patient.id, userId: p.id, isActive: false, patientNumber: profile.patient.patientNumber });
    const after = (await findPatientProfileByUserId(p.id))!;
    expect(after.user).toMatchObject({ isActive: false, sessionVersion: profile.user.sessionVersion + 1 });
    const db = await q();
    expect(await db.select().from(tables.appointments).where(eq(tables.appointments.patientId, p.id))).toHaveLength(1);
    await deactivatePatient({ user: a, actor: actorOf(a), profileId: profile.patient.id });
    expect((await findUserById(p.id))!.sessionVersion).toBe(profile.user.sessionVersion + 1);
    expect(await auditOf('patient.deactivate', p.id)).toHaveLength(1);
    expect((await err(deactivatePatient({ user: a, actor: actorOf(a), profileId: 987_654_321 }))).code).toBe('not_found');
  });
});

describe('lists', () => {
  it('a patient lists only themselves, a doctor their linked patients, an admin everyone; ?q= by name, phone or number', async () => {
    const tag = `Qz${Date.now().toString(36)}`;
    const [doctor, admin] = await Promise.all([makeUser('doctor'), makeUser('admin')]);
    const [p1, p2, p3] = await Promise.all([1, 2, 3].map((i) => makeUser('patient', { name: `Émilie ${tag} ${i}` })));
    await link(doctor.id, p1.id);
    const now = new Date();
    const db = await q();
    await db.insert(tables.medicalRecords).values({ patientId: p2.id, doctorId: doctor.id, status: 'final', version: 1, createdAt: now, updatedAt: now });
    const list = async (id: number, qText?: string) => { const u = await current(id); return listPatientProfiles({ user: u, actor: actorOf(u), q: qText, page: { limit: 50, offset: 0 } }); };

    const own = await list(p3.id);
    expect(own.count).toBe(1);
    expect(own.rows[0].userId).toBe(p3.id);
    const mine = await list(doctor.id);
    expect(mine.rows.map((r) => r.userId).sort()).toEqual([p1.id, p2.id].sort());
    expect(mine.rows.every((r) => r.clinicalAccess)).toBe(true);
    const listed = (await db.select().from(tables.auditEvents).where(and(eq(tables.auditEvents.action, 'patient.list'), eq(tables.auditEvents.actorUserId, doctor.id))));
    expect(listed.map((x) => x.details)).toEqual([{ patientIds: mine.rows.map((r) => r.userId) }]);
    const all = await list(admin.id, `emilie ${tag.toLowerCase()}`);
    expect(all.rows.map((r) => r.userId)).toEqual([p1.id, p2.id, p3.id]);

    const phone = newPhone();
    const a = await current(admin.id);
    await updatePatientProfile({ user: a, actor: actorOf(a), userId: p3.id, input: updatePatientProfileSchema.parse({ contact_info: { phone: phone.local } }) });
    expect((await list(admin.id, phone.local)).rows.map((r) => r.userId)).toEqual([p3.id]);
    expect((await list(admin.id, phone.e164)).rows.map((r) => r.userId)).toEqual([p3.id]);
    const number = (await findPatientProfileByUserId(p2.id))!.patient.patientNumber;
    expect((await list(admin.id, number.toLowerCase())).rows.map((r) => r.userId)).toEqual([p2.id]);
    expect((await list(doctor.id, tag)).count).toBe(2);
    expect((await list(admin.id, '50%_!')).count).toBe(0); // LIKE wildcards taken literally
  });
});
