/** Where a call came from, for the audit trail. */
export interface RequestContext {
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly userAgent?: string | null;
}

/** Calls made by the platform itself (scheduled jobs, start-up). */
export const SYSTEM_CONTEXT: RequestContext = { ip: null, requestId: null };
