import type { SourceDocument } from '../../../ports/market-feed.js';
import { sourceProblem } from '../kit/source-problem.js';

/**
 * A JSON document, or a problem naming the file and the line where the text stops being JSON (a truncated
 * download ends mid-value, so its problem is on the last line).
 */
export const parseJsonDocument = (document: SourceDocument): unknown => {
  const text = new TextDecoder('utf-8').decode(document.bytes).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const offset = position === undefined ? text.length : Number(position);
    const line = text.slice(0, offset).split('\n').length;
    throw sourceProblem(
      document.name,
      line,
      null,
      `not valid JSON (truncated or malformed): ${message}`,
    );
  }
};

/** A JSON value read at a path, with problems that name the file and the path as the field. */
export class JsonReader {
  constructor(
    readonly document: SourceDocument,
    readonly value: unknown,
    readonly path: string,
  ) {}

  problem(message: string): Error {
    return sourceProblem(this.document.name, null, this.path || '(document)', message);
  }

  at(key: string | number): JsonReader {
    const record =
      typeof this.value === 'object' && this.value !== null
        ? (this.value as Record<string | number, unknown>)
        : undefined;
    const path =
      typeof key === 'number' ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key;
    return new JsonReader(this.document, record?.[key], path);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw this.problem(this.present ? 'expected an object' : 'missing');
    }
    return this.value as Record<string, unknown>;
  }

  entries(): [key: string, value: JsonReader][] {
    return Object.keys(this.object()).map((key) => [key, this.at(key)]);
  }

  /** The elements of an array; a lone object stands for a one-element array (ERCOT's XML-born JSON does that). */
  items(): JsonReader[] {
    if (Array.isArray(this.value)) {
      return this.value.map((_, i) => this.at(i));
    }
    if (typeof this.value === 'object' && this.value !== null) {
      return [this];
    }
    throw this.problem(this.present ? 'expected a list' : 'missing');
  }

  text(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') {
      throw this.problem(
        this.present ? `expected text, got ${JSON.stringify(this.value)}` : 'missing',
      );
    }
    return this.value;
  }

  /** A finite number (numbers written as text, as some ERCOT services do, are accepted). */
  number(): number {
    const n =
      typeof this.value === 'number'
        ? this.value
        : typeof this.value === 'string' && this.value.trim() !== ''
          ? Number(this.value)
          : Number.NaN;
    if (!Number.isFinite(n)) {
      throw this.problem(
        this.present ? `expected a number, got ${JSON.stringify(this.value)}` : 'missing',
      );
    }
    return n;
  }
}
