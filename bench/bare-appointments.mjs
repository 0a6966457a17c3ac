#!/usr/bin/env node
// The floor under `GET /api/appointments/` for the peer comparison (bench/peer.bench.ts): the same
// work as E-Health's list, page 1 — the bearer token looked up by its SHA-256 hash (joined with its
// user, as lib/auth/tokens.ts resolves it), then the page query and the count of
// db/repositories/appointments.ts `listAppointmentsPage` (newest first, 20 a page, with patient and
// doctor names; a doctor sees theirs, a patient theirs, an admin all) — and the same JSON shape
// (`{count, next, previous, results}`, instants in clinic offset), on bare node:http + better-sqlite3,
// with no framework, validation, audit or logging. Reads the SQLite file read-only.
//
//   BARE_DB=<file> PORT=<port> [HOST=127.0.0.1] [WORKERS=<n>, default WEB_CONCURRENCY or the cores] node bench/bare-appointments.mjs
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';

const workers = Math.max(1, Number(process.env.WORKERS ?? process.env.WEB_CONCURRENCY ?? os.availableParallelism?.() ?? os.cpus().length));

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
} else {
  serve();
}

function serve() {
  const db = new Database(process.env.BARE_DB, { readonly: true, fileMustExist: true });
  const zone = process.env.CLINIC_TIME_ZONE ?? 'Africa/Nairobi';
  const PAGE_SIZE = 20;
  const tokenQuery = db.prepare(`SELECT t.user_id AS userId, t.kind, t.expires_at AS expiresAt, t.revoked_at AS revokedAt,
      t.session_version AS tokenVersion, u.role, u.is_active AS isActive, u.session_version AS userVersion
    FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? LIMIT 1`);
  const select = `SELECT a.id, a.patient_id, a.doctor_id, a.start_at, a.end_at, a.status, a.reason, a.notes, a.cancellation_reason,
      a.created_at, a.updated_at, p.name AS patient_name, d.name AS doctor_name
    FROM appointments a JOIN users p ON p.id = a.patient_id JOIN users d ON d.id = a.doctor_id`;
  const order = 'ORDER BY a.start_at DESC, a.id DESC LIMIT ? OFFSET 0';
  const pages = {
    doctor: db.prepare(`${select} WHERE a.doctor_id = ? ${order}`),
    patient: db.prepare(`${select} WHERE a.patient_id = ? ${order}`),
    admin: db.prepare(`${select} ${order}`),
  };
  const counts = {
    doctor: db.prepare('SELECT count(*) AS n FROM appointments WHERE doctor_id = ?'),
    patient: db.prepare('SELECT count(*) AS n FROM appointments WHERE patient_id = ?'),
    admin: db.prepare('SELECT count(*) AS n FROM appointments'),
  };
  const iso = (ms) => DateTime.fromMillis(ms, { zone }).toISO();

  /** The token's user when it is valid now, else null. */
  function userOf(req) {
    const m = /^Bearer (ehr_\S{1,96})$/.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const row = tokenQuery.get(crypto.createHash('sha256').update(m[1]).digest('hex'));
    if (!row || row.kind !== 'api' || row.revokedAt !== null || row.expiresAt <= Date.now()) return null;
    if (!row.isActive || row.tokenVersion !== row.userVersion) return null;
    return { id: row.userId, role: row.role };
  }

  const send = (res, status, body) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' || url.pathname !== '/api/appointments/') return send(res, 404, { detail: 'Not found.' });
    const user = userOf(req);
    if (!user) return send(res, 401, { detail: 'Authentication credentials were not provided.' });
    const role = user.role === 'admin' ? 'admin' : user.role === 'doctor' ? 'doctor' : 'patient';
    const rows = role === 'admin' ? pages.admin.all(PAGE_SIZE) : pages[role].all(user.id, PAGE_SIZE);
    const { n } = role === 'admin' ? counts.admin.get() : counts[role].get(user.id);
    const host = req.headers.host ?? '127.0.0.1';
    send(res, 200, {
      count: n,
      next: n > PAGE_SIZE ? `http://${host}/api/appointments/?page=2&page_size=${PAGE_SIZE}` : null,
      previous: null,
      results: rows.map((a) => ({
        id: a.id, patient_id: a.patient_id, doctor_id: a.doctor_id, date_time: iso(a.start_at), end_time: iso(a.end_at),
        status: a.status === 'no-show' ? 'no_show' : a.status, reason: a.reason ?? '', notes: a.notes ?? '',
        cancellation_reason: a.cancellation_reason, created_at: iso(a.created_at), updated_at: iso(a.updated_at),
        patient_name: a.patient_name, doctor_name: a.doctor_name,
      })),
    });
  }).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
}
