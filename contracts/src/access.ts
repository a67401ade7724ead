import { Type, type Static } from 'typebox';
import { PageInfo, PageQuery } from './pagination.js';

export const Role = Type.Enum(['admin', 'analyst', 'viewer']);
export type Role = Static<typeof Role>;

export const Channel = Type.Enum(['hub', 'api', 'downloads'], {
  description: 'hub = web session, api = API key or token, downloads = file exports.',
});
export type Channel = Static<typeof Channel>;

export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** Who is calling and what they may do; the hub uses it to show only what is allowed. */
export const Me = Type.Object({
  actor: Type.String(),
  displayName: Type.String(),
  tenantId: Type.String(),
  roles: Type.Array(Role),
  channel: Channel,
  permissions: Type.Array(Type.String()),
  markets: Type.Array(
    Type.String({ description: 'Markets the caller may see through this channel.' }),
  ),
  downloadMarkets: Type.Array(
    Type.String({ description: 'Markets the caller may download as files (CSV, exports).' }),
  ),
});
export type Me = Static<typeof Me>;

export const Tenant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.Enum(['active', 'suspended']),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Tenant = Static<typeof Tenant>;

export const NewTenant = Type.Object(
  { id: Type.String({ maxLength: 32 }), name: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const TenantChanges = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Type.Enum(['active', 'suspended'])),
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  status: Type.Enum(['active', 'disabled']),
  createdAt: Type.String({ format: 'date-time' }),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type User = Static<typeof User>;

export const NewUser = Type.Object(
  {
    tenantId: Type.Optional(Type.String({ maxLength: 32 })),
    username: Type.String({ maxLength: 254 }),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    roles: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 3 }),
    password: Type.String({ maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

export const UserChanges = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 3 })),
    status: Type.Optional(Type.Enum(['active', 'disabled'])),
  },
  { additionalProperties: false },
);

export const PasswordChange = Type.Object(
  { password: Type.String({ maxLength: 256 }) },
  { additionalProperties: false },
);

export const ApiKey = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  name: Type.String(),
  roles: Type.Array(Role),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiKey = Static<typeof ApiKey>;

export const NewApiKey = Type.Object(
  {
    tenantId: Type.Optional(Type.String({ maxLength: 32 })),
    name: Type.String({ maxLength: 100 }),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 3 })),
    expiresInDays: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

/** The one response that contains an API key secret. Store it now: it cannot be shown again. */
export const CreatedApiKey = Type.Object({ key: Type.String(), apiKey: ApiKey });

export const Entitlement = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  market: Type.String(),
  product: Type.String(),
  channels: Type.Array(Channel),
  instruments: Type.Union([Type.Array(Type.String()), Type.Null()]),
  dataFrom: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dataTo: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  seats: Type.Union([Type.Integer(), Type.Null()]),
});
export type Entitlement = Static<typeof Entitlement>;

export const NewEntitlement = Type.Object(
  {
    tenantId: Type.String({ maxLength: 32 }),
    market: Type.String({ maxLength: 32 }),
    product: Type.String({ maxLength: 20 }),
    channels: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 3 }),
    instruments: Type.Optional(
      Type.Union([Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10000 }), Type.Null()]),
    ),
    dataFrom: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
    dataTo: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
    seats: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  },
  { additionalProperties: false },
);

export const Seat = Type.Object({
  actor: Type.String(),
  assignedAt: Type.String({ format: 'date-time' }),
});

export const AuditRecord = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  tenantId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  result: Type.Enum(['success', 'failure', 'denied']),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  hash: Type.String(),
});
export type AuditRecord = Static<typeof AuditRecord>;

export const AuditQuery = Type.Object(
  {
    tenantId: Type.Optional(Type.String({ maxLength: 32 })),
    actor: Type.Optional(Type.String({ maxLength: 300 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    result: Type.Optional(Type.Enum(['success', 'failure', 'denied'])),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AuditPage = Type.Object({ data: Type.Array(AuditRecord), page: PageInfo });

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  anchor: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
  head: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()]),
  problems: Type.Array(
    Type.Object({ seq: Type.Integer(), problem: Type.String(), detail: Type.String() }),
  ),
});
export type AuditVerification = Static<typeof AuditVerification>;
