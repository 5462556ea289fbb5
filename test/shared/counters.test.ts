import { describe, expect, it } from 'vitest';
import { Counters, MAX_COUNTERS } from '../../functions/shared/counters.js';

function counters(disabled = false) {
  const lines: string[] = [];
  const c = new Counters({
    namespace: 'DiplomacyFeed',
    service: 'diplomacy-feed-ingest',
    disabled,
    write: (line) => lines.push(line),
    now: () => 1_800_000_000_000,
  });
  return { c, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('Counters: CloudWatch embedded metric format', () => {
  it('publishes each counter once, summed, in one line of the EMF shape', () => {
    const { c, parsed } = counters();
    c.count('Responses');
    c.count('Responses');
    c.count('PollItems', 5);
    c.publish();
    expect(parsed()).toEqual([
      {
        _aws: {
          Timestamp: 1_800_000_000_000,
          CloudWatchMetrics: [
            {
              Namespace: 'DiplomacyFeed',
              Dimensions: [['service']],
              Metrics: [
                { Name: 'Responses', Unit: 'Count' },
                { Name: 'PollItems', Unit: 'Count' },
              ],
            },
          ],
        },
        Responses: 2,
        PollItems: 5,
        service: 'diplomacy-feed-ingest',
      },
    ]);
  });

  it('starts again after a publish, and writes nothing when nothing was counted', () => {
    const { c, parsed } = counters();
    c.publish();
    c.count('ClientErrors');
    c.publish();
    c.publish();
    c.count('ClientErrors', 3);
    c.publish();
    expect(parsed().map((l) => l.ClientErrors)).toEqual([1, 3]);
  });

  it('counts nothing negative or not finite', () => {
    const { c, parsed } = counters();
    c.count('Responses', -1);
    c.count('Responses', Number.NaN);
    c.count('Responses', Number.POSITIVE_INFINITY);
    c.publish();
    expect(parsed()).toEqual([]);
  });

  it(`holds at most ${MAX_COUNTERS} counters in one line: the next publishes those first`, () => {
    const { c, parsed } = counters();
    for (let n = 0; n <= MAX_COUNTERS; n++) c.count(`Counter${n}`);
    c.publish();
    const sizes = parsed().map(
      (l) =>
        (l._aws as { CloudWatchMetrics: { Metrics: unknown[] }[] }).CloudWatchMetrics[0]!.Metrics
          .length,
    );
    expect(sizes).toEqual([MAX_COUNTERS, 1]);
  });

  it('writes nothing when disabled', () => {
    const { c, lines } = counters(true);
    c.count('Responses');
    c.publish();
    expect(lines).toEqual([]);
  });
});
