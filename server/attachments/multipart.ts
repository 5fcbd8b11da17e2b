import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import busboy from "busboy";
import type { UploadedFile } from "@/server/attachments/intake";
import { requestTooLarge } from "@/server/attachments/policy";
import { cappedBody } from "@/server/limits/body";

// Room for the multipart boundaries and part headers around the files themselves.
const MULTIPART_ALLOWANCE = 64 * 1024;

const notMultipart = () =>
  new TRPCError({ code: "BAD_REQUEST", message: "The body is not valid multipart/form-data." });

/**
 * The files of a multipart/form-data body's `file` field, each streamed as it arrives: the next
 * file is parsed only once the previous one has been read. A body longer than one upload request
 * may be is refused from its Content-Length before anything is read, and cut off while reading
 * when it has none (chunked). Other text fields are ignored; a text field named `file` is an error.
 */
export async function* multipartFiles(req: Request, maxRequestBytes: number): AsyncGenerator<UploadedFile> {
  const tooLarge = () => requestTooLarge(maxRequestBytes);
  const { stream, exceeded } = cappedBody(req, maxRequestBytes + MULTIPART_ALLOWANCE, tooLarge);
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !stream) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: 'Send the files as multipart/form-data in the field "file".',
    });
  }
  let parser: busboy.Busboy;
  try {
    // Browsers send names as raw UTF-8 (WHATWG); busboy would read them as latin1.
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8" });
  } catch {
    throw notMultipart();
  }
  // Whatever broke, the caller hears the reason it can act on.
  const reason = (error: unknown) =>
    exceeded() ? tooLarge() : error instanceof TRPCError ? error : notMultipart();
  const queue = new FileQueue();
  const textField = new TRPCError({
    code: "BAD_REQUEST",
    message: "file: must be a file, not a text field.",
  });

  parser.on("file", (field, file, info) => {
    // Its reader hears a failure through its iterator; a part nobody reads must not crash the process.
    file.on("error", () => undefined);
    if (field !== "file") file.resume();
    else if (info.filename === undefined) {
      file.resume();
      queue.fail(textField);
    } else {
      queue.push({
        name: info.filename,
        declaredType: info.mimeType || null,
        bytes: translated(file, reason),
      });
    }
  });
  parser.on("field", (field) => {
    if (field === "file") queue.fail(textField);
  });
  const source = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>);
  pipeline(source, parser).then(
    () => queue.end(),
    (error: unknown) => queue.fail(reason(error)),
  );
  try {
    yield* queue.drain();
  } finally {
    source.destroy();
    parser.destroy();
  }
}

async function* translated(file: Readable, reason: (error: unknown) => Error): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } catch (error) {
    throw reason(error);
  }
}

/** Files in the order busboy finds them, handed to one consumer that reads each before the next. */
class FileQueue {
  private readonly files: UploadedFile[] = [];
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  push(file: UploadedFile): void {
    this.files.push(file);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  async *drain(): AsyncGenerator<UploadedFile> {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.files.shift();
      if (next) yield next;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }
}
