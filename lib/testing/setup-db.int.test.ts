/**
 * The database tests' set-up: while a file is collected the database refuses (nothing opens
 * data/ehealth.sqlite by accident); in hooks and tests the file's own fresh database answers.
 */
import { describe, expect, it } from 'vitest';
import { getDatabase } from '@/db';
import { countUsers } from '@/db/repositories/users';

const atCollection = getDatabase().then(() => 'answered', (e: Error) => e.message);

describe('the database test set-up', () => {
  it('refuses the database while the file is collected', async () => {
    expect(await atCollection).toMatch(/while its file was being collected/);
  });

  it('answers with the file\'s own fresh, migrated database in a test', async () => {
    expect(await countUsers()).toBe(0);
    expect((await getDatabase()).describe).toMatch(/ehealth_test_/);
  });
});
