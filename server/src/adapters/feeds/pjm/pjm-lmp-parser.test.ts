/*
 * Recorded responses: ../shared/fixtures/iso/pjm (README, PJM table). Hand-written samples in
 * server/test/fixtures/pjm use the same Data Miner 2 envelope ({links, items, searchSpecification, totalRows})
 * and the field names of the full LMP feeds (connectors.md §2 PJM; as gridstatus pjm.py get_lmp asks for them:
 * datetime_beginning_utc/_ept, pnode_id, pnode_name, voltage, equipment, type, zone, system_energy_price_<da|rt>,
 * total_lmp_<da|rt>, congestion_price_<da|rt>, marginal_loss_price_<da|rt>, row_is_current, version_nbr). No
 * recording covers a DST day, rt_hrl_lmps, verified 5-minute LMPs or the price components.
 */
import { describe, expect, it } from 'vitest';
import { sampleDocument, sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { LMP_REPORTS, parseLmpDocument } from './pjm-lmp-parser.js';
import { caught, priceRows, rowsOf, utc } from './pjm-test-support.js';

const DA_ZONES = 'iso/pjm/dataminer_da_hrl_lmps_zones_2026-06-09.json';
const RT5_UNVERIFIED = 'iso/pjm/dataminer_rt_unverified_fivemin_lmps_zones_2026-06-10.json';
const DA_FALLBACK = 'pjm/dataminer_da_hrl_lmps_hubs_zones_2025-11-02_fallback_sample.json';
const RT60_SPRING = 'pjm/dataminer_rt_hrl_lmps_hubs_2026-03-08_springforward_sample.json';
const ZONE = 'America/New_York';

const envelope = (items: readonly object[]): string =>
  JSON.stringify({ links: [], items, totalRows: items.length });

describe('PJM Data Miner LMP parser', () => {
  it('reads the recorded da_hrl_lmps zone response: 23 zones × 24 hours of 2026-06-09 (EDT) by their UTC start', () => {
    const data = parseLmpDocument(sharedDocument(DA_ZONES), LMP_REPORTS.da_hrl_lmps);
    const rows = priceRows(data);
    expect(rows).toHaveLength(552);
    const day = localDayBounds(ZONE, '2026-06-09');
    expect(day).toMatchObject({ startMs: utc('2026-06-09T04:00:00'), hours: 24 });
    expect(new Set(rows.map((r) => r.instrumentId)).size).toBe(23);
    for (const id of new Set(rows.map((r) => r.instrumentId))) {
      const hours = rowsOf(rows, id);
      expect(hours.map((r) => r.intervalStartMs)).toEqual(
        Array.from({ length: 24 }, (_, h) => day.startMs + h * 3_600_000),
      );
    }
    expect(rows.every((r) => r.run === 'DA' && r.intervalMinutes === 60)).toBe(true);
    // {"datetime_beginning_utc":"2026-06-09T04:00:00","pnode_id":1,"pnode_name":"PJM-RTO","type":"ZONE","total_lmp_da":31.862345}
    expect(rowsOf(rows, 'PJM.PJM-RTO')[0]).toEqual({
      instrumentId: 'PJM.PJM-RTO',
      run: 'DA',
      intervalStartMs: utc('2026-06-09T04:00:00'),
      intervalMinutes: 60,
      lmp: 31.862345,
      energy: null,
      congestion: null,
      loss: null,
      ghg: null,
    });
    const at = (id: string, iso: string): number | undefined =>
      rows.find((r) => r.instrumentId === id && r.intervalStartMs === utc(iso))?.lmp;
    // {"datetime_beginning_utc":"2026-06-09T21:00:00","pnode_id":34964545,"pnode_name":"DOM","type":"ZONE","total_lmp_da":177.644907}
    expect(at('PJM.DOM', '2026-06-09T21:00:00')).toBe(177.644907);
    // {"datetime_beginning_utc":"2026-06-09T21:00:00","pnode_id":3,"pnode_name":"MID-ATL/APS","type":"ZONE","total_lmp_da":91.648553}
    expect(at('PJM.MID-ATL/APS', '2026-06-09T21:00:00')).toBe(91.648553);
    // {"datetime_beginning_utc":"2026-06-09T23:00:00","pnode_id":51292,"pnode_name":"BGE","type":"ZONE","total_lmp_da":188.006399}
    expect(at('PJM.BGE', '2026-06-09T23:00:00')).toBe(188.006399);
    // {"datetime_beginning_utc":"2026-06-10T03:00:00","pnode_id":34964545,"pnode_name":"DOM","type":"ZONE","total_lmp_da":50.165035}
    expect(at('PJM.DOM', '2026-06-10T03:00:00')).toBe(50.165035);
  });

  it('registers each pnode under its name with its type as kind and its pnode id as an alias', () => {
    const data = parseLmpDocument(sharedDocument(DA_ZONES), LMP_REPORTS.da_hrl_lmps);
    expect(data.instruments).toHaveLength(23);
    expect(data.instruments?.every((i) => i.kind === 'zone' && i.product === 'lmp')).toBe(true);
    expect(data.instruments?.find((i) => i.code === 'DOM')).toEqual({
      id: 'PJM.DOM',
      market: 'PJM',
      code: 'DOM',
      name: 'DOM',
      kind: 'zone',
      product: 'lmp',
      aliases: [
        { source: 'pjm', code: 'DOM', validFromMs: null, validToMs: null },
        { source: 'pjm.pnode_id', code: '34964545', validFromMs: null, validToMs: null },
      ],
    });
  });

  it('reads the recorded unverified 5-minute response (no type field, prices above 1,000 $/MWh)', () => {
    const rows = priceRows(
      parseLmpDocument(sharedDocument(RT5_UNVERIFIED), LMP_REPORTS.rt_unverified_fivemin_lmps),
    );
    expect(rows).toHaveLength(154);
    expect(new Set(rows.map((r) => r.instrumentId)).size).toBe(22);
    expect(rows.every((r) => r.run === 'RT5' && r.intervalMinutes === 5)).toBe(true);
    // 14:40–15:10 EDT: seven 5-minute intervals per zone, 18:40Z … 19:10Z.
    expect(rowsOf(rows, 'PJM.AECO').map((r) => r.intervalStartMs)).toEqual(
      Array.from({ length: 7 }, (_, k) => utc('2026-06-10T18:40:00') + k * 300_000),
    );
    const at = (id: string, iso: string) =>
      rows.find((r) => r.instrumentId === id && r.intervalStartMs === utc(iso));
    // {"datetime_beginning_utc":"2026-06-10T19:10:00","pnode_id":51292,"pnode_name":"BGE","total_lmp_rt":1070.33}
    expect(at('PJM.BGE', '2026-06-10T19:10:00')?.lmp).toBe(1070.33);
    // {"datetime_beginning_utc":"2026-06-10T18:55:00","pnode_id":51292,"pnode_name":"BGE","total_lmp_rt":1205.42}
    expect(at('PJM.BGE', '2026-06-10T18:55:00')?.lmp).toBe(1205.42);
    // {"datetime_beginning_utc":"2026-06-10T18:40:00","pnode_id":1,"pnode_name":"PJM-RTO","total_lmp_rt":564.17}
    expect(at('PJM.PJM-RTO', '2026-06-10T18:40:00')).toMatchObject({
      lmp: 564.17,
      energy: null,
      congestion: null,
      loss: null,
    });
  });

  it('gives kinds from known zone ids when the type field was not asked for', () => {
    const data = parseLmpDocument(
      sharedDocument(RT5_UNVERIFIED),
      LMP_REPORTS.rt_unverified_fivemin_lmps,
    );
    expect(new Set(data.instruments?.map((i) => i.kind))).toEqual(new Set(['zone']));
  });

  it('hand-written sample: a fall-back day gives 25 hourly intervals per pnode, the repeated 01:00 EPT hour twice by UTC', () => {
    const rows = priceRows(parseLmpDocument(sampleDocument(DA_FALLBACK), LMP_REPORTS.da_hrl_lmps));
    const day = localDayBounds(ZONE, '2025-11-02');
    expect(day.hours).toBe(25);
    for (const id of ['PJM.WESTERN HUB', 'PJM.AECO']) {
      expect(rowsOf(rows, id).map((r) => r.intervalStartMs)).toEqual(
        Array.from({ length: 25 }, (_, h) => day.startMs + h * 3_600_000),
      );
    }
    const hub = rowsOf(rows, 'PJM.WESTERN HUB');
    // "datetime_beginning_utc": "2025-11-02T05:00:00", "datetime_beginning_ept": "2025-11-02T01:00:00",
    // "system_energy_price_da": 28.75, "total_lmp_da": 29.51, "congestion_price_da": 0.55, "marginal_loss_price_da": 0.21
    expect(hub[1]).toMatchObject({
      intervalStartMs: utc('2025-11-02T05:00:00'),
      lmp: 29.51,
      energy: 28.75,
      congestion: 0.55,
      loss: 0.21,
    });
    // the second 01:00 EPT: "datetime_beginning_utc": "2025-11-02T06:00:00", "total_lmp_da": 30.32 (29.5 + 0.6 + 0.22)
    expect(hub[2]).toMatchObject({
      intervalStartMs: utc('2025-11-02T06:00:00'),
      lmp: 30.32,
      energy: 29.5,
      congestion: 0.6,
      loss: 0.22,
    });
    for (const r of rows) {
      expect(Math.abs(r.lmp - (r.energy! + r.congestion! + r.loss!))).toBeLessThan(0.01);
    }
  });

  it('hand-written sample: a spring-forward day gives 23 hourly RT intervals and skips superseded versions', () => {
    const data = parseLmpDocument(sampleDocument(RT60_SPRING), LMP_REPORTS.rt_hrl_lmps);
    const rows = priceRows(data);
    const day = localDayBounds(ZONE, '2026-03-08');
    expect(day.hours).toBe(23);
    for (const id of ['PJM.WESTERN HUB', 'PJM.PJM-RTO']) {
      expect(rowsOf(rows, id).map((r) => r.intervalStartMs)).toEqual(
        Array.from({ length: 23 }, (_, h) => day.startMs + h * 3_600_000),
      );
    }
    expect(rows.every((r) => r.run === 'RT60')).toBe(true);
    // 07:00Z is 03:00 EDT, straight after 01:00 EST. Version 2 (row_is_current true) "total_lmp_rt": 28.74 wins;
    // version 1 ("total_lmp_rt": 99.99, "row_is_current": false) is skipped.
    expect(rowsOf(rows, 'PJM.WESTERN HUB')[2]).toMatchObject({
      intervalStartMs: utc('2026-03-08T07:00:00'),
      lmp: 28.74,
      energy: 27,
      congestion: 1.3,
      loss: 0.44,
    });
    expect(data.instruments?.find((i) => i.code === 'WESTERN HUB')?.kind).toBe('hub');
  });

  it('derives energy as LMP − congestion − loss when the feed has no system energy column', () => {
    const document = textDocument(
      'rt_unverified_fivemin_lmps.json',
      envelope([
        {
          datetime_beginning_utc: '2026-06-10T19:10:00',
          pnode_id: 51292,
          pnode_name: 'BGE',
          type: 'ZONE',
          total_lmp_rt: 1070.33,
          congestion_price_rt: 512.4,
          marginal_loss_price_rt: 31.18,
        },
      ]),
    );
    const [row] = priceRows(parseLmpDocument(document, LMP_REPORTS.rt_unverified_fivemin_lmps));
    expect(row).toMatchObject({ lmp: 1070.33, energy: 526.75, congestion: 512.4, loss: 31.18 });
  });

  it('keeps the zone on its name when two pnode ids share it and suffixes the other with its id', () => {
    const row = (pnodeId: number, name: string, type: string, lmp: number) => ({
      datetime_beginning_utc: '2026-06-09T04:00:00',
      pnode_id: pnodeId,
      pnode_name: name,
      type,
      total_lmp_da: lmp,
    });
    const data = parseLmpDocument(
      textDocument(
        'da_hrl_lmps.json',
        envelope([
          row(51292, 'BGE', 'ZONE', 40),
          row(5000001, 'BGE', 'AGGREGATE', 41),
          row(7000001, 'TWIN 138 KV', 'GEN', 20),
          row(7000002, 'TWIN 138 KV', 'GEN', 21),
        ]),
      ),
      LMP_REPORTS.da_hrl_lmps,
    );
    expect(priceRows(data).map((r) => [r.instrumentId, r.lmp])).toEqual([
      ['PJM.BGE', 40],
      ['PJM.BGE (5000001)', 41],
      ['PJM.TWIN 138 KV (7000001)', 20],
      ['PJM.TWIN 138 KV (7000002)', 21],
    ]);
    expect(data.instruments?.map((i) => [i.code, i.kind])).toEqual([
      ['BGE', 'zone'],
      ['BGE (5000001)', 'node'],
      ['TWIN 138 KV (7000001)', 'node'],
      ['TWIN 138 KV (7000002)', 'node'],
    ]);
  });

  it('drops an identical repeated row but refuses two different prices for one pnode and hour', async () => {
    const row = {
      datetime_beginning_utc: '2026-06-09T04:00:00',
      pnode_id: 1,
      pnode_name: 'PJM-RTO',
    };
    const same = textDocument(
      'da_hrl_lmps.json',
      envelope([
        { ...row, total_lmp_da: 31.5 },
        { ...row, total_lmp_da: 31.5 },
      ]),
    );
    expect(priceRows(parseLmpDocument(same, LMP_REPORTS.da_hrl_lmps))).toHaveLength(1);
    const different = textDocument(
      'da_hrl_lmps.json',
      envelope([
        { ...row, total_lmp_da: 31.5 },
        { ...row, total_lmp_da: 32 },
      ]),
    );
    const error = await caught(() => parseLmpDocument(different, LMP_REPORTS.da_hrl_lmps));
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toBe(
      'da_hrl_lmps.json, line 1, items[1].datetime_beginning_utc: repeats the pnode and interval of da_hrl_lmps.json items[0] with different prices',
    );
  });

  it('treats an empty file as nothing published', () => {
    const data = parseLmpDocument(textDocument('da_hrl_lmps.json', ''), LMP_REPORTS.da_hrl_lmps);
    expect(priceRows(data)).toEqual([]);
  });
});
