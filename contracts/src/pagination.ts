import { Type, type Static } from 'typebox';

/** Cursor pagination: pass `nextCursor` back as `cursor` to get the next page; `null` means the end. */
export const PageInfo = Type.Object({
  limit: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type PageInfo = Static<typeof PageInfo>;

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Page size (1–1000).' }),
  ),
  cursor: Type.Optional(
    Type.String({ maxLength: 512, description: 'Opaque cursor from a previous page.' }),
  ),
};
