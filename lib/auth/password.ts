/**
 * Password hashing with argon2id (node-argon2, the reference implementation's binding; RFC 9106).
 * Parameters follow OWASP's argon2id minimum (19 MiB memory, 2 iterations, 1 lane); `ARGON2_MEMORY_KIB`
 * may raise the memory cost.
 */
import argon2 from 'argon2';

const memoryCost = Number(process.env.ARGON2_MEMORY_KIB ?? 19_456);

/** The argon2id PHC string for `password` (`$argon2id$v=19$m=…`). */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost, timeCost: 2, parallelism: 1 });
}

/** Whether `password` matches the PHC `hash`; false (never throws) for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Minimum password length for new passwords (NIST SP 800-63B: at least 8). */
export const MIN_PASSWORD_LENGTH = 8;
