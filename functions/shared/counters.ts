// Counters published to CloudWatch in its embedded metric format (EMF): each publish is
// one JSON line on stdout holding the namespace, the `service` dimension and every
// counter's sum since the last publish, which CloudWatch Logs turns into metrics. Our
// own rather than Powertools Metrics: the functions only count (responses by outcome,
// the poller's sources and items), and the library was ~10 KB of an ingest bundle held
// to its size budget.

/** EMF's most metrics in one document: a publish holds at most this many counters. */
export const MAX_COUNTERS = 100;

export interface CountersOptions {
  namespace: string;
  /** the value of the one dimension, `service` */
  service: string;
  /** counts nothing and writes nothing (local runs and tests) */
  disabled: boolean;
  /** where a line goes: stdout by default, as written, with no console's prefix */
  write?: (line: string) => void;
  now?: () => number;
}

export class Counters {
  readonly #counts = new Map<string, number>();
  readonly #options: CountersOptions;

  constructor(options: CountersOptions) {
    this.#options = options;
  }

  /** Adds `value` (1 unless given; a negative or non-finite value counts nothing) to `name`.
   *  A counter beyond MAX_COUNTERS first publishes those held. */
  count(name: string, value = 1): void {
    if (this.#options.disabled || !Number.isFinite(value) || value < 0) return;
    if (!this.#counts.has(name) && this.#counts.size >= MAX_COUNTERS) this.publish();
    this.#counts.set(name, (this.#counts.get(name) ?? 0) + value);
  }

  /** Writes the counts held as one EMF line and starts again from none (nothing counted:
   *  nothing written). */
  publish(): void {
    if (this.#counts.size === 0) return;
    const { namespace, service, write, now } = this.#options;
    const line = JSON.stringify({
      _aws: {
        Timestamp: now?.() ?? Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: namespace,
            Dimensions: [['service']],
            Metrics: [...this.#counts.keys()].map((Name) => ({ Name, Unit: 'Count' })),
          },
        ],
      },
      ...Object.fromEntries(this.#counts),
      service,
    });
    this.#counts.clear();
    (write ?? ((l: string) => process.stdout.write(`${l}\n`)))(line);
  }
}
