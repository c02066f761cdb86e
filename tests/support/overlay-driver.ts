/**
 * Test driver for DocTrail's CLOSED shadow roots (the overlay `<doctrail-overlay>` and the 教我识别 picker
 * `<doctrail-picker>`).
 *
 * Playwright locators cannot enter a closed shadow root, and the page's own world must never get a handle on it
 * (that is the point of closing it). This driver reads and queries the roots from DocTrail's content-script
 * ISOLATED world (over CDP: `Runtime.evaluate` in the frame's extension world, where
 * `chrome.dom.openOrClosedShadowRoot(host)` opens the closed root), and it ACTS only with trusted input:
 * real mouse clicks at the element's coordinates (`page.mouse`) and real keyboard typing (`page.keyboard`).
 * A click therefore passes every check a clerk's click passes (isTrusted, the overlay really visible, the prompt
 * shown for ≥ 500 ms — the driver waits for the surface to be `data-armed="true"` first), and fails where a
 * clerk's click would.
 *
 * API (mirrors the subset of Playwright's Locator the tests use):
 *
 *   overlayIn(pageOrFrame)            → ShadowLocator on the overlay host (re-exported by extension-browser.ts)
 *   pickerIn(pageOrFrame)             → ShadowLocator on the picker host
 *   shadowIn(pageOrFrame, 'host-tag') → the same for any closed-root host
 *
 *   loc.locator(css, { hasText })     → elements matching `css` inside the shadow root (or inside the previous step)
 *   loc.first() / last() / nth(i) / filter({ hasText })
 *   loc.count() / textContent() / allTextContents() / inputValue() / getAttribute(name)
 *   loc.isVisible() / isDisabled() / boundingBox()   (boundingBox in the top page's viewport coordinates)
 *   loc.waitFor({ state: 'attached' | 'visible' | 'detached' | 'hidden', timeout })
 *   loc.click()                       trusted mouse click at the element's centre (waits until visible, enabled,
 *                                     not covered, and armed)
 *   loc.clickPoint()                  the {x, y} the driver would click (for attacker tests that click themselves)
 *   loc.fill(text)                    trusted click + Ctrl+A + trusted typing (`keyboard.insertText`); date inputs
 *                                     are set in the extension world (no keyboard path; no write depends on them)
 *   loc.press(key)                    focus the element, then a trusted `keyboard.press`
 *   loc.focus()                       focus (from the extension world; focus alone never writes)
 *   loc.selectOption(value)           sets a <select> from the extension world + input/change events (a choice,
 *                                     never a write by itself; the write needs a trusted click)
 *
 * With no `locator()` step, a ShadowLocator stands for the HOST element(s): `count()` counts hosts in the page,
 * `getAttribute('data-kind')` reads the host's attribute.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

export type Scope = Page | Frame;
type TextMatch = string | RegExp;
interface Step {
  css?: string;
  hasText?: { source: string; flags: string } | string;
  nth?: number;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

interface FrameTree {
  frame: { id: string; url: string; name?: string };
  childFrames?: FrameTree[];
}

interface World {
  cdp: CDPSession;
  contexts: Map<number, ExecutionContext>;
}

const worlds = new WeakMap<Page, Promise<World>>();
const DEFAULT_TIMEOUT = 10_000;

function pageOf(scope: Scope): Page {
  return 'mainFrame' in scope ? scope : scope.page();
}

function frameOf(scope: Scope): Frame {
  return 'mainFrame' in scope ? scope.mainFrame() : scope;
}

async function worldOf(page: Page): Promise<World> {
  let world = worlds.get(page);
  if (!world) {
    world = (async () => {
      const cdp = await page.context().newCDPSession(page);
      const contexts = new Map<number, ExecutionContext>();
      cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.set(e.context.id, e.context));
      cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => contexts.delete(e.executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
      await cdp.send('Runtime.enable');
      return { cdp, contexts };
    })();
    worlds.set(page, world);
    page.once('close', () => worlds.delete(page));
  }
  return world;
}

/** The CDP frame id of a Playwright frame: matched down the frame tree by URL and name (ties by order). */
async function cdpFrameId(cdp: CDPSession, frame: Frame): Promise<string> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
  const chain: Frame[] = [];
  for (let f: Frame | null = frame; f; f = f.parentFrame()) chain.unshift(f);
  let node = frameTree;
  for (const f of chain.slice(1)) {
    const parent = f.parentFrame()!;
    const siblings = parent.childFrames().filter((s) => s.url() === f.url() && s.name() === f.name());
    const index = siblings.indexOf(f);
    const candidates = (node.childFrames ?? []).filter((c) => c.frame.url === f.url() && (c.frame.name ?? '') === f.name());
    // A frame written with document.write: CDP gives it its writer's URL (about:srcdoc), Playwright about:blank — match by name.
    const byName = f.name() ? (node.childFrames ?? []).filter((c) => (c.frame.name ?? '') === f.name()) : [];
    const next = candidates[index] ?? candidates[0] ?? (byName.length === 1 ? byName[0] : undefined);
    if (!next) throw new Error(`overlay-driver: frame ${f.url()} not found in the CDP frame tree`);
    node = next;
  }
  return node.frame.id;
}

/** Evaluates `fn(arg)` in DocTrail's isolated world of the scope's frame. */
export async function inExtensionWorld<T>(scope: Scope, fn: string, arg: unknown): Promise<T> {
  const page = pageOf(scope);
  const { cdp, contexts } = await worldOf(page);
  const frameId = await cdpFrameId(cdp, frameOf(scope));
  const deadline = Date.now() + 5000;
  for (;;) {
    const context = [...contexts.values()].find(
      (c) => c.auxData?.frameId === frameId && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'),
    );
    if (context) {
      const result = (await cdp.send('Runtime.evaluate', {
        expression: `(${fn})(${JSON.stringify(arg)})`,
        contextId: context.id,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (result.exceptionDetails) {
        const text = result.exceptionDetails.exception?.description ?? result.exceptionDetails.text;
        // The frame navigated under us: its world is gone, try the new one.
        if (/Cannot find context|Execution context was destroyed/.test(text) && Date.now() < deadline) continue;
        throw new Error(`overlay-driver: ${text}`);
      }
      return result.result.value as T;
    }
    // No DocTrail world (yet) in this frame: nothing of ours can be there.
    if (Date.now() > deadline) return (null as T);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs in the extension world. Resolves the steps to elements and applies `op`.
 * Kept as a string so that it is evaluated there, not in Node.
 */
const RESOLVE = `function (arg) {
  const openRoot = (host) => (globalThis.chrome && chrome.dom && chrome.dom.openOrClosedShadowRoot) ? chrome.dom.openOrClosedShadowRoot(host) : (host.openOrClosedShadowRoot || host.shadowRoot);
  const hosts = [...document.querySelectorAll(arg.host)];
  // The real host is the one whose (closed) root holds DocTrail's UI; a page can draw look-alikes with open roots.
  const real = hosts.filter((h) => { const r = openRoot(h); return r && r.mode === 'closed'; });
  const matchText = (el, m) => {
    const text = el.textContent || '';
    return typeof m === 'string' ? text.includes(m) : new RegExp(m.source, m.flags).test(text);
  };
  let set = arg.steps.length && arg.steps[0].css !== undefined ? real.map(openRoot) : (arg.steps.length ? real : hosts);
  for (const step of arg.steps) {
    if (step.css !== undefined) {
      const next = [];
      for (const el of set) for (const found of el.querySelectorAll(step.css)) if (!next.includes(found)) next.push(found);
      set = next;
    }
    if (step.hasText !== undefined) set = set.filter((el) => matchText(el, step.hasText));
    if (step.nth !== undefined) { const i = step.nth < 0 ? set.length + step.nth : step.nth; set = set[i] ? [set[i]] : []; }
  }
  const el = set[0];
  const visible = (e) => {
    if (!e || !e.isConnected) return false;
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(e);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const text = (e) => (e.textContent === null ? null : e.textContent);
  switch (arg.op) {
    case 'count': return set.length;
    case 'text': return el ? text(el) : null;
    case 'allText': return set.map((e) => e.textContent || '');
    case 'value': return el ? (el.value ?? null) : null;
    case 'attr': return el ? el.getAttribute(arg.name) : null;
    case 'visible': return visible(el);
    case 'disabled': return el ? !!el.disabled || el.getAttribute('aria-disabled') === 'true' : null;
    case 'focus': if (el) el.focus(); return !!el;
    case 'type': return el ? (el.type || el.localName) : null;
    case 'set': {
      if (!el) return false;
      el.value = arg.value;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return true;
    }
    case 'rect': {
      if (!visible(el)) return null;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      const root = el.getRootNode();
      const hit = root.elementFromPoint ? root.elementFromPoint(x, y) : document.elementFromPoint(x, y);
      const covered = !(hit && (hit === el || el.contains(hit)));
      // The nearest surface decides (as click-guard's accepts): a prompt inside the panel is armed while the panel,
      // under the prompt's backdrop, is not.
      const unarmed = el.closest('[data-armed]')?.getAttribute('data-armed') === 'false';
      const disabled = !!el.disabled;
      return { x: r.left, y: r.top, width: r.width, height: r.height, covered, coveredBy: covered && hit ? hit.outerHTML.slice(0, 80) : '', unarmed, disabled };
    }
  }
  return null;
}`;

interface RectInfo {
  x: number;
  y: number;
  width: number;
  height: number;
  covered: boolean;
  coveredBy: string;
  unarmed: boolean;
  disabled: boolean;
}

function serialise(text: TextMatch): Step['hasText'] {
  return typeof text === 'string' ? text : { source: text.source, flags: text.flags };
}

/** Offset of a frame's viewport inside the top page's viewport. */
async function frameOffset(frame: Frame): Promise<{ x: number; y: number }> {
  if (!frame.parentFrame()) return { x: 0, y: 0 };
  const owner = await frame.frameElement();
  // Playwright's boundingBox is already in the top page's viewport, whatever the nesting.
  const box = await owner.boundingBox();
  if (!box) throw new Error('overlay-driver: frame is not displayed');
  const inset = await owner.evaluate((e: Element) => {
    const s = getComputedStyle(e);
    return { x: e.clientLeft + parseFloat(s.paddingLeft), y: e.clientTop + parseFloat(s.paddingTop) };
  });
  return { x: box.x + inset.x, y: box.y + inset.y };
}

export class ShadowLocator {
  constructor(
    readonly scope: Scope,
    readonly host: string,
    private readonly steps: Step[] = [],
  ) {}

  private with(step: Step): ShadowLocator {
    return new ShadowLocator(this.scope, this.host, [...this.steps, step]);
  }

  locator(css: string, options: { hasText?: TextMatch } = {}): ShadowLocator {
    return this.with({ css, ...(options.hasText !== undefined && { hasText: serialise(options.hasText) }) });
  }
  filter(options: { hasText: TextMatch }): ShadowLocator {
    return this.with({ hasText: serialise(options.hasText) });
  }
  first(): ShadowLocator {
    return this.with({ nth: 0 });
  }
  last(): ShadowLocator {
    return this.with({ nth: -1 });
  }
  nth(index: number): ShadowLocator {
    return this.with({ nth: index });
  }

  private run<T>(op: string, extra: Record<string, unknown> = {}): Promise<T> {
    return inExtensionWorld<T>(this.scope, RESOLVE, { host: this.host, steps: this.steps, op, ...extra });
  }

  async count(): Promise<number> {
    if (!this.steps.length) return frameOf(this.scope).locator(this.host).count();
    return (await this.run<number | null>('count')) ?? 0;
  }
  textContent(): Promise<string | null> {
    return this.run('text');
  }
  async allTextContents(): Promise<string[]> {
    return (await this.run<string[] | null>('allText')) ?? [];
  }
  async inputValue(): Promise<string> {
    await this.waitFor();
    return (await this.run<string | null>('value')) ?? '';
  }
  async getAttribute(name: string): Promise<string | null> {
    if (!this.steps.length) return frameOf(this.scope).locator(this.host).first().getAttribute(name);
    await this.waitFor();
    return this.run('attr', { name });
  }
  async isVisible(): Promise<boolean> {
    return (await this.run<boolean | null>('visible')) ?? false;
  }
  async isDisabled(): Promise<boolean> {
    await this.waitFor();
    return (await this.run<boolean | null>('disabled')) ?? false;
  }

  async waitFor(options: { state?: 'attached' | 'visible' | 'detached' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    for (;;) {
      const ok =
        state === 'attached' ? (await this.count()) > 0
        : state === 'detached' ? (await this.count()) === 0
        : state === 'visible' ? (this.steps.length ? await this.isVisible() : (await this.count()) > 0)
        : !(await this.isVisible());
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`overlay-driver: ${this.describe()} not ${state} within ${options.timeout ?? DEFAULT_TIMEOUT} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The element's box in the top page's viewport (like Playwright's boundingBox). */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const rect = await this.run<RectInfo | null>('rect');
    if (!rect) return null;
    const offset = await frameOffset(frameOf(this.scope));
    return { x: rect.x + offset.x, y: rect.y + offset.y, width: rect.width, height: rect.height };
  }

  /** Where a click would land (top page coordinates), once the element is visible, enabled, uncovered and armed. */
  async clickPoint(options: { timeout?: number } = {}): Promise<{ x: number; y: number }> {
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    let last = 'not found';
    for (;;) {
      const rect = await this.run<RectInfo | null>('rect');
      if (rect && !rect.covered && !rect.unarmed && !rect.disabled) {
        const offset = await frameOffset(frameOf(this.scope));
        return { x: offset.x + rect.x + rect.width / 2, y: offset.y + rect.y + rect.height / 2 };
      }
      last = !rect ? 'not visible' : rect.disabled ? 'disabled' : rect.covered ? `covered by ${rect.coveredBy}` : 'not armed yet';
      if (Date.now() > deadline) throw new Error(`overlay-driver: cannot click ${this.describe()}: ${last}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A trusted mouse click at the element's centre. */
  async click(options: { timeout?: number } = {}): Promise<void> {
    const { x, y } = await this.clickPoint(options);
    await pageOf(this.scope).mouse.click(x, y);
  }

  async focus(): Promise<void> {
    await this.waitFor();
    await this.run('focus');
  }

  /** Focus, then a trusted key press — once the surface is armed, as a click (keys on a surface shown < 500 ms are refused too). */
  async press(key: string, options: { timeout?: number } = {}): Promise<void> {
    await this.focus();
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    while ((await this.run<RectInfo | null>('rect'))?.unarmed) {
      if (Date.now() > deadline) throw new Error(`overlay-driver: cannot press ${key} in ${this.describe()}: not armed yet`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await pageOf(this.scope).keyboard.press(key);
  }

  /** Trusted click into the field, select all, trusted typing of `text`. */
  async fill(text: string): Promise<void> {
    await this.waitFor();
    const type = await this.run<string | null>('type');
    if (type === 'date' || type === 'select-one') {
      await this.run('set', { value: text });
      return;
    }
    await this.click();
    const keyboard = pageOf(this.scope).keyboard;
    await keyboard.press('ControlOrMeta+A');
    if (text) await keyboard.insertText(text);
    else await keyboard.press('Delete');
  }

  async selectOption(value: string): Promise<void> {
    await this.waitFor();
    if (!(await this.run<boolean>('set', { value }))) throw new Error(`overlay-driver: no ${this.describe()} to select in`);
  }

  describe(): string {
    return `${this.host} ${this.steps.map((s) => s.css ?? (s.nth !== undefined ? `[${s.nth}]` : `:has-text(${JSON.stringify(s.hasText)})`)).join(' ')}`.trim();
  }
}

export function shadowIn(scope: Scope, host: string): ShadowLocator {
  return new ShadowLocator(scope, host);
}

/** DocTrail's overlay in a page or frame. */
export function overlayIn(scope: Scope): ShadowLocator {
  return shadowIn(scope, 'doctrail-overlay');
}

/** The 教我识别 picker in a page or frame. */
export function pickerIn(scope: Scope): ShadowLocator {
  return shadowIn(scope, 'doctrail-picker');
}

/** Opens the overlay if it started as a pill (every corner of the page held controls), as the clerk would. */
export async function expandOverlay(scope: Scope): Promise<ShadowLocator> {
  const overlay = overlayIn(scope);
  await overlay.locator('.dt-panel, .dt-pill').first().waitFor();
  if (await overlay.locator('.dt-pill').count()) await overlay.locator('.dt-pill').click();
  await overlay.locator('.dt-panel').waitFor();
  return overlay;
}

/** The title the overlay proposes to register (the first field of its form). */
export function proposedTitle(overlay: ShadowLocator): Promise<string> {
  return overlay.locator('.dt-form input').first().inputValue();
}
