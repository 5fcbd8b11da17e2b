// The `error` next-auth's signIn() hands the sign-in form. Shared with the browser, so this file
// imports nothing. next-auth only passes a string through, so the wait rides in it.

const THROTTLED = /^TooManyAttempts:(\d+)$/;

/** The error a throttled sign-in answers, with the minutes to wait. */
export function throttledSignInError(retryAfterSeconds: number): string {
  return `TooManyAttempts:${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
}

/** The minutes a throttled sign-in asked to wait, or null for any other error. */
export function throttledMinutes(error: string | null | undefined): number | null {
  const match = error ? THROTTLED.exec(error) : null;
  return match?.[1] ? Number(match[1]) : null;
}
