// Structured logs: one JSON line per entry on stdout, with the invocation's context, at or
// above the level the environment sets. Our own rather than Powertools Logger: the
// functions only log (four calls: addContext, info, warn, error), and the library was
// ~20 KB of an ingest bundle held to its size budget. The keys are Powertools' (level,
// message, timestamp, service, cold_start, function_*, xray_trace_id), so queries written
// for its lines read these too.

/** The levels, lowest first (Powertools' numbers); SILENT writes nothing. */
const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 };

type Level = keyof typeof LEVELS;

/** A level's name as the environment writes it, or INFO when it names none. */
export function levelOf(name: string | undefined): Level {
  const upper = (name ?? '').toUpperCase();
  return upper in LEVELS ? (upper as Level) : 'INFO';
}

/** What a log line takes from the Lambda invocation (its context object). */
export interface InvocationContext {
  functionName: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string | number;
  awsRequestId: string;
}

export interface LoggerOptions {
  serviceName: string;
  /** the lowest level written */
  level: Level;
  /** where a line goes: stdout by default, as written, with no console's prefix */
  write?: (line: string) => void;
  now?: () => Date;
  /** the X-Ray trace header of the invocation (`_X_AMZN_TRACE_ID` in Lambda) */
  traceHeader?: () => string | undefined;
}

/** An error as a log line shows it: its name, message and stack (JSON would give `{}`). */
function errorFields(value: unknown): unknown {
  return value instanceof Error
    ? { name: value.name, message: value.message, stack: value.stack }
    : value;
}

export class Logger {
  readonly #options: LoggerOptions;
  #context: Record<string, unknown> = {};
  #coldStart = true;

  constructor(options: LoggerOptions) {
    this.#options = options;
  }

  /** The invocation's context, on every line until the next invocation's (what it lacks,
   *  as a test's stand-in may, a line leaves out: JSON writes no undefined key). */
  addContext(context: Partial<InvocationContext>): void {
    this.#context = {
      cold_start: this.#coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size:
        context.memoryLimitInMB === undefined ? undefined : Number(context.memoryLimitInMB),
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.#coldStart = false;
  }

  debug(message: string, fields: Record<string, unknown> = {}): void {
    this.#log('DEBUG', message, fields);
  }

  info(message: string, fields: Record<string, unknown> = {}): void {
    this.#log('INFO', message, fields);
  }

  warn(message: string, fields: Record<string, unknown> = {}): void {
    this.#log('WARN', message, fields);
  }

  error(message: string, fields: Record<string, unknown> = {}): void {
    this.#log('ERROR', message, fields);
  }

  #log(level: Level, message: string, fields: Record<string, unknown>): void {
    const { serviceName, write, now, traceHeader } = this.#options;
    if (LEVELS[level] < LEVELS[this.#options.level]) return;
    const trace = /Root=([^;]+)/.exec(traceHeader?.() ?? '')?.[1];
    const line = JSON.stringify(
      {
        level,
        message,
        timestamp: (now?.() ?? new Date()).toISOString(),
        service: serviceName,
        ...this.#context,
        ...(trace === undefined ? {} : { xray_trace_id: trace }),
        ...fields,
      },
      (_key, value: unknown) => errorFields(value),
    );
    if (write) write(line);
    else process.stdout.write(`${line}\n`);
  }
}
