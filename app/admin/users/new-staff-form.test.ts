/** The new staff form says, before anything is typed, that there is no password field: one is generated and shown once. */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewStaffForm } from './new-staff-form';

describe('NewStaffForm', () => {
  it('explains the temporary password next to the form, and has no password field', () => {
    const html = renderToString(createElement(NewStaffForm)).replace(/<!-- -->/g, '');
    expect(html).toContain('a temporary password is generated and shown here once');
    expect(html).toContain('aria-describedby="new-staff-password-note"');
    expect(html).not.toMatch(/type="password"/);
  });
});
