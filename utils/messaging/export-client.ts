import { browser } from 'wxt/browser';
import { EXPORT_PORT, type ExportPortMessage, type ExportStart } from './backup-protocol';

export interface ExportedFile {
  blob: Blob;
  fileName: string;
  documents: number;
  events: number;
  bytes: number;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Runs an export in the background and assembles the file: each chunk becomes its own Blob part at
 * once (the browser keeps large blobs out of the page's heap), then the next chunk is asked for.
 */
export function runExportOverPort(start: ExportStart, onProgress: (done: number, total: number) => void): Promise<ExportedFile> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: EXPORT_PORT });
    const parts: Blob[] = [];
    let finished = false;
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as ExportPortMessage;
      if (message.type === 'progress') onProgress(message.done, message.total);
      else if (message.type === 'chunk') {
        parts.push(new Blob([bytesOf(message.data)]));
        port.postMessage({ type: 'ack' });
      } else if (message.type === 'done') {
        finished = true;
        port.disconnect();
        const { fileName, documents, events, bytes } = message;
        resolve({ blob: new Blob(parts, { type: message.mimeType }), fileName, documents, events, bytes });
      } else if (message.type === 'error') {
        finished = true;
        port.disconnect();
        reject(new Error(message.message));
      }
    });
    port.onDisconnect.addListener(() => {
      if (!finished) reject(new Error('the background stopped the export'));
    });
    port.postMessage(start);
  });
}

/** Hands a finished file to the browser's downloads, as a link click would. */
export function saveFile(blob: Blob, fileName: string): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the page lets go of the file a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}
