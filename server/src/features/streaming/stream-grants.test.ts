import { describe, expect, it } from 'vitest';
import type { Entitlement } from '../../domain/access/entitlement.js';
import { StreamGrants } from './stream-grants.js';

const grant = (fields: Partial<Entitlement>): Entitlement => ({
  id: 'g1',
  tenantId: 't',
  market: 'MISO',
  product: 'lmp',
  channels: ['api'],
  instruments: null,
  dataFromMs: null,
  dataToMs: null,
  seats: null,
  ...fields,
});

describe('StreamGrants', () => {
  it('allows rows of granted markets and instruments inside the data window only', () => {
    const grants = new StreamGrants([
      grant({ id: 'a', market: 'MISO' }),
      grant({
        id: 'b',
        market: 'CAISO',
        instruments: ['CAISO.TH_SP15_GEN-APND'],
        dataFromMs: 1000,
        dataToMs: 2000,
      }),
      grant({ id: 'c', market: 'PJM', product: 'curve' }),
    ]);
    expect(grants.allows('MISO.INDIANA.HUB', 'MISO', 0)).toBe(true);
    expect(grants.allows('CAISO.TH_SP15_GEN-APND', 'CAISO', 1000)).toBe(true);
    expect(grants.allows('CAISO.TH_SP15_GEN-APND', 'CAISO', 2000)).toBe(false);
    expect(grants.allows('CAISO.TH_SP15_GEN-APND', 'CAISO', 999)).toBe(false);
    expect(grants.allows('CAISO.TH_NP15_GEN-APND', 'CAISO', 1500)).toBe(false);
    // A curve grant is not a price grant.
    expect(grants.allows('PJM.WESTERN_HUB', 'PJM', 0)).toBe(false);
    expect(grants.coversMarket('CAISO')).toBe(true);
    expect(grants.coversMarket('PJM')).toBe(false);
    expect(grants.coversInstrument('CAISO.TH_SP15_GEN-APND')).toBe(true);
    expect(grants.coversInstrument('CAISO.TH_NP15_GEN-APND')).toBe(false);
    expect(grants.coversInstrument('MISO.AMIL.BGS6')).toBe(true);
    expect(grants.key).toBe('a,b');
  });

  it('allows everything to the local command line and nothing without grants', () => {
    expect(new StreamGrants(null).allows('X.Y', 'X', 0)).toBe(true);
    expect(new StreamGrants([]).allows('X.Y', 'X', 0)).toBe(false);
    expect(new StreamGrants([]).coversMarket('X')).toBe(false);
  });
});
