import { buildStrategy, Strategy } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { describe, expect, it } from 'vitest';
import { escapeHtml, followUpHtml } from './page';

const strategy = (includeNames = false) =>
  Strategy.parse(buildStrategy({ ...fixtureWorkshop().source, includeNames }));

describe('the follow-up page', () => {
  it('follows each note: issue, axis, the axis’s actions and where each stands', () => {
    const html = followUpHtml({ strategy: strategy(), query: '' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h1>Ce que sont devenues les contributions</h1>');
    // The fixture's sheet "Transport à la demande" is in progress, under the axis of "Mobilité du quotidien".
    expect(html).toContain('Transport à la demande <span class="badge">Avancement : En cours</span>');
    expect(html).toContain('<span class="kind">Enjeu :</span> Mobilité du quotidien');
    expect(html).toContain('<span class="kind">Axe stratégique :</span> Un territoire accessible');
  });

  it('finds notes by their words, whatever the accents, and says how many', () => {
    const s = strategy();
    const word = s.notes[0]?.text.split(/\s+/)[0] ?? '';
    const html = followUpHtml({ strategy: s, query: word.toUpperCase() });
    const found = s.notes.filter((n) => n.text.toLowerCase().includes(word.toLowerCase())).length;
    expect(html).toContain(
      `${found} contribution${found > 1 ? 's' : ''} pour « ${escapeHtml(word.toUpperCase())} »`,
    );
    expect(followUpHtml({ strategy: s, query: 'zzz introuvable' })).toContain(
      'Aucune contribution ne correspond.',
    );
  });

  it('names nobody unless the facilitator chose names, and escapes what people typed', () => {
    const anonymous = followUpHtml({ strategy: strategy(false), query: '' });
    const named = strategy(true);
    const person = named.participation.people?.find((p) => named.notes.some((n) => n.author === p.id));
    expect(person).toBeDefined();
    expect(anonymous).not.toContain(person?.name ?? '');
    expect(anonymous).toContain('Cette page ne montre aucune donnée personnelle');
    expect(followUpHtml({ strategy: named, query: '' })).toContain(`par ${person?.name}`);
    const s = strategy();
    const note = s.notes[0];
    if (note) note.text = '<img src=x onerror=alert(1)>';
    const html = followUpHtml({ strategy: s, query: '' });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(followUpHtml({ strategy: s, query: '"><script>' })).toContain('value="&quot;&gt;&lt;script&gt;"');
  });
});
