// The one infrastructure test that bundles the real handlers with the local esbuild,
// as `npm run synth` and `npm run deploy` do, and loads the result.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type LocalEngine } from '../../infra/local/dynalite.js';
import { LOCAL_CREDENTIALS } from '../../infra/local/runtime.js';
import { ensureTable } from '../../infra/local/table.js';
import { build } from './helpers.js';

/** A fresh Node process; asynchronous, so dynalite in this one keeps answering. */
function runNode(script: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      { encoding: 'utf8', env, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ stdout, stderr: stderr || (error ? String(error) : '') }),
    );
  });
}

// A Function URL event (payload 2.0) for the bundled handler to answer.
function urlEvent(method: string, rawPath: string, body?: string) {
  return {
    version: '2.0',
    rawPath,
    rawQueryString: '',
    headers: { host: 'x.lambda-url.eu-west-1.on.aws', 'content-type': 'application/json' },
    requestContext: { domainName: 'x.lambda-url.eu-west-1.on.aws', http: { method, path: rawPath, sourceIp: '127.0.0.1' }, requestId: 'r' },
    ...(body ? { body, isBase64Encoded: false } : {}),
  };
}

let engine: LocalEngine;
beforeAll(async () => {
  engine = await startDynalite();
  const client = new DynamoDBClient({ endpoint: engine.endpoint, region: 'eu-west-1', credentials: LOCAL_CREDENTIALS });
  await ensureTable(client, 'diplomacy-feed-test');
  client.destroy();
});
afterAll(() => engine.close());

describe('bundled handlers', () => {
  it('are minified ESM with source maps, UTF-8 text and a createRequire banner, and answer requests', async () => {
    const { app, template } = build({ bundle: true });
    const assembly = app.synth();
    const fns = Object.entries(template.toJSON().Resources as Record<string, any>).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function',
    );
    expect(fns).toHaveLength(3);
    for (const [id, fn] of fns) {
      const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const dir = path.join(assembly.directory, `asset.${hash}`);
      expect(fs.readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
      const code = fs.readFileSync(path.join(dir, 'index.mjs'), 'utf8');
      // TOOLCHAIN: ~380–810 KB with the SDK bundled and module entry points first.
      expect(code.length, `${id} bundle size`).toBeLessThan(1_500_000);
      expect(code.startsWith("import{createRequire as __cdkCreateRequire}from'node:module';")).toBe(true);
      expect(code).toMatch(/sourceMappingURL=index\.mjs\.map\s*$/);
      // minified: few, long lines
      expect(code.split('\n').length).toBeLessThan(200);
      const map = JSON.parse(fs.readFileSync(path.join(dir, 'index.mjs.map'), 'utf8'));
      expect(map.sourcesContent).toBeUndefined();
      expect(map.sources.some((s: string) => s.includes('functions/handlers/'))).toBe(true);
      // charset=utf8: no \\uXXXX escapes of Latin letters with diacritics (Vietnamese)
      const escaped = code.match(/.{0,40}\\u1e[0-9a-f]{2}/i);
      expect(escaped?.[0] ?? null, `${id}: \\u-escaped text`).toBeNull();

      // Run it as Lambda would, in a plain Node process (ESM, createRequire, top level),
      // with the role's credentials in the environment: the bundle's credential
      // provider is the build-time substitute (infra/bundling.ts), so this proves it.
      // the poller (a scheduled function) is loaded, not invoked: it would poll the configured outlets
      if (id.startsWith('Poll')) {
        const probe = await runNode(
          `await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)}); process.stdout.write('loaded');`,
          { PATH: process.env.PATH, TABLE_NAME: 'diplomacy-feed-test', AWS_REGION: 'eu-west-1',
            SOURCES: fn.Properties.Environment.Variables.SOURCES, POLL_CONTACT_URL: 'https://example.org/contact',
            POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        );
        expect(probe.stderr, `${id} loads`).toBe('');
        expect(probe.stdout).toBe('loaded');
        continue;
      }
      const request = id.startsWith('Ingest')
        ? urlEvent('POST', '/articles', JSON.stringify({ publishedAt: '2026-02-05', text: 'Hôm nay không có sự kiện nào.' }))
        : urlEvent('GET', '/healthz');
      const probe = await runNode(
        `const m = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
         const r = await m.handler(${JSON.stringify(request)}, { awsRequestId: 'r', functionName: 'f' });
         process.stdout.write(String(r.statusCode));`,
        {
          PATH: process.env.PATH,
          TABLE_NAME: 'diplomacy-feed-test',
          DYNAMODB_ENDPOINT: engine.endpoint,
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
          POWERTOOLS_SERVICE_NAME: 'diplomacy-feed-test',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
          POWERTOOLS_METRICS_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      );
      expect(probe.stderr, `${id} runs`).toBe('');
      expect(probe.stdout, `${id} answers`).toBe(id.startsWith('Ingest') ? '201' : '200');
    }
    // The ingest bundle carries the Vietnamese vocabulary of the extractor as written.
    const ingest = fns.find(([id]) => id.startsWith('Ingest'))![1];
    const ingestCode = fs.readFileSync(
      path.join(assembly.directory, `asset.${String(ingest.Properties.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs'),
      'utf8',
    );
    expect(ingestCode).toMatch(/[ăâđêôơư]/);
  }, 60_000);
});
