import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a patient books a free slot step by step, sees it, and cancels it with a reason', async ({ page }) => {
  await signIn(page, 'patient@example.org', undefined, /\/patient$/);
  await page.getByRole('link', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Book an appointment' })).toBeVisible();
  await page.getByRole('link', { name: /First available doctor/ }).click();
  // Choose the last day offered with free slots (far from today's demo appointments).
  const days = page.getByRole('link', { name: /free/ });
  await expect(days.first()).toBeVisible();
  await days.last().click();
  const slots = page.getByTestId('free-slots').getByRole('link');
  await expect(slots.first()).toBeVisible();
  const time = (await slots.last().textContent())?.trim();
  await slots.last().click();
  await expect(page.getByRole('heading', { name: 'Confirm your appointment' })).toBeVisible();
  await page.getByLabel('Reason for the visit').fill('Cough for a week');
  await page.getByRole('button', { name: 'Book this appointment' }).click();
  await expect(page).toHaveURL(/\/patient\/appointments\?booked=\d+/);
  const booked = page.getByTestId('upcoming-appointments').locator('li', { hasText: 'Cough for a week' });
  await expect(booked).toContainText(time as string);
  await expect(booked).toContainText('Pending');

  await booked.getByText('Cancel this appointment').click();
  await booked.getByLabel('Reason').fill('Feeling better');
  await booked.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your appointment is cancelled' })).toBeVisible();
  await expect(page.getByTestId('past-appointments')).toContainText('Feeling better');
});

test('the doctor confirms a pending appointment from the next 14 days', async ({ page }) => {
  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  await page.getByRole('link', { name: 'Next 14 days →' }).click();
  const pending = page.getByTestId('upcoming-list').locator('li[data-status="pending"]').first();
  await expect(pending).toBeVisible();
  const name = (await pending.getByTestId('patient-name').textContent()) as string;
  await pending.getByRole('button', { name: 'Confirm' }).click();
  const row = page.getByTestId('upcoming-list').locator('li', { hasText: name }).first();
  await expect(row).toHaveAttribute('data-status', 'confirmed');
});

test('a doctor books a free slot for a patient found by name', async ({ page }) => {
  await signIn(page, 'doctor@example.org', undefined, /\/doctor$/);
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByLabel('Name, phone or patient number').fill('wanj');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('patient-results').locator('li').first();
  const name = ((await row.locator('p.font-medium').textContent()) ?? '').replace(/\(inactive\)/, '').trim();
  await row.getByRole('link', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Book for ${name}` })).toBeVisible();
  await page.getByRole('link', { name: /First available doctor/ }).click();
  await page.getByRole('link', { name: /free/ }).nth(5).click();
  await page.getByTestId('free-slots').getByRole('link').last().click();
  await page.getByLabel('Reason for the visit').fill('Follow-up of blood pressure');
  await page.getByRole('button', { name: 'Book this appointment' }).click();
  await expect(page.getByRole('status')).toContainText(`The appointment for ${name} is booked.`);
});
