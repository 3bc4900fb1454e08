import { typesetFrench, typesetKey } from './translate';

/**
 * The reviewer's rules for the app's words, so a new label cannot break them: the same keys
 * and placeholders in both languages, real plurals, one word for a note, the glossary, French
 * typography. Pure, so each dictionary's test runs it: shared's (the exported files' words)
 * and the client's (the screens' words).
 */

/** Keys where a word the rules forbid is meant otherwise. */
export interface WordingExceptions {
  /** French keys where "note" is a score (criteria scoring) or the verb "noter", not a contribution. */
  noteMeansScore?: readonly string[];
  /** French keys where "idée" is a sheet's status, not a contribution. */
  ideaIsStatus?: readonly string[];
}

/** One rule and the entries that break it (`key: text`), none when it holds. */
export interface WordingCheck {
  rule: string;
  problems: string[];
}

type Dictionary = Readonly<Record<string, string>>;

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(' ');

/** Every rule checked on one dictionary in French and English. */
export function checkWording(
  fr: Dictionary,
  en: Dictionary,
  exceptions: WordingExceptions = {},
): WordingCheck[] {
  const keys = Object.keys(fr);
  const frenchEntries = keys.map((key) => [key, fr[key] ?? ''] as const);
  const englishEntries = Object.entries(en);
  const noteMeansScore = new Set(exceptions.noteMeansScore);
  const ideaIsStatus = new Set(exceptions.ideaIsStatus);
  const shownFr = typesetFrench(fr);
  const check = (rule: string, broken: (key: string, text: string) => boolean, entries = frenchEntries) => ({
    rule,
    problems: entries.filter(([key, text]) => broken(key, text)).map(([key, text]) => `${key}: ${text}`),
  });

  return [
    {
      rule: 'has the same keys in French and English, and every plural has both forms',
      problems: [
        ...keys.filter((key) => !(key in en)).map((key) => `${key}: missing in English`),
        ...Object.keys(en)
          .filter((key) => !(key in fr))
          .map((key) => `${key}: missing in French`),
        ...keys.flatMap((key) => {
          const plural = /^(.*)_(one|other)$/.exec(key);
          const other = plural && `${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`;
          return other && !(other in fr) ? [`${key}: without ${other}`] : [];
        }),
      ],
    },
    check(
      'uses the same placeholders in both languages',
      (key, text) => key in en && placeholders(text) !== placeholders(en[key] ?? ''),
    ),
    check(
      'writes real plurals, "…" and typographic apostrophes, in both languages',
      (_, text) => /\((e?s|x)\)/.test(text) || text.includes('...') || text.includes("'"),
      [...frenchEntries, ...englishEntries],
    ),
    check('calls a note a "contribution" in French, never a post-it, a note or an idea', (key, template) => {
      const text = template.replace(/\{\w+\}/g, '');
      return (
        /post-?it/i.test(text) ||
        (!ideaIsStatus.has(key) && /\bidées?\b/i.test(text)) ||
        (!noteMeansScore.has(key) && /\bnotes?\b/i.test(text))
      );
    }),
    check(
      'calls a note a "note" in English, never a contribution or a post-it',
      (_, text) => /contribution|post-?it|sticky/i.test(text),
      englishEntries,
    ),
    check(
      'uses the glossary: dots are gommettes, the facilitator is l’animateur·rice',
      (_, text) =>
        /\bpoints? (contre|pour|restants?|par personne)\b/i.test(text) ||
        /\bl’animation (guide|vous|va)\b/.test(text),
    ),
    check('puts a space before : ; ! ? and inside « » in French, made no-break when shown', (key, text) => {
      const shown = shownFr[key] ?? '';
      return (
        /[^\s{(][;:!?»]/u.test(text) ||
        /«\S/u.test(text) ||
        (typesetKey(key) ? / [;:!?»]|« /.test(shown) : shown !== text)
      );
    }),
  ];
}
