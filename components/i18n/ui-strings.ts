// Every feature's UI strings by feature. Imported by the server, which renders the page's language
// into it, and loaded by the browser only when the member switches to another language.
import { aiStrings } from "@/components/ai/strings";
import { bulkStrings } from "@/components/conversations/bulk-strings";
import { conversationStrings } from "@/components/conversations/strings";
import { customersStrings } from "@/components/customers/strings";
import type { UiLocale } from "@/components/i18n/ui-locale";
import { shellStrings } from "@/components/inbox/strings";
import { keyboardStrings } from "@/components/keyboard/strings";
import { liveStrings } from "@/components/live/strings";
import { messageStrings } from "@/components/messages/strings";
import { notificationsStrings } from "@/components/notifications/strings";
import { presenceStrings } from "@/components/presence/strings";
import { accountStrings } from "@/components/settings/account-strings";
import { auditStrings } from "@/components/settings/audit/strings";
import { channelsStrings } from "@/components/settings/channels/strings";
import { labelsStrings } from "@/components/settings/labels/strings";
import { membersStrings } from "@/components/settings/members/strings";
import { settingsStrings } from "@/components/settings/strings";
import { templatesStrings } from "@/components/settings/templates/strings";
import { webhooksStrings } from "@/components/settings/webhooks/strings";
import { workspaceSettingsStrings } from "@/components/settings/workspace/strings";

const features = {
  ai: aiStrings,
  conversations: conversationStrings,
  bulk: bulkStrings,
  shell: shellStrings,
  keyboard: keyboardStrings,
  live: liveStrings,
  messages: messageStrings,
  presence: presenceStrings,
  settings: settingsStrings,
  account: accountStrings,
  members: membersStrings,
  channels: channelsStrings,
  templates: templatesStrings,
  labels: labelsStrings,
  workspaceSettings: workspaceSettingsStrings,
  audit: auditStrings,
  webhooks: webhooksStrings,
  customers: customersStrings,
  notifications: notificationsStrings,
};

export type UiStrings = { [Feature in keyof typeof features]: (typeof features)[Feature]["en"] };

export function uiStrings(locale: UiLocale): UiStrings {
  return {
    ai: aiStrings[locale],
    conversations: conversationStrings[locale],
    bulk: bulkStrings[locale],
    shell: shellStrings[locale],
    keyboard: keyboardStrings[locale],
    live: liveStrings[locale],
    messages: messageStrings[locale],
    presence: presenceStrings[locale],
    settings: settingsStrings[locale],
    account: accountStrings[locale],
    members: membersStrings[locale],
    channels: channelsStrings[locale],
    templates: templatesStrings[locale],
    labels: labelsStrings[locale],
    workspaceSettings: workspaceSettingsStrings[locale],
    audit: auditStrings[locale],
    webhooks: webhooksStrings[locale],
    customers: customersStrings[locale],
    notifications: notificationsStrings[locale],
  };
}
