import { ConflictException } from '@nestjs/common';

import { validateFormData } from '@onegate/domain';
import type { FieldProblem } from '@onegate/domain';
import type { JsonObject, Procedure, ProcedureRepository } from '@onegate/persistence';

import { invalidFields, unprocessable } from './application-errors';

const MAX_FORM_BYTES = 64 * 1024;

/** The procedure a new file is for: it must exist and still take applications. */
export async function liveProcedure(procedures: ProcedureRepository, code: string): Promise<Procedure> {
  const procedure = await procedures.findByCode(code);
  if (!procedure) throw invalidFields([{ field: 'procedureCode', problems: [`no procedure ${code}`] }]);
  if (procedure.retiredAt)
    throw new ConflictException('This procedure is retired and takes no new applications');
  return procedure;
}

/** Drafts keep partial data: only unknown or wrongly typed fields are refused (docs/applications.md, "Forms"). */
export function checkDraftForm(procedure: Procedure, data: Record<string, unknown>): JsonObject {
  assertSmall(data);
  const problems = validateFormData(procedure.formSchema, data)
    .map((problem) => ({ ...problem, problems: problem.problems.filter((text) => text !== 'is required') }))
    .filter((problem) => problem.problems.length > 0);
  if (problems.length > 0) throw unprocessable(problems);
  return data as JsonObject;
}

/** A form that is sent (a counter registration, a supplement) is checked whole. */
export function checkCompleteForm(procedure: Procedure, data: Record<string, unknown>): JsonObject {
  assertSmall(data);
  const problems: FieldProblem[] = validateFormData(procedure.formSchema, data);
  if (problems.length > 0) throw unprocessable(problems);
  return data as JsonObject;
}

function assertSmall(data: Record<string, unknown>): void {
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_FORM_BYTES) {
    throw invalidFields([{ field: 'formData', problems: ['is larger than 64 KB'] }]);
  }
}

/** The first phone answer of a form, the phone a file keeps for the queue's search (docs/applications.md). */
export function phoneAnswerOf(procedure: Pick<Procedure, 'formSchema'>, data: JsonObject): string | null {
  for (const field of procedure.formSchema) {
    const answer = field.type === 'phone' ? data[field.name] : null;
    if (typeof answer === 'string' && answer.trim() !== '') return answer;
  }
  return null;
}
