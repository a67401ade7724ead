import {
  instrumentId,
  isInstrumentId,
  type InstrumentDefinition,
  type InstrumentKind,
} from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { PriceBatchBuilder, type PriceBatch } from '../../../domain/prices/price-batch.js';
import type { TimeRange } from '../../../domain/time/interval.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import {
  ItemReader,
  readDocument,
  type DataMinerPage,
  type DataMinerReader,
} from './dataminer-page.js';
import { knownZone, PJM_HUB_NAMES, PJM_MARKET_ID, pnodeInstrument } from './pjm-market.js';

/** A Data Miner 2 LMP feed: which run it carries and the suffix of its price fields. */
export interface LmpReport {
  readonly feed: string;
  readonly run: MarketRunId;
  readonly intervalMinutes: number;
  /** Price fields are `total_lmp_<suffix>`, `system_energy_price_<suffix>`, `congestion_price_<suffix>`, … */
  readonly suffix: 'da' | 'rt';
}

export const LMP_REPORTS = {
  da_hrl_lmps: { feed: 'da_hrl_lmps', run: 'DA', intervalMinutes: 60, suffix: 'da' },
  rt_hrl_lmps: { feed: 'rt_hrl_lmps', run: 'RT60', intervalMinutes: 60, suffix: 'rt' },
  rt_fivemin_hrl_lmps: {
    feed: 'rt_fivemin_hrl_lmps',
    run: 'RT5',
    intervalMinutes: 5,
    suffix: 'rt',
  },
  rt_unverified_fivemin_lmps: {
    feed: 'rt_unverified_fivemin_lmps',
    run: 'RT5',
    intervalMinutes: 5,
    suffix: 'rt',
  },
} as const satisfies Record<string, LmpReport>;

export interface LmpReadOptions {
  /** Keep only these pnodes (a Data Miner archive query cannot filter by pnode on the server). */
  readonly pnodeIds?: ReadonlySet<number> | null;
  /** Keep only intervals starting in this range. */
  readonly window?: TimeRange | null;
}

interface Pnode {
  readonly id: number;
  readonly name: string;
  readonly type: string | null;
}

const HUB_NAMES = new Set(PJM_HUB_NAMES);
const MINUTE_MS = 60_000;
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Kind from the operator's `type` column: HUB → hub, ZONE → zone; every other type (AGGREGATE, EHV, GEN, …) is a node. */
const kindOf = (pnode: Pnode): InstrumentKind => {
  const type = pnode.type?.toUpperCase() ?? null;
  if (type !== null) {
    return type === 'HUB' ? 'hub' : type === 'ZONE' ? 'zone' : 'node';
  }
  // Responses asked for without the type field (as in the recorded unverified 5-minute one): known zones by id,
  // hubs by their published names.
  if (knownZone(pnode.id) !== undefined) {
    return 'zone';
  }
  return HUB_NAMES.has(pnode.name) || / HUB$/.test(pnode.name) ? 'hub' : 'node';
};

/** A name usable as an instrument code: commas and control characters (never seen in PJM names) become spaces. */
const codeFromName = (name: string, pnodeId: number): string => {
  if (isInstrumentId(instrumentId(PJM_MARKET_ID, name))) {
    return name;
  }
  const cleaned = name
    .replace(/[,\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return isInstrumentId(instrumentId(PJM_MARKET_ID, cleaned)) ? cleaned : `PNODE ${pnodeId}`;
};

/**
 * Codes for the pnodes of one response. The code is the pnode name, which users know. When two pnode ids share a
 * name in one response, the one PJM lists as that zone (static master) keeps the plain name and every other gets
 * `<name> (<pnode_id>)`; without a known owner, all of them get the suffix. So a plain name never switches
 * between two different pnodes from one response to the next; at worst a node's series gains a suffixed twin.
 */
const assignCodes = (pnodes: readonly Pnode[]): Map<number, string> => {
  const byName = new Map<string, number[]>();
  for (const pnode of pnodes) {
    const code = codeFromName(pnode.name, pnode.id);
    byName.set(code, [...(byName.get(code) ?? []), pnode.id]);
  }
  const codes = new Map<number, string>();
  for (const [name, ids] of byName) {
    const owner = ids.length > 1 ? ids.find((id) => knownZone(id)?.code === name) : ids[0];
    for (const id of ids) {
      codes.set(id, id === owner ? name : `${name} (${id})`);
    }
  }
  return codes;
};

/**
 * Reads LMP rows of one Data Miner feed, page by page (a 5-minute day of all pnodes is 66 pages of 50,000 rows,
 * so rows go straight into columns rather than being kept as objects), into one price batch.
 *
 * Times come from `datetime_beginning_utc` (UTC interval start), never from the EPT field, so the repeated hour
 * of a fall-back day is two distinct intervals and the skipped hour of a spring-forward day is simply absent.
 * Components are read when present and NaN otherwise. Where a feed has congestion and loss but no system energy
 * (the unverified 5-minute feed), energy is derived as LMP − congestion − loss. Rows marked
 * `row_is_current: false` are superseded versions and skipped.
 */
export class PjmLmpReader implements DataMinerReader {
  readonly #report: LmpReport;
  readonly #pnodeIds: ReadonlySet<number> | null;
  readonly #window: TimeRange | null;
  readonly #builder = new PriceBatchBuilder(4096);
  readonly #pnodes = new Map<number, Pnode & { slot: number }>();
  readonly #keys: number[] = [];
  readonly #pages: DataMinerPage[] = [];
  /** Page number × 2^32 + item index of each row, to name a repeated row's source. */
  readonly #origins: number[] = [];
  #rowsRead = 0;

  constructor(report: LmpReport, options: LmpReadOptions = {}) {
    this.#report = report;
    this.#pnodeIds = options.pnodeIds ?? null;
    this.#window = options.window ?? null;
  }

  /** Rows the responses held before any filtering: 0 means the feed has nothing for the query. */
  get rowsRead(): number {
    return this.#rowsRead;
  }

  addPage(page: DataMinerPage): void {
    const { suffix, intervalMinutes, run } = this.#report;
    const reader = new ItemReader(page);
    const runSlot = this.#builder.runSlot(run);
    const [lmpField, energyField, congestionField, lossField] = [
      `total_lmp_${suffix}`,
      `system_energy_price_${suffix}`,
      `congestion_price_${suffix}`,
      `marginal_loss_price_${suffix}`,
    ];
    this.#rowsRead += page.items.length;
    const pageNo = this.#pages.push(page) - 1;
    for (let index = 0; index < page.items.length; index++) {
      const item = reader.item(index);
      const pnodeId = reader.number(item, index, 'pnode_id');
      if (this.#pnodeIds !== null && !this.#pnodeIds.has(pnodeId)) {
        continue;
      }
      const startMs = reader.utcStart(item, index, 'datetime_beginning_utc', intervalMinutes);
      if (
        item.row_is_current === false ||
        (this.#window !== null && (startMs < this.#window.fromMs || startMs >= this.#window.toMs))
      ) {
        continue;
      }
      if (!Number.isSafeInteger(pnodeId)) {
        throw page.problem(index, 'pnode_id', `${pnodeId} is not a pnode id`);
      }
      const pnode = this.#pnode(reader, item, index, pnodeId);
      const lmp = reader.number(item, index, lmpField);
      const congestion = reader.optionalNumber(item, index, congestionField);
      const loss = reader.optionalNumber(item, index, lossField);
      let energy = reader.optionalNumber(item, index, energyField);
      if (Number.isNaN(energy) && !(energyField in item)) {
        // No system energy column at all (unverified feed): LMP = energy + congestion + loss gives it.
        energy = round6(lmp - congestion - loss);
      }
      this.#keys.push(pnode.slot * 2 ** 32 + startMs / MINUTE_MS);
      this.#origins.push(pageNo * 2 ** 32 + index);
      this.#builder.addColumns(
        pnode.slot,
        runSlot,
        startMs,
        intervalMinutes,
        lmp,
        energy,
        congestion,
        loss,
        Number.NaN,
      );
    }
  }

  #pnode(
    reader: ItemReader,
    item: Readonly<Record<string, unknown>>,
    index: number,
    pnodeId: number,
  ): { slot: number } {
    let pnode = this.#pnodes.get(pnodeId);
    if (pnode === undefined) {
      const type =
        typeof item.type === 'string' && item.type.trim() !== '' ? item.type.trim() : null;
      pnode = {
        id: pnodeId,
        name: reader.text(item, index, 'pnode_name'),
        type,
        slot: this.#builder.instrumentSlot(`#${pnodeId}`),
      };
      this.#pnodes.set(pnodeId, pnode);
    }
    return pnode;
  }

  finish(): FeedData {
    const pnodes = [...this.#pnodes.values()];
    const codes = assignCodes(pnodes);
    const bySlot = new Map(pnodes.map((p) => [p.slot, p]));
    const built = this.#withoutRepeats(this.#builder.build());
    const prices: PriceBatch = {
      ...built,
      instrumentIds: built.instrumentIds.map((placeholder, slot) => {
        const pnode = bySlot.get(slot);
        return pnode === undefined
          ? placeholder
          : instrumentId(PJM_MARKET_ID, codes.get(pnode.id) as string);
      }),
    };
    const instruments: InstrumentDefinition[] = pnodes.map((pnode) =>
      pnodeInstrument(codes.get(pnode.id) as string, pnode.name, pnode.id, kindOf(pnode)),
    );
    return { kind: 'prices', prices, instruments };
  }

  #origin(row: number): [DataMinerPage, number] {
    const origin = this.#origins[row] as number;
    return [this.#pages[Math.floor(origin / 2 ** 32)] as DataMinerPage, origin % 2 ** 32];
  }

  /**
   * A pnode and interval twice in one response: an identical repeat (paging overlap) is dropped; two different
   * prices for the same interval are a problem, since nothing says which one is right.
   */
  #withoutRepeats(batch: PriceBatch): PriceBatch {
    const sorted = Float64Array.from(this.#keys).sort();
    let repeated = false;
    for (let i = 1; i < sorted.length && !repeated; i++) {
      repeated = sorted[i] === sorted[i - 1];
    }
    if (!repeated) {
      return batch;
    }
    const first = new Map<number, number>();
    const drop = new Set<number>();
    const columns = [batch.lmp, batch.energy, batch.congestion, batch.loss] as const;
    this.#keys.forEach((key, row) => {
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, row);
        return;
      }
      if (columns.some((c) => !Object.is(c[row], c[earlier]))) {
        const [page, index] = this.#origin(row);
        const [firstPage, firstIndex] = this.#origin(earlier);
        throw page.problem(
          index,
          'datetime_beginning_utc',
          `repeats the pnode and interval of ${firstPage.document.name} items[${firstIndex}] with different prices`,
        );
      }
      drop.add(row);
    });
    const kept = new PriceBatchBuilder(batch.length);
    batch.instrumentIds.forEach((id) => kept.instrumentSlot(id));
    batch.runs.forEach((run) => kept.runSlot(run));
    for (let i = 0; i < batch.length; i++) {
      if (!drop.has(i)) {
        kept.addColumns(
          batch.instrumentIndex[i] as number,
          batch.runIndex[i] as number,
          batch.intervalStartMs[i] as number,
          batch.intervalMinutes[i] as number,
          batch.lmp[i] as number,
          batch.energy[i] as number,
          batch.congestion[i] as number,
          batch.loss[i] as number,
          batch.ghg[i] as number,
        );
      }
    }
    return kept.build();
  }
}

/** Parses one saved Data Miner LMP response (`ingest --file`). */
export const parseLmpDocument = (document: SourceDocument, report: LmpReport): FeedData =>
  readDocument(new PjmLmpReader(report), document);
