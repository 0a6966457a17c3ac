import { describe, expect, it } from 'vitest';
import { commonPasswordCount, isCommonPassword, notCommonPassword } from './common-passwords';

describe('the shipped list of common passwords', () => {
  it('holds the SecLists top 10,000 (9,913 once folded to lower case)', () => {
    expect(commonPasswordCount()).toBe(9913);
  });

  it('matches case-insensitively and ignores surrounding spaces', () => {
    for (const p of ['password', 'PASSWORD', 'Password1', 'iloveyou', 'QWERTY123', ' letmein1 ', 'trustno1', '1qaz2wsx']) {
      expect(isCommonPassword(p), p).toBe(true);
    }
  });

  it('lets uncommon passwords through', () => {
    for (const p of ['mango tree by the river', 'correct horse battery', 'a strong pass', 'Zx9!kQ7#mW2']) {
      expect(isCommonPassword(p), p).toBe(false);
    }
  });

  it('leaves a too-short password to the length rule (one error, not two)', () => {
    expect(isCommonPassword('short')).toBe(true);
    expect(notCommonPassword('short')).toBe(true);
    expect(notCommonPassword('iloveyou1')).toBe(false);
  });
});
