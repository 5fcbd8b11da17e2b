/**
 * The browser's rules for every page: scripts only with this response's nonce (and what they
 * load, 'strict-dynamic'), no framing, nothing fetched from other origins. Styles allow inline
 * attributes: React's `style` props and the list virtualizer set them on every row.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`];
  // React's development build evaluates code for its call stacks; production never does.
  if (options.development) script.push(`'unsafe-eval'`);
  return [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `media-src 'self' blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}
