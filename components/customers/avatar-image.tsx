"use client";
import { type ReactNode, useState } from "react";

// A short, stable tag of the image's address for the query: a changed image is fetched again.
function versionOf(image: string): string {
  let hash = 0;
  for (let i = 0; i < image.length; i++) hash = (hash * 31 + image.charCodeAt(i)) | 0;
  return Math.abs(hash).toString(36);
}

/**
 * Where the browser loads a customer's image: from the app, which fetches it through the
 * outbound guard, never from the host the customer record names.
 */
export function customerAvatarSrc(customerId: string, image: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}/avatar?v=${versionOf(image)}`;
}

// Images that failed once this session: their rows show the fallback at once when they mount again.
const failedAvatars = new Set<string>();

/** An avatar image that gives way to `fallback` when the app has none to serve. */
export function AvatarImage({
  src,
  className,
  fallback,
}: {
  src: string;
  className: string;
  fallback: ReactNode;
}) {
  const [failed, setFailed] = useState(() => failedAvatars.has(src));
  if (failed) return fallback;
  return (
    // biome-ignore lint/performance/noImgElement: served by our own route, which already checked and capped it
    <img
      src={src}
      alt=""
      loading="lazy"
      onError={() => {
        failedAvatars.add(src);
        setFailed(true);
      }}
      className={className}
    />
  );
}
