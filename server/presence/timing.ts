// Plain numbers, no schema library: the browser's presence code reads them in the inbox's first load.

/** How often an open conversation's tab says it is still there, and when silence means it is gone. */
export const PRESENCE_REFRESH_MS = 20_000;
export const PRESENCE_EXPIRY_MS = 45_000;
/** A typing signal at most this often per tab, and "is replying" lasting this long after the last one. */
export const TYPING_THROTTLE_MS = 2_500;
export const TYPING_EXPIRY_MS = 6_000;
