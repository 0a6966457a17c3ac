import { expect, test } from '@playwright/test';

test('API paths answer with and without the trailing slash, without a redirect', async ({ request }) => {
  for (const path of ['/api/health-check/', '/api/health-check']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  }
  for (const path of ['/api/auth/login/', '/api/auth/login']) {
    const res = await request.post(path, { data: { email: 'doctor@example.org', password: 'ehealth-demo' }, maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: 'doctor@example.org', role: 'doctor' });
    const out = await request.post('/api/auth/logout/', { headers: { Authorization: `Bearer ${body.token}` } });
    expect(await out.json()).toEqual({ revoked: true });
  }
});

test('API errors are JSON envelopes with a 4xx status, never a stack trace', async ({ request }) => {
  const bad = await request.post('/api/auth/login/', { headers: { 'content-type': 'application/json' }, data: '{"email":' });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('validation_error');
  const unauth = await request.post('/api/auth/logout/', { headers: { Authorization: 'Bearer ehr_nope' } });
  expect(unauth.status()).toBe(401);
  expect(await unauth.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first.' } });
});
