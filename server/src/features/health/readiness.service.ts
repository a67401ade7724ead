import type { MetadataStore } from '../../ports/metadata-store.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, { ok: boolean; detail: string }>>;
}

/** Whether this process can serve traffic: each store answers a trivial query. */
export class ReadinessService {
  readonly #checks: Readonly<Record<string, () => Promise<void>>>;

  constructor(deps: { timeSeries: TimeSeriesStore; metadata: MetadataStore }) {
    this.#checks = {
      timeSeriesStore: () => deps.timeSeries.ping(),
      metadataStore: () => deps.metadata.ping(),
    };
  }

  async check(): Promise<ReadinessReport> {
    const checks: Record<string, { ok: boolean; detail: string }> = {};
    await Promise.all(
      Object.entries(this.#checks).map(async ([name, probe]) => {
        try {
          await probe();
          checks[name] = { ok: true, detail: 'ok' };
        } catch (error) {
          checks[name] = {
            ok: false,
            detail: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }
}
