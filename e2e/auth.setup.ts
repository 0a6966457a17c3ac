import { test as setup } from '@playwright/test';
import { AUTH, DEMO, HOME, signIn, type Role } from './helpers';

// Signs each demo role in once, through the real sign-in form, and saves the browser state (the
// session cookie) for the journeys that act as that role (`test.use({ storageState: AUTH.<role> })`).
for (const role of ['admin', 'doctor', 'patient'] as Role[]) {
  setup(`the demo ${role} signs in through the form`, async ({ page }) => {
    await signIn(page, DEMO[role], undefined, HOME[role]);
    await page.context().storageState({ path: AUTH[role] });
  });
}
