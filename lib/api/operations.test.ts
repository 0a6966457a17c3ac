/**
 * Each API operation is described once (`lib/<domain>/operations.ts`) and read by both the route
 * wrapper and the OpenAPI document: every real route handler carries its operation, for its own method
 * and path; the 405 stubs and the two catch-alls carry none; and the document lists exactly the
 * route handlers' operations — no operation without a route, no route without an operation.
 */
import { expect, it } from 'vitest';
import { listApiRoutes } from '@/lib/testing/api-routes';
import { API_OPERATIONS } from './openapi/api-operations';
import { operationOf } from './with-api';

const routes = await listApiRoutes();
/** Route handlers that run no operation: next-auth's browser sign-in and the JSON 404 of unknown paths. */
const WITHOUT_OPERATION = ['/api/auth/{...nextauth}/', '/api/{...path}/'];

it('gives every real route handler the operation of its method and path', () => {
  const wrong: string[] = [];
  for (const r of routes) {
    for (const m of r.methods) {
      const op = operationOf(r.module[m]);
      if (WITHOUT_OPERATION.includes(r.template)) {
        if (op) wrong.push(`${m} ${r.template}: a catch-all with an operation`);
      } else if (!op) wrong.push(`${m} ${r.template}: no operation (wrap it with withApi)`);
      else if (op.method !== m || op.path !== r.template) wrong.push(`${m} ${r.template}: runs ${op.method} ${op.path}`);
    }
  }
  expect(wrong).toEqual([]);
  for (const u of WITHOUT_OPERATION) expect(routes.some((r) => r.template === u), `${u} is gone: drop it from WITHOUT_OPERATION`).toBe(true);
});

it('gives the 405 stubs no operation', () => {
  for (const r of routes) for (const m of r.notAllowed) expect(operationOf(r.module[m]), `${m} ${r.template}`).toBeUndefined();
});

it('documents exactly the operations the route handlers run (the same objects, each once)', () => {
  const served = routes.flatMap((r) => Object.values(r.operations));
  const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
  expect({
    withoutRoute: API_OPERATIONS.filter((o) => !served.includes(o)).map(key),
    undocumented: served.filter((o) => !API_OPERATIONS.includes(o)).map(key),
  }).toEqual({ withoutRoute: [], undocumented: [] });
  expect(new Set(API_OPERATIONS).size).toBe(API_OPERATIONS.length);
  expect(new Set(API_OPERATIONS.map(key)).size).toBe(API_OPERATIONS.length);
  expect(new Set(API_OPERATIONS.map((o) => o.operationId)).size).toBe(API_OPERATIONS.length);
});
