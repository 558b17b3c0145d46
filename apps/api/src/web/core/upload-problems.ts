import { wholeMegabytes } from '@onegate/applications';

import type { UploadProblem } from '../../uploads/streamed-uploads';
import type { FieldProblem } from './form-problems';
import { translate } from './messages';
import { languageOf } from './web-cookies';
import type { WebRequest } from './web-request';

/**
 * An upload refused for its size or count, as a problem of a form field, in the reader's words: a file
 * over its limit is the problem of its own field (`fieldOfPart` its part's name), with the limit.
 */
export function uploadProblems(
  request: WebRequest & UploadProblem,
  field: string,
  fieldOfPart: (part: string) => string | undefined = () => undefined,
): FieldProblem[] {
  const problem = request.uploadProblem;
  if (!problem) return [];
  const language = languageOf(request);
  if (problem.kind === 'tooMany') return [{ field, problems: [translate(language, 'uploads.tooMany')] }];
  const value = wholeMegabytes(problem.limitBytes);
  return [
    {
      field: fieldOfPart(problem.field) ?? field,
      problems: [translate(language, 'uploads.tooLarge', { value })],
    },
  ];
}
