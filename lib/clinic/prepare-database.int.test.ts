import { describe, expect, it } from 'vitest';
import { countUsers } from '@/db/repositories/users';
import { prepareDatabase } from './prepare-database';

describe('prepareDatabase', () => {
  it('never seeds demo logins into a database once started as a real clinic', async () => {
    expect(await countUsers()).toBe(0);
    expect(await prepareDatabase({ seedDemo: false })).toEqual({ seeded: false, realClinic: true });
    expect(await prepareDatabase({ seedDemo: true })).toEqual({ seeded: false, realClinic: true });
    expect(await countUsers()).toBe(0);
  });
});
