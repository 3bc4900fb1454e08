import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin';

describe('isOriginAllowed', () => {
  it('lets scripts without an Origin header through, to be judged by their token', () => {
    expect(isOriginAllowed(undefined, 'atelier.example:8787', [])).toBe(true);
  });

  it("accepts the server's own origin and the allow-list", () => {
    expect(isOriginAllowed('http://atelier.example:8787', 'atelier.example:8787', [])).toBe(true);
    expect(isOriginAllowed('http://localhost:5173', 'localhost:8787', ['http://localhost:5173'])).toBe(true);
  });

  it('refuses another site and garbage', () => {
    expect(isOriginAllowed('https://evil.example', 'atelier.example:8787', [])).toBe(false);
    expect(isOriginAllowed('null', 'atelier.example:8787', [])).toBe(false);
    expect(isOriginAllowed('http://atelier.example:8787.evil.example', 'atelier.example:8787', [])).toBe(
      false,
    );
  });
});
