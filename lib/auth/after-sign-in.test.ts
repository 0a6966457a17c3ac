import { describe, expect, it } from 'vitest';
import { afterPasswordChangePath, afterSignInPath, homeOf } from './after-sign-in';

describe('afterSignInPath', () => {
  it('keeps a page of the user\'s own portal, with its query', () => {
    expect(afterSignInPath('patient', '/patient/records')).toBe('/patient/records');
    expect(afterSignInPath('doctor', '/doctor/patients/42')).toBe('/doctor/patients/42');
    expect(afterSignInPath('admin', '/admin/reports?month=2026-11')).toBe('/admin/reports?month=2026-11');
    expect(afterSignInPath('admin', '/admin')).toBe('/admin');
    expect(afterSignInPath('doctor', '/account/password')).toBe('/account/password');
  });
  it('sends a page of another role\'s portal to the user\'s own home', () => {
    expect(afterSignInPath('patient', '/admin/reports?month=2026-11')).toBe('/patient');
    expect(afterSignInPath('doctor', '/patient/records')).toBe('/doctor');
    expect(afterSignInPath('admin', '/doctor?x=1')).toBe('/admin');
  });
  it('sends anything off-site, unsafe or looping to the home page', () => {
    for (const bad of ['//evil.example', '/\\evil.example', '/%5Cevil.example/phish', '/%2F%2Fevil.example', 'https://evil.example/admin', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', '%2F%2Fevil.example', '/sign-in?callbackUrl=/admin', '/register', '', null, undefined]) {
      expect(afterSignInPath('admin', bad as string), String(bad)).toBe('/admin');
    }
  });
  it('names each role\'s home', () => {
    expect([homeOf('admin'), homeOf('doctor'), homeOf('patient')]).toEqual(['/admin', '/doctor', '/patient']);
  });
});

describe('afterPasswordChangePath', () => {
  it('confirms the change on the page the user goes on to, keeping its query and fragment', () => {
    expect(afterPasswordChangePath('patient', undefined)).toBe('/patient?password=changed');
    expect(afterPasswordChangePath('admin', '/admin/reports?month=2026-11')).toBe('/admin/reports?month=2026-11&password=changed');
    expect(afterPasswordChangePath('doctor', '/doctor/patients/42#history')).toBe('/doctor/patients/42?password=changed#history');
  });
  it('goes home rather than back to the password page or anywhere unsafe', () => {
    expect(afterPasswordChangePath('doctor', '/account/password')).toBe('/doctor?password=changed');
    expect(afterPasswordChangePath('admin', '//evil.example')).toBe('/admin?password=changed');
    expect(afterPasswordChangePath('patient', '/admin/reports')).toBe('/patient?password=changed');
  });
});
