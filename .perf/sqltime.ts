import { openSqlite, useDatabase } from '@/db';
import { getDashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import { getPatientHistory } from '@/lib/records/get-patient-history';

const d = openSqlite('/tmp/perf/perf-copy.sqlite');
const client = (d as any).client ?? null;
async function main() {
  useDatabase(d);
  const BS = require('better-sqlite3');
  const proto = BS.prototype;
  const times = new Map<string, number[]>();
  const origPrepare = proto.prepare;
  proto.prepare = function (sql: string) {
    const st = origPrepare.call(this, sql);
    for (const m of ['all', 'get', 'run']) {
      const o = st[m].bind(st);
      st[m] = (...a: any[]) => { const t = process.hrtime.bigint(); try { return o(...a); } finally { const k = sql.slice(0, 140); const arr = times.get(k) ?? []; arr.push(Number(process.hrtime.bigint() - t) / 1e6); times.set(k, arr); } };
    }
    return st;
  };
  const admin = { id: 1, role: 'admin', name: 'A', email: 'a', mustChangePassword: false, via: 'token' } as any;
  const which = process.argv[2];
  for (let i = 0; i < 200; i++) {
    if (which === 'stats') await getDashboardStats({ user: admin });
    else if (which === 'history') await getPatientHistory({ user: admin, actor: { userId: 1, kind: 'user' }, patientId: 773, page: { limit: 20, offset: 0 } });
  }
  const rows = [...times].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / 200, v.length / 200] as const).sort((a, b) => b[1] - a[1]);
  for (const [k, ms, n] of rows.slice(0, 15)) console.log(ms.toFixed(3).padStart(8), 'ms/req', n.toFixed(1), 'x', k);
  const t = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) { if (which === 'stats') await getDashboardStats({ user: admin }); else await getPatientHistory({ user: admin, actor: { userId: 1, kind: 'user' }, patientId: 773, page: { limit: 20, offset: 0 } }); }
  console.log('total per call ms', Number(process.hrtime.bigint() - t) / 1e6 / 200);
}
main();
