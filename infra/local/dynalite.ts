// An embedded DynamoDB-compatible engine for the local runtime and the tests:
// dynalite in this process, on a free loopback port, in memory or persisted to disk.
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface LocalEngine {
  endpoint: string;
  close(): Promise<void>;
}

export async function startDynalite(options: { path?: string } = {}): Promise<LocalEngine> {
  const server = dynalite({ ...options, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
