/**
 * 教我识别, in the page: injected into every frame of the tab (entrypoints/picker.ts). Each frame highlights what
 * the pointer is on and shows the value it would read; a click on the page is the clerk's pick and never reaches the
 * portal. The top frame holds the toolbar (fields, picked values, save); frames talk through the background
 * (`teach.relay`). Esc or 取消 ends it in every frame. Page text is only ever set as text.
 */
import { browser } from 'wxt/browser';
import { ask } from '../messaging/background-client';
import { createTranslator, LANGUAGE_KEY, resolveLanguage, type Language, type MessageKey } from '../i18n';
import { createTeachTranslator, type TeachKey } from '../i18n/teach';
import type { FieldKey } from '../page-analysis/vocabulary';
import type { TeachMessage } from '../messaging/profile-protocol';
import type { SiteProfile } from '../site-profiles/profile-schema';
import { buildTaughtProfile, taughtProfileId, type Pick } from './build-profile';
import { proposeCandidates, readPicked, valueOf } from './propose';

/** The fields offered, in the order a clerk reads a 收文 form. */
export const TEACH_FIELDS: FieldKey[] = ['title', 'docNumber', 'issuer', 'classification', 'urgency', 'receivedDate', 'deadline', 'copies', 'registrationNo', 'copyNumber', 'documentDate', 'classificationPeriod'];

const HOST = 'doctrail-picker';
const RELAYED = 'doctrail.teach';
const BLOCKED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick', 'contextmenu', 'submit', 'touchstart', 'touchend'] as const;

const CSS = `
:host { all: initial !important; }
.box { position: fixed; pointer-events: none; z-index: 2147483646; border: 2px solid #d93025; background: rgba(217,48,37,.08); border-radius: 2px; display: none; box-sizing: border-box; }
.tip { position: fixed; pointer-events: none; z-index: 2147483647; max-width: 360px; padding: 3px 8px; border-radius: 4px; background: #1f2328; color: #fff; font: 12px/1.5 'Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif; display: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tip.bad { background: #8a1c14; }
.bar { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: 300px; max-height: calc(100vh - 24px); overflow: auto; background: #fff; color: #1f2328; border: 1px solid #c9d3e2; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 13px/1.5 'Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif; }
.bar.left { right: auto; left: 12px; }
header { display: flex; align-items: center; gap: 6px; padding: 6px 10px; background: #1d4f91; color: #fff; border-radius: 8px 8px 0 0; }
header b { flex: 1; }
header button { border: none; background: transparent; color: #fff; cursor: pointer; font: inherit; padding: 0 4px; }
.intro { margin: 6px 10px; color: #5b6573; }
ol { list-style: none; margin: 0; padding: 0 6px; }
li { display: flex; align-items: center; gap: 4px; }
.field { flex: 1; display: grid; grid-template-columns: 5.5em 1fr; gap: 6px; text-align: left; border: 1px solid transparent; background: transparent; border-radius: 4px; padding: 3px 6px; cursor: pointer; font: inherit; color: inherit; }
.field:hover { background: #f3f6fb; }
.field.active { border-color: #1d4f91; background: #eef3fb; }
.field .val { color: #5b6573; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.field.done .val { color: #1a7f37; font-weight: 600; }
.clear { border: none; background: transparent; color: #8a94a3; cursor: pointer; font: inherit; font-size: 12px; }
.status { margin: 6px 10px; min-height: 1.5em; color: #5b6573; }
.status.error { color: #b3261e; }
.status.ok { color: #1a7f37; }
footer { display: flex; gap: 8px; padding: 6px 10px 10px; }
footer button { font: inherit; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
.save { background: #1d4f91; color: #fff; border: 1px solid #1d4f91; }
.save:disabled { opacity: .5; cursor: default; }
.cancel { background: #fff; color: #1f2328; border: 1px solid #c9d3e2; }
`;

interface PickerGlobal {
  __doctrailPicker?: boolean;
}

/** Runs `action` only for the clerk's own input: a page script's synthetic events choose, pick and save nothing. */
const trusted =
  <E extends Event>(action: (event: E) => void) =>
  (event: E) => {
    if (event.isTrusted) action(event);
  };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The clerk's 界面语言 (mirrored by the background in storage.local), else the browser's — as the overlay reads it. */
export async function pickerLanguage(): Promise<Language> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  return resolveLanguage(stored[LANGUAGE_KEY], navigator.languages);
}

export function startPicker(language: Language): void {
  const scope = globalThis as PickerGlobal;
  if (scope.__doctrailPicker) return;
  scope.__doctrailPicker = true;

  const t = createTeachTranslator(language);
  const overlayT = createTranslator(language);
  const fieldName = (field: FieldKey) => t(`teach.field.${field}` as TeachKey);
  /** A value as the clerk reads it: 秘密 and 加急, not their stored codes. */
  const shown = (field: FieldKey, value: string) =>
    field === 'classification' || field === 'urgency' ? overlayT(`${field}.${value}` as MessageKey) : value;
  const isTop = window.top === window;
  let field: FieldKey = TEACH_FIELDS[0]!;
  const picks = new Map<FieldKey, Pick & { raw: string; where: string }>();

  const host = document.createElement(HOST);
  // The host's look is set only from inside its closed root: `:host { all: initial !important }` wins over every rule
  // of the page, `!important` ones and inline styles its script writes on the host included (an important rule of
  // the inner context beats the outer one's), so the page can neither hide, fade nor move the picker — a transform
  // on the host would make it the containing block of the fixed toolbar and carry it off the screen.
  // Closed: the page can neither read the picker nor press its buttons through the root.
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.append(el('style', {}, CSS));
  const box = el('div', { class: 'box' });
  const tip = el('div', { class: 'tip', role: 'status' });
  shadow.append(box, tip);
  document.documentElement.append(host);

  const relay = (message: TeachMessage) => ask({ type: 'teach.relay', message }).catch(() => undefined);

  // ——— the toolbar (top frame) ———
  let bar: HTMLElement | undefined;
  let status: HTMLElement | undefined;
  let save: HTMLButtonElement | undefined;
  const rows = new Map<FieldKey, HTMLButtonElement>();

  const setStatus = (text: string, kind: '' | 'ok' | 'error' = '') => {
    if (!status) return;
    status.textContent = text;
    status.className = `status ${kind}`;
  };

  const render = () => {
    for (const [key, button] of rows) {
      const pick = picks.get(key);
      button.classList.toggle('active', key === field);
      button.classList.toggle('done', !!pick);
      button.querySelector('.val')!.textContent = pick ? shown(key, pick.value) : t('teach.notPicked');
      button.title = pick ? `${pick.raw}\n${pick.where}` : '';
    }
    if (save) save.disabled = picks.size === 0;
  };

  const choose = (next: FieldKey) => {
    field = next;
    render();
    setStatus(t('teach.pickHint', { field: fieldName(field) }));
    void relay({ kind: 'field', field });
  };

  if (isTop) {
    bar = el('section', { class: 'bar', role: 'dialog', 'aria-label': t('teach.title') });
    const header = el('header');
    const move = el('button', { type: 'button', class: 'move', title: t('teach.move'), 'aria-label': t('teach.move') }, '⇄');
    const close = el('button', { type: 'button', class: 'close', 'aria-label': t('teach.cancel') }, '×');
    header.append(el('b', {}, t('teach.title')), move, close);
    const list = el('ol');
    for (const key of TEACH_FIELDS) {
      const li = el('li');
      const button = el('button', { type: 'button', class: 'field', 'data-field': key });
      button.append(el('span', { class: 'name' }, fieldName(key)), el('span', { class: 'val' }));
      button.addEventListener('click', trusted(() => choose(key)));
      const clear = el('button', { type: 'button', class: 'clear', 'aria-label': `${t('teach.clear')} ${fieldName(key)}` }, t('teach.clear'));
      clear.addEventListener(
        'click',
        trusted(() => {
          picks.delete(key);
          render();
        }),
      );
      li.append(button, clear);
      list.append(li);
      rows.set(key, button);
    }
    status = el('p', { class: 'status', role: 'status' });
    save = el('button', { type: 'button', class: 'save' }, t('teach.save'));
    const cancel = el('button', { type: 'button', class: 'cancel' }, t('teach.cancel'));
    const footer = el('footer');
    footer.append(save, cancel);
    bar.append(header, el('p', { class: 'intro' }, t('teach.intro')), list, status, footer);
    shadow.append(bar);
    move.addEventListener('click', trusted(() => bar!.classList.toggle('left')));
    close.addEventListener('click', trusted(() => stopEverywhere()));
    cancel.addEventListener('click', trusted(() => stopEverywhere()));
    save.addEventListener('click', trusted(() => void saveProfile()));
    choose(field);
  }

  const received = (message: TeachMessage) => {
    if (message.kind === 'stop') return stop();
    if (message.kind === 'field') {
      field = message.field;
      return;
    }
    if (!isTop) return;
    picks.set(message.field, { field: message.field, value: message.value, raw: message.raw, where: message.where, url: message.url, candidates: message.candidates });
    setStatus(`${fieldName(message.field)}：${shown(message.field, message.value)} · ${t('teach.checked', { count: message.candidates.length })}`, 'ok');
    const next = TEACH_FIELDS.find((key) => !picks.has(key) && TEACH_FIELDS.indexOf(key) > TEACH_FIELDS.indexOf(message.field));
    if (next) {
      field = next;
      void relay({ kind: 'field', field });
    }
    render();
  };

  async function saveProfile() {
    const all = [...picks.values()];
    if (!all.length) return setStatus(t('teach.nothing'), 'error');
    save!.disabled = true;
    setStatus(t('teach.saving'));
    try {
      const url = all[0]!.url;
      const { profiles } = await ask({ type: 'profiles.forUrl', url });
      const existing = (profiles as SiteProfile[]).find((p) => p.id === taughtProfileId(url) && !p.builtIn);
      const date = new Date().toISOString().slice(0, 10);
      const profile = buildTaughtProfile(all, existing, {
        name: t('teach.profileName', { host: new URL(url).hostname }),
        description: t('teach.description', { url: url.split(/[?#]/)[0]!.slice(0, 300), date }),
      });
      // Proposed only: the clerk reads and saves it on DocTrail's own page (opened now), never from inside the portal.
      await ask({ type: 'profiles.propose', profiles: [profile] });
      setStatus(t('teach.proposed', { name: profile.name }), 'ok');
      setTimeout(stopEverywhere, 1200);
    } catch (error) {
      setStatus(t('teach.saveFailed', { message: error instanceof Error ? error.message : String(error) }), 'error');
      save!.disabled = false;
    }
  }

  // ——— pointing and picking (every frame) ———
  const ours = (event: Event) => event.composedPath().includes(host);
  let hovered: Element | null = null;

  const showTip = (target: Element) => {
    const rect = target.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${rect.left - 2}px`, top: `${rect.top - 2}px`, width: `${rect.width + 4}px`, height: `${rect.height + 4}px` });
    const { raw } = readPicked(target);
    const read = valueOf(field, raw);
    tip.textContent = read ? `${fieldName(field)}：${shown(field, read.value)}` : t('teach.invalid', { field: fieldName(field), raw: raw.slice(0, 40) || t('teach.empty') });
    tip.className = read ? 'tip' : 'tip bad';
    tip.style.display = 'block';
    const below = rect.bottom + 28 < innerHeight;
    tip.style.left = `${Math.max(4, Math.min(rect.left, innerWidth - 364))}px`;
    tip.style.top = `${below ? rect.bottom + 4 : Math.max(4, rect.top - 26)}px`;
  };

  const hide = () => {
    hovered = null;
    box.style.display = 'none';
    tip.style.display = 'none';
  };

  const onMove = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const target = event.target as Element | null;
    // Over the toolbar, or over a frame (whose own picker shows what is under the pointer there): nothing to show here.
    if (ours(event) || !target || target.nodeType !== 1 || /^(IFRAME|FRAME|HTML|BODY)$/.test(target.tagName)) return hide();
    if (target === hovered) return;
    hovered = target;
    showTip(target);
  };

  const onLeave = (event: MouseEvent) => {
    if (!event.relatedTarget) hide();
  };

  const block = (event: Event) => {
    if (ours(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onClick = (event: MouseEvent) => {
    if (ours(event)) return;
    block(event);
    // A page's own click (element.click(), dispatchEvent) is never a pick: only the clerk points at a field.
    if (!event.isTrusted) return;
    const target = event.target as Element | null;
    if (!target || target.nodeType !== 1 || /^(IFRAME|FRAME|HTML|BODY)$/.test(target.tagName)) return;
    const result = proposeCandidates(target, field, document, location.href);
    if (!result.ok) {
      tip.textContent = result.problem === 'invalid' ? t('teach.invalid', { field: fieldName(field), raw: result.raw.slice(0, 40) || t('teach.empty') }) : t('teach.noSelector');
      tip.className = 'tip bad';
      if (isTop) setStatus(tip.textContent, 'error');
      return;
    }
    const { value, raw, candidates, where } = result.proposal;
    const picked: TeachMessage = { kind: 'picked', field, value, raw, url: location.href.slice(0, 4000), where, candidates };
    if (isTop) received(picked);
    else void relay(picked);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    stopEverywhere();
  };

  const onMessage = (message: unknown) => {
    const m = message as { type?: string } | null;
    if (m?.type !== RELAYED) return;
    const { type: _type, ...rest } = m as { type: string } & TeachMessage;
    received(rest as TeachMessage);
  };

  const listeners: [string, EventListener][] = [
    ['mouseover', onMove as EventListener],
    ['mouseout', onLeave as EventListener],
    ['click', onClick as EventListener],
    ['keydown', onKey as EventListener],
    ...BLOCKED.map((type): [string, EventListener] => [type, block]),
  ];
  for (const [type, listener] of listeners) window.addEventListener(type, listener, { capture: true });
  browser.runtime.onMessage.addListener(onMessage);

  function stop() {
    for (const [type, listener] of listeners) window.removeEventListener(type, listener, { capture: true });
    browser.runtime.onMessage.removeListener(onMessage);
    host.remove();
    scope.__doctrailPicker = false;
  }

  function stopEverywhere() {
    stop();
    void relay({ kind: 'stop' });
  }
}
