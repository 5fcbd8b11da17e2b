import { TRPCError } from "@trpc/server";

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(.+)$/;

/** A keyset cursor: the (time, id) a page ended at, written `<ISO time>_<id>`. */
export function encodeSeekCursor(at: string, id: string): string {
  return `${at}_${id}`;
}

/**
 * The (time, id) of a cursor as returned, else 400 naming `cursor`. Round-tripped, not just
 * parsed: Date.parse takes "2024-02-30" as March 1st, PostgreSQL refuses it.
 */
export function decodeSeekCursor(cursor: string): { at: string; id: string } {
  const match = CURSOR.exec(cursor);
  const at = match?.[1];
  const id = match?.[2];
  if (!at || !id || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: pass back a nextCursor as returned" });
  }
  return { at, id };
}

/** The ORM's `where` for rows after a cursor in `[{ createdAt: "desc" }, { id: "desc" }]` order. */
export function olderThanCursor(cursor: string) {
  const { at, id } = decodeSeekCursor(cursor);
  const createdAt = new Date(at);
  return { createdAt: { lte: createdAt }, OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] };
}

/** A page of `limit` rows out of `limit + 1` read, and the cursor after its last when more follow. */
export function keysetPage<Row extends { createdAt: Date; id: string }>(rows: Row[], limit: number) {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    shown,
    nextCursor: rows.length > limit && last ? encodeSeekCursor(last.createdAt.toISOString(), last.id) : null,
  };
}
