/**
 * The import rules of E-Health, held by dependency-cruiser (run by `npm test` through
 * scripts/architecture/architecture.test.ts, and by hand with `npm run check:architecture`).
 *
 * Layers run one way (see README, "Project layout"):
 *   core/        pure vocabulary and helpers: imports nothing of ours
 *   db/          schema, client, dialect seam, repositories, migrations: imports core/ only
 *   lib/         the domain (services, API wrapper, seeds, FHIR import): imports db/ and core/
 *   components/  React components: import lib/ and core/ (types included), never db/
 *   app/         pages, server actions, route handlers: import components/, lib/, core/, never db/
 * No import cycles. Tests and test support (lib/testing) may reach any layer to set up and inspect
 * data, so they are left out; scripts/ and bench/ are entry points like app/ and may open the
 * database (db/) to migrate, seed or measure.
 */
const TESTS = '(^|/)[^/]+\\.(test|spec)\\.(ts|tsx|mts)$|^lib/testing/|^e2e/';

/** A rule: files under `from` may not import files under `to`. */
const layer = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { path: to },
});

module.exports = {
  forbidden: [
    layer('core-imports-nothing-of-ours', 'core/ is the bottom layer: pure helpers and vocabulary, importing only packages and itself.',
      '^core/', '^(db|lib|components|app|scripts|bench|e2e)/'),
    layer('db-imports-only-core', 'db/ talks to the database and knows no domain: it imports core/ and its drivers only.',
      '^db/', '^(lib|components|app|scripts|bench|e2e)/'),
    layer('lib-not-ui', 'lib/ is the domain: it never imports components/ or app/.',
      '^lib/', '^(components|app|scripts|bench|e2e)/'),
    layer('components-not-db', 'components/ import lib/ and core/, never db/ (not even its types) nor app/.',
      '^components/', '^(db|app|scripts|bench|e2e)/'),
    layer('app-not-db', 'app/ calls lib/ (pages, actions and route handlers are thin), never db/.',
      '^app/', '^(db|scripts|bench|e2e)/'),
    {
      name: 'schema-source-only-generated',
      comment: 'db/schema/tables.ts (and its neutral kit ./columns) is the source the dialect files are generated from; code imports the generated db/schema/sqlite.ts or mysql.ts through db/index.ts.',
      severity: 'error',
      from: { path: '^', pathNot: `${TESTS}|^db/schema/(tables|columns)\\.ts$` },
      to: { path: '^db/schema/(tables|columns)\\.ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'Import cycles make the order of module evaluation matter and layers meaningless.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the checker cannot resolve would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next|\\.test-output|data|db/migrations|scripts/architecture/fixture)/' },
    // Type-only imports count: components/ must not import db/ types either.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // Next and Node built-ins and packages resolve; virtual modules Next provides do not.
    reporterOptions: { text: { highlightFocused: true } },
  },
};
