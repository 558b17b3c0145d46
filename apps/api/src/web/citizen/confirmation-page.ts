import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import type { ApplicationState, Language } from '@onegate/domain';

import { fileHeading } from '../core/file-heading';
import { answerForm, attempt, errorsOf } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { translate } from '../core/messages';
import type { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';

/** An irreversible step's page: its template, its words, and the id of its confirm button. */
export interface ConfirmationStep {
  template: string;
  titleKey: string;
  stepKey: string;
  buttonId: string;
}

/** What a confirmation page knows of the file: whether the step is possible now, and its own view. */
export interface ConfirmationFacts {
  file: { id: string; code?: string | null; state: ApplicationState };
  possible: boolean;
  view: object;
}

/**
 * A page that asks before an irreversible step (docs/portal.md, "Irreversible steps ask first"): its
 * title with the file's name, the refusal of a confirmation that failed, against the confirm button,
 * and the way back to the file.
 */
export abstract class ConfirmationPage {
  protected abstract readonly step: ConfirmationStep;

  protected constructor(private readonly pages: PageRenderer) {}

  protected abstract factsOf(user: AuthenticatedUser, id: string): Promise<ConfirmationFacts>;

  /** False when the step is not possible now and there are no problems to show. */
  public async render(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    problems: FieldProblem[] = [],
    status = 200,
  ): Promise<boolean> {
    const { file, possible, view } = await this.factsOf(user, id);
    if (!possible && problems.length === 0) return false;
    const lang = languageOf(request);
    const page = { ...this.frame(lang, file.id, fileHeading(lang, file), problems), ...view };
    await this.pages.render(request, response, this.step.template, page, status);
    return true;
  }

  /** GET: the page, or back to the file when the step is not possible now. */
  public async ask(user: AuthenticatedUser, id: string, request: WebRequest, response: Response) {
    const shown = await this.render(user, id, request, response);
    if (!shown) response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${id}`);
  }

  /** POST: takes the step and follows where it leads; a refusal shows this page again with its reason. */
  public async take(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    step: () => Promise<string>,
  ) {
    const outcome = await attempt(step, { status: 'refusal' });
    await answerForm(response, outcome, async (failure) => {
      await this.render(user, id, request, response, failure.problems, failure.status);
    });
  }

  private frame(lang: Language, id: string, heading: string, problems: FieldProblem[]) {
    const { titleKey, stepKey, buttonId } = this.step;
    return {
      titleText: `${translate(lang, titleKey)} – ${heading}`,
      heading,
      errors: errorsOf(
        lang,
        problems,
        () => buttonId,
        () => translate(lang, stepKey),
      ),
      breadcrumbs: [
        { key: 'nav.myApplications', href: '/my/applications' },
        { text: heading, href: `/my/applications/${id}` },
        { key: stepKey },
      ],
    };
  }
}
