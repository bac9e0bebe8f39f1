import { useI18n } from 'vue-i18n';
import { ApiProblem } from '@/api/client';

/**
 * What to tell a person about a failure: the translation of a known problem type, else the API's
 * own detail, else a general message. Problem types are the contract between API and app.
 */
export function useProblemMessage() {
  const { t, te } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiProblem) {
      const key = `problems.${error.slug}`;
      if (te(key)) return t(key);
      if (error.detail) return error.detail;
      if (error.status >= 500) return t('problems.server');
    }
    return t('problems.unknown');
  };
}
