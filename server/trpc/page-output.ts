import { z } from "zod";

/** A page of a keyset-paged list: its items, and the cursor of the next page (null on the last). */
export const pageOutput = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
