import { fileTypeFromBuffer } from "file-type";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { type GuardedFetch, outboundFetch } from "@/server/outbound/fetch";
import { notFound } from "@/server/trpc/errors";

// An avatar is a thumbnail: a small cap and a short wait, so a slow or huge image costs little.
const AVATAR_MAX_BYTES = 1024 * 1024;
const AVATAR_TIMEOUT_MS = 5_000;
const AVATAR_MAX_REDIRECTS = 3;
// Raster formats a browser shows in an <img>, judged by their bytes. No SVG: it is a document.
const AVATAR_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"]);

export type CustomerAvatar = { bytes: Uint8Array; mimeType: string };

/** The customer's image as the app serves it, or null when there is none it can serve. */
async function download(image: string, fetch: GuardedFetch): Promise<CustomerAvatar | null> {
  try {
    // No credentials go with it, so redirects may be followed (each checked by the guard).
    const response = await fetch(image, {
      headers: { accept: "image/avif,image/webp,image/png,image/*;q=0.8" },
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !AVATAR_TYPES.has(type.mime)) return null;
    return { bytes, mimeType: type.mime };
  } catch (error) {
    console.warn("customers: avatar not fetched:", error instanceof Error ? error.message : String(error));
    return null;
  }
}

/**
 * A customer's avatar fetched by the server through the outbound guard, so agents' browsers
 * never contact a host a customer record names. NOT_FOUND for another workspace's customer,
 * for a customer without an image, and for one whose image cannot be fetched or is not one.
 */
export async function getCustomerAvatar(
  db: Db,
  caller: Caller,
  customerId: string,
  fetch: GuardedFetch = outboundFetch({
    timeoutMs: AVATAR_TIMEOUT_MS,
    maxBytes: AVATAR_MAX_BYTES,
    maxRedirects: AVATAR_MAX_REDIRECTS,
  }),
): Promise<CustomerAvatar> {
  const customer =
    customerId.length <= 100
      ? await db.customer.findFirst({
          where: { id: customerId, workspaceId: caller.workspaceId },
          select: { image: true },
        })
      : null;
  const avatar = customer?.image ? await download(customer.image, fetch) : null;
  if (!avatar) throw notFound("customer", "customer avatar");
  return avatar;
}
