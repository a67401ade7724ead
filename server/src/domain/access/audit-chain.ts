import { createHash } from 'node:crypto';

export type AuditResult = 'success' | 'failure' | 'denied';

/** Something that happened, as the audit trail records it: who, which tenant, what, on what, with which result. */
export interface AuditEvent {
  readonly atMs: number;
  /** `user:<id>`, `key:<id>`, `oidc:…`, `cli:<os user>`, `system`, or `anonymous`. */
  readonly actor: string;
  readonly tenantId: string | null;
  /** Dotted verb: `auth.login`, `prices.read`, `admin.user.create`, `access.denied` … */
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly result: AuditResult;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, unknown>> | null;
}

/** A stored event: numbered, and chained to its predecessor by hash so edits and deletions show. */
export interface AuditRecord extends AuditEvent {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** Where a chain starts: the genesis, or the last record removed by retention. */
export interface ChainAnchor {
  readonly seq: number;
  readonly hash: string;
}

export const GENESIS: ChainAnchor = { seq: 0, hash: '0'.repeat(64) };

/** JSON with object keys sorted at every level, so the same record always hashes the same. */
const canonical = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
};

/** SHA-256 over the previous hash and every field of the record except its own hash. */
export const auditHash = (seq: number, event: AuditEvent, prevHash: string): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonical({
        seq,
        atMs: event.atMs,
        actor: event.actor,
        tenantId: event.tenantId,
        action: event.action,
        resourceType: event.resourceType,
        resourceId: event.resourceId,
        result: event.result,
        ip: event.ip,
        requestId: event.requestId,
        details: event.details,
      }),
    )
    .digest('hex');

/** The next link of the chain. */
export const chain = (previous: ChainAnchor, event: AuditEvent): AuditRecord => {
  const seq = previous.seq + 1;
  return { ...event, seq, prevHash: previous.hash, hash: auditHash(seq, event, previous.hash) };
};

export interface ChainProblem {
  readonly seq: number;
  readonly problem: 'edited' | 'missing-before' | 'head-mismatch';
  readonly detail: string;
}

/**
 * Checks records (in ascending seq, possibly one page of many) against the link before them. Returns the problems
 * found and the last good link, so a caller can verify a long chain page by page.
 */
export const verifyLinks = (
  previous: ChainAnchor,
  records: readonly AuditRecord[],
): { problems: ChainProblem[]; last: ChainAnchor } => {
  const problems: ChainProblem[] = [];
  let last = previous;
  for (const record of records) {
    if (record.seq !== last.seq + 1 || record.prevHash !== last.hash) {
      problems.push({
        seq: record.seq,
        problem: 'missing-before',
        detail:
          record.seq !== last.seq + 1
            ? `records ${last.seq + 1}–${record.seq - 1} are missing`
            : `does not follow record ${last.seq} (its link was changed, or a record was removed and renumbered)`,
      });
    }
    if (auditHash(record.seq, record, record.prevHash) !== record.hash) {
      problems.push({
        seq: record.seq,
        problem: 'edited',
        detail: 'its content does not match its hash',
      });
    }
    last = { seq: record.seq, hash: record.hash };
  }
  return { problems, last };
};
