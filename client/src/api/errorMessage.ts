import type { Translator } from '../i18n/translate';
import { RequestError } from './http';

/** A sentence for the person, in their language, from any failure of a request. */
export function errorMessage(t: Translator, error: unknown): string {
  if (!(error instanceof RequestError)) return t('error.internal');
  switch (error.code) {
    case 'bad_request':
      return t('error.bad_request', { message: error.message });
    case 'network':
      return t('error.network');
    case 'invalid_response':
      return t('error.invalid_response');
    case 'rate_limited':
    case 'server_busy':
      return t(`error.${error.code}`, { seconds: Math.ceil((error.retryAfterMs ?? 1000) / 1000) });
    default:
      return t(`error.${error.code}`);
  }
}
