import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationMessageDto, MESSAGE_LIMITS } from '@onegate/applications';
import type { ApplicationMessagesService } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import { receivedFiles } from '../../uploads/received-files';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import type { Response } from 'express';

import { answerForm, attempt, errorsOf } from './form-outcome';
import type { FieldProblem, FormErrors } from './form-problems';
import { translate } from './messages';
import { uploadProblems } from './upload-problems';
import { languageOf } from './web-cookies';
import type { WebRequest } from './web-request';
import { textFields } from './web-request';

/** How the thread's form is read: its files over their limit, or too many, are a problem of the form. */
export const MESSAGE_UPLOADS = {
  files: MESSAGE_LIMITS.files,
  fileBytes: MESSAGE_LIMITS.fileBytes + 1,
  fields: 5,
  fieldBytes: 4 * MESSAGE_LIMITS.characters,
  limitsAsFormProblem: true,
};

/** A file's thread as its page shows it (docs/messages.md): oldest first, each message's files linked. */
export async function threadView(
  messages: ApplicationMessagesService,
  user: AuthenticatedUser,
  applicationId: string,
) {
  const thread = (await messages.thread(user, applicationId)).map(ApplicationMessageDto.from);
  return {
    messages: thread.map((message) => ({
      ...message,
      fromApplicant: message.authorRole === 'citizen',
      files: message.files.map((file) => ({
        name: file.originalName,
        href: `/applications/${applicationId}/documents/${file.id}`,
      })),
    })),
    maxCharacters: MESSAGE_LIMITS.characters,
    maxFiles: MESSAGE_LIMITS.files,
    maxMb: MESSAGE_LIMITS.fileBytes / 1024 / 1024,
  };
}

/** A post of the thread's form, and how its page is shown again with the form's problems. */
export interface MessagePost {
  messages: ApplicationMessagesService;
  user: AuthenticatedUser;
  applicationId: string;
  body: unknown;
  request: WebRequest & UploadProblem & { files?: Express.Multer.File[] };
  response: Response;
  /** The file's page, where a sent message leads back to. */
  page: string;
  showAgain: (form: { messageErrors: FormErrors; messageValue: string }, status: number) => Promise<void>;
}

/** Posts the thread's form; on success the page comes back at its thread with a notice. */
export async function answerMessageForm(post: MessagePost): Promise<void> {
  const { messages, user, applicationId, request, page } = post;
  const posted = textFields(post.body);
  const outcome = await attempt(
    async () => {
      await messages.post(user, applicationId, posted.body, receivedFiles(request.files));
      return `${page}?notice=messageSent#messages`;
    },
    { problems: uploadProblems(request, 'files'), status: 'refusal' },
  );
  await answerForm(post.response, outcome, async (failure) => {
    const errors = messageErrors(languageOf(request), failure.problems);
    await post.showAgain({ messageErrors: errors, messageValue: posted.body ?? '' }, failure.status);
  });
}

/** The thread form's problems, on its two inputs. */
function messageErrors(language: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    language,
    problems,
    (field) => (field === 'files' ? 'message-files' : 'message-body'),
    (id) => translate(language, id === 'message-files' ? 'thread.files' : 'thread.body'),
  );
}
