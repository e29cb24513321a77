import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram, Metric, Registry } from 'prom-client';
import { processMetricsRegistry } from './process-metrics';

/** What a gauge callback reads at scrape time: one value, or one value per label set. */
export type GaugeReading = number | { labels: Record<string, string>; value: number }[];

export interface MetricsScrape {
  contentType: string;
  body: string;
}

const NAME = /^kassa_[a-z][a-z0-9_]*$/;
const LABEL = /^[a-z][a-z0-9_]*$/;

type MetricKind = 'counter' | 'gauge' | 'histogram';

/**
 * The instance's Prometheus registry, served at `GET /metrics`. Features declare their series
 * here, by name, once or as often as they like (the same name, kind and labels give back the
 * same series):
 *
 * ```ts
 * private readonly created = this.metrics.counter('kassa_orders_created_total', 'Orders created');
 * this.created.inc();
 * this.metrics.gaugeCallback('kassa_outbox_backlog', 'Messages waiting', () => this.outbox.countPending());
 * ```
 *
 * Names start with `kassa_` and counters end in `_total`; label values must come from a small
 * fixed set (a status, a route pattern), never from ids or user input.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);
  private readonly readers: (() => Promise<void>)[] = [];
  private readonly readFailures = this.counter(
    'kassa_metrics_read_failures_total',
    'Gauge callbacks that failed at scrape time (their gauge then reads NaN)',
    ['metric'],
  );

  counter<Label extends string = never>(
    name: string,
    help: string,
    labelNames: readonly Label[] = [],
  ): Counter<Label> {
    if (!name.endsWith('_total')) throw new Error(`Counter ${name} must end in _total`);
    return this.declare(
      'counter',
      name,
      labelNames,
      () => new Counter({ ...this.base(name, help, labelNames) }),
    );
  }

  gauge<Label extends string = never>(
    name: string,
    help: string,
    labelNames: readonly Label[] = [],
  ): Gauge<Label> {
    return this.declare(
      'gauge',
      name,
      labelNames,
      () => new Gauge({ ...this.base(name, help, labelNames) }),
    );
  }

  histogram<Label extends string = never>(
    name: string,
    help: string,
    labelNames: readonly Label[] = [],
    buckets?: number[],
  ): Histogram<Label> {
    return this.declare(
      'histogram',
      name,
      labelNames,
      () =>
        new Histogram({ ...this.base(name, help, labelNames), ...(buckets ? { buckets } : {}) }),
    );
  }

  /**
   * A gauge whose value is read when Prometheus scrapes, for backlogs and sizes that live in the
   * database (`read` should be one cheap, indexed count). A failing read is logged and counted
   * in `kassa_metrics_read_failures_total`, and the gauge reads NaN: never a stale value, and
   * the scrape itself still succeeds. One reader per name: declaring it twice is an error.
   */
  gaugeCallback(
    name: string,
    help: string,
    read: () => GaugeReading | Promise<GaugeReading>,
    labelNames: readonly string[] = [],
  ): void {
    if (this.registry.getSingleMetric(name)) throw new Error(`Metric ${name} already exists`);
    const gauge = this.gauge(name, help, labelNames);
    this.readers.push(async () => {
      gauge.reset();
      try {
        const reading = await read();
        if (typeof reading === 'number') gauge.set(reading);
        else for (const { labels, value } of reading) gauge.set(labels, value);
      } catch (error) {
        this.readFailures.inc({ metric: name });
        this.logger.warn(`Reading ${name} failed: ${(error as Error).message}`);
        if (labelNames.length === 0) gauge.set(Number.NaN);
      }
    });
  }

  /** The process's series and this instance's, in Prometheus's text format. */
  async scrape(): Promise<MetricsScrape> {
    await Promise.all(this.readers.map((refresh) => refresh()));
    const [processSeries, ownSeries] = await Promise.all([
      processMetricsRegistry().metrics(),
      this.registry.metrics(),
    ]);
    return { contentType: this.registry.contentType, body: processSeries + ownSeries };
  }

  private base(name: string, help: string, labelNames: readonly string[]) {
    return { name, help, labelNames: [...labelNames], registers: [this.registry] };
  }

  private declare<M extends Metric<string>>(
    kind: MetricKind,
    name: string,
    labelNames: readonly string[],
    create: () => M,
  ): M {
    if (!NAME.test(name)) throw new Error(`Metric name ${name} must match ${NAME}`);
    const invalid = labelNames.find((label) => !LABEL.test(label));
    if (invalid !== undefined) throw new Error(`Label ${invalid} of ${name} must match ${LABEL}`);
    const existing = this.registry.getSingleMetric(name) as
      (M & { type: string; labelNames: string[] }) | undefined;
    if (!existing) return create();
    if (existing.type !== kind || existing.labelNames.join() !== labelNames.join()) {
      throw new Error(
        `Metric ${name} is already a ${existing.type} with labels [${existing.labelNames.join(', ')}]`,
      );
    }
    return existing;
  }
}
