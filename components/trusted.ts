/**
 * Writes happen only on the clerk's own input. A page script can click our buttons or call
 * `requestSubmit()` (whose submit event the browser marks trusted), but it cannot fake a trusted
 * click or key press — so forms act on those, never on `submit`.
 */
export function trustedClick(action: () => void) {
  return (event: MouseEvent) => {
    event.preventDefault();
    if (event.isTrusted) action();
  };
}

export function trustedEnter(action: () => void) {
  return (event: KeyboardEvent) => {
    const target = event.target as Element | null;
    if (event.key !== 'Enter' || target?.tagName === 'TEXTAREA' || target?.tagName === 'BUTTON') return;
    event.preventDefault();
    if (event.isTrusted) action();
  };
}

export const preventSubmit = (event: Event) => event.preventDefault();
