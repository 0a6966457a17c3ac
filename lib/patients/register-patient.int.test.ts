/** Patient self-registration: validation (dates, phones, names in any script), duplicates, the profile created. */
import { describe, expect, it } from 'vitest';
import { findPatientByUserId } from '@/db/repositories/patients';
import { findUserById } from '@/db/repositories/users';
import { verifyPassword } from '@/lib/auth/password';
import { SYSTEM_ACTOR } from '@/lib/audit/audit';
import { AppError } from '@/lib/errors';
import { resetEnv } from '@/core/env';
import { addDays, ageOn, clinicToday } from '@/core/time';
import { registerPatient } from './register-patient';
import { registerPatientSchema } from './schemas';
import { uniqueIdentity } from '@/lib/testing/factories';

let n = 0;
// A birth date and phone of its own per call: registrations of the same name, birth date and phone are
// refused as possible duplicates (lib/patients/duplicate-guard.ts).
const valid = (over: Record<string, unknown> = {}) => ({
  name: "Zoë N'Diaye-Okonkwo", email: `Reg${++n}.${Date.now()}@Test.Example`, password: 'a strong pass', ...uniqueIdentity(), gender: 'female', ...over,
});
const fieldErrors = (input: unknown) => {
  const r = registerPatientSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('registerPatientSchema', () => {
  it('normalises email to lower case and phone to E.164 (KE by default), keeps the name exactly', () => {
    const r = registerPatientSchema.parse(valid({ email: '  Mixed.Case@Example.ORG ', phone: '0712 345 678' }));
    expect(r.email).toBe('mixed.case@example.org');
    expect(r.phone).toBe('+254712345678');
    expect(r.name).toBe("Zoë N'Diaye-Okonkwo");
    expect(registerPatientSchema.parse(valid({ name: 'أمينة محمد' })).name).toBe('أمينة محمد');
    expect(registerPatientSchema.parse(valid({ phone: '+234 803 123 4567' })).phone).toBe('+2348031234567');
  });

  it('refuses a future date of birth, one over 130 years ago, and impossible dates', () => {
    expect(fieldErrors(valid({ date_of_birth: addDays(clinicToday(), 1) })).date_of_birth).toMatch(/future/);
    expect(fieldErrors(valid({ date_of_birth: '1850-01-01' })).date_of_birth).toMatch(/130 years/);
    expect(fieldErrors(valid({ date_of_birth: '2023-02-29' })).date_of_birth).toMatch(/real date/);
    expect(fieldErrors(valid({ date_of_birth: '12/04/1990' })).date_of_birth).toMatch(/YYYY-MM-DD/);
    expect(fieldErrors(valid({ date_of_birth: '2024-02-29' }))).toEqual({});
  });

  it('refuses a name without a letter and a password of spaces', () => {
    const e = fieldErrors(valid({ name: '\u200b\u200b', password: '         ' }));
    expect(e.name).toMatch(/letter/);
    expect(e.password).toMatch(/spaces/);
  });

  it('refuses bad phones, bad emails, short passwords, unknown sex', () => {
    const e = fieldErrors(valid({ phone: '12', email: 'not-an-email', password: 'short', gender: 'x' }));
    expect(Object.keys(e).sort()).toEqual(['email', 'gender', 'password', 'phone']);
  });
});

describe('ageOn', () => {
  it('counts a 29 February birthday as reached on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
    expect(ageOn('1990-12-01', '2026-11-30')).toBe(35);
    expect(ageOn('1990-12-01', '2026-12-01')).toBe(36);
  });
});

describe('registerPatient', () => {
  it('creates an account and a profile with a clinic patient number', async () => {
    const input = registerPatientSchema.parse(valid({ date_of_birth: '1990-04-12', phone: '0712 345 678' }));
    const { userId, patientNumber } = await registerPatient(input, SYSTEM_ACTOR);
    expect(patientNumber).toMatch(/^EH-\d{6}$/);
    const user = await findUserById(userId);
    expect(user).toMatchObject({ role: 'patient', email: input.email, name: "Zoë N'Diaye-Okonkwo", nameFolded: "zoe n'diaye-okonkwo", phone: '+254712345678', isActive: true });
    expect(await verifyPassword(user!.passwordHash!, 'a strong pass')).toBe(true);
    expect(await findPatientByUserId(userId)).toMatchObject({ patientNumber, dateOfBirth: '1990-04-12', sex: 'female', allergies: [] });
  });

  it('refuses an email already taken in another case, and writes nothing', async () => {
    const first = registerPatientSchema.parse(valid());
    await registerPatient(first, SYSTEM_ACTOR);
    const again = registerPatientSchema.parse(valid({ email: first.email.toUpperCase(), name: 'Someone Else' }));
    const err = await registerPatient(again, SYSTEM_ACTOR).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    // 409 conflict (was a 400 validation error), with the field error kept for the form.
    expect(err).toMatchObject({ code: 'conflict', extra: { conflict: 'email_taken' } });
    expect((err as AppError).fields?.email?.[0]).toMatch(/already exists/);
  });

  it('counts probes of registered emails against the client address limit', async () => {
    process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = '3';
    resetEnv();
    try {
      const taken = registerPatientSchema.parse(valid());
      await registerPatient(taken, { ...SYSTEM_ACTOR, clientAddress: '10.77.0.1' });
      for (let i = 0; i < 3; i++) {
        const e = await registerPatient(taken, { ...SYSTEM_ACTOR, clientAddress: '10.77.0.1' }).catch((x: AppError) => x);
        expect((e as AppError).code).toBe('conflict');
      }
      const limited = await registerPatient(registerPatientSchema.parse(valid()), { ...SYSTEM_ACTOR, clientAddress: '10.77.0.1' }).catch((x: AppError) => x);
      expect((limited as AppError).code).toBe('rate_limited');
    } finally {
      delete process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS;
      resetEnv();
    }
  });

  it('allocates distinct numbers to concurrent registrations', async () => {
    const inputs = Array.from({ length: 8 }, () => registerPatientSchema.parse(valid()));
    const made = await Promise.all(inputs.map((i) => registerPatient(i, SYSTEM_ACTOR)));
    expect(new Set(made.map((m) => m.patientNumber)).size).toBe(8);
  });
});
