// A vitest reporter used by `npm test` (scripts/test.mjs): one line per project (unit, sqlite, mysql)
// with its files, tests and time — "busy" is the time its files took (setup, import, tests), "span" from
// its first file's start to its last file's end (projects share the workers, so spans may overlap).

/** @implements {import('vitest/node').Reporter} */
export default class ProjectTimes {
  /** @type {Map<string, { files: number, tests: number, busyMs: number, first: number, last: number }>} */
  byProject = new Map();

  /** @param {string} name */
  entry(name) {
    let e = this.byProject.get(name);
    if (!e) this.byProject.set(name, (e = { files: 0, tests: 0, busyMs: 0, first: Infinity, last: 0 }));
    return e;
  }

  /** @param {import('vitest/node').TestModule} m */
  onTestModuleStart(m) {
    const e = this.entry(m.project.name);
    e.first = Math.min(e.first, Date.now());
  }

  /** @param {import('vitest/node').TestModule} m */
  onTestModuleEnd(m) {
    const e = this.entry(m.project.name);
    const d = m.diagnostic();
    e.files += 1;
    e.tests += [...m.children.allTests()].length;
    e.busyMs += d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration + d.duration;
    e.last = Math.max(e.last, Date.now());
  }

  onTestRunEnd() {
    if (!this.byProject.size) return;
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    console.log('\nTime per vitest project:');
    for (const [name, e] of this.byProject) {
      console.log(`  ${name.padEnd(7)} ${String(e.files).padStart(3)} files ${String(e.tests).padStart(5)} tests   busy ${s(e.busyMs).padStart(8)}   span ${s(e.last - e.first).padStart(8)}`);
    }
  }
}
