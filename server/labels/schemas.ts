import { z } from "zod";
import { LABEL_COLOR_NAMES } from "@/server/labels/colors";

const Id = z.string().trim().min(1).max(100);
const LabelName = z.string().trim().min(1).max(50);
export const LabelColorInput = z.enum(LABEL_COLOR_NAMES);

export const CreateLabelInput = z.object({ name: LabelName, color: LabelColorInput });
export type CreateLabelInput = z.infer<typeof CreateLabelInput>;

export const UpdateLabelInput = z.object({
  id: Id,
  name: LabelName.optional(),
  color: LabelColorInput.optional(),
});
export type UpdateLabelInput = z.infer<typeof UpdateLabelInput>;

export const LabelIdInput = z.object({ id: Id });
export type LabelIdInput = z.infer<typeof LabelIdInput>;

export const LabelOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** A name from the palette (server/labels/colors.ts). */
  color: z.string(),
});
export type LabelOutput = z.infer<typeof LabelOutput>;
