-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "removedAt" TIMESTAMP(3);
