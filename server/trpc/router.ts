import { router } from "@/server/trpc/init";
import { accountRouter } from "@/server/trpc/routers/account";
import { aiRouter } from "@/server/trpc/routers/ai";
import { apiKeysRouter } from "@/server/trpc/routers/api-keys";
import { auditRouter } from "@/server/trpc/routers/audit";
import { channelsRouter } from "@/server/trpc/routers/channels";
import { connectRouter } from "@/server/trpc/routers/connect";
import { conversationsRouter } from "@/server/trpc/routers/conversations";
import { customersRouter } from "@/server/trpc/routers/customers";
import { invitationsRouter } from "@/server/trpc/routers/invitations";
import { labelsRouter } from "@/server/trpc/routers/labels";
import { membersRouter } from "@/server/trpc/routers/members";
import { messagesRouter } from "@/server/trpc/routers/messages";
import { notificationsRouter } from "@/server/trpc/routers/notifications";
import { presenceRouter } from "@/server/trpc/routers/presence";
import { signUpRouter } from "@/server/trpc/routers/sign-up";
import { templatesRouter } from "@/server/trpc/routers/templates";
import { webhooksRouter } from "@/server/trpc/routers/webhooks";
import { workspaceRouter } from "@/server/trpc/routers/workspace";

export const appRouter = router({
  v1: router({
    connect: connectRouter,
    account: accountRouter,
    workspace: workspaceRouter,
    conversations: conversationsRouter,
    customers: customersRouter,
    apiKeys: apiKeysRouter,
    presence: presenceRouter,
    messages: messagesRouter,
    notifications: notificationsRouter,
    ai: aiRouter,
    members: membersRouter,
    invitations: invitationsRouter,
    channels: channelsRouter,
    templates: templatesRouter,
    labels: labelsRouter,
    audit: auditRouter,
    webhooks: webhooksRouter,
    signUp: signUpRouter,
  }),
});

export type AppRouter = typeof appRouter;
