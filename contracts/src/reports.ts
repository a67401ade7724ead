import { Type, type Static } from 'typebox';

export const ReportKind = Type.Enum(['daily', 'monthly'], {
  description: 'daily: one market-local day; monthly: one market-local month.',
});
export type ReportKind = Static<typeof ReportKind>;

export const NewReport = Type.Object(
  {
    market: Type.String({ maxLength: 16, description: 'Market id, e.g. SIM or PJM.' }),
    kind: ReportKind,
    period: Type.String({
      maxLength: 10,
      description:
        'The market-local day (2026-03-08) for daily briefs, the month (2026-03) for monthly ones.',
    }),
  },
  { additionalProperties: false },
);
export type NewReport = Static<typeof NewReport>;

export const ReportIdParams = Type.Object({ reportId: Type.String({ maxLength: 64 }) });

export const ReportListQuery = Type.Object(
  {
    market: Type.Optional(Type.String({ maxLength: 16 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuery>;

export const Report = Type.Object({
  id: Type.String(),
  market: Type.String(),
  kind: ReportKind,
  period: Type.String({ description: 'Market-local day or month.' }),
  from: Type.String({ format: 'date-time', description: 'UTC start of the period.' }),
  to: Type.String({ format: 'date-time', description: 'UTC end of the period (exclusive).' }),
  status: Type.Enum(['queued', 'running', 'succeeded', 'failed']),
  pdfStatus: Type.Enum(['pending', 'rendered', 'unavailable', 'failed'], {
    description:
      'unavailable: this server has no Chromium, so only the HTML exists; failed: printing failed (see message).',
  }),
  message: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the report or its PDF failed or is unavailable.',
  }),
  trigger: Type.Enum(['on_demand', 'schedule']),
  shared: Type.Boolean({
    description: 'A scheduled brief, readable by every organisation entitled to its data.',
  }),
  requestedBy: Type.String(),
  instruments: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  htmlBytes: Type.Integer(),
  pdfBytes: Type.Integer(),
  links: Type.Object({ html: Type.String(), pdf: Type.String() }),
});
export type Report = Static<typeof Report>;

export const ReportList = Type.Object({ data: Type.Array(Report) });
export type ReportList = Static<typeof ReportList>;
