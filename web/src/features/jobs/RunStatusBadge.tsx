import type { JobRunStatus } from '@254carbon/contracts';
import { Badge, type BadgeTone } from '../../ui/Badge';

const TONES: Record<JobRunStatus, BadgeTone> = {
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
};

export const RunStatusBadge = ({ status }: { readonly status: JobRunStatus }) => (
  <Badge tone={TONES[status]}>{status}</Badge>
);
