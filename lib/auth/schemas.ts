import { z } from 'zod';

/** `POST /api/auth/login/` body. */
export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});
