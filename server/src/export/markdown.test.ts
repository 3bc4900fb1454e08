import { buildStrategy, type Strategy, strategyReport } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { describe, expect, it } from 'vitest';
import { reportMarkdown } from './markdown';
import { HOSTILE } from './markdown.fixture';
import { escapeMarkdown } from './markdownEscape';

/** Undoes what escapeMarkdown does, as a Markdown reader does: backslash escapes, `<br>`. */
const decode = (escaped: string) => escaped.replace(/<br>/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('escapeMarkdown', () => {
  it('leaves text that renders as typed alone', () => {
    for (const text of [
      'Revitaliser les centres-bourgs (EPCI) : 19.30, etc. !',
      'snake_case, l_avenir, 2 * 3, a < b, R&D, 50 % des 18-25 ans',
      'C:\\dossier #hashtag a|b ~ 100 $',
    ])
      expect(escapeMarkdown(text)).toBe(text);
  });

  it('makes markup and HTML literal text', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script>alert(1)\\</script>');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x](javascript:alert(1))');
    expect(escapeMarkdown('**gras** _it_ `code` ~~barré~~ $x$')).toBe(
      '\\*\\*gras\\*\\* \\_it\\_ \\`code\\` \\~\\~barré\\~\\~ \\$x\\$',
    );
    expect(escapeMarkdown('&copy; &amp; &#38; & co')).toBe('\\&copy; \\&amp; \\&#38; & co');
    expect(escapeMarkdown('C:\\dossier\\* fin\\')).toBe('C:\\dossier\\\\\\* fin\\\\');
    expect(escapeMarkdown('![img](x.png)')).toBe('!\\[img](x.png)');
  });

  it('keeps web and e-mail addresses from becoming links', () => {
    expect(escapeMarkdown('voir http://evil.example et https://x.org')).toBe(
      'voir http\\://evil.example et https\\://x.org',
    );
    expect(escapeMarkdown('www.example.org, (WWW.example.org)')).toBe(
      'www\\.example.org, (WWW\\.example.org)',
    );
    expect(escapeMarkdown('contact@example.org, 3 @ 4')).toBe('contact\\@example.org, 3 @ 4');
  });

  it('defuses what a block’s start would make markup, on every line', () => {
    expect(escapeMarkdown('1. premier\n1) second', { lineBreak: '\n' })).toBe('1\\. premier\n1\\) second');
    expect(escapeMarkdown('Titre\n===', { lineBreak: '\n' })).toBe('Titre\n\\===');
    expect(escapeMarkdown('- item\n+ item\n> cite\n# titre', { lineBreak: '\n' })).toBe(
      '\\- item\n\\+ item\n\\> cite\n\\# titre',
    );
    expect(escapeMarkdown('a | b\n--- | ---', { lineBreak: '\n' })).toBe('a | b\n\\--- | ---');
    // Only `1.` interrupts a paragraph, and a number with a dot mid-line is just a number.
    expect(escapeMarkdown('Bilan\n2. suite', { lineBreak: '\n' })).toBe('Bilan\n2. suite');
    expect(escapeMarkdown('Pas de bus après 19.30')).toBe('Pas de bus après 19.30');
    // Mid-paragraph (not the first run), a line's start is not a block's.
    expect(escapeMarkdown('# x', { blockStart: false })).toBe('# x');
  });

  it('keeps a table cell in its cell, and a heading’s closing # in its text', () => {
    expect(escapeMarkdown('a | b\nc\r\nd', { place: 'cell', lineBreak: '<br>' })).toBe('a \\| b<br>c<br>d');
    expect(escapeMarkdown('- pas une liste', { place: 'cell' })).toBe('- pas une liste');
    expect(escapeMarkdown('Numéro #', { place: 'heading' })).toBe('Numéro \\#');
  });

  it('reads back as the text typed', () => {
    for (const text of HOSTILE)
      expect(decode(escapeMarkdown(text, { place: 'cell', lineBreak: '<br>' }))).toBe(text);
  });
});

/** The fixture, with what participants could type in the places the report tables and lists. */
function awkwardStrategy(): Strategy {
  const s = buildStrategy(fixtureWorkshop().source);
  return {
    ...s,
    notes: s.notes.map((n) => (n.id === 'n5' ? { ...n, text: '# Pas un titre\n1. ni une liste' } : n)),
    partners: s.partners.map((p) =>
      p.id === 'pa-1' ? { ...p, role: 'Exploitant | financeur\nà confirmer' } : p,
    ),
  };
}

describe('reportMarkdown', () => {
  const markdown = reportMarkdown(strategyReport(awkwardStrategy(), 'fr')).replace(/[\u00a0\u202f]/g, ' ');
  const lines = markdown.split('\n');

  it('opens with the title page, then has the report’s sections in order', () => {
    expect(lines.slice(0, 3)).toEqual([
      '# Stratégie d’innovation — Val de Loue',
      '',
      '**Rapport de l’atelier**',
    ]);
    expect(markdown).toContain('**Date de l’atelier :** 3 déc. 2026');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Synthèse',
      '## Diagnostic territorial',
      '## Enjeux prioritaires',
      '## Axes stratégiques',
      '## Plan d’actions',
      '## Partenariats',
      '## Suivi et évaluation',
      '## Résultats des votes',
    ]);
    expect(lines.filter((l) => l.startsWith('### Enjeu n°'))).toEqual([
      '### Enjeu n° 1 : Mobilité du quotidien',
      '### Enjeu n° 2 : Couverture numérique',
      '### Enjeu n° 3 : Bâtiments publics',
    ]);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('writes tables as GitHub-flavoured Markdown, amounts right-aligned', () => {
    expect(markdown).toContain(
      [
        '| Source | Précision | Montant (€) | État |',
        '| --- | --- | ---: | --- |',
        '| Région | Contrat de mobilité | 100 000 € | Acquis |',
        '| Autre | @fonds local | 50 000,25 € | À solliciter |',
      ].join('\n'),
    );
    expect(markdown).toContain('| Budget prévisionnel (€ HT) | 250 000,50 € |');
    expect(markdown).toContain(
      '| Description / contenu de l’action | Un service réservable la veille.<br>Deux minibus. |',
    );
    expect(markdown).toContain(
      '| Transdev | Industriel | Exploitant \\| financeur<br>à confirmer | contact\\@example.org |',
    );
  });

  it('writes what participants typed as text, never as markup', () => {
    expect(markdown).toContain('- =HYPERLINK("http\\://evil") *— Élu·e*');
    expect(markdown).toContain('- \\<b>Zones blanches\\</b> & \\*fibre\\* *— Habitant·e*');
    // A line break in a list item stays in the item; its second line is no list.
    expect(markdown).toContain('- \\# Pas un titre\\\n  1\\. ni une liste *— Agent de la collectivité*');
    expect(markdown).not.toMatch(/(?<!\\)<b>/);
    expect(markdown).not.toMatch(/^#+ Pas un titre/m);
  });
});
