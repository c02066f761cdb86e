import { browser, type Browser } from 'wxt/browser';
import { EXPORT_PORT, exportStartSchema, type ExportPortMessage } from '@/utils/messaging/backup-protocol';
import { runExport } from '@/utils/export/export-run';
import { pickLanguage } from '@/utils/i18n';
import { readUserProfiles } from '@/utils/register/profile-store';
import type { RegisterDB } from '@/utils/register/register-db';
import { readSettings } from '@/utils/register/settings-store';
import type { SenderContext } from '@/utils/messaging/sender-policy';
import { admitPort } from './senders';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Exports stream to the dashboard over a port, one chunk per acknowledgement: the background holds
 * one batch at a time and the dashboard turns chunks into parts of a Blob, so neither side ever
 * holds the whole log. A closed dashboard ends the export (and it is not logged as done).
 */
export function listenForExports(db: () => Promise<RegisterDB>, senders: SenderContext): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== EXPORT_PORT) return;
    // Only DocTrail's own pages (sender-policy.ts PORT_RULES); messages wait for the answer, in order.
    const admitted = admitPort(port, senders);
    let open = true;
    let acked: (() => void) | undefined;
    let gone: ((reason: Error) => void) | undefined;
    port.onDisconnect.addListener(() => {
      open = false;
      gone?.(new Error('the dashboard closed the export'));
    });
    const post = (message: ExportPortMessage) => open && port.postMessage(message);
    let started = false;
    port.onMessage.addListener((raw: unknown) => void admitted.then((sender) => sender && onMessage(raw)));
    const onMessage = (raw: unknown) => {
      if ((raw as { type?: string } | null)?.type === 'ack') return acked?.();
      const parsed = exportStartSchema.safeParse(raw);
      if (started || !parsed.success) return post({ type: 'error', message: 'invalid export request' });
      started = true;
      void (async () => {
        try {
          const register = await db();
          const [settings, profiles] = await Promise.all([readSettings(register), readUserProfiles(register)]);
          const write = (chunk: Uint8Array) =>
            new Promise<void>((resolve, reject) => {
              if (!open) return reject(new Error('the dashboard closed the export'));
              acked = resolve;
              gone = reject;
              post({ type: 'chunk', data: base64(chunk) });
            });
          let lastProgress = 0;
          const result = await runExport(
            register,
            {
              kind: parsed.data.kind,
              filter: parsed.data.filter,
              maskClassified: parsed.data.maskClassified,
              language: settings.language === 'auto' ? pickLanguage(navigator.languages) : settings.language,
              now: new Date(),
              profiles,
            },
            write,
            (done, total) => {
              if (done !== total && performance.now() - lastProgress < 100) return;
              lastProgress = performance.now();
              post({ type: 'progress', done, total });
            },
          );
          post({ type: 'done', fileName: result.fileName, mimeType: result.mimeType, documents: result.documents, events: result.events, bytes: result.bytes });
        } catch (error) {
          post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      })();
    };
  });
}
