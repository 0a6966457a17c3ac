/**
 * `npm run user:create -- --role admin --email you@clinic.org [--name "…"]` (or `--role doctor
 * [--specialty "…"]`): creates a staff account, e.g. the first admin of a clinic started with SEED_DEMO=0.
 *
 * The password is typed at a hidden prompt (twice) when stdin is a terminal, or read from the first line
 * of stdin when piped. Never from the command line: shell history and the process list would keep it.
 * The work is done by lib/users/create-staff-user.ts; this file only parses, prompts and prints.
 */
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabase } from '@/db';
import { AppError } from '@/lib/errors';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { createStaffUser, createStaffUserSchema } from '@/lib/users/create-staff-user';

const USAGE = `Usage: npm run user:create -- --role admin|doctor --email you@clinic.org [--name "Full Name"] [--specialty "…"]
The password is asked for (hidden), or read from stdin when piped:
  printf '%s\\n' "$PASSWORD" | npm run user:create -- --role admin --email you@clinic.org`;

class UsageError extends Error {}

/** Reads one line from a terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new UsageError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch === '\u001b') return; // an escape sequence (arrow keys…): ignore the rest of it
        else if (ch >= ' ') value += ch;
      }
    };
    process.stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** The first line of piped stdin, without its line ending. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await readPiped();
    if (!password) throw new UsageError('No password on stdin: pipe it as the first line, or run in a terminal to be asked.');
    return password;
  }
  const first = await readHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const again = await readHidden('Repeat the password: ');
  if (first !== again) throw new UsageError('The two passwords differ. Nothing was created.');
  return first;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.some((a) => a === '--password' || a.startsWith('--password=') || a === '-p')) {
    console.error('Refusing --password: a password given on the command line stays in the shell history and shows in the process list.');
    console.error('Run without it and type the password when asked, or pipe it on stdin:');
    console.error(`  printf '%s\\n' "$PASSWORD" | npm run user:create -- --role admin --email you@clinic.org`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, specialty: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.role || !values.email) {
    console.error('--role and --email are required.');
    console.error(USAGE);
    return 2;
  }
  // Check everything but the password before asking for it.
  const pre = createStaffUserSchema.omit({ password: true }).safeParse({ role: values.role, email: values.email, name: values.name, specialty: values.specialty });
  if (!pre.success) {
    for (const i of pre.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`);
    return 2;
  }

  const db = await getDatabase();
  await db.migrate();
  const password = await readPassword();
  const user = await createStaffUser({
    input: { role: pre.data.role, email: pre.data.email, name: pre.data.name, specialty: pre.data.specialty, password },
  });
  const extra = user.specialty ? `, ${user.specialty}` : '';
  console.log(`Created ${user.role} ${user.name} <${user.email}>${extra} (user id ${user.id}) in ${db.describe}.`);
  return 0;
}

main()
  .then((code) => { process.exitCode = code; })
  .catch((e: unknown) => {
    if (e instanceof AppError) {
      console.error(e.message);
      for (const [field, msgs] of Object.entries(e.fields ?? {})) for (const m of msgs) if (m !== e.message) console.error(`  ${field}: ${m}`);
    } else if (e instanceof UsageError) {
      console.error(e.message);
    } else {
      console.error(`user:create failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
