/**
 * The shipped list of common passwords (lib/auth/common-passwords/: the SecLists top 10,000 of the
 * "10 million passwords" set, MIT; see the README there), loaded once on first use and compared
 * case-insensitively. New passwords found in it are refused wherever one is set (registration,
 * password change, staff creation) — NIST SP 800-63B §5.1.1.2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MIN_PASSWORD_LENGTH } from './password';

/** The list's path, relative to the project root. */
export const COMMON_PASSWORDS_PATH = 'lib/auth/common-passwords/seclists-10-million-top-10000.txt';

/** The field error shown for a password found in the list. */
export const COMMON_PASSWORD_MESSAGE = 'This password is too common: it is in a list of passwords that attackers try first. Choose another.';

let list: Set<string> | undefined;

/** The list as a set of lower-case passwords (read from disk on the first call only). */
function commonPasswords(): Set<string> {
  if (!list) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), COMMON_PASSWORDS_PATH);
    const text = fs.readFileSync(file, 'utf8');
    list = new Set(text.split(/\r?\n/).map((l) => l.toLowerCase()).filter((l) => l !== ''));
  }
  return list;
}

/** Whether `password` (any case; surrounding spaces ignored) is in the shipped list of common passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/**
 * The check new passwords pass: false only for a password of the minimum length or more that is in the
 * list (a shorter one already fails the length rule, which is the error to show).
 */
export function notCommonPassword(password: string): boolean {
  return password.length < MIN_PASSWORD_LENGTH || !isCommonPassword(password);
}

/** How many distinct (lower-case) passwords the list holds. */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}
