import type { Report } from '@254carbon/contracts';
import type { ReportRecord } from '../../ports/report-store.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** A stored report as the API and CLI show it. */
export const reportView = (r: ReportRecord): Report => ({
  id: r.id,
  market: r.market,
  kind: r.kind,
  period: r.period,
  from: iso(r.fromMs),
  to: iso(r.toMs),
  status: r.status,
  pdfStatus: r.pdfStatus,
  message: r.message,
  trigger: r.trigger,
  shared: r.tenantId === null,
  requestedBy: r.requestedBy,
  instruments: [...r.instruments],
  createdAt: iso(r.createdAtMs),
  finishedAt: r.finishedAtMs === null ? null : iso(r.finishedAtMs),
  htmlBytes: r.htmlBytes,
  pdfBytes: r.pdfBytes,
  links: { html: `/api/v1/reports/${r.id}/html`, pdf: `/api/v1/reports/${r.id}/pdf` },
});
