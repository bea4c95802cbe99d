#!/usr/bin/env node
// Compiles the server and the command line (src/main.ts) into dist/server with esbuild: one bundle
// of our own modules (packages stay in node_modules), split where src/ imports lazily, with source
// maps. `node scripts/build-server.mjs` builds; `--if-stale` builds only when a source changed.
//
// Every module keeps its source file's address as import.meta.url, so what it finds beside itself
// (migrations, message catalogues, public files, the built web app) is read from the checkout
// exactly as when the sources run through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SERVER_DIR = path.join(ROOT, 'dist', 'server');
export const SERVER_MAIN = path.join(SERVER_DIR, 'main.js');
/** What the last build read (sources, the tsconfig, this script), and its output files. */
const MANIFEST = 'build.json';
/** Besides the sources, what shapes the output. */
const BUILD_INPUTS = ['scripts/build-server.mjs', 'tsconfig.json'];
/**
 * Files of older builds are kept this long (and the previous build's for good): a server started
 * from one may still load its lazy chunks.
 */
const KEEP_OLD_MS = 60 * 60 * 1000;

function readManifest(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Whether dist/server was built from the sources as they are now: `{ current: true }`, or
 * `{ current: false, reason }` when it is missing or a file it was built from changed since.
 */
export function serverBuildState(root = ROOT, dir = SERVER_DIR) {
  const manifest = readManifest(dir);
  if (!manifest || !fs.existsSync(path.join(dir, 'main.js'))) return { current: false, reason: `${path.relative(root, dir)} has not been built` };
  for (const input of manifest.inputs) {
    let mtimeMs;
    try {
      mtimeMs = fs.statSync(path.join(root, input)).mtimeMs;
    } catch {
      return { current: false, reason: `${input} is gone` };
    }
    if (mtimeMs >= manifest.startedAt) return { current: false, reason: `${input} changed after the build` };
  }
  return { current: true };
}

/** Writes a file under a temporary name, then renames it: a process loading the build never reads half a file. */
function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/** Builds dist/server (or `dir`); resolves to how long it took, in milliseconds. */
export async function buildServer(root = ROOT, dir = SERVER_DIR) {
  const esbuild = await import('esbuild');
  // Inputs changed from here on make the build stale: they may or may not be in it.
  const startedAt = Date.now() - 1;
  const sourceUrls = {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const contents = fs.readFileSync(args.path, 'utf8');
        const loader = args.path.endsWith('.tsx') ? 'tsx' : 'ts';
        if (!contents.includes('import.meta.url')) return { contents, loader };
        // Every output file sits directly in `dir`, so this address leads back to the source.
        const source = path.relative(dir, args.path).split(path.sep).join('/');
        return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(source)}, import.meta.url).href`), loader };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', 'proof-worker': 'src/modules/credentials/proof-worker.ts' },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Class and function names stay as written: error names and plugin names are read at run time.
    keepNames: true,
    sourcemap: 'linked',
    // The sources are in the checkout beside the build; the maps point at them.
    sourcesContent: false,
    define: { USTA_COMPILED: 'true' },
    plugins: [sourceUrls],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const entries = new Set(['main.js', 'proof-worker.js'].map((name) => path.join(dir, name)));
  // Chunks and maps first, the entry points last: a process starting meanwhile finds what they import.
  const files = [...result.outputFiles].sort((a, b) => Number(entries.has(a.path)) - Number(entries.has(b.path)));
  for (const file of files) writeAtomically(file.path, file.contents);

  const previous = readManifest(dir);
  const outputs = files.map((file) => path.relative(dir, file.path));
  const inputs = [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS].sort();
  writeAtomically(path.join(dir, MANIFEST), `${JSON.stringify({ startedAt, inputs, outputs }, null, 1)}\n`);

  const keep = new Set([MANIFEST, ...outputs, ...(previous?.outputs ?? [])]);
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (keep.has(name) || Date.now() - fs.statSync(file).mtimeMs < KEEP_OLD_MS) continue;
    fs.rmSync(file, { force: true });
  }
  return Date.now() - startedAt;
}

/** Builds dist/server when it is missing or older than the sources, saying so through `log`. */
export async function ensureServerBuild(log = (message) => process.stderr.write(`${message}\n`)) {
  const state = serverBuildState();
  if (state.current) return;
  log(`Building the server into dist/server (${state.reason})…`);
  const ms = await buildServer();
  log(`Built the server in ${ms} ms.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    if (ifStale) await ensureServerBuild((message) => process.stdout.write(`${message}\n`));
    else process.stdout.write(`Built the server into dist/server in ${await buildServer()} ms.\n`);
  } catch (error) {
    // esbuild has printed the errors with their file and line.
    process.stderr.write(`The server did not build: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exit(1);
  }
}
