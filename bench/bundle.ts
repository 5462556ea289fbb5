// Group "bundle": each Lambda handler bundled with esbuild with the options the CDK
// stack hands NodejsFunction (infra/bundling.ts), into a temporary folder. Reports the minified
// size, the biggest contributors to the feed bundle (metafile), and the cold init
// time: a fresh `node` process that imports the bundle and nothing else, timed with
// performance.now() inside the child; baseline: a fresh process importing an empty module.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLE } from '../infra/bundling.js';
import { type Figure, fmt, type GroupResult, median, ROOT, table, verdict } from './lib.js';

const run = promisify(execFile);
const PROCESSES = 9;
/** Size goals of the bundles, in the KB this bench prints (1,024 bytes): the feed's
 *  (issue 14) and the ingest's (issue 13: English may not take it past 500 KB). */
const SIZE_GOALS_KB: Readonly<Record<string, number>> = { feed: 400, ingest: 500 };
const INIT_GOAL_MS = 150;

async function bundle(
  entry: string,
  outdir: string,
): Promise<{ file: string; bytes: number; mapBytes: number; metafile: Metafile }> {
  const outfile = join(outdir, 'index.mjs');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    outfile,
    ...LAMBDA_BUNDLE,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    external: [...LAMBDA_BUNDLE.external],
    metafile: true,
    logLevel: 'warning',
  });
  return {
    file: outfile,
    bytes: (await stat(outfile)).size,
    mapBytes: (await stat(`${outfile}.map`)).size,
    metafile: result.metafile,
  };
}

/** node_modules/<pkg> (scoped too), or the project folder two levels deep. */
function owner(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) return m[1]!;
  return input.split('/').slice(0, 2).join('/');
}

const CHILD = `const t0 = performance.now();
await import(process.argv[2]);
const t1 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t1 }));
`;

async function coldInit(
  script: string,
  module: string,
  nodeOptions: string,
): Promise<{ importMs: number; readyMs: number; wallMs: number }> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TABLE_NAME: 'diplomacy-feed-bench',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    POWERTOOLS_SERVICE_NAME: 'diplomacy-feed-bench',
    POWERTOOLS_METRICS_NAMESPACE: 'DiplomacyFeed',
    LOG_LEVEL: 'INFO',
    // the poller validates its configuration when imported (functions/poll/config.ts)
    SOURCES: JSON.stringify([
      { name: 'bench', feedUrl: 'https://news.example/rss', language: 'vi' },
    ]),
    POLL_CONTACT_URL: 'https://example.org/diplomacy-feed/crawler',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  };
  const t0 = performance.now();
  const { stdout } = await run(process.execPath, [script, pathToFileURL(module).href], {
    env,
    cwd: tmpdir(),
  });
  const wallMs = performance.now() - t0;
  return { ...(JSON.parse(stdout) as { importMs: number; readyMs: number }), wallMs };
}

export async function bundleGroup(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'diplomacy-bench-'));
  try {
    const handlers = [
      { name: 'feed', entry: 'functions/handlers/feed.ts' },
      { name: 'ingest', entry: 'functions/handlers/ingest.ts' },
      // the scheduled poller: fetcher, feed parser, Readability + linkedom, the extractor
      { name: 'poll', entry: 'functions/handlers/poll.ts' },
    ];
    const built = [];
    for (const h of handlers) {
      const tb = performance.now();
      const b = await bundle(h.entry, join(dir, h.name));
      built.push({ ...h, ...b, buildMs: performance.now() - tb });
    }
    const script = join(dir, 'init.mjs');
    const empty = join(dir, 'empty.mjs');
    await writeFile(script, CHILD);
    await writeFile(empty, 'export {};\n');

    // cold starts: the Lambda sets NODE_OPTIONS=--enable-source-maps (infra/stack.ts);
    // measured with and without it, interleaved, PROCESSES fresh processes each
    const variants = [
      { key: 'empty module', module: empty, opts: '' },
      ...built.flatMap((b) => [
        { key: `${b.name}`, module: b.file, opts: '' },
        { key: `${b.name} --enable-source-maps`, module: b.file, opts: '--enable-source-maps' },
      ]),
    ];
    const samples = new Map(
      variants.map((v) => [v.key, [] as { importMs: number; readyMs: number; wallMs: number }[]]),
    );
    await coldInit(script, empty, ''); // warm the file cache
    for (const b of built) await coldInit(script, b.file, '');
    for (let i = 0; i < PROCESSES; i++) {
      for (const v of variants) samples.get(v.key)!.push(await coldInit(script, v.module, v.opts));
    }
    const med = (key: string, f: 'importMs' | 'readyMs' | 'wallMs') =>
      median(samples.get(key)!.map((s) => s[f]));
    const emptyImport = med('empty module', 'importMs');

    const figures: Figure[] = [];
    const sizeRows: (string | number)[][] = [];
    for (const b of built) {
      const kb = b.bytes / 1024;
      const goal = SIZE_GOALS_KB[b.name];
      const sizeMet = goal === undefined ? undefined : kb <= goal;
      figures.push({
        name: `${b.name} bundle size (minified)`,
        value: kb,
        unit: 'KB',
        ...(goal === undefined ? {} : { goal: `≤ ${goal} KB`, met: sizeMet }),
        extra: {
          bytes: b.bytes,
          sourceMapBytes: b.mapBytes,
          buildMs: b.buildMs,
          inputs: Object.keys(b.metafile.inputs).length,
        },
      });
      sizeRows.push([
        b.name,
        kb,
        fmt(b.mapBytes / 1024, 0),
        Object.keys(b.metafile.inputs).length,
        fmt(b.buildMs, 0),
        goal === undefined ? '' : `≤ ${goal} KB: ${verdict(sizeMet)}`,
      ]);
    }
    const initRows: (string | number)[][] = [
      [
        'empty module (baseline)',
        emptyImport,
        '1.00×',
        med('empty module', 'readyMs'),
        med('empty module', 'wallMs'),
        '',
      ],
    ];
    for (const v of variants.slice(1)) {
      const imp = med(v.key, 'importMs');
      const met = imp <= INIT_GOAL_MS;
      figures.push({
        name: `${v.key} cold init (import)`,
        value: imp,
        unit: 'ms',
        samples: samples.get(v.key)!.map((s) => s.importMs),
        baseline: { name: 'fresh node importing an empty module', value: emptyImport, unit: 'ms' },
        ratio: imp / emptyImport,
        goal: `≤ ${INIT_GOAL_MS} ms`,
        met,
        extra: {
          processStartToReadyMs: med(v.key, 'readyMs'),
          spawnToExitMs: med(v.key, 'wallMs'),
        },
      });
      initRows.push([
        v.key,
        imp,
        `${fmt(imp / emptyImport, 1)}×`,
        med(v.key, 'readyMs'),
        med(v.key, 'wallMs'),
        `≤ ${INIT_GOAL_MS} ms: ${verdict(met)}`,
      ]);
    }

    // contributors to the feed bundle: bytes each input left in the minified output
    const feed = built.find((b) => b.name === 'feed')!;
    const out = Object.values(feed.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
    const inputs = Object.entries(out.inputs)
      .map(([path, v]) => ({ input: relative(ROOT, join(ROOT, path)), bytes: v.bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes);
    const byOwner = new Map<string, number>();
    for (const i of inputs)
      byOwner.set(owner(i.input), (byOwner.get(owner(i.input)) ?? 0) + i.bytes);
    const owners = [...byOwner.entries()]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes);

    console.log(
      table(
        `bundle — esbuild with infra/bundling.ts (the stack's options)`,
        ['function', 'KB', 'map KB', 'inputs', 'build ms', 'goal'],
        sizeRows,
      ),
    );
    console.log(
      table(
        `cold init — fresh node ${process.version} process importing the bundle, median of ${PROCESSES} processes (env: TABLE_NAME, AWS_REGION, POWERTOOLS_*)`,
        ['module', 'import ms', 'vs empty', 'start→ready ms', 'spawn→exit ms', 'goal'],
        initRows,
      ),
    );
    const total = out.bytes;
    console.log(
      table(
        'feed bundle — top 10 inputs by bytes in the minified output',
        ['input', 'KB', 'share'],
        inputs
          .slice(0, 10)
          .map((i) => [i.input, i.bytes / 1024, `${fmt((100 * i.bytes) / total, 1)} %`]),
      ),
    );
    console.log(
      table(
        'feed bundle — by package',
        ['package', 'KB', 'share'],
        owners
          .slice(0, 12)
          .map((o) => [o.name, o.bytes / 1024, `${fmt((100 * o.bytes) / total, 1)} %`]),
      ),
    );

    return {
      group: 'bundle',
      command: 'npm run bench -- bundle',
      startedAt,
      durationMs: performance.now() - t0,
      figures,
      notes: [
        'import ms = performance.now() around `await import(bundle)` inside the child; start→ready = performance.now() after the import (since process start)',
        'the deployed functions run with NODE_OPTIONS=--enable-source-maps; both variants are reported',
      ],
      tables: {
        feedTopInputs: inputs.slice(0, 10),
        feedByPackage: owners,
        feedOutputBytes: total,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
