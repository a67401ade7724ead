/** Wall-clock source, injected so tests and simulations can control "now". Milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  #nowMs: number;

  constructor(startMs: number) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  set(ms: number): void {
    this.#nowMs = ms;
  }

  advance(ms: number): void {
    this.#nowMs += ms;
  }
}
