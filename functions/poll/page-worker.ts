// Page extraction (page.ts) off the main thread, under a time budget: one worker
// thread does the pages one at a time, and a page over its budget has the worker
// terminated (synchronous Readability cannot be interrupted any other way) and is
// refused; the next page gets a fresh worker. The worker also has a heap cap, so a
// page that would exhaust memory ends the worker, not the run.
//
// The worker runs this very module (its URL is import.meta.url): in the Lambda that
// is the one bundled file, so no second file has to be shipped; from the sources
// (tests, npm run poll) tsx is registered in the worker first.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as z from 'zod/mini';
import { ExtractedPage, extractPage, PAGE_LIMITS, type PageLimits, PageRefused } from './page.js';

const ROLE = 'diplomacy-feed-page-worker';

/** A page's whole work, parsing and Readability included: a few seconds at most. */
export const PAGE_BUDGET_MS = 5_000;
/** The worker's heap: a 3 MB page's DOM fits several times over; the Lambda has 1,024 MB. */
const WORKER_HEAP_MB = 384;
/** Loading the worker's modules (not a page's work, so outside its budget), bounded too. */
const WORKER_START_MS = 30_000;
const READY = 'ready';

const Job = z.object({
  html: z.string(),
  url: z.string(),
  limits: z.object({ maxHtmlChars: z.number(), maxElements: z.number(), maxDepth: z.number() }),
});
const Reply = z.union([
  z.object({ page: z.nullable(ExtractedPage) }),
  z.object({ refused: z.string() }),
  z.object({ error: z.string() }),
]);
type Reply = z.infer<typeof Reply>;

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
  parentPort!.on('message', (message: unknown) => {
    let reply: Reply;
    try {
      const job = Job.parse(message);
      reply = { page: extractPage(job.html, job.url, job.limits) };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      reply = error instanceof PageRefused ? { refused: text } : { error: text };
    }
    parentPort!.postMessage(reply);
  });
  parentPort!.postMessage(READY);
}

export interface PageWorkerOptions {
  budgetMs?: number;
  limits?: PageLimits;
}

/** A worker with its modules loaded, ready for a page. */
async function startWorker(): Promise<Worker> {
  const self = import.meta.url;
  const options = {
    workerData: { role: ROLE },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  };
  const worker = self.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })`,
        { ...options, eval: true },
      )
    : new Worker(new URL(self), options);
  // an idle worker never keeps the process (npm run poll, a test) alive
  worker.unref();
  try {
    await new Promise<void>((resolve, reject) => {
      const done = (settle: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        settle();
      };
      const onMessage = (m: unknown) =>
        done(() =>
          m === READY ? resolve() : reject(new Error('page worker: unexpected first message')),
        );
      const onError = (e: Error) => done(() => reject(e));
      const onExit = (code: number) =>
        done(() => reject(new Error(`page worker exited (${code}) while starting`)));
      const timer = setTimeout(
        () => done(() => reject(new Error(`page worker not ready after ${WORKER_START_MS} ms`))),
        WORKER_START_MS,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
  } catch (error) {
    void worker.terminate();
    throw error;
  }
  return worker;
}

/** Extracts pages one at a time in a worker thread, each under the budget. */
export class PageWorker {
  private worker: Promise<Worker> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly budgetMs: number;
  private readonly limits: PageLimits;

  constructor(options: PageWorkerOptions = {}) {
    this.budgetMs = options.budgetMs ?? PAGE_BUDGET_MS;
    this.limits = options.limits ?? PAGE_LIMITS;
  }

  /** The page's main text and metadata, or null; PageRefused over a limit or the budget. */
  extract(html: string, url: string): Promise<ExtractedPage | null> {
    // one page at a time: the budget measures this page's work, not a queue
    const run = this.tail.then(() => this.runOne(html, url));
    this.tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await (await worker?.catch(() => undefined))?.terminate();
  }

  private async runOne(html: string, url: string): Promise<ExtractedPage | null> {
    if (this.worker === undefined) this.worker = startWorker();
    const starting = this.worker;
    let worker: Worker;
    try {
      worker = await starting;
    } catch (error) {
      if (this.worker === starting) this.worker = undefined;
      throw error;
    }
    return new Promise<ExtractedPage | null>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        settle();
      };
      const discard = () => {
        if (this.worker === starting) this.worker = undefined;
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        discard();
        finish(() => reject(new PageRefused(`page work over its ${this.budgetMs} ms budget`)));
      }, this.budgetMs);
      const onMessage = (message: unknown) => {
        const reply = Reply.safeParse(message);
        if (!reply.success) return finish(() => reject(new Error('page worker: unreadable reply')));
        const r = reply.data;
        if ('page' in r) finish(() => resolve(r.page));
        else if ('refused' in r) finish(() => reject(new PageRefused(r.refused)));
        else finish(() => reject(new Error(`page extraction failed: ${r.error}`)));
      };
      const onError = (error: Error & { code?: string }) => {
        discard();
        finish(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new PageRefused(`page work over its ${WORKER_HEAP_MB} MB heap`)
              : error,
          ),
        );
      };
      const onExit = (code: number) => {
        discard();
        finish(() => reject(new Error(`page worker exited (${code})`)));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ html, url, limits: this.limits });
    });
  }
}
