import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LOCALES, type Locale, type PrivacyNotice, PrivacyNoticeText } from '@atelier/shared';
import { z } from 'zod';

/**
 * The privacy notice shown at join (docs/operations.md, "Privacy notice"). A deployment may
 * give its own wording per language in `PRIVACY_NOTICE_FILE`; otherwise the built-in text says
 * what is collected, who sees it, how long it is kept (`RETENTION_DAYS`) and who to ask
 * (`PRIVACY_CONTACT`). Each text has a version, recorded with every acknowledgement.
 */

/** `PRIVACY_NOTICE_FILE`: a JSON object, one text per language (either may be left to the default). */
export const NoticeFile = z.strictObject({
  /** A version of the operator's choosing (e.g. a date); a hash of the text otherwise. */
  version: z.string().trim().min(1).max(64).optional(),
  fr: PrivacyNoticeText.optional(),
  en: PrivacyNoticeText.optional(),
});
export type NoticeFile = z.infer<typeof NoticeFile>;

export interface NoticeSettings {
  retentionDays: number | null;
  contact: string | null;
  /** The file's content, read and validated at start-up; `null` for the built-in text. */
  file: NoticeFile | null;
}

/** Reads and validates `PRIVACY_NOTICE_FILE`; throws a message naming the file and the problem. */
export function readNoticeFile(path: string): NoticeFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PRIVACY_NOTICE_FILE ${path}: ${(error as Error).message}`);
  }
  const parsed = NoticeFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`PRIVACY_NOTICE_FILE ${path}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

function builtIn(locale: Locale, { retentionDays, contact }: NoticeSettings): PrivacyNoticeText {
  if (locale === 'fr')
    return {
      title: 'Vos données dans cet atelier',
      paragraphs: [
        'Nous enregistrons le nom et le groupe que vous indiquez ici, et vos contributions : notes, textes et votes. Ils ne servent qu’à l’atelier et à ses livrables.',
        'Les personnes de l’atelier voient votre nom, votre groupe et vos contributions. Ce que vous votez n’est montré à personne : seuls les totaux sont publiés. L’animateur·rice peut exporter le résultat, avec ou sans les noms.',
        retentionDays
          ? `L’atelier et tout ce qu’il contient sont supprimés après ${retentionDays} jours sans activité (une visite compte comme une activité), ou plus tôt si l’animateur·rice le supprime.`
          : 'L’atelier est conservé jusqu’à ce que l’animateur·rice qui l’a créé le supprime.',
        'Vous pouvez télécharger vos données depuis le menu du tableau, et demander à l’animateur·rice d’effacer votre nom (remplacé par « Participant·e » et un numéro), avec ou sans vos contributions.',
        contact
          ? `Pour toute question sur vos données : ${contact}.`
          : 'Pour toute question sur vos données, adressez-vous à l’animateur·rice de l’atelier.',
      ],
    };
  return {
    title: 'Your data in this workshop',
    paragraphs: [
      'We record the name and group you give here, and your contributions: notes, texts and votes. They serve the workshop and its outputs only.',
      'The people in the workshop see your name, your group and your contributions. How you vote is shown to nobody: only totals are published. The facilitator can export the outcome, with or without names.',
      retentionDays
        ? `The workshop and everything in it are deleted after ${retentionDays} days without activity (a visit counts as activity), or earlier if the facilitator deletes it.`
        : 'The workshop is kept until the facilitator who created it deletes it.',
      'You can download your data from the board’s menu, and ask the facilitator to erase your name (replaced by “Participant” and a number), with or without your contributions.',
      contact
        ? `For any question about your data: ${contact}.`
        : 'For any question about your data, ask the workshop’s facilitator.',
    ],
  };
}

/** The notice of each language, made once: `notice(locale)` is what the join page shows. */
export function createPrivacyNotices(settings: NoticeSettings): (locale: Locale) => PrivacyNotice {
  const notices = new Map<Locale, PrivacyNotice>();
  for (const locale of LOCALES) {
    const text = settings.file?.[locale] ?? builtIn(locale, settings);
    const hash = createHash('sha256')
      .update(JSON.stringify([locale, text.title, text.paragraphs]))
      .digest('hex')
      .slice(0, 12);
    // A configured version names the file's wording; a built-in text is named by its hash.
    const version =
      settings.file?.[locale] && settings.file.version ? `${settings.file.version}-${locale}` : hash;
    notices.set(locale, {
      ...text,
      version,
      locale,
      retentionDays: settings.retentionDays,
      contact: settings.contact,
    });
  }
  return (locale) => notices.get(locale) as PrivacyNotice;
}
