/**
 * Dialect-specific constructs stay inside the seam between SQLite and MySQL (db/dialect.ts, with
 * db/index.ts, db/sqlite-gate.ts and db/errors.ts): everywhere else a repository is written once against
 * the canonical query surface. ESLint (syntax only, no type information) holds it; run by `npm test`
 * through scripts/architecture/architecture.test.ts and by hand with `npm run check:architecture`.
 * Paths are relative to the folder ESLint runs in (the project root; the fixture's folder for the
 * fixture, which breaks these rules on purpose).
 */
import tsParser from '@typescript-eslint/parser';

const SEAM = ['db/dialect.ts', 'db/index.ts', 'db/sqlite-gate.ts', 'db/errors.ts', 'db/schema/**'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', 'lib/testing/**', 'e2e/**'];

const seamOnly = (message) => `${message} belongs in the dialect seam (db/dialect.ts): write the repository once and call the seam.`;

export default [
  { ignores: ['node_modules/**', '.next/**', '.test-output/**', 'data/**', 'db/migrations/**', 'scripts/architecture/fixture/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    ignores: [...SEAM, ...TESTS],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name='for'][arguments.0.value=/^(update|share)$/]", message: seamOnly('A locking read (`.for(\'update\')`, MySQL only): use lockingRead(); it') },
        { selector: "CallExpression[callee.property.name=/^(onDuplicateKeyUpdate|onConflictDoUpdate|onConflictDoNothing)$/]", message: seamOnly('An upsert clause of one dialect: use upsert()/upsertMany(); it') },
        { selector: "CallExpression[callee.property.name=/^(returning|\\$returningId)$/]", message: seamOnly('Returning inserted rows differs per dialect: use insertOne(); it') },
        { selector: "TSAsExpression TSPropertySignature[key.name=/^(affectedRows|insertId|changes|lastInsertRowid)$/]", message: seamOnly('A cast of a driver result: use affectedRows()/insertOne(); it') },
        { selector: "TSTypeReference[typeName.name=/^(ResultSetHeader|RunResult)$/]", message: seamOnly('A driver result type') },
        { selector: "BinaryExpression[operator=/^[!=]==?$/]:has(> MemberExpression[property.name='dialect'])", message: seamOnly('A branch on the dialect') },
        { selector: "BinaryExpression[operator=/^[!=]==?$/]:has(> Identifier[name='dialect'])", message: seamOnly('A branch on the dialect') },
        { selector: "SwitchStatement[discriminant.property.name='dialect'], SwitchStatement[discriminant.name='dialect']", message: seamOnly('A branch on the dialect') },
      ],
    },
  },
];
