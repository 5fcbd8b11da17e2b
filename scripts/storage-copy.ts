// `npm run storage:copy`: copies the local attachment store (STORAGE_DIR) into the bucket the
// S3_* variables name, before switching to STORAGE_DRIVER=s3. Safe to run again: what the bucket
// already holds with the same size is skipped. Exits 1 when any file failed.
import { s3ConfigFromEnv } from "@/server/attachments/storage";
import { copyLocalStoreToBucket } from "@/server/attachments/storage/copy";
import { LocalDiskStorage } from "@/server/attachments/storage/local";
import { S3Storage } from "@/server/attachments/storage/s3";
import { env } from "@/server/env";

const PROGRESS_EVERY = 500;

async function main(): Promise<number> {
  const vars = env();
  const config = s3ConfigFromEnv(vars);
  const where = `s3://${config.bucket}/${config.prefix}`;
  console.log(`Copying ${vars.STORAGE_DIR} to ${where}…`);
  const report = await copyLocalStoreToBucket(
    new LocalDiskStorage(vars.STORAGE_DIR),
    new S3Storage(config),
    ({ copied, skipped, failed }) => {
      const seen = copied + skipped + failed.length;
      if (seen % PROGRESS_EVERY === 0)
        console.log(`  ${seen} files: ${copied} copied, ${skipped} already there`);
    },
  );
  console.log(
    `${report.copied} copied, ${report.skipped} already in the bucket, ${report.failed.length} failed.`,
  );
  for (const key of report.failed) console.error(`  failed: ${key}`);
  return report.failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
