import type { Locale, Strategy, StrategyAction, StrategyNote } from '@atelier/shared';
import { foldText, translate } from '@atelier/shared';

/**
 * The public follow-up page ("droit de suite", issue 20 §4): for each note of the workshop, what
 * became of it — note → issue → axis → action → where the action stands. Server-rendered HTML
 * that works without JavaScript (a GET form finds a note), one small inline stylesheet, readable
 * on a phone. No personal data unless the facilitator chose to show names: the strategy it is
 * rendered from is read without names otherwise.
 */

export interface FollowUpView {
  strategy: Strategy;
  /** The search typed in the page's form (`?q=`), or `''`. */
  query: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text as HTML: every character that could open markup or end an attribute escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const WORDS = {
  fr: {
    title: 'Ce que sont devenues les contributions',
    skip: 'Aller au contenu',
    search: 'Retrouver une contribution',
    searchHint: 'Quelques mots de votre contribution',
    find: 'Chercher',
    all: 'Tout afficher',
    actions: 'Les actions décidées',
    noActions: 'Aucune action n’a encore été décidée.',
    notes: 'Les contributions',
    found: (n: number, q: string) => `${n} contribution${n > 1 ? 's' : ''} pour « ${q} »`,
    count: (n: number) => `${n} contribution${n > 1 ? 's' : ''}`,
    none: 'Aucune contribution ne correspond.',
    issue: 'Enjeu',
    axis: 'Axe stratégique',
    action: 'Action',
    notSorted: 'Pas encore reprise dans un enjeu.',
    noAxis: 'Enjeu pas encore rattaché à un axe.',
    noAction: 'Pas encore d’action pour cet axe.',
    status: 'Avancement',
    by: 'par',
    updated: (date: string) => `Mis à jour le ${date}.`,
    privacy: 'Cette page ne montre aucune donnée personnelle',
    privacyNames: 'Les noms des auteur·rices sont affichés à la demande de l’animateur·rice.',
    footer: 'Page publiée par l’animateur·rice de l’atelier, qui peut la retirer à tout moment.',
  },
  en: {
    title: 'What became of the contributions',
    skip: 'Skip to content',
    search: 'Find a contribution',
    searchHint: 'A few words of your contribution',
    find: 'Search',
    all: 'Show all',
    actions: 'The actions decided',
    noActions: 'No action has been decided yet.',
    notes: 'The contributions',
    found: (n: number, q: string) => `${n} contribution${n > 1 ? 's' : ''} for “${q}”`,
    count: (n: number) => `${n} contribution${n > 1 ? 's' : ''}`,
    none: 'No contribution matches.',
    issue: 'Issue',
    axis: 'Strategic axis',
    action: 'Action',
    notSorted: 'Not taken into an issue yet.',
    noAxis: 'Issue not under an axis yet.',
    noAction: 'No action for this axis yet.',
    status: 'Progress',
    by: 'by',
    updated: (date: string) => `Updated on ${date}.`,
    privacy: 'This page shows no personal data',
    privacyNames: 'Authors’ names are shown at the facilitator’s request.',
    footer: 'Page published by the workshop’s facilitator, who may take it down at any time.',
  },
} as const;

/** Where an action stands, in words: its follow-up, else its status in the workshop. */
export function actionStanding(locale: Locale, action: StrategyAction): string {
  return action.progress === null
    ? translate(locale, `sheet.status.${action.status}`)
    : translate(locale, `sheet.progress.${action.progress}`);
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f6f7f9}
a{color:#1b4dd6}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:1}
header{background:#1d2b4f;color:#fff;padding:1.25rem 1rem}
header p{margin:.25rem 0;color:#dfe6f5}
h1{font-size:1.5rem;margin:.25rem 0;line-height:1.25}
main{max-width:46rem;margin:0 auto;padding:1rem}
h2{font-size:1.25rem;margin:1.75rem 0 .75rem}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;background:#fff;border:1px solid #d5d9e2;border-radius:.5rem;padding:.75rem}
label{display:block;font-weight:600;width:100%}
input[type=search]{flex:1 1 12rem;min-height:2.75rem;font:inherit;padding:.4rem .6rem;border:1px solid #6b7385;border-radius:.375rem}
button{min-height:2.75rem;font:inherit;font-weight:600;padding:.4rem 1rem;border:0;border-radius:.375rem;background:#1b4dd6;color:#fff}
ul.cards{list-style:none;margin:0;padding:0}
ul.cards>li{background:#fff;border:1px solid #d5d9e2;border-radius:.5rem;padding:.75rem;margin:.5rem 0}
.note{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.meta{color:#4b5365;font-size:.875rem;margin:.25rem 0 0}
ol.path{list-style:none;margin:.5rem 0 0;padding:0 0 0 .75rem;border-left:3px solid #1b4dd6}
ol.path li{margin:.2rem 0;overflow-wrap:anywhere}
.kind{font-weight:600}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.875rem;font-weight:600;background:#e4ecff;color:#173a99;border:1px solid #9db4f0}
.todo{color:#4b5365;font-style:italic}
footer{max-width:46rem;margin:1rem auto 2rem;padding:0 1rem;color:#4b5365;font-size:.875rem}
`;

/** The page. */
export function followUpHtml({ strategy: s, query }: FollowUpView): string {
  const locale = s.workshop.locale;
  const w = WORDS[locale];
  const e = escapeHtml;
  const issues = new Map(s.issues.map((i) => [i.id, i]));
  const axes = new Map(s.axes.map((a) => [a.id, a]));
  const actions = new Map(s.actions.map((a) => [a.id, a]));
  const names = new Map((s.participation.people ?? []).map((p) => [p.id, p.name]));
  const showNames = Array.isArray(s.participation.people);
  const themes = new Map(s.themes.map((t) => [t.id, t.label[locale]]));
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
  const day = (iso: string) => date.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
  const untitled = (text: string) => (text.trim() === '' ? translate(locale, 'sheet.untitled') : text);

  const actionItem = (a: StrategyAction) =>
    `<li><span class="kind">${e(w.action)} :</span> ${e(untitled(a.title))} <span class="badge">${e(w.status)} : ${e(actionStanding(locale, a))}</span></li>`;

  const path = (note: StrategyNote) => {
    const issue = note.issue === null ? undefined : issues.get(note.issue);
    if (!issue) return `<ol class="path"><li class="todo">${e(w.notSorted)}</li></ol>`;
    const items = [`<li><span class="kind">${e(w.issue)} :</span> ${e(issue.title)}</li>`];
    const axis = issue.axis === null ? undefined : axes.get(issue.axis);
    if (!axis) items.push(`<li class="todo">${e(w.noAxis)}</li>`);
    else {
      items.push(`<li><span class="kind">${e(w.axis)} :</span> ${e(axis.title)}</li>`);
      const its = axis.actions.flatMap((id) => actions.get(id) ?? []);
      items.push(...(its.length === 0 ? [`<li class="todo">${e(w.noAction)}</li>`] : its.map(actionItem)));
    }
    return `<ol class="path">${items.join('')}</ol>`;
  };

  const q = query.trim().slice(0, 200);
  const notes = q === '' ? s.notes : s.notes.filter((n) => foldText(n.text).includes(foldText(q)));
  const noteItem = (n: StrategyNote) => {
    const theme = n.theme === null ? null : themes.get(n.theme);
    const author = showNames && n.author !== null ? names.get(n.author) : undefined;
    const meta = [theme, author ? `${w.by} ${author}` : null].filter((x): x is string => Boolean(x));
    return `<li><p class="note">${e(n.text)}</p>${meta.length > 0 ? `<p class="meta">${e(meta.join(' · '))}</p>` : ''}${path(n)}</li>`;
  };
  const sorted = [...s.actions].sort((a, b) => a.rank - b.rank);

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(w.title)} — ${e(s.workshop.title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#contenu">${e(w.skip)}</a>
<header>
<p>${e(s.workshop.territory.name)} · ${e(day(s.workshop.date))}</p>
<h1>${e(w.title)}</h1>
<p>${e(s.workshop.title)}</p>
</header>
<main id="contenu">
<form method="get" role="search">
<label for="q">${e(w.search)}</label>
<input id="q" name="q" type="search" value="${e(q)}" placeholder="${e(w.searchHint)}" autocomplete="off">
<button type="submit">${e(w.find)}</button>
${q === '' ? '' : `<a href="?">${e(w.all)}</a>`}
</form>
<h2 id="actions">${e(w.actions)}</h2>
${sorted.length === 0 ? `<p class="todo">${e(w.noActions)}</p>` : `<ul class="cards">${sorted.map((a) => `<li>${e(untitled(a.title))} <span class="badge">${e(w.status)} : ${e(actionStanding(locale, a))}</span></li>`).join('')}</ul>`}
<h2 id="notes">${e(w.notes)}</h2>
<p role="status">${e(q === '' ? w.count(notes.length) : w.found(notes.length, q))}</p>
${notes.length === 0 ? `<p>${e(w.none)}</p>` : `<ul class="cards">${notes.map(noteItem).join('')}</ul>`}
</main>
<footer>
<p>${e(showNames ? w.privacyNames : `${w.privacy}.`)} ${e(w.footer)} ${e(w.updated(day(s.provenance.exportedAt)))}</p>
</footer>
</body>
</html>
`;
}
