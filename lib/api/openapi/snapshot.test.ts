/**
 * The OpenAPI document is the API's contract with other systems: it changes only on purpose. The
 * committed `openapi.snapshot.json` is the document as it was last agreed; this test fails on any
 * difference (a path, a method, a schema, a description). After a deliberate change, regenerate it
 * with `UPDATE_OPENAPI_SNAPSHOT=1 npx vitest run lib/api/openapi/snapshot.test.ts` and review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildOpenApiDocument } from './document';

const SNAPSHOT = path.join(__dirname, 'openapi.snapshot.json');

it('equals the committed snapshot (every path, method, parameter and schema)', () => {
  const now = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
  if (process.env.UPDATE_OPENAPI_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, now);
  const before = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
  expect(JSON.parse(now)).toEqual(before);
});
