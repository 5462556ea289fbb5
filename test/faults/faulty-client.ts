// Fault injection into the real AWS SDK client, through startLocalService's `client`
// hook. The store talks to DynamoDB through a DynamoDBDocumentClient, which shares the
// wrapped client's middleware stack but never calls its `send` — so the fault is a
// middleware on that stack, which every command the store sends passes through:
//
//   'before'    after N calls the store is down: call N+1 and every later one fail
//               with a network error before reaching the engine
//   'after'     call N+1 reaches the engine and is applied, but its answer is lost
//               (the nastiest crash point: the write happened, the caller cannot
//               know); every later call fails before reaching the engine
//   'transient' call N+1's first answer is lost after the engine applied it, and the
//               SDK's own retry (maxAttempts 3) sends it again; nothing else fails
//
// `restore()` brings the store back. Counting is per logical command (the
// 'initialize' step, above the SDK's retries).
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type FaultMode = 'before' | 'after' | 'transient';

export class FaultSwitch {
  /** logical commands sent since the last reset */
  calls = 0;
  /** their names, e.g. GetCommand, PutCommand */
  log: string[] = [];
  /** HTTP attempts (below the SDK's retries) */
  attempts = 0;
  private held: { command: string; reached: () => void; gate: Promise<void> } | null = null;
  private failAfter: number | null = null;
  private mode: FaultMode = 'before';
  private down = false;

  reset(): void {
    this.calls = 0;
    this.attempts = 0;
    this.log = [];
  }

  /** Let `n` more commands through, then fail as `mode` says. */
  arm(n: number, mode: FaultMode): void {
    this.reset();
    this.failAfter = n;
    this.mode = mode;
    this.down = false;
  }

  /** Holds the next `command` (e.g. BatchWriteItemCommand) before it is sent, until
   *  `release()`: to force one interleaving of two racing ingests. */
  holdNext(command: string): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.held = { command, reached, gate };
    return { reached: reachedPromise, release };
  }

  /** The store answers again. */
  restore(): void {
    this.failAfter = null;
    this.down = false;
  }

  /** The store is down from now on, until restore(). */
  stop(): void {
    this.down = true;
  }

  get isDown(): boolean {
    return this.down;
  }

  wrap = (client: DynamoDBClient): DynamoDBClient => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const n = this.calls++;
        this.log.push(String(context.commandName));
        if (this.down) throw networkError();
        const held = this.held;
        if (held && held.command === context.commandName) {
          this.held = null;
          held.reached();
          await held.gate;
        }
        if (this.failAfter !== null && n === this.failAfter) {
          if (this.mode === 'before') {
            this.down = true;
            throw networkError();
          }
          if (this.mode === 'after') {
            await next(args);
            this.down = true;
            throw networkError();
          }
          (context as { loseAnswerOnce?: boolean }).loseAnswerOnce = true;
        }
        return next(args);
      },
      { step: 'initialize', name: 'testFaultInjection', priority: 'high' },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        this.attempts++;
        const out = await next(args);
        const flags = context as { loseAnswerOnce?: boolean };
        if (flags.loseAnswerOnce) {
          flags.loseAnswerOnce = false;
          throw networkError();
        }
        return out;
      },
      { step: 'deserialize', name: 'testLostAnswer', priority: 'low' },
    );
    return client;
  };
}

/** What a dropped connection looks like to the SDK (retryable for its retry strategy). */
export function networkError(): Error {
  return Object.assign(new Error('read ECONNRESET (injected by the test)'), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  });
}
