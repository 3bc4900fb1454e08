/**
 * A choice remembered on this device (the language, the share address, the timer's sound):
 * localStorage when the browser allows it; otherwise (private mode, storage refused) the
 * choice lasts as long as the page.
 */
const inPage = new Map<string, string>();

export function readPreference(key: string): string | null {
  try {
    return localStorage.getItem(key) ?? inPage.get(key) ?? null;
  } catch {
    return inPage.get(key) ?? null;
  }
}

export function writePreference(key: string, value: string): void {
  inPage.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused: the in-page copy stands.
  }
}
