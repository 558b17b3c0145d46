import type { Request } from 'express';
import multer from 'multer';

import { CSRF_FORM_FIELD } from '@onegate/auth';

/** The application form's own path, the only one whose answers are kept through a new sign-in. */
const FORM_PATH = /^\/my\/applications\/([0-9a-f-]{36})\/edit$/;
/** Hidden fields of the sign-in form carry each kept answer under this prefix. */
export const KEPT_PREFIX = 'kept.';
const LIMITS = { fields: 200, fieldSize: 64 * 1024, files: 0, parts: 400 };

/** The application a path is the form of, or null. */
export function formApplicationOf(path: unknown): string | null {
  return typeof path === 'string' ? (FORM_PATH.exec(path)?.[1] ?? null) : null;
}

/**
 * The answers of an application form posted after its session ended (docs/portal.md, "Drafts"): its
 * text fields up to the first chosen file (the documents come after the answers, and are not kept),
 * read only within these limits; the token and the button are dropped.
 */
export function postedAnswers(request: Request): Promise<Record<string, string>> {
  const holder = request as Request & { body?: Record<string, unknown> };
  const parse = multer({ limits: LIMITS }).none();
  // A refused part (a file, a limit) ends the reading; the fields read before it are kept.
  return new Promise((done) =>
    parse(request, {} as never, () => {
      const answers: Record<string, string> = {};
      for (const [name, value] of Object.entries(holder.body ?? {})) {
        if (typeof value === 'string' && name !== CSRF_FORM_FIELD && name !== 'intent') answers[name] = value;
      }
      done(answers);
    }),
  );
}

/** The kept answers a sign-in form carries back, as the form named them. */
export function keptAnswersOf(fields: Record<string, string>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith(KEPT_PREFIX)) answers[name.slice(KEPT_PREFIX.length)] = value;
  }
  return answers;
}
