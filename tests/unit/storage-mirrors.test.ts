import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: {} }));
const { driftedMirrors } = await import('@/entrypoints/background/mirrors');

describe('the background’s storage.local mirrors', () => {
  const expected = { 'settings.language': 'auto', 'settings.reasonPresets': ['会议使用'], 'i18n.overlay.en': { a: '1', b: '2' } };

  it('puts back a mirrored key another context changed, and leaves alone what it wrote itself', () => {
    expect(driftedMirrors({ 'settings.reasonPresets': { newValue: ['领导已同意，无需理由'] } }, expected)).toEqual({ set: { 'settings.reasonPresets': ['会议使用'] }, remove: [] });
    expect(driftedMirrors({ 'i18n.overlay.en': { newValue: { b: '2', a: 'Registered — no reason needed' } } }, expected)).toEqual({ set: { 'i18n.overlay.en': { a: '1', b: '2' } }, remove: [] });
    expect(driftedMirrors({ 'settings.language': {} }, expected)).toEqual({ set: { 'settings.language': 'auto' }, remove: [] });
    // Its own writes (the same content, keys in any order) and keys it does not mirror: nothing to do.
    expect(driftedMirrors({ 'i18n.overlay.en': { newValue: { b: '2', a: '1' } }, 'overlay.position': { newValue: { x: 1 } } }, expected)).toEqual({ set: {}, remove: [] });
  });

  it('removes a key the background holds no value for', () => {
    expect(driftedMirrors({ 'settings.language': { newValue: 'en' } }, { 'settings.language': undefined })).toEqual({ set: {}, remove: ['settings.language'] });
  });
});
