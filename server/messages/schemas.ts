import { z } from "zod";
import { MessageOutput } from "@/server/connect/schemas";

export const ThreadInput = z.object({ messageId: z.string().trim().min(1).max(100) });
export type ThreadInput = z.infer<typeof ThreadInput>;

export const ThreadOutput = z.object({
  /** The top-most ancestor of the message asked for (the message itself when it replies to nothing). */
  root: MessageOutput,
  /** Every descendant of the root, at any depth, oldest first; each names its own parentId. */
  replies: z.array(MessageOutput),
});
export type ThreadOutput = z.infer<typeof ThreadOutput>;

export const UploadPolicyOutput = z.object({
  /** Per file. */
  maxBytes: z.number().int(),
  maxFiles: z.number().int(),
  /** MIME types or `type/*` wildcards. */
  allowedTypes: z.array(z.string()),
});
export type UploadPolicyOutput = z.infer<typeof UploadPolicyOutput>;
