import type { Logger } from '../../platform/logger.js';
import type { Bus, BusTopics, Unsubscribe } from '../../ports/bus.js';

type Handler = (event: never) => void | Promise<void>;

/**
 * The embedded-mode bus: events go straight to subscribers in this process. A subscriber that throws or rejects
 * is logged and never disturbs the publisher or the other subscribers.
 */
export class InProcessBus implements Bus {
  readonly #handlers = new Map<keyof BusTopics, Set<Handler>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async publish<T extends keyof BusTopics>(topic: T, event: BusTopics[T]): Promise<void> {
    const handlers = [...(this.#handlers.get(topic) ?? [])] as ((
      e: BusTopics[T],
    ) => void | Promise<void>)[];
    await Promise.all(
      handlers.map(async (handler) => {
        try {
          await handler(event);
        } catch (error) {
          this.#logger.error({ err: error, topic }, 'bus subscriber failed');
        }
      }),
    );
  }

  subscribe<T extends keyof BusTopics>(
    topic: T,
    handler: (event: BusTopics[T]) => void | Promise<void>,
  ): Unsubscribe {
    const set = this.#handlers.get(topic) ?? new Set<Handler>();
    set.add(handler);
    this.#handlers.set(topic, set);
    return () => {
      set.delete(handler);
    };
  }

  close(): Promise<void> {
    this.#handlers.clear();
    return Promise.resolve();
  }
}
