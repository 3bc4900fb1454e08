import { addNote, buildStrategy, type Strategy, seedBoard } from '@atelier/shared';
import { fixtureWorkshop, T0 } from '@atelier/shared/workshop.fixture';
import { loadFixture, writeOutcome } from '@atelier/testing';
import * as Y from 'yjs';

/** What a participant may type that Markdown would read as markup: each must come out as typed. */
export const HOSTILE = [
  '*a*',
  '_b_',
  '**gras** et __gras__',
  '[x](http://e)',
  '![img](x.png)',
  '<script>alert(1)</script>',
  '<!-- commentaire -->',
  '# title',
  '1. x',
  '1) y',
  '- tiret',
  '+ plus',
  '> cite',
  '| pipe |',
  '&amp; &copy; &#38;',
  'http://x.y',
  'www.example.org',
  'contact@example.org',
  '`code`',
  '~~barré~~',
  '$x$',
  'C:\\dossier\\',
  'Titre\n===',
  'Ligne\n---',
  'a | b\n--- | ---',
  'Bilan\n1. suite\n# titre\n> cite',
  '***',
  'fin #',
  // And plain text that needs no backslash at all.
  'Revitaliser les centres-bourgs (EPCI) : 19.30, etc. !',
];

/**
 * The Val de Loue demo workshop (320 notes, its issues, axes and sheets) as a strategy, with
 * the hostile texts in place of some notes, issue and axis titles and descriptions, sheet
 * titles and descriptions, and partners' roles: each text as typed, the index in it so that
 * no two places hold the same one.
 */
export function hostileDemoStrategy(): Strategy {
  const fixture = loadFixture();
  const { source } = fixtureWorkshop();
  const board = new Y.Doc();
  seedBoard(board);
  const noteIds = fixture.notes.map((note, i) =>
    addNote(board, {
      id: `v${i}`,
      x: (i % 20) * 220,
      y: Math.floor(i / 20) * 170,
      author: 'p-lea',
      theme: note.theme,
      text: note.text,
      now: T0 + i,
    }),
  );
  let n = 0;
  writeOutcome(board, fixture, { noteIds, newId: () => `id-${++n}`, now: () => T0 });
  const s = buildStrategy({
    ...source,
    board,
    workshop: { ...source.workshop, title: fixture.workshop.title },
  });
  const oneLine = (text: string) => text.replace(/\n/g, ' ');
  // In a description the hostile text opens the paragraph, where block markup would take.
  const hostile = (i: number, where: string) => `${HOSTILE[i % HOSTILE.length]}\n${where}`;
  return {
    ...s,
    notes: s.notes.map((note, i) => (i < HOSTILE.length ? { ...note, text: HOSTILE[i] as string } : note)),
    issues: s.issues.map((issue, i) => ({
      ...issue,
      title: oneLine(hostile(i, `enjeu ${i}`)),
      description: hostile(i + 3, `description ${i}`),
    })),
    axes: s.axes.map((axis, i) => ({
      ...axis,
      title: oneLine(hostile(i + 11, `axe ${i}`)),
      description: hostile(i + 17, `axe ${i}`),
    })),
    actions: s.actions.map((action, i) => ({
      ...action,
      title: oneLine(hostile(i, `fiche ${i}`)),
      description: hostile(i + 5, `fiche ${i}`),
    })),
    partners: s.partners.map((partner, i) => ({ ...partner, role: hostile(i, `rôle ${i}`) })),
  };
}
