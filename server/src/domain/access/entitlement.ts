import type { InstrumentProduct } from '../instruments/instrument.js';
import type { TimeRange } from '../time/interval.js';
import type { Channel, Principal } from './principal.js';

/**
 * A grant to a tenant: one market and product, through some channels, optionally limited to named instruments,
 * to a window of data (by interval start, UTC) and to a number of seats (named users).
 */
export interface Entitlement {
  readonly id: string;
  readonly tenantId: string;
  readonly market: string;
  readonly product: InstrumentProduct;
  readonly channels: readonly Channel[];
  /** null = every instrument of the market and product. */
  readonly instruments: readonly string[] | null;
  /** Data window: intervals starting before `dataFromMs` or at/after `dataToMs` are not granted (null = open). */
  readonly dataFromMs: number | null;
  readonly dataToMs: number | null;
  /** Named users of the tenant allowed to use this grant (null = unlimited). */
  readonly seats: number | null;
}

/** What a caller wants: data of these instruments over a time range, through its channel (and maybe as a file). */
export interface DataRequest {
  readonly instruments: readonly {
    readonly id: string;
    readonly market: string;
    readonly product: InstrumentProduct;
  }[];
  readonly range: TimeRange | null;
  /** A file download (CSV/Parquet): also needs the downloads channel. */
  readonly asFile: boolean;
}

export type AccessDecision =
  | { readonly allowed: true; readonly grants: readonly Entitlement[] }
  | { readonly allowed: false; readonly reason: string; readonly instruments: readonly string[] };

const covers = (grant: Entitlement, instrument: DataRequest['instruments'][number]): boolean =>
  grant.market === instrument.market &&
  grant.product === instrument.product &&
  (grant.instruments === null || grant.instruments.includes(instrument.id));

const coversRange = (grant: Entitlement, range: TimeRange | null): boolean =>
  range === null ||
  ((grant.dataFromMs === null || range.fromMs >= grant.dataFromMs) &&
    (grant.dataToMs === null || range.toMs <= grant.dataToMs));

/**
 * The single access rule, deny by default: every instrument must be covered by a grant of the caller's tenant for
 * its channel (and the downloads channel for files) over the whole requested range. The decision names what is
 * missing without revealing whether an instrument exists.
 */
export const decideDataAccess = (
  principal: Principal,
  grants: readonly Entitlement[],
  request: DataRequest,
): AccessDecision => {
  const mine = grants.filter((g) => g.tenantId === principal.tenantId);
  const needed: Channel[] = request.asFile ? [principal.channel, 'downloads'] : [principal.channel];
  const used = new Set<Entitlement>();
  const denied = request.instruments.filter((instrument) => {
    const found = needed.map((channel) =>
      mine.find(
        (g) =>
          g.channels.includes(channel) && covers(g, instrument) && coversRange(g, request.range),
      ),
    );
    found.forEach((g) => g && used.add(g));
    return found.some((g) => g === undefined);
  });
  if (request.instruments.length > 0 && denied.length === 0) {
    return { allowed: true, grants: [...used] };
  }
  const reason =
    request.instruments.length === 0
      ? 'nothing was requested'
      : `your organisation is not entitled to ${denied.map((i) => i.id).join(', ')} through the ${needed.join(' and ')} channel${needed.length > 1 ? 's' : ''}${request.range ? ' for this time range' : ''}`;
  return { allowed: false, reason, instruments: denied.map((i) => i.id) };
};

/** Whether a caller may see an instrument at all (listing, search), ignoring time windows. */
export const mayList = (
  principal: Principal,
  grants: readonly Entitlement[],
  instrument: DataRequest['instruments'][number],
): boolean =>
  grants.some(
    (g) =>
      g.tenantId === principal.tenantId &&
      g.channels.includes(principal.channel) &&
      covers(g, instrument),
  );

/** Markets in which the caller holds any grant for its channel. */
export const listableMarkets = (
  principal: Principal,
  grants: readonly Entitlement[],
): Set<string> =>
  new Set(
    grants
      .filter((g) => g.tenantId === principal.tenantId && g.channels.includes(principal.channel))
      .map((g) => g.market),
  );
