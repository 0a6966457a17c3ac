/** The API login body: a missing field asks for it in words, under its own name. */
import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '@/lib/errors';
import { loginSchema } from './schemas';

describe('loginSchema', () => {
  it('asks for the email and the password when they are missing or empty', () => {
    for (const body of [{}, { email: '', password: '' }, { email: '   ', password: '' }, { email: null, password: 7 }]) {
      const r = loginSchema.safeParse(body);
      expect(r.success).toBe(false);
      expect(zodFieldErrors(r.error!.issues)).toEqual({ email: ['Enter your email.'], password: ['Enter your password.'] });
    }
    expect(loginSchema.parse({ email: ' a@b.org ', password: 'pw' })).toEqual({ email: 'a@b.org', password: 'pw' });
  });
});
