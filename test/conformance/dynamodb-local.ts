// DynamoDB Local (the official engine, a Java jar) for the conformance tests: finds
// the jar, starts it in memory on a free loopback port, waits until it answers, and
// stops it. The jar comes from test/conformance/fetch-dynamodb-local.sh (npm pack of
// amplify-dynamodb-simulator), or from DYNAMODB_LOCAL_DIR.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from '../../infra/local/runtime.js';

export const DEFAULT_CACHE_DIR = join(
  import.meta.dirname,
  '../../node_modules/.cache/dynamodb-local',
);

export type Availability = { ok: true; dir: string; java: string } | { ok: false; reason: string };

/** Whether DynamoDB Local can run here, and if not, why (for the skip message). */
export function dynamoDbLocalAvailability(): Availability {
  const dir = process.env.DYNAMODB_LOCAL_DIR || DEFAULT_CACHE_DIR;
  if (!existsSync(join(dir, 'DynamoDBLocal.jar')) || !existsSync(join(dir, 'DynamoDBLocal_lib'))) {
    return {
      ok: false,
      reason: `no DynamoDBLocal.jar in ${dir}: run \`sh test/conformance/fetch-dynamodb-local.sh\` (or set DYNAMODB_LOCAL_DIR)`,
    };
  }
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0)
    return { ok: false, reason: `no Java runtime (${java}); DynamoDB Local needs Java 17+` };
  return { ok: true, dir, java };
}

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts DynamoDB Local in memory; resolves once it answers ListTables. */
export async function startDynamoDbLocal(readyWithinMs = 30_000): Promise<DynamoDbLocal> {
  const available = dynamoDbLocalAvailability();
  if (!available.ok) throw new Error(available.reason);
  const port = await freePort();
  const child: ChildProcess = spawn(
    available.java,
    [
      `-Djava.library.path=${join(available.dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(available.dir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { cwd: available.dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exited = code;
      resolve();
    });
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    }
  };

  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + readyWithinMs;
  try {
    for (;;) {
      if (exited !== undefined) throw new Error(`DynamoDB Local exited (${exited}): ${stderr}`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${readyWithinMs} ms: ${stderr}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, stop };
}
