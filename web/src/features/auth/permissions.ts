import type { Me } from '@254carbon/contracts';

/** Permissions the hub checks to decide what to show; the server enforces them regardless. */
export type HubPermission = 'data:read' | 'data:export' | 'platform:operations';

export const can = (me: Me, permission: HubPermission): boolean =>
  me.permissions.includes(permission);

/** Whether the caller may download files of the market: needs data:export and a grant with the downloads channel. */
export const mayDownload = (me: Me, market: string): boolean =>
  me.downloadMarkets.includes('*') || me.downloadMarkets.includes(market);

/** True when the caller may see every market ('*'). */
export const seesAllMarkets = (me: Me): boolean => me.markets.includes('*');
