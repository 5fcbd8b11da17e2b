-- CreateTable
CREATE TABLE "CustomerAlias" (
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerAlias_pkey" PRIMARY KEY ("workspaceId","kind","value")
);

-- CreateIndex
CREATE INDEX "CustomerAlias_workspaceId_customerId_idx" ON "CustomerAlias"("workspaceId", "customerId");

-- AddForeignKey
ALTER TABLE "CustomerAlias" ADD CONSTRAINT "CustomerAlias_workspaceId_customerId_fkey" FOREIGN KEY ("workspaceId", "customerId") REFERENCES "Customer"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: an alias is one of the two keys the API's upsert finds customers by.
ALTER TABLE "CustomerAlias" ADD CONSTRAINT "CustomerAlias_kind_check" CHECK (kind IN ('email', 'externalId'));
