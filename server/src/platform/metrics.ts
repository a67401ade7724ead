import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics for one process. A registry per instance (not prom-client's global one) keeps tests and
 * several apps in one process apart.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestSeconds = new Histogram({
    name: 'carbon_http_request_duration_seconds',
    help: 'HTTP request latency by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly ingestedRows = new Counter({
    name: 'carbon_ingested_rows_total',
    help: 'Rows fetched from feeds, by feed, dataset and outcome (inserted, revised, unchanged).',
    labelNames: ['feed', 'dataset', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'carbon_job_runs_total',
    help: 'Finished job attempts by job and status.',
    labelNames: ['job', 'status'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics: boolean } = { defaultMetrics: true }) {
    if (options.defaultMetrics) {
      collectDefaultMetrics({ register: this.registry, prefix: 'carbon_' });
    }
  }
}
