// `npm run bench` runs every group; `npm run bench -- <group> [<group>…]` runs some.
// Prints a table per group and writes .bench/results.json (merged with the groups of
// earlier runs that were not re-run). Figures are reported, never asserted.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fmt, type GroupResult, machine, ROOT } from './lib.js';

// Before the app's modules load (the logger reads its level at import):
// one JSON log line per request would flood the tables and cost time of its own.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const GROUPS: Record<string, () => Promise<GroupResult>> = {
  extraction: async () => (await import('./extraction.js')).extraction(),
  render: async () => (await import('./render.js')).render(),
  http: async () => (await import('./http.js')).http(),
  bundle: async () => (await import('./bundle.js')).bundleGroup(),
  scale: async () => (await import('./scale.js')).scale(),
  load: async () => (await import('./load.js')).loadGroup(),
  poll: async () => (await import('./poll.js')).pollGroup(),
  ingest: async () => (await import('./ingest.js')).ingest(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !(a in GROUPS));
  if (unknown.length > 0 || process.argv.includes('--help')) {
    console.error(`usage: npm run bench [-- <group>…]   groups: ${Object.keys(GROUPS).join(', ')}`);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  const names = asked.length > 0 ? asked : Object.keys(GROUPS);
  const host = machine();
  console.log(
    `diplomacy-feed benchmarks — ${host.date}\nmachine: nproc ${host.nproc}, ${host.cpu}, Node ${host.node} (${host.platform})`,
  );

  const results: Record<string, GroupResult> = {};
  const t0 = performance.now();
  for (const name of names) {
    const result = await GROUPS[name]!();
    results[name] = result;
    console.log(`  (${name}: ${fmt(result.durationMs / 1000, 1)} s)`);
  }
  console.log(`\nall done in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  const dir = join(ROOT, '.bench');
  const file = join(dir, 'results.json');
  await mkdir(dir, { recursive: true });
  let previous: { groups?: Record<string, GroupResult & { machine?: unknown }> } = {};
  try {
    previous = JSON.parse(await readFile(file, 'utf8')) as typeof previous;
  } catch {
    // first run
  }
  const groups = { ...(previous.groups ?? {}) };
  for (const [name, r] of Object.entries(results)) groups[name] = { ...r, machine: host };
  await writeFile(
    file,
    `${JSON.stringify({ updated: host.date, machine: host, groups }, null, 2)}\n`,
  );
  console.log(`results: ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
