import { describe, expect, it } from 'vitest';
import { safeLocalPath } from './safe-path';

describe('safeLocalPath', () => {
  it('keeps plain paths on this site', () => {
    expect(safeLocalPath('/doctor')).toBe('/doctor');
    expect(safeLocalPath('/patient/book?doctor=3&date=2026-12-01')).toBe('/patient/book?doctor=3&date=2026-12-01');
    expect(safeLocalPath('/admin/reports?month=2026-11')).toBe('/admin/reports?month=2026-11');
    expect(safeLocalPath('/doctor/patients/42')).toBe('/doctor/patients/42');
    expect(safeLocalPath('/patient/records#latest')).toBe('/patient/records#latest');
  });
  it('refuses anything a browser could take to another host', () => {
    for (const bad of ['//evil.example', '/\\evil.example/phish', '/%5Cevil.example/phish', '/\tevil.example', '/%09/evil.example', 'https://evil.example', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,hi', 'https:evil.example', '/%5cevil.example', '%2F%2Fevil.example', '//%65vil.example', '/%2f%2fevil.example', '/\\evil', '///evil.example', 'doctor', '/%2F%2Fevil.example', '', null, undefined]) {
      expect(safeLocalPath(bad as string), String(bad)).toBeNull();
    }
  });
});
