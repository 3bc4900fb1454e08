/**
 * Focuses an element once React has drawn the change that brings it (a card moved to another
 * column, a note dropped into an issue), or `fallback` when that element is not there.
 */
export function focusSoon(selector: string, fallback?: string): void {
  requestAnimationFrame(() => {
    const element =
      document.querySelector<HTMLElement>(selector) ??
      (fallback ? document.querySelector<HTMLElement>(fallback) : null);
    element?.focus();
  });
}
