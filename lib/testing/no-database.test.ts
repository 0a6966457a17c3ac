/**
 * The unit project has no database (lib/testing/setup-unit.ts): a unit test that reaches one fails at
 * once, saying why, and nothing falls back to opening data/ehealth.sqlite.
 */
import { describe, expect, it } from 'vitest';
import { closeDatabase, getDatabase, openDatabase, q, withTransaction } from '@/db';
import { findUserById } from '@/db/repositories/users';

const REFUSED = /A unit test reached the database\. .*rename the file to \*\.int\.test\.ts/;

describe('a unit test that reaches the database', () => {
  it('fails with a message naming the fix, through a repository or the database module', async () => {
    await expect(findUserById(1)).rejects.toThrow(REFUSED);
    await expect(q()).rejects.toThrow(REFUSED);
    await expect(withTransaction(async () => 1)).rejects.toThrow(REFUSED);
    await expect(getDatabase()).rejects.toThrow(REFUSED);
  });

  it('cannot open one from the environment either, even once the guard is gone', async () => {
    await expect(openDatabase()).rejects.toThrow('DATABASE_URL must start with file: or mysql:// (it starts with "no-database-in-unit-tests:")');
    await expect(closeDatabase()).rejects.toThrow(REFUSED); // removes the guard, then refuses to close it
    await expect(findUserById(1)).rejects.toThrow('it starts with "no-database-in-unit-tests:"');
  });
});
