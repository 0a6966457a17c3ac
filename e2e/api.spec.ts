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

test('the health probe the server answers itself matches the route\'s answer through Next', async ({ request }) => {
  // A plain GET of the path is answered before Next's router (scripts/serve.mjs); with a query string
  // it goes through Next to the route handler. Same status, body and headers that matter.
  const fast = await request.get('/api/health-check/');
  const routed = await request.get('/api/health-check/?via=next');
  expect(routed.headers()['vary'] ?? '', 'the routed answer comes from Next').toContain('rsc');
  expect(fast.headers()['vary'], 'the probe does not').toBeUndefined();
  expect(fast.status()).toBe(routed.status());
  expect(await fast.json()).toEqual(await routed.json());
  for (const h of ['content-type', 'cache-control', 'x-frame-options', 'content-security-policy', 'x-content-type-options', 'referrer-policy']) {
    expect(fast.headers()[h], h).toBe(routed.headers()[h]);
  }
  expect(fast.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('API errors are JSON envelopes with a 4xx status, never a stack trace', async ({ request }) => {
  const bad = await request.post('/api/auth/login/', { headers: { 'content-type': 'application/json' }, data: '{"email":' });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('validation_error');
  const unauth = await request.post('/api/auth/logout/', { headers: { Authorization: 'Bearer ehr_nope' } });
  expect(unauth.status()).toBe(401);
  expect(await unauth.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first.' } });
});

test('the sign-in page\'s credentials endpoint answers 429 with Retry-After after 10 failures for one account', async ({ request }) => {
  const email = `locked.${Date.now()}@example.org`;
  const attempt = async () => {
    const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
    return request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: 'wrong-password', json: 'true' }, maxRedirects: 0 });
  };
  for (let i = 0; i < 10; i++) expect((await attempt()).status()).not.toBe(429);
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
});

test('unknown API paths, unsupported methods and next-auth errors answer in the JSON envelope', async ({ request }) => {
  const unknown = await request.get('/api/nope/');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('not_found');
  const wrongMethod = await request.get('/api/auth/login/');
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()['allow']).toBe('POST');
  expect((await wrongMethod.json()).error.code).toBe('method_not_allowed');
  const del = await request.delete('/api/health-check');
  expect(del.status()).toBe(405);
  const cb = await request.get('/api/auth/callback/credentials');
  expect(cb.status()).toBeGreaterThanOrEqual(400);
  expect(cb.status()).toBeLessThan(500);
  expect((await cb.json()).error).toBeDefined();
});

test('pages refuse to be framed by another site', async ({ request }) => {
  const res = await request.get('/sign-in');
  expect(res.headers()['x-frame-options']).toBe('DENY');
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
