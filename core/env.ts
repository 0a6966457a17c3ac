/**
 * Environment, validated once with zod. Every setting the app reads is here with its default.
 * Throws a readable error at first use when a value is malformed.
 */
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  /** IANA zone of the clinic, for "today" and display (default Africa/Nairobi). */
  CLINIC_TIME_ZONE: z.string().default('Africa/Nairobi'),
  /** ISO 3166 region used to parse local phone numbers (default KE). */
  CLINIC_COUNTRY: z.string().length(2).default('KE'),
  CLINIC_NAME: z.string().default('E-Health Clinic'),
  /** The clinic's postal address, printed under its name on visit summaries and prescriptions (optional). */
  CLINIC_ADDRESS: z.string().trim().optional(),
  /**
   * Paediatricians are offered for booking only to patients younger than this, in whole years (default
   * 15: children are 0–14, as in WHO's standard age groups and this app's age bands, core/age-bands.ts).
   */
  PAEDIATRIC_AGE_LIMIT_YEARS: z.coerce.number().int().min(1).max(25).default(15),
  /**
   * How far ahead an appointment may be booked or moved, in days (default 365: a yearly review is the
   * longest follow-up a clinic usually books). Further is refused with a field error.
   */
  BOOKING_HORIZON_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Lifetime of API bearer tokens in hours (default 12). */
  API_TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Failed sign-ins allowed per account / per client address in the window before 429. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** Trust X-Forwarded-For for the client address only when set to 1 (behind our own proxy). */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Session lifetime for the browser, in hours. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  NEXTAUTH_URL: z.string().optional(),
  /** Appointment reminders by email: SMTP server URL, e.g. smtp://user:pass@mail.example.org:587 (unset: email reminders fail with a clear reason). */
  SMTP_URL: z.string().optional(),
  /** Sender of reminder emails. */
  REMINDER_FROM: z.string().default('E-Health <no-reply@localhost>'),
  /** Appointment reminders by SMS: the HTTP gateway's URL, POSTed `{"to","message","encoding"}` (unset: SMS reminders fail with a clear reason). */
  SMS_GATEWAY_URL: z.string().optional(),
  /** Optional Bearer token for the SMS gateway. */
  SMS_GATEWAY_TOKEN: z.string().optional(),
  /** `on` runs the reminder sender inside the web server every REMINDERS_INTERVAL_SECONDS. */
  REMINDERS: z.enum(['on', 'off']).default('off'),
  REMINDERS_INTERVAL_SECONDS: z.coerce.number().int().positive().default(60),
  /** How long one email or SMS send may take before its outcome counts as unknown or failed, in ms. */
  REMINDER_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

/** The validated environment (read once per process). */
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`Invalid environment:\n${lines}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Forgets the cached environment (tests that change process.env). */
export function resetEnv(): void {
  cached = undefined;
}
