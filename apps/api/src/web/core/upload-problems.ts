import type { UploadProblem } from '../../uploads/streamed-uploads';
import type { FieldProblem } from './form-problems';
import { translate } from './messages';
import { languageOf } from './web-cookies';
import type { WebRequest } from './web-request';

/** An upload refused for its size or count, as a problem of the form's `field`, in the reader's words. */
export function uploadProblems(request: WebRequest & UploadProblem, field: string): FieldProblem[] {
  if (!request.uploadProblem) return [];
  return [{ field, problems: [translate(languageOf(request), `problems.${request.uploadProblem}`)] }];
}
