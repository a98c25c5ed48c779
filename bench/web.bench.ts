// Web console first load: the gzip size of the JavaScript a browser must fetch before the app
// starts — the entry script of the built index.html, its modulepreloads and every chunk they
// import statically (closed over the build manifest's static `imports`; chunks reached only through
// dynamic `import()`, i.e. lazy routes, are not counted). One production build of apps/web
// (`vite build`, NODE_ENV=production, as a release would be built) into a temporary directory, so
// apps/web/dist, which the browser tests build and serve, is never touched.
// Reference: the gzip size of all JavaScript the same build emitted, so the ratio shows how much
// of the app route-level splitting keeps out of the first load.
// Sizes are deterministic, so the build runs once (no median).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../scripts/root.ts';
import { benchConfig } from './bench-config.ts';
import type { Bench, BenchRow } from './bench-table.ts';

const WEB_ROOT = join(ROOT, 'apps', 'web');
const TARGET_KB = 250;
/** 1 KB = 1,000 bytes, as Vite's own build report counts. */
const KB = 1000;
const GZIP_LEVEL = 9;

/** One chunk of Vite's build manifest (`build.manifest`): its file and the keys it imports. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** apps/web's own vite CLI, resolved from the workspace as `npm run build` there would find it. */
function viteBin(): string {
  const require = createRequire(join(WEB_ROOT, 'package.json'));
  const packageJson = require.resolve('vite/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: { vite: string } };
  return join(dirname(packageJson), bin.vite);
}

/** Production build of apps/web into outDir, with a manifest; returns the wall-clock seconds. */
async function build(outDir: string): Promise<number> {
  const started = performance.now();
  try {
    await promisify(execFile)(
      process.execPath,
      [viteBin(), 'build', WEB_ROOT, '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
      // NODE_ENV must say production: under vitest (NODE_ENV=test) Vite bundles React's
      // development build, which is several times larger.
      { cwd: ROOT, env: benchConfig.childEnv({ NODE_ENV: 'production' }), maxBuffer: 16 * 2 ** 20 },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`web build failed:\n${stdout}${stderr}`, { cause: error });
  }
  return (performance.now() - started) / 1000;
}

/** Values of one attribute on every tag of a kind whose attributes pass `keep`. */
function tagAttributes(html: string, tag: string, keep: (attributes: string) => boolean, name: string): string[] {
  const values: string[] = [];
  for (const [, attributes = ''] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    if (!keep(attributes)) continue;
    const value = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
    const found = value?.[1] ?? value?.[2] ?? value?.[3];
    if (found !== undefined) values.push(found);
  }
  return values;
}

/** The scripts index.html makes the browser fetch at once: module entries and modulepreloads. */
function htmlScripts(html: string): string[] {
  const entries = tagAttributes(html, 'script', (a) => /\btype\s*=\s*["']?module\b/i.test(a), 'src');
  const preloads = tagAttributes(html, 'link', (a) => /\brel\s*=\s*["']?modulepreload\b/i.test(a), 'href');
  if (entries.length === 0) throw new Error('the built index.html has no <script type="module" src>');
  // Same-origin absolute paths under the default base ("/assets/x.js") → outDir-relative.
  return [...entries, ...preloads].map((src) => posix.normalize(src.replace(/^\//, '')));
}

/** Every file reachable from `roots` through static imports, by the build manifest. */
function staticClosure(roots: string[], manifest: Record<string, ManifestChunk>): Set<string> {
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const key = byFile.get(file);
    if (key === undefined) throw new Error(`${file} (referenced by index.html) is not in the build manifest`);
    for (const imported of manifest[key]!.imports ?? []) {
      const chunk = manifest[imported];
      if (chunk === undefined) throw new Error(`manifest: ${key} imports ${imported}, which it does not list`);
      visit(chunk.file);
    }
  };
  for (const root of roots) visit(root);
  return files;
}

/** Every .js file under dir, as a path relative to it with forward slashes. */
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: GZIP_LEVEL }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export const webBench: Bench = {
  name: 'web',
  async run(): Promise<BenchRow[]> {
    const outDir = mkdtempSync(join(tmpdir(), 'mailroom-web-bench-'));
    try {
      const seconds = await build(outDir);
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
        string,
        ManifestChunk
      >;
      const initial = staticClosure(htmlScripts(html), manifest);
      const all = jsFiles(outDir);
      for (const file of initial) {
        if (!all.includes(file)) throw new Error(`${file} is part of the first load but was not emitted`);
      }
      const sizes = new Map(all.map((file) => [file, gzipBytes(join(outDir, file))]));
      const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + sizes.get(file)!, 0);
      const initialBytes = sum(initial);
      const allBytes = sum(all);
      const lazy = all.filter((file) => !initial.has(file));
      const listed = [...initial]
        .sort((a, b) => sizes.get(b)! - sizes.get(a)!)
        .map((file) => `${posix.basename(file)} ${kb(sizes.get(file)!)}`)
        .join(', ');
      return [
        {
          figure: 'web: initial JavaScript, gzip',
          value: initialBytes / KB,
          unit: 'KB',
          target: `≤ ${TARGET_KB} KB`,
          pass: initialBytes / KB <= TARGET_KB,
          reference: { label: 'all emitted JS, gzip', value: allBytes / KB },
          note:
            `gzip level ${GZIP_LEVEL} (node:zlib), 1 KB = 1,000 bytes; production build in ${seconds.toFixed(1)} s. ` +
            `Initial (${initial.size} files: index.html's module script, its modulepreloads and their static imports): ${listed}. ` +
            `${lazy.length} lazy chunks (${kb(sum(lazy))}) loaded only through dynamic import().`,
        },
      ];
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
