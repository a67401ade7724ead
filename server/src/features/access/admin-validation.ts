import { CHANNELS, type Channel } from '../../domain/access/principal.js';
import { isRole, type Role } from '../../domain/access/roles.js';
import {
  INSTRUMENT_PRODUCTS,
  isCurveId,
  isInstrumentId,
  type InstrumentProduct,
} from '../../domain/instruments/instrument.js';
import { MARKET_ID_PATTERN } from '../../domain/markets/market.js';
import { parseIsoDate } from '../../domain/time/zoned.js';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';

/** Checks admin input field by field and throws one error naming every problem. */
export class InputCheck {
  readonly #problems: FieldProblem[] = [];

  problem(field: string, message: string): void {
    this.#problems.push({ field, message });
  }

  done(what: string): void {
    if (this.#problems.length > 0) {
      throw invalidRequest(
        `Cannot ${what}: ${this.#problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        this.#problems,
      );
    }
  }

  tenantId(field: string, value: string): string {
    if (!/^[a-z][a-z0-9_-]{1,31}$/.test(value)) {
      this.problem(
        field,
        'must be 2–32 characters: lower-case letters, digits, _ or -, starting with a letter',
      );
    }
    return value;
  }

  username(field: string, value: string): string {
    if (!/^[A-Za-z0-9._%+@-]{3,254}$/.test(value)) {
      this.problem(field, 'must be 3–254 characters of letters, digits and . _ % + @ -');
    }
    return value.toLowerCase();
  }

  text(field: string, value: string, max = 200): string {
    const trimmed = value.trim();
    if (trimmed.length === 0 || trimmed.length > max || /\p{Cc}/u.test(trimmed)) {
      this.problem(field, `must be 1–${max} printable characters`);
    }
    return trimmed;
  }

  /** At least 12 characters, at most 256, and not containing the username. */
  password(field: string, value: string, username: string): string {
    if (value.length < 12 || value.length > 256) {
      this.problem(field, 'must be 12–256 characters');
    } else if (
      username.length >= 3 &&
      value.toLowerCase().includes(username.toLowerCase().split('@')[0] ?? username)
    ) {
      this.problem(field, 'must not contain the username');
    }
    return value;
  }

  roles(field: string, values: readonly string[]): Role[] {
    const roles = [...new Set(values)];
    if (roles.length === 0 || !roles.every(isRole)) {
      this.problem(field, 'must be one or more of admin, analyst, viewer');
    }
    return roles.filter(isRole);
  }

  channels(field: string, values: readonly string[]): Channel[] {
    const channels = [...new Set(values)];
    if (
      channels.length === 0 ||
      !channels.every((c) => (CHANNELS as readonly string[]).includes(c))
    ) {
      this.problem(field, 'must be one or more of hub, api, downloads');
    }
    return channels as Channel[];
  }

  market(field: string, value: string): string {
    if (!MARKET_ID_PATTERN.test(value)) {
      this.problem(field, 'must be a market code such as MISO or CAISO');
    }
    return value;
  }

  product(field: string, value: string): InstrumentProduct {
    if (!(INSTRUMENT_PRODUCTS as readonly string[]).includes(value)) {
      this.problem(field, `must be one of ${INSTRUMENT_PRODUCTS.join(', ')}`);
    }
    return value as InstrumentProduct;
  }

  /** Instrument ids of the market, or curve ids for a `curve` grant; null = everything of the market and product. */
  instruments(
    field: string,
    values: readonly string[] | null | undefined,
    market: string,
    product: string,
  ): string[] | null {
    if (values === null || values === undefined) {
      return null;
    }
    if (product === 'curve') {
      const bad = values.filter((id) => !isCurveId(id));
      if (values.length === 0 || bad.length > 0) {
        this.problem(
          field,
          `must list curve ids (e.g. SIM-HUB-POWER); not valid: ${bad.join(', ') || '(empty list)'}`,
        );
      }
      return [...new Set(values)];
    }
    const bad = values.filter((id) => !isInstrumentId(id) || !id.startsWith(`${market}.`));
    if (values.length === 0 || bad.length > 0) {
      this.problem(
        field,
        `must list instrument ids of ${market} (e.g. ${market}.HUB); not valid: ${bad.join(', ') || '(empty list)'}`,
      );
    }
    return [...new Set(values)];
  }

  /** A UTC day boundary given as YYYY-MM-DD, or null. */
  day(field: string, value: string | null | undefined): number | null {
    if (value === null || value === undefined || value === '') {
      return null;
    }
    try {
      parseIsoDate(value);
      return Date.parse(`${value}T00:00:00Z`);
    } catch {
      this.problem(field, 'must be a date YYYY-MM-DD');
      return null;
    }
  }

  positiveInt(field: string, value: number | null | undefined, max: number): number | null {
    if (value === null || value === undefined) {
      return null;
    }
    if (!Number.isInteger(value) || value < 1 || value > max) {
      this.problem(field, `must be a whole number from 1 to ${max}`);
    }
    return value;
  }
}
