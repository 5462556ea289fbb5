// The one infrastructure test that bundles the real handlers with the local esbuild,
// as `npm run synth` and `npm run deploy` do, and loads the result.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEngine, startDynalite } from '../../infra/local/dynalite.js';
import { LOCAL_CREDENTIALS } from '../../infra/local/runtime.js';
import { ensureTable } from '../../infra/local/table.js';
import { type FixtureServer, fixtureServer } from '../poll/fixtures.js';
import { build } from './helpers.js';

/** A fixture outlet on this machine (on a port the system gives): what the deployed poller must never reach. */
let outletPort = 0;
const outletFeed = () => `http://127.0.0.1:${outletPort}/feed.rss`;
/** Every way someone might try to switch the test-only allowlist on from outside. */
const allowAttempts = () =>
  Object.fromEntries(
    [
      'ALLOW_HOST',
      'ALLOW_HOSTS',
      'POLL_ALLOW_HOST',
      'POLL_ALLOW_HOSTS',
      'npm_config_allow_host',
    ].map((k) => [k, `127.0.0.1:${outletPort}`]),
  );

/** A fresh Node process; asynchronous, so dynalite in this one keeps answering. */
function runNode(
  script: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script, '--', ...args],
      { encoding: 'utf8', env, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ stdout, stderr: stderr || (error ? String(error) : '') }),
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
    requestContext: {
      domainName: 'x.lambda-url.eu-west-1.on.aws',
      http: { method, path: rawPath, sourceIp: '127.0.0.1' },
      requestId: 'r',
    },
    ...(body ? { body, isBase64Encoded: false } : {}),
  };
}

let engine: LocalEngine;
let outlet: FixtureServer;
beforeAll(async () => {
  outlet = await fixtureServer({
    '/robots.txt': (_req, res) => res.writeHead(404).end(),
    '/feed.rss': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<rss version="2.0"><channel><title>t</title></channel></rss>'),
  });
  outletPort = Number(new URL(outlet.base).port);
  engine = await startDynalite();
  const client = new DynamoDBClient({
    endpoint: engine.endpoint,
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
  });
  await ensureTable(client, 'diplomacy-feed-test');
  client.destroy();
});
afterAll(async () => {
  await engine.close();
  await outlet.close();
});

/** The environment Lambda gives a function here: the table on the local engine, credentials in the environment. */
function lambdaEnvironment(): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    TABLE_NAME: 'diplomacy-feed-test',
    DYNAMODB_ENDPOINT: engine.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

describe('bundled handlers', () => {
  it('are minified ESM with source maps, UTF-8 text and no require(), and answer requests', async () => {
    // a source list naming an outlet on this machine, as a careless or hostile stage file might
    const { app, template } = build({
      bundle: true,
      sources: [
        {
          name: 'local-outlet',
          feedUrl: outletFeed(),
          language: 'vi',
          urlFilter: `^http://127\\.0\\.0\\.1:${outletPort}/`,
        },
      ],
    });
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
      // no module calls require(), which an ES module has not ("Dynamic require of … is not
      // supported", TOOLCHAIN): the bundles carry no createRequire banner
      expect(
        code.match(/.{0,40}(?:\b|__)require\(.{0,40}/)?.[0] ?? null,
        `${id}: require()`,
      ).toBeNull();
      expect(code).toMatch(/sourceMappingURL=index\.mjs\.map\s*$/);
      // minified: few, long lines
      expect(code.split('\n').length).toBeLessThan(200);
      const map = JSON.parse(fs.readFileSync(path.join(dir, 'index.mjs.map'), 'utf8'));
      expect(map.sourcesContent).toBeUndefined();
      expect(map.sources.some((s: string) => s.includes('functions/handlers/'))).toBe(true);
      // charset=utf8: no \\uXXXX escapes of Latin letters with diacritics (Vietnamese)
      const escaped = code.match(/.{0,40}\\u1e[0-9a-f]{2}/i);
      expect(escaped?.[0] ?? null, `${id}: \\u-escaped text`).toBeNull();
      // legal comments none: no block of kept comments at the end
      expect(code).not.toContain('Bundled license information');
      // the SDK's warning for Node older than the runtime's, dropped at build time
      expect(code).not.toContain('NodeVersionSupportWarning');
      // no shared config files (~/.aws) read and no instance metadata asked for the region:
      // the SDK's settings come from Lambda's environment (functions/shared/lambda/config.ts)
      expect(code).not.toContain('profile __proto__');
      expect(code).not.toContain('/latest/meta-data/placement/region');

      // Run it as Lambda would, in a plain Node process (ESM, top level),
      // with the role's credentials in the environment: the bundle's credential
      // provider is the build-time substitute (infra/bundling.ts), so this proves it.
      // The deployed poller cannot be turned toward this machine: run with the
      // function's own environment from the template, plus every variable and flag
      // that might look like the test-only allowlist, it refuses the outlet its source
      // list names before any request, and the outlet sees nothing.
      if (id.startsWith('Poll')) {
        const deployed = Object.fromEntries(
          Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        );
        expect(JSON.parse(deployed.SOURCES!)[0].feedUrl).toBe(outletFeed());
        const probe = await runNode(
          `const m = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
           const r = await m.handler({}, { awsRequestId: 'r', functionName: 'f', getRemainingTimeInMillis: () => 300000 });
           process.stdout.write(JSON.stringify(r));`,
          { ...deployed, ...allowAttempts(), ...lambdaEnvironment() },
          ['--allow-host', `127.0.0.1:${outletPort}`],
        );
        expect(probe.stderr, `${id} runs`).toBe('');
        expect(JSON.parse(probe.stdout)).toEqual({ ingested: 0, failedSources: 1 });
        expect(outlet.requests).toEqual([]);
        continue;
      }
      const request = id.startsWith('Ingest')
        ? urlEvent(
            'POST',
            '/articles',
            JSON.stringify({ publishedAt: '2026-02-05', text: 'Hôm nay không có sự kiện nào.' }),
          )
        : urlEvent('GET', '/healthz');
      const probe = await runNode(
        `const m = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
         const r = await m.handler(${JSON.stringify(request)}, { awsRequestId: 'r', functionName: 'f' });
         process.stdout.write(String(r.statusCode));`,
        {
          ...lambdaEnvironment(),
          POWERTOOLS_SERVICE_NAME: 'diplomacy-feed-test',
        },
      );
      expect(probe.stderr, `${id} runs`).toBe('');
      expect(probe.stdout, `${id} answers`).toBe(id.startsWith('Ingest') ? '201' : '200');
    }
    // The ingest bundle carries the Vietnamese vocabulary of the extractor as written.
    const ingest = fns.find(([id]) => id.startsWith('Ingest'))![1];
    const ingestCode = fs.readFileSync(
      path.join(
        assembly.directory,
        `asset.${String(ingest.Properties.Code.S3Key).replace(/\.zip$/, '')}`,
        'index.mjs',
      ),
      'utf8',
    );
    expect(ingestCode).toMatch(/[ăâđêôơư]/);
  }, 60_000);
});
