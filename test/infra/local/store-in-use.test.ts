// `npm run poll` (and a second `npm start`) on a store another process holds: a message
// saying what to do, exit status 1, no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEngine, startDynalite } from '../../../infra/local/dynalite.js';
import { isStoreInUse } from '../../../infra/local/store-in-use.js';

const repo = resolve(import.meta.dirname, '../../..');
let dir: string;
let holder: LocalEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'store-in-use-'));
  // this process holds the store, as a running `npm start` would
  holder = await startDynalite({ path: join(dir, 'dynalite') });
  await fetch(holder.endpoint, {
    method: 'POST',
    headers: {
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      'content-type': 'application/x-amz-json-1.0',
    },
    body: '{}',
  });
  writeFileSync(join(dir, 'sources.json'), '[]');
});
afterAll(async () => {
  await holder?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a store in use', () => {
  it('npm run poll says what to do instead of a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/poll.ts'], {
      cwd: repo,
      env: {
        ...process.env,
        DATA_DIR: dir,
        SOURCES_FILE: join(dir, 'sources.json'),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`the local store in ${dir} is in use by another process`);
    expect(run.stderr).toContain('stop `npm start`');
    expect(run.stderr).toContain('DYNAMODB_ENDPOINT=');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('is told from other failures', () => {
    expect(isStoreInUse(new Error('Database is closed'))).toBe(true);
    expect(isStoreInUse(new Error('ECONNREFUSED'))).toBe(false);
  });
});
