import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * The process's own series (CPU, memory, heap, handles, file descriptors, garbage collection,
 * event-loop lag as `nodejs_eventloop_lag_seconds` and its percentiles), under their standard
 * names so that stock Node.js dashboards read them. Collected once per process: they describe
 * the process, not one app instance in it, and their monitors are never stopped.
 */
export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
