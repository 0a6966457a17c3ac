import { describe, expect, it } from 'vitest';
import { safeLocalPath } from './safe-path';

describe('safeLocalPath', () => {
  it('keeps plain paths on this site', () => {
    expect(safeLocalPath('/doctor')).toBe('/doctor');
    expect(safeLocalPath('/patient/book?doctor=3&date=2026-12-01')).toBe('/patient/book?doctor=3&date=2026-12-01');
  });
  it('refuses anything a browser could take to another host', () => {
    for (const bad of ['//evil.example', '/\\evil.example/phish', '/%5Cevil.example/phish', '/\tevil.example', '/%09/evil.example', 'https://evil.example', 'javascript:alert(1)', 'doctor', '/%2F%2Fevil.example', '', null, undefined]) {
      expect(safeLocalPath(bad as string), String(bad)).toBeNull();
    }
  });
});
