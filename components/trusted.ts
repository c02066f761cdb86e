import { accepts } from './click-guard';

/**
 * Writes happen only on the clerk's own input. A page script can click our buttons or call
 * `requestSubmit()` (whose submit event the browser marks trusted), but it cannot fake a trusted
 * click or key press — so forms act on those, never on `submit`. And a trusted click counts only
 * where the clerk could see what was clicked (click-guard: really visible, and for ≥ 500 ms).
 */
export function trustedClick(action: () => void) {
  return (event: MouseEvent) => {
    event.preventDefault();
    if (accepts(event)) action();
  };
}

export function trustedEnter(action: () => void) {
  return (event: KeyboardEvent) => {
    const target = event.target as Element | null;
    if (event.key !== 'Enter' || target?.tagName === 'TEXTAREA' || target?.tagName === 'BUTTON') return;
    event.preventDefault();
    if (accepts(event)) action();
  };
}

export const preventSubmit = (event: Event) => event.preventDefault();
