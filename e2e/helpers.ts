import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'ehealth-demo';

/** Signs in through the sign-in form and waits for the role's home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, expectPath?: RegExp) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (expectPath) await expect(page).toHaveURL(expectPath);
}
