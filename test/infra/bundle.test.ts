// The one infrastructure test that bundles the real handlers with the local esbuild,
// as `npm run synth` and `npm run deploy` do, and loads the result.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build } from './helpers.js';

describe('bundled handlers', () => {
  it('are minified ESM with source maps, UTF-8 text and a createRequire banner, and load', () => {
    const { app, template } = build({ bundle: true });
    const assembly = app.synth();
    const fns = Object.entries(template.toJSON().Resources as Record<string, any>).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function',
    );
    expect(fns).toHaveLength(2);
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

      // Load it as Lambda would, in a plain Node process (ESM, createRequire, top level).
      const probe = spawnSync(
        process.execPath,
        [
          '--enable-source-maps',
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
           if (typeof m.handler !== 'function') { console.error('no handler export'); process.exit(3); }`,
        ],
        {
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH,
            TABLE_NAME: 'diplomacy-feed-test',
            AWS_REGION: 'eu-west-1',
            POWERTOOLS_SERVICE_NAME: 'diplomacy-feed-test',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
          timeout: 20_000,
        },
      );
      expect(probe.stderr, `${id} loads`).toBe('');
      expect(probe.status, `${id} loads`).toBe(0);
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
