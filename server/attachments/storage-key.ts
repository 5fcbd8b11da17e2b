const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** `a/b/c` of letters, digits, `-` and `_`: the only keys a store reads or writes. */
export function isValidStorageKey(key: string): boolean {
  const segments = key.split("/");
  return segments.length <= 8 && segments.every((segment) => KEY_SEGMENT.test(segment));
}
