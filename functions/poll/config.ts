// The poller's environment, validated once at start-up.
import * as z from 'zod/mini';
import { parseSources, type SourceList } from './sources.js';

const Environment = z.object({
  /** the source list as JSON (sources/sources.json, written by the stack) */
  SOURCES: z.string().check(z.minLength(2)),
  /** where site owners learn who is crawling them; goes into the User-Agent */
  POLL_CONTACT_URL: z.url({ protocol: /^https?$/ }),
  /** pause between two requests to one host, in milliseconds */
  POLL_HOST_DELAY_MS: z.optional(z.string().check(z.regex(/^\d{1,6}$/))),
  /** newest items taken from one feed per run (older ones wait for the next) */
  POLL_MAX_ITEMS_PER_SOURCE: z.optional(z.string().check(z.regex(/^\d{1,4}$/))),
});

export interface PollEnvironment {
  sources: SourceList;
  contactUrl: string;
  hostDelayMs: number | undefined;
  maxItemsPerSource: number | undefined;
}

export function readPollEnvironment(env: NodeJS.ProcessEnv = process.env): PollEnvironment {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid environment: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const e = parsed.data;
  return {
    sources: parseSources(e.SOURCES, 'SOURCES'),
    contactUrl: e.POLL_CONTACT_URL,
    hostDelayMs: e.POLL_HOST_DELAY_MS === undefined ? undefined : Number(e.POLL_HOST_DELAY_MS),
    maxItemsPerSource:
      e.POLL_MAX_ITEMS_PER_SOURCE === undefined ? undefined : Number(e.POLL_MAX_ITEMS_PER_SOURCE),
  };
}
