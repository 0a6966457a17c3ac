/**
 * First-load JavaScript per app page, read from a production build (`.next/`), without a server.
 *
 * What a page loads on first load is what the server puts into its HTML as `<script src>` (the
 * browser fetches each at once, before the page can respond to a click):
 * - the app's root bootstrap chunks, `rootMainFiles` of `.next/build-manifest.json` (the same for
 *   every page; the `polyfillFiles` are `nomodule` scripts that current browsers skip, so they are
 *   left out), and
 * - the client chunks of every segment of the route (root layout, error, not-found, forbidden,
 *   global-error boundaries, nested layouts, the page), the `entryJSFiles` of the route's client
 *   reference manifest, `.next/server/app/<route>/page_client-reference-manifest.js`.
 * A chunk counts once per page even when several segments list it. Its weight is its gzip size at
 * level 9 (what `next build` printed as "First Load JS" before Next 15.5, and close to what a server
 * sends with `Content-Encoding: gzip`). Chunks loaded later, e.g. through `next/dynamic` or a link's
 * prefetch, are not first load.
 *
 * Next also writes `.next/diagnostics/route-bundle-stats.json` (the first-load chunk paths per route);
 * `crossCheck` compares both so a change in Next's files shows up instead of silently wrong numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** One page route's first load: its URL pattern, the chunks (`static/chunks/….js`) and their gzip bytes. */
export interface PageWeight {
  route: string;
  chunks: string[];
  gzipBytes: number;
  /** The same chunks uncompressed. */
  rawBytes: number;
}

/** Sizes of one chunk file. */
export interface ChunkSize {
  gzip: number;
  raw: number;
}

/** The parts of a build the computation needs, read by `readBuild` (or made up in a test). */
export interface BuildInput {
  /** `rootMainFiles` of build-manifest.json: `static/chunks/….js`. */
  rootMainFiles: string[];
  /** App entry (`/admin/page`) → URL pattern (`/admin`), from app-path-routes-manifest.json. */
  appPathRoutes: Record<string, string>;
  /** App entry → its client reference manifest's `entryJSFiles` (segment → chunk list); missing if the file is absent. */
  entryJSFiles: Record<string, Record<string, string[]>>;
}

/** Entries that are pages a person can open (not route handlers, not the internal global-error page). */
export function pageEntries(appPathRoutes: Record<string, string>): string[] {
  return Object.keys(appPathRoutes).filter((entry) => entry.endsWith('/page') && entry !== '/_global-error/page');
}

/**
 * First-load weight of every page, heaviest first (then by route). `sizeOf(chunk)` gives a chunk's
 * sizes (`chunk` as the manifests spell it: `static/chunks/x.js`). Throws if a page has no client
 * reference manifest (an incomplete or foreign build).
 */
export function pageWeights(build: BuildInput, sizeOf: (chunk: string) => ChunkSize): PageWeight[] {
  const cache = new Map<string, ChunkSize>();
  const size = (c: string) => {
    let s = cache.get(c);
    if (!s) cache.set(c, (s = sizeOf(c)));
    return s;
  };
  const out: PageWeight[] = [];
  for (const entry of pageEntries(build.appPathRoutes)) {
    const segments = build.entryJSFiles[entry];
    if (!segments) throw new Error(`no client reference manifest for ${entry}: is the build complete?`);
    const chunks = [...new Set([...build.rootMainFiles, ...Object.values(segments).flat()])].filter((c) => c.endsWith('.js'));
    let gzipBytes = 0;
    let rawBytes = 0;
    for (const c of chunks) {
      gzipBytes += size(c).gzip;
      rawBytes += size(c).raw;
    }
    out.push({ route: build.appPathRoutes[entry], chunks, gzipBytes, rawBytes });
  }
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

/** A page's budget: first-load gzip bytes it must not exceed. */
export interface Budget {
  route: string;
  label: string;
  maxGzipBytes: number;
}

/** One budget's outcome; `weight` is missing when the build has no such page. */
export interface BudgetResult extends Budget {
  weight?: PageWeight;
  ok: boolean;
}

/** Each budget against the weights (a missing page fails its budget). */
export function checkBudgets(weights: PageWeight[], budgets: Budget[]): BudgetResult[] {
  return budgets.map((b) => {
    const weight = weights.find((w) => w.route === b.route);
    return { ...b, weight, ok: weight !== undefined && weight.gzipBytes <= b.maxGzipBytes };
  });
}

/** `route-bundle-stats.json`'s rows (Next ≥ 16): route and its first-load chunk paths (`.next/static/chunks/….js`). */
export interface RouteBundleStat {
  route: string;
  firstLoadChunkPaths: string[];
}

/** Routes whose chunk sets differ between our reading and Next's own diagnostics (empty = agree). */
export function crossCheck(weights: PageWeight[], stats: RouteBundleStat[]): string[] {
  const problems: string[] = [];
  const norm = (p: string) => p.replace(/^\.next\//, '');
  for (const w of weights) {
    const s = stats.find((x) => x.route === w.route);
    if (!s) continue;
    const theirs = new Set(s.firstLoadChunkPaths.map(norm).filter((c) => c.endsWith('.js')));
    const ours = new Set(w.chunks);
    const onlyOurs = [...ours].filter((c) => !theirs.has(c));
    const onlyTheirs = [...theirs].filter((c) => !ours.has(c));
    if (onlyOurs.length || onlyTheirs.length) problems.push(`${w.route}: only here ${onlyOurs.join(', ') || '-'}; only in Next's diagnostics ${onlyTheirs.join(', ') || '-'}`);
  }
  return problems;
}

// ---------------------------------------------------------------- reading a build from disk

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The client reference manifest's `entryJSFiles` for `entry` (the file assigns `globalThis.__RSC_MANIFEST[entry]`). */
function readEntryJSFiles(distDir: string, entry: string): Record<string, string[]> | undefined {
  const file = path.join(distDir, 'server', 'app', `${entry}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return undefined;
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  return sandbox.__RSC_MANIFEST?.[entry]?.entryJSFiles ?? {};
}

/** Reads the manifests of the build in `distDir` (usually `<repo>/.next`). Throws when there is no build. */
export function readBuild(distDir: string): BuildInput {
  const manifest = path.join(distDir, 'build-manifest.json');
  if (!fs.existsSync(manifest)) throw new Error(`no production build in ${distDir}: run \`npm run build\` first`);
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>(manifest);
  const appPathRoutes = readJson<Record<string, string>>(path.join(distDir, 'app-path-routes-manifest.json'));
  const entryJSFiles: BuildInput['entryJSFiles'] = {};
  for (const entry of pageEntries(appPathRoutes)) {
    const files = readEntryJSFiles(distDir, entry);
    if (files) entryJSFiles[entry] = files;
  }
  return { rootMainFiles, appPathRoutes, entryJSFiles };
}

/** Gzip (level 9) and raw size of a chunk file of the build in `distDir`. */
export function chunkSizeOnDisk(distDir: string): (chunk: string) => ChunkSize {
  return (chunk) => {
    const bytes = fs.readFileSync(path.join(distDir, chunk));
    return { gzip: zlib.gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
  };
}

/** Next's own first-load chunk lists, when this Next version writes them. */
export function readRouteBundleStats(distDir: string): RouteBundleStat[] | undefined {
  const file = path.join(distDir, 'diagnostics', 'route-bundle-stats.json');
  return fs.existsSync(file) ? readJson<RouteBundleStat[]>(file) : undefined;
}

/** `284_000` → `"284.0 kB"` (1 kB = 1000 bytes, as `next build` printed them). */
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
