-- AlterTable
ALTER TABLE "AiAgent" ADD COLUMN     "apiKeyCiphertext" TEXT,
ADD COLUMN     "apiKeyLast4" TEXT,
ADD COLUMN     "blockedReason" TEXT,
ADD COLUMN     "operatorProviderId" TEXT;

-- A workspace no longer names a server variable for its key: agents that did stop running
-- until an admin picks an operator's provider or enters the workspace's own key.
UPDATE "AiAgent" SET "blockedReason" = 'key_env_retired' WHERE "apiKeyEnv" IS NOT NULL;

ALTER TABLE "AiAgent" DROP COLUMN "apiKeyEnv";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
-- UNLOGGED: counters need no crash safety, and a commit that touched only this table waits
-- for no WAL flush, so checking a limit on every API call stays cheap.
CREATE UNLOGGED TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
