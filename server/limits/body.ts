/**
 * A request body that stops at `maxBytes`: refused from its Content-Length before a byte is
 * read, and cut off while streaming when it has none (chunked) or understates it. `tooLarge`
 * makes the error thrown either way.
 */
export function cappedBody(
  req: Request,
  maxBytes: number,
  tooLarge: () => Error,
): { stream: ReadableStream<Uint8Array> | null; exceeded: () => boolean } {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  if (!req.body) return { stream: null, exceeded: () => false };
  let received = 0;
  let exceeded = false;
  const stream = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          exceeded = true;
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return { stream, exceeded: () => exceeded };
}

/** The whole body as text, read through `cappedBody`. */
export async function readCappedText(req: Request, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const { stream, exceeded } = cappedBody(req, maxBytes, tooLarge);
  if (!stream) return "";
  try {
    return await new Response(stream).text();
  } catch (error) {
    if (exceeded()) throw tooLarge();
    throw error;
  }
}
