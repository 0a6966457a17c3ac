/** The profile and walk-in forms render on the server (usable before scripts arrive). */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewPatientForm } from './new-patient-form';
import { PatientProfileForm } from './profile-form';

describe('patient forms without JavaScript', () => {
  it('the profile form shows the stored values and blank allergy rows to fill', () => {
    const html = renderToString(createElement(PatientProfileForm, {
      action: async (s) => s,
      defaults: { 'contact_info.phone': '+254712345678', 'allergies.0.substance': 'Latex', 'allergies.0.severity': 'mild', 'allergies.1.substance': 'Penicillin' },
    }));
    expect(html.match(/name="allergies\.\d+\.substance"/g)).toHaveLength(3);
    expect(html).toContain('value="+254712345678"');
    expect(html).toContain('value="Latex"');
    expect(html).toMatch(/value="mild" selected/);
    expect(html).toContain('for="f-emergency_contact_info.phone"');
  });

  it('the walk-in form has a labelled field for each input', () => {
    const html = renderToString(createElement(NewPatientForm, { action: async (s) => s, startVisitAction: async (s) => s }));
    for (const name of ['name', 'date_of_birth', 'gender', 'phone', 'email', 'address', 'blood_type']) {
      expect(html).toContain(`for="f-${name}"`);
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).not.toContain('confirm_new_patient'); // offered only once duplicates are shown
  });
});
