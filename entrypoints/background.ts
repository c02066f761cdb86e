import { browser } from 'wxt/browser';
import { createMessageHandler } from '@/utils/message-handler';
import { openRegister, type RegisterDB } from '@/utils/register-store';

export default defineBackground(() => {
  let db: Promise<RegisterDB> | undefined;
  const handle = createMessageHandler({
    db: () =>
      (db ??= openRegister().catch((error: unknown) => {
        db = undefined; // let the next message try again instead of failing forever
        throw error;
      })),
    now: () => new Date(),
    extensionId: browser.runtime.id,
  });
  // Returning the promise answers the sender; nothing is registered for external messages,
  // so web pages have no way in.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
