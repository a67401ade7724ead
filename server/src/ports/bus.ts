import type { PriceBatch } from '../domain/prices/price-batch.js';

/** New prices were stored; lets caches, streams and dependent jobs react without polling. */
export interface PricesWrittenEvent {
  readonly instrumentIds: readonly string[];
  readonly fromMs: number;
  readonly toMs: number;
  readonly inserted: number;
  readonly revised: number;
  /** Rows of the batch that were already stored with the same values (absent: unknown). */
  readonly unchanged?: number;
  /**
   * The rows of the stored batch, for live streams. Plain data (typed-array columns, no references into a store),
   * so a networked bus can encode it; `unchanged` > 0 means some of these rows were already stored as they are.
   */
  readonly prices?: PriceBatch;
}

/** Markets or instruments were added or changed; reference-data caches should reload. */
export interface CatalogChangedEvent {
  readonly markets: readonly string[];
}

/** Entitlements changed; access caches should reload. */
export interface AccessChangedEvent {
  readonly tenantId: string;
}

/** A forward curve was defined for the first time; its daily build should be scheduled. */
export interface CurveDefinedEvent {
  readonly curveId: string;
}

export interface BusTopics {
  'access.changed': AccessChangedEvent;
  'curves.defined': CurveDefinedEvent;
  'prices.written': PricesWrittenEvent;
  'catalog.changed': CatalogChangedEvent;
}

export type Unsubscribe = () => void;

/**
 * Publish/subscribe for new-data events. In-process in embedded mode; NATS JetStream in scale-out mode.
 * Handlers must not throw into the publisher: a failing subscriber never stops ingestion.
 */
export interface Bus {
  publish<T extends keyof BusTopics>(topic: T, event: BusTopics[T]): Promise<void>;
  subscribe<T extends keyof BusTopics>(
    topic: T,
    handler: (event: BusTopics[T]) => void | Promise<void>,
  ): Unsubscribe;
  close(): Promise<void>;
}
