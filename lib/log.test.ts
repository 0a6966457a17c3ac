import { describe, expect, it } from 'vitest';
import { describeError } from './log';

describe('describeError', () => {
  it('never repeats a database statement\'s parameters', () => {
    const e = Object.assign(new Error('Failed query: insert into "users" … params: amina@example.org,+254712345678,$argon2id$v=19$m=1'), {
      query: 'insert into users …', params: ['secret'], cause: Object.assign(new Error("Duplicate entry 'amina@example.org'"), { code: 'ER_DUP_ENTRY', errno: 1062 }),
    });
    const line = describeError(e);
    expect(line).toContain('ER_DUP_ENTRY');
    expect(line).not.toMatch(/amina|argon2|\+254/);
  });
});
