/**
 * The inventory of the REST API as the file system defines it: every `app/api/**\/route.ts`, its URL
 * template (`/api/appointments/{id}/cancel/`), the methods it really serves (handlers made by
 * `methodsNotAllowed` — 405 with Allow — are listed apart) and the operation each real handler was
 * made with (`withApi`). The authorization matrix, the OpenAPI test and the operations test compare
 * their tables with this list, so a new route handler fails them until described.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Operation } from '@/lib/api/operation';
import { isMethodNotAllowedHandler, operationOf } from '@/lib/api/with-api';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ApiRoute {
  /** Path of the route file from the project root, e.g. `app/api/users/[id]/route.ts`. */
  file: string;
  /** URL template with a trailing slash, `{name}` for a dynamic segment, `{...name}` for a catch-all. */
  template: string;
  /** True for a catch-all segment (`[...path]`), which no fixed table row can cover. */
  catchAll: boolean;
  /** Methods with a real handler. */
  methods: HttpMethod[];
  /** Methods exported as 405 stubs. */
  notAllowed: HttpMethod[];
  /** The operation of each real handler made by `withApi` (the catch-alls have none). */
  operations: Partial<Record<HttpMethod, Operation>>;
  /** The module's exports (to call its handlers in tests). */
  module: Record<string, unknown>;
}

const ROOT = path.resolve(__dirname, '../..');

function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...routeFiles(full));
    else if (e.name === 'route.ts') out.push(full);
  }
  return out;
}

/** `app/api/users/[id]/route.ts` → `/api/users/{id}/`. */
export function templateOf(file: string): string {
  const rel = path.relative(path.join(ROOT, 'app'), path.dirname(path.resolve(ROOT, file))).split(path.sep);
  const segs = rel.filter((s) => !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[\.\.\.(.+)\]$/, '{...$1}').replace(/^\[(.+)\]$/, '{$1}'));
  return `/${segs.join('/')}/`;
}

/** Every API route handler module, sorted by template. Imports each module. */
export async function listApiRoutes(): Promise<ApiRoute[]> {
  const files = routeFiles(path.join(ROOT, 'app/api')).sort();
  const routes: ApiRoute[] = [];
  for (const full of files) {
    const mod = (await import(full)) as Record<string, unknown>;
    const file = path.relative(ROOT, full);
    const methods: HttpMethod[] = [];
    const notAllowed: HttpMethod[] = [];
    const operations: ApiRoute['operations'] = {};
    for (const m of HTTP_METHODS) {
      if (typeof mod[m] !== 'function') continue;
      (isMethodNotAllowedHandler(mod[m]) ? notAllowed : methods).push(m);
      const op = operationOf(mod[m]);
      if (op) operations[m] = op;
    }
    const template = templateOf(full);
    routes.push({ file, template, catchAll: template.includes('{...'), methods, notAllowed, operations, module: mod });
  }
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}
