import { buildStrategy, type Strategy, strategyReport } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, reportMarkdown } from './markdown';

/** Characters Markdown may read as markup: in escaped text each is behind a backslash. */
const MARKUP = new Set('\\`*_[]()#+-!|~$@<>');

/** Undoes what escapeMarkdown does, as a Markdown reader does: backslash escapes, entities, `<br>`. */
const decode = (escaped: string) =>
  escaped
    .replace(/<br>/g, '\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The markup characters left unescaped (an escaping backslash takes the character after it). */
function bareMarkup(escaped: string): string[] {
  const bare: string[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i] as string;
    if (c === '\\') i++;
    else if (MARKUP.has(c)) bare.push(c);
  }
  return bare;
}

describe('escapeMarkdown', () => {
  it('makes markup and HTML literal text', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('**gras** _it_ `code` ~~barré~~ $x$')).toBe(
      '\\*\\*gras\\*\\* \\_it\\_ \\`code\\` \\~\\~barré\\~\\~ \\$x\\$',
    );
    expect(escapeMarkdown('# Pas un titre')).toBe('\\# Pas un titre');
    expect(escapeMarkdown('&copy; & co')).toBe('&amp;copy; &amp; co');
    expect(escapeMarkdown('C:\\dossier')).toBe('C:\\\\dossier');
    expect(escapeMarkdown('![img](x.png)')).toBe('\\!\\[img\\]\\(x.png\\)');
  });

  it('keeps web and e-mail addresses from becoming links', () => {
    expect(escapeMarkdown('voir http://evil.example et https://x.org')).toBe(
      'voir http\\://evil.example et https\\://x.org',
    );
    expect(escapeMarkdown('www.example.org, WWW.example.org')).toBe('www\\.example.org, WWW\\.example.org');
    expect(escapeMarkdown('contact@example.org')).toBe('contact\\@example.org');
  });

  it('defuses what a line’s start would make markup, on every line', () => {
    expect(escapeMarkdown('1. premier\n2) second', '\n')).toBe('1\\. premier\n2\\) second');
    expect(escapeMarkdown('Titre\n===', '\n')).toBe('Titre\n\\===');
    expect(escapeMarkdown('- item\n+ item\n> cite', '\n')).toBe('\\- item\n\\+ item\n&gt; cite');
    // Not at a line's start, a number with a dot is just a number.
    expect(escapeMarkdown('Pas de bus après 19.30')).toBe('Pas de bus après 19.30');
  });

  it('keeps a table cell in its cell: pipes escaped, line breaks as <br>', () => {
    expect(escapeMarkdown('a | b\nc\r\nd', '<br>')).toBe('a \\| b<br>c<br>d');
  });

  it('leaves no markup bare and reads back as the text typed', () => {
    const typed = [
      '<script>alert(1)</script> zones blanches',
      '[lien](javascript:alert(1)) **gras**',
      '=HYPERLINK("http://evil.example","clic")',
      '# Pas un titre\n- ni une liste\n| ni | un tableau |',
      '@SUM(A1:A3) + 1 - 2 ! `x` ~y~ $z$ _w_ \\ &amp; <br>',
    ];
    for (const text of typed) {
      const escaped = escapeMarkdown(text, '<br>');
      expect(bareMarkup(escaped.replace(/<br>/g, ''))).toEqual([]);
      expect(escaped).not.toMatch(/[^\\]:\/\//);
      expect(decode(escaped)).toBe(text);
    }
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
        '| Source | Précision | Montant \\(€\\) | État |',
        '| --- | --- | ---: | --- |',
        '| Région | Contrat de mobilité | 100 000 € | Acquis |',
        '| Autre | \\@fonds local | 50 000,25 € | À solliciter |',
      ].join('\n'),
    );
    expect(markdown).toContain('| Budget prévisionnel \\(€ HT\\) | 250 000,50 € |');
    expect(markdown).toContain(
      '| Description / contenu de l’action | Un service réservable la veille.<br>Deux minibus. |',
    );
    expect(markdown).toContain(
      '| Transdev | Industriel | Exploitant \\| financeur<br>à confirmer | contact\\@example.org |',
    );
  });

  it('writes what participants typed as text, never as markup', () => {
    expect(markdown).toContain('- \\=HYPERLINK\\("http\\://evil"\\) *— Élu·e*');
    expect(markdown).toContain('- &lt;b&gt;Zones blanches&lt;/b&gt; &amp; \\*fibre\\* *— Habitant·e*');
    // A line break in a list item stays in the item; its second line is no list.
    expect(markdown).toContain('- \\# Pas un titre\\\n  1\\. ni une liste *— Agent de la collectivité*');
    expect(markdown).not.toContain('<b>');
    expect(markdown).not.toMatch(/^#+ Pas un titre/m);
  });
});
