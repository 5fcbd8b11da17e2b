import { z } from "zod";
import {
  AssigneeFilter,
  ConversationStatus,
  LabelIdsFilter,
  SettableStatus,
  SNOOZE_MAX_MS,
} from "@/server/conversations/schemas";

/** The most conversations one bulk change touches. */
export const BULK_MAX = 1000;

const Id = z.string().trim().min(1).max(100);

/** The inbox's filters, as the list takes them: "every conversation that matches". */
const BulkFilter = z.object({
  status: ConversationStatus.optional(),
  assignee: AssigneeFilter,
  channelId: Id.nullish(),
  search: z.string().trim().max(200).nullish(),
  labelIds: LabelIdsFilter,
});

/** Labels of this workspace. */
const LabelIds = z.array(Id).min(1).max(50);

export const BulkUpdateInput = z.object({
  target: z.union([
    z.object({ ids: z.array(Id).min(1).max(BULK_MAX) }).strict(),
    z.object({ filter: BulkFilter }).strict(),
  ]),
  change: z
    .object({
      /** To snooze, give `snoozeUntil` instead. */
      status: SettableStatus.optional(),
      /** Snoozes every conversation until then (ISO 8601 with offset; future, at most a year). */
      snoozeUntil: z.iso.datetime({ offset: true }).optional(),
      /** A member of this workspace, or null to unassign. */
      assigneeId: Id.nullish(),
      /** Put on every conversation (already there, nothing changes). */
      addLabelIds: LabelIds.optional(),
      /** Taken off every conversation. */
      removeLabelIds: LabelIds.optional(),
    })
    .refine(
      (change) =>
        change.status !== undefined ||
        change.snoozeUntil !== undefined ||
        change.assigneeId !== undefined ||
        change.addLabelIds !== undefined ||
        change.removeLabelIds !== undefined,
      { message: "give at least one change" },
    )
    .refine((change) => change.status === undefined || change.snoozeUntil === undefined, {
      message: "give either status or snoozeUntil",
      path: ["snoozeUntil"],
    })
    .refine(
      (change) => {
        if (!change.snoozeUntil) return true;
        const at = Date.parse(change.snoozeUntil);
        return at > Date.now() && at <= Date.now() + SNOOZE_MAX_MS;
      },
      { message: "pick a time in the future, at most a year ahead", path: ["snoozeUntil"] },
    ),
});
export type BulkUpdateInput = z.input<typeof BulkUpdateInput>;

/** A conversation as it was: its status (and snooze), assignee and every label on it. */
const Previous = z.object({
  id: z.string(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  /** ISO 8601 when it was snoozed: the undo snoozes it again until then. */
  snoozedUntil: z.string().nullable(),
  labelIds: z.array(z.string()),
});

export const BulkUpdateOutput = z.object({
  /** Conversations the target named or matched. */
  matched: z.number().int(),
  /** Of those, the ones that were not already as asked. */
  changed: z.number().int(),
  /** Each changed conversation as it was: what `bulkRestore` takes to undo. */
  previous: z.array(Previous),
});
export type BulkUpdateOutput = z.infer<typeof BulkUpdateOutput>;

export const BulkRestoreInput = z.object({
  items: z
    .array(
      z
        .object({
          id: Id,
          status: ConversationStatus,
          assigneeId: Id.nullable(),
          snoozedUntil: z.iso.datetime({ offset: true }).nullish(),
          labelIds: z.array(Id).max(100),
        })
        .refine((item) => item.status !== "snoozed" || Boolean(item.snoozedUntil), {
          message: "a snoozed conversation needs its snoozedUntil",
          path: ["snoozedUntil"],
        }),
    )
    .min(1)
    .max(BULK_MAX),
});
export type BulkRestoreInput = z.input<typeof BulkRestoreInput>;

export const BulkRestoreOutput = z.object({ changed: z.number().int() });
export type BulkRestoreOutput = z.infer<typeof BulkRestoreOutput>;
