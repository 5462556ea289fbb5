// From an article page's HTML to its main text and metadata. Pure (no I/O).
//
// Bounded: Readability over a DOM grows faster than the page (about depth³ on nested
// <div>s: depth 400 took 0.65 s, 1,200 took 11 s), so the HTML's length, its element
// count and its nesting depth are checked against PAGE_LIMITS before it runs; a page
// over one is refused (PageRefused), not parsed. The time budget on top of these is
// page-worker.ts's.
//
// Why @mozilla/readability on linkedom: Readability is the algorithm of Firefox's
// Reader View, maintained by Mozilla and tuned on years of real news pages: it drops
// navigation, ads, share bars and related-links blocks without per-site rules, which
// is what an analyst-configured, open-ended list of outlets needs. It needs a DOM;
// linkedom is a small, fast, pure-JS one (~200 KB minified in the bundle, against
// several MB and native-ish dependencies for jsdom), enough for Readability's
// querySelectorAll/innerHTML use. Both live only in the poller's Lambda, so the feed
// and ingest bundles (and their cold starts) do not carry them.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import * as z from 'zod/mini';

export const ExtractedPage = z.object({
  title: z.nullable(z.string()),
  /** the main text: paragraphs separated by a blank line */
  text: z.string(),
  /** as the page states it (meta, JSON-LD, <time>), or null */
  publishedAt: z.nullable(z.string()),
  /** <link rel="canonical"> or og:url, absolute, or null */
  canonicalUrl: z.nullable(z.string()),
  language: z.nullable(z.string()),
});
export type ExtractedPage = z.infer<typeof ExtractedPage>;

export interface PageLimits {
  /** characters of HTML handed to the parser */
  maxHtmlChars: number;
  /** elements in the parsed document */
  maxElements: number;
  /** elements nested inside one another */
  maxDepth: number;
}

/**
 * Far above a news article's page (tens of thousands of characters to ~1 MB, a few
 * thousand elements, depth 20–60) and low enough that Readability stays well under a
 * second on a page at any one of them (bench: npm run bench -- poll).
 */
export const PAGE_LIMITS: PageLimits = {
  maxHtmlChars: 3 * 1024 * 1024,
  maxElements: 25_000,
  maxDepth: 200,
};

/** A page the poller will not extract (too big, too deep, too slow): permanent, it is skipped. */
export class PageRefused extends Error {
  override readonly name = 'PageRefused';
}

interface ElementNode {
  children: ArrayLike<ElementNode>;
}

/** Why the parsed document is over a limit, or null. Iterative, and stops at the first excess. */
function overLimits(root: ElementNode, limits: PageLimits): string | null {
  const stack: [ElementNode, number][] = [[root, 1]];
  let elements = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++elements > limits.maxElements) return `more than ${limits.maxElements} elements`;
    if (depth > limits.maxDepth) return `elements nested more than ${limits.maxDepth} deep`;
    // once per node: linkedom computes `children` afresh on every read
    const children = node.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return null;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of a DOM subtree as a reader sees it: blocks as paragraphs, <br> as a line break. */
function blockText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push('\n\n');
    const children = node.childNodes; // once: linkedom computes it afresh on every read
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface Doc {
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

function attr(doc: Doc, selector: string, name: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : null;
}

/** datePublished of the first JSON-LD NewsArticle/Article that has one. */
function jsonLdPublished(doc: Doc): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const data: unknown = JSON.parse(scripts[i]!.textContent ?? '');
      const nodes = Array.isArray(data) ? data : [data];
      for (const node of nodes) {
        if (
          node &&
          typeof node === 'object' &&
          typeof (node as Record<string, unknown>).datePublished === 'string'
        ) {
          return (node as Record<string, string>).datePublished!;
        }
      }
    } catch {
      // a broken JSON-LD block says nothing
    }
  }
  return null;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** The page's main text and metadata, or null when it has none; throws PageRefused over a limit. */
export function extractPage(
  html: string,
  url: string,
  limits: PageLimits = PAGE_LIMITS,
): ExtractedPage | null {
  if (html.length > limits.maxHtmlChars)
    throw new PageRefused(`page of ${html.length} characters, over the ${limits.maxHtmlChars} cap`);
  const { document } = parseHTML(html);
  const root = document.documentElement as unknown as ElementNode | null;
  const excess = root ? overLimits(root, limits) : null;
  if (excess) throw new PageRefused(`page has ${excess}`);
  const doc = document as unknown as Doc;
  // metadata first: Readability rewrites the document as it goes
  const canonicalUrl = absolute(
    attr(doc, 'link[rel="canonical"]', 'href') ?? attr(doc, 'meta[property="og:url"]', 'content'),
    url,
  );
  const publishedAt =
    attr(doc, 'meta[property="article:published_time"]', 'content') ??
    attr(doc, 'meta[itemprop="datePublished"]', 'content') ??
    jsonLdPublished(doc) ??
    attr(doc, 'time[datetime]', 'datetime');
  const ogTitle = attr(doc, 'meta[property="og:title"]', 'content');
  const language = attr(doc, 'html', 'lang');

  // linkedom's document has no URL of its own: Readability resolves links against these
  Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  const reader = new Readability(document as never, {
    serializer: (node) => node as unknown as DomNode,
  });
  const article = reader.parse();
  if (!article?.content) return null;
  const text = blockText(article.content);
  if (!text) return null;
  return {
    title: ogTitle ?? (article.title?.trim() || null),
    text,
    publishedAt: publishedAt ?? (article.publishedTime?.trim() || null),
    canonicalUrl,
    language: language ? language.toLowerCase() : null,
  };
}
