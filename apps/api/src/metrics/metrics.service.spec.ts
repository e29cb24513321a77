import { Logger } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** The value lines of one series family in a scrape (comments left out). */
function samples(body: string, name: string): string[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe(MetricsService.name, () => {
  let metrics: MetricsService;

  beforeEach(() => {
    metrics = new MetricsService();
  });

  describe('declaring series', () => {
    it('gives back the same series for the same name, kind and labels', () => {
      const first = metrics.counter('kassa_orders_created_total', 'Orders created', ['channel']);
      const again = metrics.counter('kassa_orders_created_total', 'Orders created', ['channel']);
      expect(again).toBe(first);
    });

    it('refuses one name as two kinds or with other labels', () => {
      metrics.counter('kassa_orders_paid_total', 'Orders paid');
      expect(() => metrics.gauge('kassa_orders_paid_total', 'Orders paid')).toThrow(
        'Metric kassa_orders_paid_total is already a counter with labels []',
      );
      expect(() => metrics.counter('kassa_orders_paid_total', 'Orders paid', ['method'])).toThrow(
        /already a counter/,
      );
    });

    it('holds names to the house rules', () => {
      expect(() => metrics.counter('orders_total', 'x')).toThrow(/must match/);
      expect(() => metrics.counter('kassa_orders', 'x')).toThrow(
        'Counter kassa_orders must end in _total',
      );
      expect(() => metrics.gauge('kassa_Backlog', 'x')).toThrow(/must match/);
      expect(() => metrics.gauge('kassa_backlog', 'x', ['Bad-Label'])).toThrow(/Label Bad-Label/);
    });
  });

  describe('scrape', () => {
    it('serves declared series as they move, in the text format', async () => {
      const failures = metrics.counter('kassa_payment_failures_total', 'Failed payments', [
        'reason',
      ]);
      failures.inc({ reason: 'card_declined' });
      failures.inc({ reason: 'card_declined' });
      const latency = metrics.histogram('kassa_gateway_seconds', 'Gateway calls', [], [0.1, 1]);
      latency.observe(0.5);
      const scrape = await metrics.scrape();
      expect(scrape.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(samples(scrape.body, 'kassa_payment_failures_total')).toEqual([
        'kassa_payment_failures_total{reason="card_declined"} 2',
      ]);
      expect(samples(scrape.body, 'kassa_gateway_seconds_bucket')).toEqual([
        'kassa_gateway_seconds_bucket{le="0.1"} 0',
        'kassa_gateway_seconds_bucket{le="1"} 1',
        'kassa_gateway_seconds_bucket{le="+Inf"} 1',
      ]);
    });

    it('includes the process series: CPU, memory, event-loop lag', async () => {
      const { body } = await metrics.scrape();
      for (const name of [
        'process_cpu_user_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_seconds',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_heap_size_used_bytes',
      ]) {
        expect([name, samples(body, name).length]).toEqual([name, 1]);
      }
    });
  });

  describe('gaugeCallback', () => {
    it('reads the value at every scrape', async () => {
      let backlog = 3;
      metrics.gaugeCallback('kassa_outbox_backlog', 'Messages waiting', async () => backlog);
      expect(samples((await metrics.scrape()).body, 'kassa_outbox_backlog')).toEqual([
        'kassa_outbox_backlog 3',
      ]);
      backlog = 0;
      expect(samples((await metrics.scrape()).body, 'kassa_outbox_backlog')).toEqual([
        'kassa_outbox_backlog 0',
      ]);
    });

    it('takes one value per label set, and forgets sets no longer read', async () => {
      let readings = [
        { labels: { state: 'pending' }, value: 4 },
        { labels: { state: 'failed' }, value: 1 },
      ];
      metrics.gaugeCallback('kassa_outbox_messages', 'Messages', () => readings, ['state']);
      expect(samples((await metrics.scrape()).body, 'kassa_outbox_messages')).toEqual([
        'kassa_outbox_messages{state="pending"} 4',
        'kassa_outbox_messages{state="failed"} 1',
      ]);
      readings = [{ labels: { state: 'pending' }, value: 2 }];
      expect(samples((await metrics.scrape()).body, 'kassa_outbox_messages')).toEqual([
        'kassa_outbox_messages{state="pending"} 2',
      ]);
    });

    it('reads NaN, logs and counts the failure when the reading fails; the scrape succeeds', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      metrics.gaugeCallback('kassa_outbox_backlog', 'Messages waiting', async () => {
        throw new Error('database unreachable');
      });
      const { body } = await metrics.scrape();
      expect(samples(body, 'kassa_outbox_backlog')).toEqual(['kassa_outbox_backlog Nan']);
      expect(samples(body, 'kassa_metrics_read_failures_total')).toEqual([
        'kassa_metrics_read_failures_total{metric="kassa_outbox_backlog"} 1',
      ]);
      expect(warn).toHaveBeenCalledWith(
        'Reading kassa_outbox_backlog failed: database unreachable',
      );
      warn.mockRestore();
    });

    it('takes one reader per name', () => {
      metrics.gaugeCallback('kassa_outbox_backlog', 'Messages waiting', () => 1);
      expect(() =>
        metrics.gaugeCallback('kassa_outbox_backlog', 'Messages waiting', () => 2),
      ).toThrow('Metric kassa_outbox_backlog already exists');
    });
  });
});
