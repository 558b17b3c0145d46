import type { ApplicationState, Language } from '@onegate/domain';

import { translate } from './messages';

/**
 * What a file is called on every page: its receipt code once it has one, otherwise words for the state
 * it is in (a file withdrawn before reception is "withdrawn", not "awaiting reception").
 */
export function fileHeading(lang: Language, file: { code?: string | null; state: ApplicationState }): string {
  return file.code ?? translate(lang, `fileHeading.${file.state}`);
}
