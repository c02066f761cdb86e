import { browser, type Browser } from 'wxt/browser';

/** The port each frame's content script opens to say what it shows (see entrypoints/overlay.content/index.tsx). */
export const FRAME_PORT = 'doctrail.frame';

type Kind = 'registration' | 'detail' | 'circulation' | 'list' | 'none';
interface FrameState {
  port: Browser.runtime.Port;
  kind: Kind;
  /** When it started showing a document (the newest document is the one the clerk just opened). */
  since: number;
  active?: boolean;
}

const rank = (kind: Kind) => (kind === 'none' ? 0 : kind === 'list' ? 1 : 2);

/**
 * One overlay per tab, the right one. Every frame of a tab reports its page kind here, keyed by the tab and the
 * frame as the browser names them (sender.tab.id, sender.frameId) — nothing the page can see or fake. A document
 * (a 收文单 in a modal iframe, a dialog, a shell tab) outranks a list; among documents the newest wins; the others
 * step aside (hidden) until it closes (its port disconnects or it reports `none`).
 */
export function coordinateFrames(): void {
  const tabs = new Map<number, Map<number, FrameState>>();
  const decide = (tabId: number) => {
    const frames = tabs.get(tabId);
    if (!frames) return;
    let best: [number, FrameState] | undefined;
    for (const entry of frames) {
      const [, state] = entry;
      if (!rank(state.kind)) continue;
      if (!best || rank(state.kind) > rank(best[1].kind) || (rank(state.kind) === rank(best[1].kind) && state.since > best[1].since)) best = entry;
    }
    for (const [frameId, state] of frames) {
      const active = !best || best[0] === frameId;
      if (state.active === active) continue;
      state.active = active;
      try {
        state.port.postMessage({ active });
      } catch {
        frames.delete(frameId);
      }
    }
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== FRAME_PORT) return;
    const tabId = port.sender?.tab?.id;
    const frameId = port.sender?.frameId;
    if (port.sender?.id !== browser.runtime.id || tabId === undefined || frameId === undefined) return port.disconnect();
    const frames = tabs.get(tabId) ?? new Map<number, FrameState>();
    tabs.set(tabId, frames);
    frames.set(frameId, { port, kind: 'none', since: 0 });
    port.onMessage.addListener((message: unknown) => {
      const kind = (message as { kind?: unknown } | null)?.kind;
      const state = frames.get(frameId);
      if (!state || typeof kind !== 'string' || !['registration', 'detail', 'circulation', 'list', 'none'].includes(kind)) return;
      if (rank(kind as Kind) !== rank(state.kind)) state.since = Date.now();
      state.kind = kind as Kind;
      decide(tabId);
    });
    port.onDisconnect.addListener(() => {
      if (frames.get(frameId)?.port === port) frames.delete(frameId);
      if (!frames.size) tabs.delete(tabId);
      decide(tabId);
    });
  });
}
