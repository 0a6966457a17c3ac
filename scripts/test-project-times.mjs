// A vitest reporter used by `npm test` (scripts/test.mjs): one line per project (unit, sqlite, mysql)
// with its files, tests and the time its files took (environment, set-up, import and tests, added up;
// files run side by side in the workers, so the sum can exceed the wall time).

/** @implements {import('vitest/node').Reporter} */
export default class ProjectTimes {
  /** @type {Map<string, { files: number, tests: number, ms: number }>} */
  byProject = new Map();

  /** @param {import('vitest/node').TestModule} m */
  onTestModuleEnd(m) {
    const name = m.project.name;
    let e = this.byProject.get(name);
    if (!e) this.byProject.set(name, (e = { files: 0, tests: 0, ms: 0 }));
    const d = m.diagnostic();
    e.files += 1;
    e.tests += [...m.children.allTests()].length;
    e.ms += d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration + d.duration;
  }

  onTestRunEnd() {
    if (!this.byProject.size) return;
    console.log('\nTime per vitest project (its files added up):');
    for (const [name, e] of this.byProject) {
      console.log(`  ${name.padEnd(7)} ${String(e.files).padStart(3)} files ${String(e.tests).padStart(5)} tests ${(e.ms / 1000).toFixed(1).padStart(8)} s`);
    }
  }
}
