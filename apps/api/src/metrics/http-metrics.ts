import { Injectable } from '@nestjs/common';
import { isErrorCode } from '@kassa/common';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MetricsService } from './metrics.service';

/** The route label of requests no route matched: unknown paths never become series. */
export const UNMATCHED_ROUTE = 'unmatched';

interface RequestTiming {
  startedAt: bigint;
  errorCode?: string;
}

/** The catalogued error code of an error body in the shared shape; `UNKNOWN` otherwise. */
export function errorCodeOf(payload: unknown): string {
  if (typeof payload !== 'string' || !payload.startsWith('{"error"')) return 'UNKNOWN';
  try {
    const code: unknown = (JSON.parse(payload) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && isErrorCode(code) ? code : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/**
 * Request rate, latency, errors and requests in flight, measured at Fastify's edge so that every
 * answer counts: refusals by guards, validation and rate limits, unknown routes and framework
 * errors included. Requests are labelled by the route pattern they matched (`/products/:id`),
 * never by the raw URL, so ids cannot multiply the series.
 */
@Injectable()
export class HttpMetrics {
  private readonly timings = new WeakMap<FastifyRequest, RequestTiming>();
  private readonly requests;
  private readonly duration;
  private readonly errors;
  private readonly inFlight;

  constructor(metrics: MetricsService) {
    const byRoute = ['method', 'route', 'status_class'] as const;
    this.requests = metrics.counter(
      'kassa_http_requests_total',
      'HTTP requests answered, by method, route pattern and status class',
      byRoute,
    );
    this.duration = metrics.histogram(
      'kassa_http_request_duration_seconds',
      'Time from the request line to the last byte of the answer, in seconds',
      byRoute,
    );
    this.errors = metrics.counter(
      'kassa_http_errors_total',
      'HTTP answers with status 400 or more, by method, route pattern, status and error code',
      ['method', 'route', 'status', 'code'],
    );
    this.inFlight = metrics.gauge(
      'kassa_http_requests_in_flight',
      'HTTP requests received and not yet answered',
    );
  }

  /** Adds the measuring hooks; call before the routes are registered. */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request) => {
      this.timings.set(request, { startedAt: process.hrtime.bigint() });
      this.inFlight.inc();
    });
    fastify.addHook('onSend', async (request, reply, payload) => {
      const timing = this.timings.get(request);
      if (timing && reply.statusCode >= 400) timing.errorCode = errorCodeOf(payload);
      return payload;
    });
    fastify.addHook('onResponse', async (request, reply) => this.record(request, reply));
    fastify.addHook('onRequestAbort', async (request) => {
      if (this.timings.delete(request)) this.inFlight.dec();
    });
  }

  private record(request: FastifyRequest, reply: FastifyReply): void {
    const timing = this.timings.get(request);
    if (!timing) return;
    this.timings.delete(request);
    this.inFlight.dec();
    const status = reply.statusCode;
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status_class: statusClass(status),
    };
    this.requests.inc(labels);
    this.duration.observe(labels, Number(process.hrtime.bigint() - timing.startedAt) / 1e9);
    if (status >= 400) {
      this.errors.inc({
        method: labels.method,
        route: labels.route,
        status: String(status),
        code: timing.errorCode ?? 'UNKNOWN',
      });
    }
  }
}
