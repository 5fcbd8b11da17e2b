// Every feature's UI strings by feature. Imported by the server, which renders the page's language
// into it, and loaded by the browser only when the member switches to another language.
import { aiStrings } from "@/components/ai/strings";
import { conversationStrings } from "@/components/conversations/strings";
import type { UiLocale } from "@/components/i18n/ui-locale";
import { shellStrings } from "@/components/inbox/strings";
import { keyboardStrings } from "@/components/keyboard/strings";
import { liveStrings } from "@/components/live/strings";
import { messageStrings } from "@/components/messages/strings";
import { accountStrings } from "@/components/settings/account-strings";
import { settingsStrings } from "@/components/settings/strings";

const features = {
  ai: aiStrings,
  conversations: conversationStrings,
  shell: shellStrings,
  keyboard: keyboardStrings,
  live: liveStrings,
  messages: messageStrings,
  settings: settingsStrings,
  account: accountStrings,
};

export type UiStrings = { [Feature in keyof typeof features]: (typeof features)[Feature]["en"] };

export function uiStrings(locale: UiLocale): UiStrings {
  return {
    ai: aiStrings[locale],
    conversations: conversationStrings[locale],
    shell: shellStrings[locale],
    keyboard: keyboardStrings[locale],
    live: liveStrings[locale],
    messages: messageStrings[locale],
    settings: settingsStrings[locale],
    account: accountStrings[locale],
  };
}
