-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "autoAssignOnReply" BOOLEAN NOT NULL DEFAULT true;
