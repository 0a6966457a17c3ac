import { expect, test } from '@playwright/test';

// The API description: /api/openapi.json and the Swagger UI page at /api/docs, with every request of
// the page staying on the app's own origin (no CDN) and nothing refused by its Content-Security-Policy.

test('/api/openapi.json serves the OpenAPI 3.1 document, with and without the trailing slash', async ({ request }) => {
  for (const path of ['/api/openapi.json', '/api/openapi.json/']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/users/{id}/'].get.operationId).toBe('getUser');
  }
  expect((await request.post('/api/openapi.json', { maxRedirects: 0 })).status()).toBe(405);
  for (const path of ['/api/docs', '/api/docs/']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type']).toContain('text/html');
  }
  expect((await request.get('/api/docs/assets/swagger-ui.js')).status()).toBe(404);
});

test('/api/docs renders the operations with assets served by the app itself', async ({ page, baseURL }) => {
  const origin = new URL(baseURL as string).origin;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));

  const res = await page.goto('/api/docs');
  expect(res?.status()).toBe(200);
  await expect(page.locator('.swagger-ui .info .title')).toContainText('E-Health API');
  await expect(page.locator('.opblock-summary-path', { hasText: /^\/api\/users\/$/ }).first()).toBeVisible();
  await expect(page.locator('.opblock-summary-path', { hasText: '/api/medical-records/{id}/' }).first()).toBeVisible();

  // "Try it out" on the health check: a request from the page to the API works under the page's CSP.
  const health = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/api\/health-check\/$/ }) });
  await health.locator('.opblock-summary').click();
  await health.getByRole('button', { name: 'Try it out' }).click();
  await health.getByRole('button', { name: 'Execute' }).click();
  await expect(health.locator('.live-responses-table tbody .response-col_status').first()).toContainText('200');

  expect(requests.length).toBeGreaterThanOrEqual(4);
  const elsewhere = requests.filter((u) => !(u.startsWith(`${origin}/`) || /^(data|blob):/.test(u)));
  expect(elsewhere, 'requests that left the app\'s origin').toEqual([]);
  expect(requests.some((u) => u.startsWith(`${origin}/api/docs/assets/swagger-ui-bundle.js`))).toBe(true);
  expect(requests.some((u) => u.startsWith(`${origin}/api/openapi.json`))).toBe(true);
  expect(problems, 'console errors (e.g. Content-Security-Policy refusals)').toEqual([]);
});
