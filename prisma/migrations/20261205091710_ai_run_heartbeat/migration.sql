-- AlterTable
ALTER TABLE "AiRun" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "lostAttempts" INTEGER NOT NULL DEFAULT 0;
