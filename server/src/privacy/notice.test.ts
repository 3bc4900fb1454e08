import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createPrivacyNotices } from './notice';

const dir = mkdtempSync(join(tmpdir(), 'atelier-notice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const custom = {
  fr: {
    title: 'Données personnelles',
    paragraphs: ['Texte de la collectivité.', 'Contact : dpo@ville.example.'],
  },
};

describe('the privacy notice', () => {
  it('is built in, saying the retention and the contact, with a version that changes with its text', () => {
    const kept = createPrivacyNotices({ retentionDays: null, contact: null, file: null });
    const deleted = createPrivacyNotices({ retentionDays: 90, contact: 'dpo@agglo.example', file: null });
    expect(kept('fr').paragraphs.join(' ')).toContain(
      'jusqu’à ce que l’animateur·rice qui l’a créé le supprime',
    );
    expect(deleted('fr').paragraphs.join(' ')).toContain('90 jours sans activité');
    expect(deleted('en').paragraphs.join(' ')).toContain(
      'For any question about your data: dpo@agglo.example.',
    );
    expect(kept('fr').version).toMatch(/^[0-9a-f]{12}$/);
    expect(kept('fr').version).not.toBe(deleted('fr').version);
    expect(kept('fr').version).toBe(
      createPrivacyNotices({ retentionDays: null, contact: null, file: null })('fr').version,
    );
  });

  it('is read from PRIVACY_NOTICE_FILE at start-up, per language, the other keeping the built-in text', () => {
    const config = loadConfig({
      PRIVACY_NOTICE_FILE: file('notice.json', { version: '2027-01', ...custom }),
    });
    const notice = createPrivacyNotices({ retentionDays: null, contact: null, file: config.privacyNotice });
    expect(notice('fr')).toMatchObject({ ...custom.fr, version: '2027-01-fr', locale: 'fr' });
    expect(notice('en').title).toBe('Your data in this workshop');
    // Without a version of its own, the file's text is named by its hash.
    const hashed = createPrivacyNotices({ retentionDays: null, contact: null, file: custom });
    expect(hashed('fr').version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('stops start-up with a clear message when the file is missing, not JSON, or not a notice', () => {
    expect(() => loadConfig({ PRIVACY_NOTICE_FILE: join(dir, 'absent.json') })).toThrow(
      /PRIVACY_NOTICE_FILE .*absent\.json/,
    );
    expect(() => loadConfig({ PRIVACY_NOTICE_FILE: file('bad.json', '{ not json') })).toThrow(
      /PRIVACY_NOTICE_FILE/,
    );
    expect(() =>
      loadConfig({ PRIVACY_NOTICE_FILE: file('empty.json', { fr: { title: 'T', paragraphs: [] } }) }),
    ).toThrow(/fr\.paragraphs/);
    expect(() => loadConfig({ PRIVACY_NOTICE_FILE: file('extra.json', { de: custom.fr }) })).toThrow(
      /PRIVACY_NOTICE_FILE/,
    );
  });

  it('takes RETENTION_DAYS as a positive number of days, unset meaning kept', () => {
    expect(loadConfig({}).retentionDays).toBeNull();
    expect(loadConfig({ RETENTION_DAYS: '' }).retentionDays).toBeNull();
    expect(loadConfig({ RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
    expect(() => loadConfig({ RETENTION_DAYS: 'forever' })).toThrow(/RETENTION_DAYS/);
  });
});
