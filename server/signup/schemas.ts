import { z } from "zod";
import { NewPassword } from "@/server/account/password";
import { EmailAddress } from "@/server/auth/email";

export const PersonName = z.string().trim().min(1, "enter your name").max(100, "use at most 100 characters");

export const SignUpInput = z.object({
  name: PersonName,
  email: EmailAddress,
  password: NewPassword,
  workspaceName: z.string().trim().min(1, "give the workspace a name").max(100, "use at most 100 characters"),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignUpOutput = z.object({
  userId: z.string(),
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
});
export type SignUpOutput = z.infer<typeof SignUpOutput>;
