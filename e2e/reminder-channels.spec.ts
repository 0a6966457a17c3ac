import { AUTH, expect, test } from './helpers';

// Issue #11, point 2: the reminders page says which channels this server has. The journeys' server runs
// without SMTP_URL, SMS_GATEWAY_URL or REMINDERS=on, so each says it is off and what to set.

test.use({ storageState: AUTH.admin });

test('the reminders page says which channels are configured and how to turn the others on', async ({ page }) => {
  await page.goto('/admin/reminders');
  const channels = page.getByTestId('reminder-channels');
  await expect(channels.locator('li')).toHaveCount(3);
  await expect(channels.locator('li').nth(0)).toContainText('Email: not configured');
  await expect(channels.locator('li').nth(0)).toContainText('Set SMTP_URL to send reminder emails.');
  await expect(channels.locator('li').nth(1)).toContainText('SMS: not configured');
  await expect(channels.locator('li').nth(1)).toContainText('Set SMS_GATEWAY_URL');
  await expect(channels.locator('li').nth(2)).toContainText('Sending from the server: off');
  await expect(channels.locator('li').nth(2)).toContainText('npm run reminders');
});
