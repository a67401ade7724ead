import { Type, type Static } from 'typebox';
import { PageInfo, PageQuery } from './pagination.js';

export const InstrumentKind = Type.Enum(['hub', 'node', 'zone', 'system']);
export type InstrumentKind = Static<typeof InstrumentKind>;

export const InstrumentProduct = Type.Enum(['lmp', 'load', 'gen_mix', 'curve'], {
  description:
    'What an entitlement grants: lmp (prices), load, gen_mix (generation mix) or curve (forward curves).',
});
export type InstrumentProduct = Static<typeof InstrumentProduct>;

/** A vendor code that maps to an instrument during a validity window (codes change over time). */
export const InstrumentAlias = Type.Object({
  source: Type.String(),
  code: Type.String(),
  validFrom: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  validTo: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type InstrumentAlias = Static<typeof InstrumentAlias>;

export const Instrument = Type.Object({
  id: Type.String({ description: 'Market-qualified id, e.g. CAISO.TH_SP15_GEN-APND.' }),
  market: Type.String(),
  code: Type.String({ description: 'The operator’s own name for the location.' }),
  name: Type.String(),
  kind: InstrumentKind,
  product: InstrumentProduct,
  timezone: Type.String(),
  aliases: Type.Array(InstrumentAlias),
});
export type Instrument = Static<typeof Instrument>;

export const InstrumentQuery = Type.Object({
  market: Type.Optional(Type.String({ maxLength: 32 })),
  kind: Type.Optional(InstrumentKind),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Case-insensitive text in id, code or name.' }),
  ),
  ...PageQuery,
});
export type InstrumentQuery = Static<typeof InstrumentQuery>;

export const InstrumentPage = Type.Object({ data: Type.Array(Instrument), page: PageInfo });
export type InstrumentPage = Static<typeof InstrumentPage>;
