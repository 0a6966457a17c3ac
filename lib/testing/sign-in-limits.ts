import { afterEach, beforeEach } from 'vitest';
import { resetEnv } from '@/core/env';

/**
 * For a test file: sets the sign-in failure limits (`SIGNIN_MAX_FAILURES_PER_ACCOUNT`,
 * `SIGNIN_MAX_FAILURES_PER_ADDRESS`) before each test and removes them after, re-reading the
 * environment each time. `before` runs first in each test's set-up (e.g. choosing a fresh address).
 */
export function useSignInLimits(limits: { perAccount: number; perAddress: number }, before?: () => void): void {
  beforeEach(() => {
    before?.();
    process.env.SIGNIN_MAX_FAILURES_PER_ACCOUNT = String(limits.perAccount);
    process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = String(limits.perAddress);
    resetEnv();
  });
  afterEach(() => {
    delete process.env.SIGNIN_MAX_FAILURES_PER_ACCOUNT;
    delete process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS;
    resetEnv();
  });
}
