// The clients of the "ingest" group, in their own process: posts every body of a
// JSON file (an array of strings) to <url>/articles with <concurrency> requests in
// flight, and prints {ms, statuses} as JSON. Usage: node ingest-client.mjs <url> <file> <concurrency>
import { readFileSync } from 'node:fs';

const [url, file, concurrency] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(file, 'utf8'));
const statuses = {};
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const r = await fetch(`${url}/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await r.arrayBuffer();
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
  }),
);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, statuses }));
