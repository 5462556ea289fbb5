// The clients of the "ingest" group, in their own process: posts every body of a
// JSON file (an array of strings) to <url>/articles with <concurrency> requests in
// flight over keep-alive connections, and prints {ms, statuses, cpuMs} as JSON.
// node:http rather than fetch: the clients share the 2 cores with the server, and
// fetch cost about twice node:http's CPU per request here (~2.4 against ~1.0 ms).
// Usage: node ingest-client.mjs <url> <file> <concurrency>
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const [url, file, concurrency] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(file, 'utf8'));
const target = new URL('/articles', url);
const agent = new Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const statuses = {};

/** One POST; resolves with the status once the answer is read whole. */
function post(body) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body, 'utf8');
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < bodies.length) {
      const status = await post(bodies[next++]);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }),
);
const ms = performance.now() - t0;
agent.destroy();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ms, statuses, cpuMs: (cpu.user + cpu.system) / 1000 }));
