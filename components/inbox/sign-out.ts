/**
 * Signs out through next-auth's own endpoints, as `signOut()` from next-auth/react does, without
 * that module (and its session provider code) in the inbox's first-load JavaScript.
 */
export async function signOut(callbackUrl: string): Promise<void> {
  const csrf: { csrfToken?: string } = await fetch("/api/auth/csrf").then((r) => r.json());
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
  });
  const { url }: { url?: string } = await response.json();
  window.location.href = url ?? callbackUrl;
}
