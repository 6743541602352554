// The second half of `npm run build`: bundles the command line that tsc compiled into dist/ (its own modules and the
// packages it uses) into dist/bundle/, and makes dist/bin/program.js load it from there. Node then loads a handful of
// files where it loaded ~440 modules one by one, which took most of a second before the dashboard's first frame
// (issue 16). The subcommands stay in chunks of their own that load only when one runs. dist/core,
// dist/mock-accounting and dist/scenarios stay as tsc wrote them: they are what another project imports.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

/**
 * The worker thread of `booklab scenarios run`, bundled beside the program: unbundled, each thread loaded ~440 modules
 * one by one, and its first scenario came 1.1 s after its start instead of 0.6 s (at load 5), which is what made a
 * second thread not pay for itself. The module that starts it finds it beside its own chunk, so it keeps the chunk's URL.
 */
const WORKERS = [{ name: 'catalogue-worker', source: 'scenarios/catalogue-worker.js', startedBy: 'scenarios/scenario-threads.js' }];

/**
 * A module that finds files next to itself (`new URL('./x.js', import.meta.url)`) would look beside the chunk it ends
 * up in; each such module is given the URL of the file it was bundled from, so that it still finds what it looked for
 * (booklab's and Ink's package.json). The packages' edits (below) are made in the same pass: esbuild loads a file
 * through the first plugin that answers for it.
 */
function packageSources(outdir) {
  const startersOfWorkers = new Set(WORKERS.map(({ startedBy }) => join(outdir, '..', startedBy)));
  return {
    name: 'package-sources',
    setup(build) {
      build.onLoad({ filter: /\.(m?js|cjs)$/ }, async ({ path }) => {
        if (startersOfWorkers.has(path)) return undefined;
        const text = await readFile(path, 'utf8');
        const edited = editPackageSource(path, text);
        if (edited?.unchanged) console.error(`[booklab] ${edited.unchanged}: it is bundled unchanged, ${edited.cost}.`);
        const contents = edited?.contents ?? text;
        if (!contents.includes('import.meta.url')) return edited?.contents ? { contents, loader: 'js' } : undefined;
        const fromChunk = relative(outdir, path).split(sep).join('/');
        const own = `(new URL(${JSON.stringify(fromChunk)}, import.meta.url).href)`;
        return { contents: contents.replace(IMPORT_META_URL, own), loader: 'js', resolveDir: dirname(path) };
      });
    },
  };
}

/** React's packages: the package, and its production build's file in it. */
const PRODUCTION_REACT = {
  react: ['react', 'cjs/react.production.js'],
  'react/jsx-runtime': ['react', 'cjs/react-jsx-runtime.production.js'],
  'react-reconciler': ['react-reconciler', 'cjs/react-reconciler.production.js'],
  scheduler: ['scheduler', 'cjs/scheduler.production.js'],
};

/**
 * React's packages choose their production or development build when loaded, by NODE_ENV; bundled, both would be
 * parsed on every start (0.8 MB of development builds). The launcher runs production unless told otherwise,
 * so the bundle holds the production build only; the sources (BOOKLAB_FROM_SOURCES=1) keep React's development checks.
 */
function productionReact() {
  const filter = new RegExp(`^(${Object.keys(PRODUCTION_REACT).join('|')})$`);
  return {
    name: 'production-react',
    setup(build) {
      build.onResolve({ filter }, async ({ path, importer, kind, resolveDir }) => {
        const [name, file] = PRODUCTION_REACT[path];
        // Found as the importer would find it (its copy of the package), then the build file inside it.
        const manifest = await build.resolve(`${name}/package.json`, { importer, kind, resolveDir });
        if (manifest.errors.length > 0) return { errors: manifest.errors };
        return { path: join(dirname(manifest.path), file) };
      });
    },
  };
}

/** How many lines (and texts measured) the dashboard's frames share before the shared caches start afresh. */
const SHARED_TEXT_CACHE_LIMIT = 20_000;

/**
 * Edits of packages' files, made as they are bundled. Where a file no longer reads as expected, it is bundled as it
 * is and the build says so, with what that costs.
 *
 * Ink measures and tokenizes every text on screen again for each frame: its Output keeps its line and width caches for
 * one frame (a new Output per frame), and each text node's width is measured without the cache Ink keeps for layout.
 * A key that moves one row of the 10,000-invoice case spent about a third of its time there (issue 16). Bundled, the
 * Output's caches last across frames (bounded: past the limit a cache starts afresh; a line's styled characters are
 * only read once made, so sharing them is safe), and a text node's width comes from Ink's own measureText cache.
 *
 * Yoga (Ink's layout) carries its WebAssembly as a base64 data: URL, which it reads through fetch() when there is one.
 * Node's fetch loads undici on first use: about 50 ms of CPU, and 20 more to percent-decode the URL, before the
 * dashboard's first frame (issue 16). Without fetch, Yoga decodes the same bytes with atob.
 */
const PACKAGE_EDITS = [
  {
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    cost: 'and the dashboard redraws slower',
    edits: [
      [/caches = new OutputCaches\(\);/, 'caches = sharedCaches;'],
      [/export default class Output \{/, 'const sharedCaches = new OutputCaches();\nexport default class Output {'],
      [
        /let cached = this\.(\w+)\.get\(/g,
        (read, map) => `if (this.${map}.size > ${SHARED_TEXT_CACHE_LIMIT}) this.${map}.clear();\n        ${read}`,
      ],
    ],
  },
  {
    file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
    cost: 'and the dashboard redraws slower',
    edits: [
      [
        /import widestLine from 'widest-line';/,
        "import measureText from './measure-text.js';\nconst widestLine = (text) => measureText(text).width;",
      ],
    ],
  },
  {
    file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    cost: 'and the dashboard starts about 70 ms slower',
    edits: [[/^var loadYoga = /m, '// Bundled by booklab: no fetch here (bin/bundle.js).\nconst fetch = undefined;\nvar loadYoga = ']],
  },
];

/**
 * A package's file at `path` (text `text`) with the edits above, or the reason it is left unchanged: undefined for a
 * file not edited; an object with `unchanged` and what that costs when an edit no longer finds what it changes.
 */
export function editPackageSource(path, text) {
  const target = PACKAGE_EDITS.find(({ file }) => file.test(path));
  if (!target) return undefined;
  let contents = text;
  for (const [pattern, replacement] of target.edits) {
    const edited = contents.replace(pattern, replacement);
    if (edited === contents) return { unchanged: `${path} no longer reads as bin/bundle.js expects (${pattern})`, cost: target.cost };
    contents = edited;
  }
  return { contents };
}

/**
 * Bundles dist/bin/program.js (tsc's output) into dist/bundle/ and leaves in its place a module that re-exports the
 * bundle's. Returns false, with the reason on stderr, when esbuild is not installed: tsc's unbundled build then runs,
 * only slower to start.
 */
export async function bundleProgram(root) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.error(
      '[booklab] esbuild is not installed, so the build is not bundled: booklab runs, but starts slower. `npm install` installs it.',
    );
    return false;
  }
  const program = join(root, 'dist', 'bin', 'program.js');
  const unbundled = join(root, 'dist', 'bin', 'program.unbundled.js');
  // The bundle, its chunks and the re-export all in one place: a module's own URL is computed from the chunk's.
  const outdir = join(root, 'dist', 'bundle');
  await rename(program, unbundled);
  await esbuild.build({
    entryPoints: { program: unbundled, ...Object.fromEntries(WORKERS.map(({ name, source }) => [name, join(root, 'dist', source)])) },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Names are not kept: esbuild's __name helper redefined the name of each function and class as it was made, 32,000
    // times in a catalogue run (closures made per request included), about 2 % of its CPU. Only the names esbuild changes
    // for a clash differ (a stack trace may show handle2, CommanderError2); booklab reads no function's name.
    keepNames: false,
    // Ink imports React's devtools only when DEV=true, and tells the person to install them when they are missing.
    external: ['react-devtools-core'],
    // The CommonJS packages (Express, React) call require() for Node's own modules, which an ES module lacks.
    banner: { js: "import { createRequire as __booklabRequire } from 'node:module'; const require = __booklabRequire(import.meta.url);" },
    plugins: [productionReact(), packageSources(outdir)],
    logLevel: 'warning',
  });
  await rm(unbundled);
  await writeFile(program, "// The command line, bundled by bin/bundle.js.\nexport * from '../bundle/program.js';\n");
  return true;
}
