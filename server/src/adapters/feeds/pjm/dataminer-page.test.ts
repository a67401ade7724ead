import { describe, expect, it } from 'vitest';
import {
  readSharedFixture,
  sampleDocument,
  textDocument,
} from '../../../../test/support/fixtures.js';
import { parseNaiveUtc, readDataMinerPage } from './dataminer-page.js';
import { LMP_REPORTS, parseLmpDocument } from './pjm-lmp-parser.js';
import { caught, utc } from './pjm-test-support.js';

const DA_ZONES = 'iso/pjm/dataminer_da_hrl_lmps_zones_2026-06-09.json';
const RT5_SAMPLE = 'pjm/dataminer_rt_fivemin_hrl_lmps_hubs_2026-06-10_sample.json';
const recorded = (): string => new TextDecoder().decode(readSharedFixture(DA_ZONES));

describe('Data Miner response reading', () => {
  it('reads the envelope: items, totalRows and the next link', () => {
    const page = readDataMinerPage(
      textDocument(
        'p.json',
        JSON.stringify({
          links: [
            { rel: 'self', href: 'https://api.pjm.com/api/v1/x?startRow=1' },
            { rel: 'next', href: 'https://api.pjm.com/api/v1/x?startRow=3' },
          ],
          items: [{}, {}],
          totalRows: 3,
        }),
      ),
    );
    expect(page).toMatchObject({
      totalRows: 3,
      nextHref: 'https://api.pjm.com/api/v1/x?startRow=3',
    });
    expect(page?.items).toHaveLength(2);
  });

  it('names the file, line and item of a malformed price, and returns nothing from the file', async () => {
    // Item 408 of the recorded response is {"…T21:00:00","pnode_id":34964545,"pnode_name":"DOM",…,"total_lmp_da":177.644907}.
    const text = recorded().replace('"total_lmp_da":177.644907', '"total_lmp_da":"n/a"');
    const error = await caught(() =>
      parseLmpDocument(textDocument('da_hrl_lmps_2026-06-09.json', text), LMP_REPORTS.da_hrl_lmps),
    );
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toBe(
      'da_hrl_lmps_2026-06-09.json, line 1, items[408].total_lmp_da: is "n/a"; expected a number',
    );
  });

  it('names the item a truncated response stops in', async () => {
    // Cut after 40,000 of 70,532 bytes, inside the 314th row.
    const text = recorded().slice(0, 40_000);
    const error = await caught(() =>
      parseLmpDocument(textDocument('da_hrl_lmps_2026-06-09.json', text), LMP_REPORTS.da_hrl_lmps),
    );
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toBe(
      'da_hrl_lmps_2026-06-09.json, line 1, items[313]: the JSON ends early; the response looks truncated ' +
        '(Unterminated string in JSON at position 40000)',
    );
  });

  it('gives the line of the field in a pretty-printed response (hand-written sample)', async () => {
    const sample = sampleDocument(RT5_SAMPLE);
    const text = new TextDecoder().decode(sample.bytes);
    // Line 49 of the sample is `"total_lmp_rt": 939.1,` in items[3] (BGE, 18:45Z).
    expect(text.split('\n')[48]).toBe('      "total_lmp_rt": 939.1,');
    const missing = textDocument(
      sample.name,
      text.replace('"total_lmp_rt": 939.1', '"total_lmp_rt": null'),
    );
    const error = await caught(() => parseLmpDocument(missing, LMP_REPORTS.rt_fivemin_hrl_lmps));
    expect(error.message).toBe(
      `${sample.name}, line 49, items[3].total_lmp_rt: is null; expected a number`,
    );
    const broken = textDocument(
      sample.name,
      text.replace('"total_lmp_rt": 939.1', '"total_lmp_rt": 939.1.2'),
    );
    const syntax = await caught(() => parseLmpDocument(broken, LMP_REPORTS.rt_fivemin_hrl_lmps));
    expect(syntax.message).toMatch(
      new RegExp(`^${sample.name}, line 49, items\\[3\\]\\.total_lmp_rt: is not valid JSON`),
    );
  });

  it('refuses a time that does not start an interval, a missing pnode name and an impossible date', async () => {
    const one = (item: object) =>
      textDocument('da.json', JSON.stringify({ items: [item], totalRows: 1 }));
    const base = {
      datetime_beginning_utc: '2026-06-09T04:00:00',
      pnode_id: 1,
      pnode_name: 'PJM-RTO',
      total_lmp_da: 1,
    };
    const offGrid = await caught(() =>
      parseLmpDocument(
        one({ ...base, datetime_beginning_utc: '2026-06-09T04:30:00' }),
        LMP_REPORTS.da_hrl_lmps,
      ),
    );
    expect(offGrid.message).toBe(
      'da.json, line 1, items[0].datetime_beginning_utc: "2026-06-09T04:30:00" does not start a 60-minute interval',
    );
    const noName = await caught(() =>
      parseLmpDocument(one({ ...base, pnode_name: ' ' }), LMP_REPORTS.da_hrl_lmps),
    );
    expect(noName.message).toBe('da.json, line 1, items[0].pnode_name: is " "; expected a name');
    const badDate = await caught(() =>
      parseLmpDocument(
        one({ ...base, datetime_beginning_utc: '2026-02-30T04:00:00' }),
        LMP_REPORTS.da_hrl_lmps,
      ),
    );
    expect(badDate.message).toBe(
      'da.json, line 1, items[0].datetime_beginning_utc: "2026-02-30T04:00:00" is not a date-time like 2026-06-09T04:00:00',
    );
  });

  it('refuses what is not a Data Miner envelope and reports Data Miner errors', async () => {
    const html = await caught(() =>
      readDataMinerPage(textDocument('x.json', '<html>Service Unavailable</html>')),
    );
    expect(html.message).toMatch(/^x\.json, line 1: is not valid JSON/);
    const noItems = await caught(() =>
      readDataMinerPage(textDocument('x.json', '{"totalRows": 0}')),
    );
    expect(noItems.message).toBe(
      'x.json, items: is missing; a Data Miner response lists its rows in an "items" array',
    );
    const errors = await caught(() =>
      readDataMinerPage(
        textDocument(
          'x.json',
          '{\n"errors": [{"field": "rowCount", "message": "Row count is missing"}]\n}',
        ),
      ),
    );
    expect(errors.message).toBe(
      'x.json, line 2, errors: Data Miner reported an error: Row count is missing',
    );
  });

  it('reads naive UTC times with or without seconds and fractions', () => {
    expect(parseNaiveUtc('2026-06-09T04:00:00')).toBe(utc('2026-06-09T04:00:00'));
    expect(parseNaiveUtc('2025-02-09T00:00:00.0000000')).toBe(utc('2025-02-09T00:00:00'));
    expect(parseNaiveUtc('2026-06-09T04:05')).toBe(utc('2026-06-09T04:05:00'));
    expect(parseNaiveUtc('06/09/2026 04:00')).toBeNull();
    expect(parseNaiveUtc('2026-13-01T00:00:00')).toBeNull();
  });
});
