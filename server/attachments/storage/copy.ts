import type { LocalDiskStorage } from "@/server/attachments/storage/local";
import type { S3Storage } from "@/server/attachments/storage/s3";

export type CopyReport = { copied: number; skipped: number; failed: string[] };

/**
 * Copies every file of a local store into a bucket under the same key, one stream at a time. A key
 * the bucket already holds with the same size is skipped, so a copy cut short can simply be run
 * again; one that fails is reported and the rest go on.
 */
export async function copyLocalStoreToBucket(
  source: LocalDiskStorage,
  target: S3Storage,
  onProgress: (report: CopyReport) => void = () => undefined,
): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, skipped: 0, failed: [] };
  for await (const { key, size } of source.files()) {
    try {
      if ((await target.sizeOf(key)) === size) {
        report.skipped += 1;
        continue;
      }
      const body = await source.get(key);
      // Deleted since it was listed (a sweep, a workspace deletion): nothing to copy.
      if (!body) continue;
      await target.put(key, body);
      report.copied += 1;
    } catch (error) {
      console.error(`storage copy: ${key} failed`, error);
      report.failed.push(key);
    }
    onProgress(report);
  }
  return report;
}
