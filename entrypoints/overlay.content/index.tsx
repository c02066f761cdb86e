import '@/components/overlay.css';
import { render } from 'preact';
import { Overlay, type OverlayBackend } from '@/components/Overlay';
import { ask } from '@/utils/background-client';
import { detectDocument } from '@/utils/detect-document';
import { createTranslator, pickLanguage } from '@/utils/i18n';
import { placeOverlay, type Rect } from '@/utils/overlay-placement';
import { PRE_ENABLED_MATCHES } from '@/utils/portals';
import { draftFromDetection } from '@/utils/draft';

const backend: OverlayBackend = {
  lookup: async (draft) => (await ask({ type: 'document.lookup', lookup: { docNumber: draft.docNumber, issuer: draft.issuer, sourceUrl: draft.sourceUrl } })).document,
  register: async (draft) => (await ask({ type: 'document.register', draft })).document,
};

function controlRects(): Rect[] {
  const selector = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [onclick]';
  return [...document.querySelectorAll(selector)]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
}

export default defineContentScript({
  matches: PRE_ENABLED_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const detection = detectDocument(document);
    if (detection.kind === 'none') return;
    const { kind } = detection;
    const draft = draftFromDetection(detection, location.href);
    const placement = placeOverlay(controlRects(), { width: innerWidth, height: innerHeight });
    const t = createTranslator(pickLanguage(navigator.languages));

    const ui = await createShadowRootUi(ctx, {
      name: 'doctrail-overlay',
      position: 'inline',
      anchor: 'body',
      onMount(container, _shadow, host) {
        host.dataset.kind = kind;
        render(<Overlay kind={kind} draft={draft} rowCount={detection.rowCount} placement={placement} backend={backend} t={t} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
