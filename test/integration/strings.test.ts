// Hostile characters in an article, through the real routes and the real extractor:
// a lone surrogate (`\ud800` in the posted JSON) becomes U+FFFD and every format still
// parses with tools nobody here wrote (jq, xmllint, Python's json, html.parser and
// icalendar); bidirectional controls and zero-width characters never reach a title,
// a name or a place. Each tool missing on the machine is skipped with a warning.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service } from './harness.js';

let s: LocalService;
let dir: string;
const docs = new Map<string, string>();

// an article written for this test; `\ud800` is written as the JSON escape a client sends
const BODY = `{
  "url": "https://news.test/2024/01/06/hoi-dam",
  "title": "Hội đàm\\u202e cấp cao \\ud800",
  "publishedAt": "2024-01-06T18:00:00+07:00",
  "language": "vi",
  "source": "Báo\\u200b Thử",
  "text": "Chiều 6/1, tại Thủ đô Viêng Chăn, Thủ tướng Phạm\\u200b Minh Chính đã hội đàm với Thủ tướng Lào Sonexay\\u202e Siphandone\\u2066. Hai bên nhất trí tăng cường hợp tác\\ud800 kinh tế."
}`;

const PATHS: Record<string, string> = {
  'feed.json': '/feeds/feed.json',
  'atom.xml': '/feeds/atom.xml',
  'rss.xml': '/feeds/rss.xml',
  'calendar.ics': '/feeds/calendar.ics?from=2024-01-01',
  'home.html': '/',
  'home-en.html': '/?lang=en',
};

function tool(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}
/** The system Python (Debian's python3-icalendar lives there), else whatever python3 is first. */
const python =
  ['/usr/bin/python3', tool('python3')].find((p) => p && spawnSync(p, ['-c', '1']).status === 0) ??
  null;

beforeAll(async () => {
  s = await service();
  const r = await post(s, BODY);
  expect(r.status).toBe(201);
  const [item] = await allItems(s);
  const eventPath = new URL(item!.url).pathname;
  PATHS['event.html'] = eventPath;
  PATHS['event-en.html'] = `${eventPath}?lang=en`;
  PATHS['event.json'] = eventPath;
  dir = mkdtempSync(join(tmpdir(), 'strings-'));
  for (const [name, path] of Object.entries(PATHS)) {
    const response = await s.app.request(
      `http://localhost${path}`,
      name === 'event.json' ? { headers: { accept: 'application/json' } } : {},
    );
    expect(response.status, path).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    writeFileSync(join(dir, name), bytes);
    docs.set(name, bytes.toString('utf8'));
  }
}, 60_000);
afterAll(async () => {
  await s?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a lone surrogate in an article', () => {
  it('is U+FFFD in every format, never a lone surrogate nor its escape', () => {
    for (const [name, doc] of docs) {
      // the home page lists no source titles or evidence, where the character was
      if (!name.startsWith('home')) expect(doc, name).toContain('\uFFFD');
      expect(doc, name).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
      expect(Buffer.from(doc, 'utf8').toString('utf8'), name).toBe(doc);
    }
  });

  it('leaves JSON that jq parses', () => {
    const jq = tool('jq');
    if (!jq) return console.warn('jq not installed: skipped');
    for (const name of ['feed.json', 'event.json']) {
      const out = execFileSync(jq, ['-r', '.title // .items[0].title', join(dir, name)], {
        encoding: 'utf8',
      });
      expect(out.trim().length, name).toBeGreaterThan(0);
    }
  });

  it('leaves XML that xmllint parses', () => {
    const xmllint = tool('xmllint');
    if (!xmllint) return console.warn('xmllint not installed (Debian libxml2-utils): skipped');
    execFileSync(xmllint, ['--noout', '--nonet', join(dir, 'atom.xml'), join(dir, 'rss.xml')], {
      stdio: 'pipe',
    });
  });

  it('leaves every document readable to Python: strict UTF-8, json, html.parser, icalendar when installed', () => {
    if (!python) return console.warn('python3 not installed: skipped');
    const script = `
import html.parser, json, sys, os
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    text = open(os.path.join(d, name), encoding='utf-8', errors='strict').read()
    if name.endswith('.json'):
        json.dumps(json.loads(text), ensure_ascii=False).encode('utf-8')
    elif name.endswith('.html'):
        html.parser.HTMLParser().feed(text)
try:
    import icalendar
except ImportError:
    print('no icalendar')
    sys.exit(0)
cal = icalendar.Calendar.from_ical(open(os.path.join(d, 'calendar.ics'), 'rb').read())
for ev in cal.walk('VEVENT'):
    str(ev.get('SUMMARY')).encode('utf-8')
    str(ev.get('DESCRIPTION')).encode('utf-8')
print('ok')
`;
    const out = execFileSync(python, ['-c', script, dir], { encoding: 'utf8' });
    if (out.includes('no icalendar'))
      console.warn(
        'python icalendar not installed (Debian python3-icalendar): the calendar was read as UTF-8 only',
      );
    else expect(out.trim()).toBe('ok');
  });
});

describe('bidirectional controls and zero-width characters in an article', () => {
  it('reach no document: titles, names, places, sources and evidence are clean', () => {
    for (const [name, doc] of docs)
      expect(doc, name).not.toMatch(
        /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/,
      );
  });

  it('leave the names whole, as written', () => {
    const feed = JSON.parse(docs.get('feed.json')!) as {
      items: { _diplomacy: { participants: { name: string }[] } }[];
    };
    const names = feed.items.flatMap((i) => i._diplomacy.participants.map((p) => p.name));
    expect(names).toContain('Phạm Minh Chính');
    expect(names).toContain('Sonexay Siphandone');
  });
});
