import { describe, expect, it } from 'vitest';
import { Logger, levelOf } from '../../functions/shared/logger.js';

function logger(level: Parameters<typeof levelOf>[0], trace?: string) {
  const lines: string[] = [];
  const log = new Logger({
    serviceName: 'diplomacy-feed-ingest',
    level: levelOf(level),
    write: (line) => lines.push(line),
    now: () => new Date('2026-12-06T02:00:00.000Z'),
    traceHeader: () => trace,
  });
  return { log, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const invocation = {
  functionName: 'diplomacy-feed-ingest',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:diplomacy-feed-ingest',
  memoryLimitInMB: '1024',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
};

describe('Logger: one JSON line per entry, with Powertools keys', () => {
  it('writes the level, message, time, service and the fields given', () => {
    const { log, parsed } = logger('INFO');
    log.info('request', { method: 'POST', status: 201 });
    expect(parsed()).toEqual([
      {
        level: 'INFO',
        message: 'request',
        timestamp: '2026-12-06T02:00:00.000Z',
        service: 'diplomacy-feed-ingest',
        method: 'POST',
        status: 201,
      },
    ]);
  });

  it("adds the invocation's context, a cold start only on the first, and the trace's root", () => {
    const { log, parsed } = logger(
      'INFO',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    );
    log.addContext(invocation);
    log.info('first');
    log.addContext({ ...invocation, awsRequestId: 'second-request' });
    log.warn('second');
    const [first, second] = parsed();
    expect(first).toMatchObject({
      cold_start: true,
      function_name: 'diplomacy-feed-ingest',
      function_arn: invocation.invokedFunctionArn,
      function_memory_size: 1024,
      function_request_id: invocation.awsRequestId,
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
    });
    expect(second).toMatchObject({
      level: 'WARN',
      cold_start: false,
      function_request_id: 'second-request',
    });
  });

  it('shows an error by its name, message and stack (JSON alone would give {})', () => {
    const { log, parsed } = logger('INFO');
    log.error('request failed', { error: new TypeError('boom') });
    const error = parsed()[0]!.error as Record<string, unknown>;
    expect(error.name).toBe('TypeError');
    expect(error.message).toBe('boom');
    expect(String(error.stack)).toContain('TypeError: boom');
  });

  it('writes nothing below its level, and nothing at all when SILENT', () => {
    const warn = logger('warn');
    warn.log.info('not written');
    warn.log.debug('not written');
    warn.log.warn('written');
    warn.log.error('written');
    expect(warn.parsed().map((l) => l.level)).toEqual(['WARN', 'ERROR']);
    const silent = logger('SILENT');
    silent.log.error('not written');
    expect(silent.parsed()).toEqual([]);
  });

  it('reads a level it does not know, or none, as INFO', () => {
    expect(levelOf(undefined)).toBe('INFO');
    expect(levelOf('verbose')).toBe('INFO');
    expect(levelOf('debug')).toBe('DEBUG');
  });
});
