import { useT } from '../../../i18n/locale';
import { JoinCodeForm } from '../home/JoinCodeForm';

/**
 * Why a link opened no workshop: a code that no longer exists (replaced by a new one, or
 * mistyped) or expired after the workshop was idle long, an address cut or mangled, a workshop the server does not have.
 */
export type WrongLinkKind =
  | 'unknownCode'
  | 'expiredCode'
  | 'malformedCode'
  | 'unknownPage'
  | 'unknownWorkshop';

/**
 * What a participant sees on an old or wrong link: what happened, what to do (ask the
 * facilitator for the current code), and the field to type it.
 */
export function WrongLink({ kind, code }: { kind: WrongLinkKind; code?: string }) {
  const t = useT();
  const [heading, text] = {
    unknownCode: [t('wrongLink.unknownCodeHeading'), t('join.unknownCode', { code: code ?? '' })],
    expiredCode: [t('wrongLink.expiredHeading'), t('wrongLink.expiredText', { code: code ?? '' })],
    malformedCode: [t('wrongLink.malformedHeading'), t('wrongLink.malformedText')],
    unknownPage: [t('app.notFound'), t('wrongLink.malformedText')],
    unknownWorkshop: [t('session.notFoundHeading'), t('session.notFoundText')],
  }[kind];
  return (
    <section className="card card--message" data-testid="wrongLink" data-kind={kind}>
      <h1>{heading}</h1>
      <p className="form-error" role="alert" data-testid="join.error">
        {text}
      </p>
      <p data-testid="wrongLink.todo">{t('wrongLink.whatToDo')}</p>
      <h2 className="subheading">{t('join.tryAnother')}</h2>
      <JoinCodeForm autoFocus />
    </section>
  );
}
