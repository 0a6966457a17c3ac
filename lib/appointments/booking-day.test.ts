/** Which day a booking screen shows slots for, whatever arrives in the address bar. */
import { describe, expect, it } from 'vitest';
import { bookableDayOrNull } from './get-booking-options';

const now = new Date('2026-12-07T09:00:00Z'); // Mon 7 Dec 2026, 12:00 in Nairobi

describe('bookableDayOrNull', () => {
  it('takes today and the next 13 days', () => {
    expect(bookableDayOrNull('2026-12-07', now)).toBe('2026-12-07');
    expect(bookableDayOrNull('2026-12-20', now)).toBe('2026-12-20');
  });

  it('refuses anything else, so the screen offers the days again (no 500, no endless day loop)', () => {
    for (const date of [undefined, '', 'abc', '2026-02-30', '2026-04-31', '2026-00-10', '9999-12-31', '2026-12-06', '2026-12-21', '2099-01-01']) {
      expect(bookableDayOrNull(date, now), String(date)).toBeNull();
    }
  });
});
