// Runs one autocannon load in its own process (so the load generator does not share
// an event loop with the server under test) and prints a JSON summary on stdout.
// argv[2]: JSON { url, connections, duration, headers, requests? } (requests: autocannon's
// list of requests each connection cycles through)
import autocannon from 'autocannon';

const { url, connections, duration, headers, requests } = JSON.parse(process.argv[2]);
const result = await autocannon({
  url,
  connections,
  duration,
  headers,
  ...(requests ? { requests } : {}),
});
const statuses = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
);
process.stdout.write(
  JSON.stringify({
    reqPerSec: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    latencyMean: result.latency.average,
    bytesPerSec: result.throughput.average,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
