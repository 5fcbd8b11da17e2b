import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// v1: AES-256-GCM, a random 96-bit IV per value, the 128-bit tag kept with it.
const VERSION = "v1";

/**
 * A secret sealed with AES-256-GCM under `key`, as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 * `context` is bound to it (additional data), so a value copied into another row, e.g. another
 * workspace's, does not open.
 */
export function sealSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url"))].join(".");
}

/** The secret, or null when it does not open (another key, another context, or tampered with). */
export function openSecret(value: string, key: Buffer, context: string): string | null {
  const [version, iv, tag, sealed] = value.split(".");
  if (version !== VERSION || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
