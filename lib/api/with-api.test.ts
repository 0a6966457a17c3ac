/**
 * The route wrapper reads the request by its operation before the handler runs: path parameters
 * (a 404 for a resource that cannot exist), the query part by part (the first part that fails
 * answers), the body (required, optional through a reader, or a JSON object the service validates);
 * the handler's data is answered with the operation's success status. Operations with auth 'none',
 * so no caller is looked up.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation, validatedByService } from './operation';
import { paginationSchema } from './pagination';
import { idPathParam } from './params';
import { operationOf, withApi } from './with-api';

const BASE = 'http://127.0.0.1:3999';
const thing = z.object({ id: z.number(), name: z.string() });
type Handler = (r: Request, c: { params: Record<string, string> }) => Promise<Response>;
const call = (h: unknown, method: string, path: string, opts: { params?: Record<string, string>; body?: string } = {}) =>
  (h as Handler)(new Request(`${BASE}${path}`, { method, body: opts.body, headers: { 'content-type': 'application/json' } }), { params: opts.params ?? {} });

const getThing = defineOperation({
  method: 'GET', path: '/api/things/{id}/', operationId: 'getThing', tag: 'Things', auth: 'none', params: { id: idPathParam('The thing') },
  query: [paginationSchema, z.object({ colour: z.enum(['red', 'blue']).optional() }), validatedByService(z.object({ raw: z.string() }))],
  summary: 'A thing', success: { status: 200, description: 'The thing.', schema: z.object({ id: z.number(), page: z.number(), colour: z.string().optional() }) },
});
const GET = withApi(getThing, async ({ params, query }) => ({ id: params.id, page: query.page, colour: query.colour }));

const createThing = defineOperation({
  method: 'POST', path: '/api/things/', operationId: 'createThing', tag: 'Things', auth: 'none',
  body: z.object({ name: z.string({ error: 'Name it.' }).min(1, 'Name it.') }),
  summary: 'Create a thing', success: { status: 201, description: 'The new thing.', schema: thing },
});
const POST = withApi(createThing, async ({ body }) => ({ id: 1, name: body.name }));

const deleteThing = defineOperation({
  method: 'DELETE', path: '/api/things/{id}/', operationId: 'deleteThing', tag: 'Things', auth: 'none', params: { id: idPathParam('The thing') },
  query: z.object({ reason: z.string().min(1).optional() }), body: z.object({ reason: z.string({ error: 'Why?' }) }), bodyRequired: false,
  summary: 'Delete a thing', success: { status: 200, description: 'Why.', schema: z.object({ reason: z.string() }) },
});
const DELETE = withApi(deleteThing, async ({ query, body }) => ({ reason: query.reason ?? (await body()).reason }));

const importThings = defineOperation({
  method: 'PUT', path: '/api/things/', operationId: 'importThings', tag: 'Things', auth: 'none',
  body: validatedByService(z.object({ rows: z.array(thing) })),
  summary: 'Import things', success: { status: 200, description: 'What came.', schema: z.object({ keys: z.array(z.string()) }) },
});
const PUT = withApi(importThings, async ({ body }) => ({ keys: Object.keys(body) }));

describe('withApi', () => {
  it('carries its operation', () => {
    expect(operationOf(GET)).toBe(getThing);
    expect(operationOf(async () => new Response())).toBeUndefined();
  });

  it('parses the path parameters first: an impossible id is a 404 naming the resource', async () => {
    const bad = await call(GET, 'GET', '/api/things/x/?page_size=500', { params: { id: 'x' } });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error).toEqual({ code: 'not_found', message: 'The thing was not found.' });
    const ok = await call(GET, 'GET', '/api/things/7/?page=2&colour=red&raw=1', { params: { id: '7' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
    expect(await ok.json()).toEqual({ id: 7, page: 2, colour: 'red' });
  });

  it('parses the query part by part: the first part that fails answers alone; a service-validated part is left alone', async () => {
    const both = await call(GET, 'GET', '/api/things/7/?page_size=500&colour=green', { params: { id: '7' } });
    expect(both.status).toBe(400);
    expect(Object.keys((await both.json()).error.fields)).toEqual(['page_size']);
    const colour = await call(GET, 'GET', '/api/things/7/?colour=green', { params: { id: '7' } });
    expect(Object.keys((await colour.json()).error.fields)).toEqual(['colour']);
  });

  it('parses a required body before the handler and answers with the success status', async () => {
    const created = await call(POST, 'POST', '/api/things/', { body: JSON.stringify({ name: 'Pot', extra: true }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 1, name: 'Pot' });
    const empty = await call(POST, 'POST', '/api/things/');
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.fields).toEqual({ name: ['Name it.'] });
    const malformed = await call(POST, 'POST', '/api/things/', { body: '{"name":' });
    expect((await malformed.json()).error).toEqual({ code: 'validation_error', message: 'Malformed JSON body.', fields: { _: ['The request body must be valid JSON.'] } });
  });

  it('hands an optional body over as a reader, so it is read only when needed', async () => {
    const fromQuery = await call(DELETE, 'DELETE', '/api/things/7/?reason=old', { params: { id: '7' }, body: 'not json' });
    expect(await fromQuery.json()).toEqual({ reason: 'old' });
    const fromBody = await call(DELETE, 'DELETE', '/api/things/7/', { params: { id: '7' }, body: JSON.stringify({ reason: 'broken' }) });
    expect(await fromBody.json()).toEqual({ reason: 'broken' });
    const none = await call(DELETE, 'DELETE', '/api/things/7/', { params: { id: '7' } });
    expect((await none.json()).error.fields).toEqual({ reason: ['Why?'] });
  });

  it('passes a service-validated body on as any JSON object', async () => {
    const ok = await call(PUT, 'PUT', '/api/things/', { body: JSON.stringify({ anything: 1, rows: 'not checked here' }) });
    expect(await ok.json()).toEqual({ keys: ['anything', 'rows'] });
    expect((await call(PUT, 'PUT', '/api/things/', { body: '[1, 2]' })).status).toBe(400);
  });
});

describe('defineOperation', () => {
  it('refuses params that do not name the path\'s segments', () => {
    const spec = {
      method: 'GET', path: '/api/things/', operationId: 'x', tag: 'Things', summary: 'x', success: { status: 200, description: 'x' },
      params: { id: idPathParam('The thing') },
    } as const;
    // @ts-expect-error a path without segments takes no params
    expect(() => defineOperation(spec)).toThrow(/must name the path's segments/);
  });

  it('gives the handler a user that is never null where a caller is required (a type check)', () => {
    const op = defineOperation({ method: 'GET', path: '/api/me/', operationId: 'me', tag: 'Me', summary: 'Me', success: { status: 200, description: 'Me.', schema: z.object({ id: z.number() }) } });
    withApi(op, async ({ user }) => ({ id: user.id }));
    const open = defineOperation({ ...op, auth: 'public' });
    // @ts-expect-error the user may be null on a public operation
    withApi(open, async ({ user }) => ({ id: user.id }));
    // @ts-expect-error the data must fit the success schema
    withApi(op, async () => ({ id: 'one' }));
  });
});

describe('withApi: Cache-Control', () => {
  const plain = defineOperation({
    method: 'GET', path: '/api/things/', operationId: 'listThings', tag: 'Things', auth: 'none',
    summary: 'Things', success: { status: 200, description: 'Things.', schema: z.object({ n: z.number() }) },
  });

  it('is no-store on data, on errors (4xx and 500) and on a Response of the handler without its own rule', async () => {
    const answers = [
      await call(withApi(plain, async () => ({ n: 1 })), 'GET', '/api/things/'),
      await call(POST, 'POST', '/api/things/', { body: '{}' }),
      await call(GET, 'GET', '/api/things/x/', { params: { id: 'x' } }),
      await call(withApi(plain, async () => { throw new Error('boom'); }), 'GET', '/api/things/'),
      await call(withApi(plain, async () => new Response('csv', { headers: { 'content-type': 'text/csv' } })), 'GET', '/api/things/'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 400, 404, 500, 200]);
    for (const r of answers) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the rule a handler chose for public reference data', async () => {
    const res = await call(withApi(plain, async () => new Response('{}', { headers: { 'Cache-Control': 'public, max-age=300' } })), 'GET', '/api/things/');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
