import { defineConfig, devices } from '@playwright/test';

// The browser journeys run against the built app (`npm run build` first) served on a fresh SQLite file,
// migrated and seeded with the demo clinic, in Debian's Chromium (no browser download).
// The "setup" project signs the demo admin, doctor and patient in once through the sign-in form and
// saves their browser state under .test-output/e2e-auth/ (e2e/auth.setup.ts); journeys acting as one of
// them use that state, and make the patients, doctors and appointments they change themselves.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://127.0.0.1:${PORT}`;
const device = { ...devices['Pixel 7'], browserName: 'chromium' as const, defaultBrowserType: 'chromium' as const };

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  use: {
    baseURL: BASE,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: device },
    { name: 'chromium', dependencies: ['setup'], use: device },
  ],
  webServer: {
    command: 'rm -f .test-output/e2e.sqlite* && mkdir -p .test-output && SKIP_BUILD=1 node scripts/start.mjs',
    url: `${BASE}/api/health-check/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DATABASE_URL: 'file:.test-output/e2e.sqlite',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production',
      NEXT_TELEMETRY_DISABLED: '1',
      CLINIC_ADDRESS: '12 Moi Avenue, Nairobi',
    },
  },
});
