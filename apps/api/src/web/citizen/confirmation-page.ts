import type { Language } from '@onegate/domain';

import { errorsOf } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { translate } from '../core/messages';

/**
 * What every page that asks before an irreversible step shows around its own words (docs/portal.md,
 * "Irreversible steps ask first"): its title with the file's name, the refusal of a confirmation that
 * failed, against the confirm button, and the way back to the file.
 */
export function confirmationPageView(
  lang: Language,
  file: { id: string; heading: string },
  step: { titleKey: string; stepKey: string; buttonId: string },
  problems: FieldProblem[],
) {
  return {
    titleText: `${translate(lang, step.titleKey)} – ${file.heading}`,
    heading: file.heading,
    errors: errorsOf(
      lang,
      problems,
      () => step.buttonId,
      () => translate(lang, step.stepKey),
    ),
    breadcrumbs: [
      { key: 'nav.myApplications', href: '/my/applications' },
      { text: file.heading, href: `/my/applications/${file.id}` },
      { key: step.stepKey },
    ],
  };
}
