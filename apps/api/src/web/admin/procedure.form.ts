import type { ClassConstructor } from 'class-transformer';
import { plainToInstance } from 'class-transformer';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import type { FieldProblem } from '../core/form-problems';
import { validateFields } from '../core/validate-fields';
import { readStepRows, stepRowsOf, stepRowValues, stepsPosted, stepsRequest } from './procedure-steps.form';

/** How a field of the procedure form is shown from a procedure and read back from what was typed. */
type Kind = 'text' | 'code' | 'integer' | 'json' | 'optionalText' | 'optionalInteger' | 'choice';

/** The procedure form's fields, in the order the form shows them. */
const FIELDS = {
  code: 'code',
  nameVi: 'text',
  nameEn: 'text',
  field: 'text',
  agencyCode: 'text',
  processingHours: 'integer',
  onlineLevel: 'text',
  feeVnd: 'integer',
  // Not posted (an older page): left as it is, or the default for a new procedure.
  feeDue: 'choice',
  supplementPolicy: 'text',
  requiredDocuments: 'json',
  formSchema: 'json',
  resultTemplate: 'optionalText',
  // An empty box keeps closed files forever.
  retentionDays: 'optionalInteger',
} as const satisfies Partial<Record<keyof ProcedureDto, Kind>>;

type FieldName = keyof typeof FIELDS;

export const PROCEDURE_FORM_FIELDS = Object.keys(FIELDS) as FieldName[];

const integerOrText = (text: string): unknown => (/^-?\d+$/.test(text) ? Number(text) : text);

function shown(kind: Kind, value: unknown): string {
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return value === null || value === undefined ? '' : String(value);
}

/** A procedure as the form shows it. */
export function procedureValues(procedure: ProcedureDto): Record<string, string> {
  return {
    ...Object.fromEntries(PROCEDURE_FORM_FIELDS.map((name) => [name, shown(FIELDS[name], procedure[name])])),
    ...stepRowValues(stepRowsOf(procedure.steps)),
  };
}

/**
 * The posted text as a request body: numbers as numbers, the JSON areas parsed (or a problem each). The
 * code is read only when a procedure is created: it never changes afterwards.
 */
function readProcedureForm(posted: Record<string, string>, withCode: boolean) {
  const problems: FieldProblem[] = [];
  const plain: Record<string, unknown> = {};
  for (const name of PROCEDURE_FORM_FIELDS) {
    const raw = posted[name] ?? '';
    const kind: Kind = FIELDS[name];
    if (kind === 'code') {
      if (withCode) plain[name] = raw.trim();
    } else if (kind === 'text') {
      plain[name] = raw;
    } else if (kind === 'choice') {
      if (raw !== '') plain[name] = raw;
    } else if (kind === 'integer') {
      plain[name] = integerOrText(raw.trim());
    } else if (kind === 'optionalText') {
      plain[name] = raw.trim() === '' ? null : raw;
    } else if (kind === 'optionalInteger') {
      plain[name] = raw.trim() === '' ? null : integerOrText(raw.trim());
    } else {
      try {
        plain[name] = JSON.parse(raw);
      } catch (error) {
        problems.push({ field: name, problems: [`not valid JSON: ${(error as Error).message}`] });
      }
    }
  }
  if (stepsPosted(posted)) plain.steps = stepsRequest(readStepRows(posted));
  return { plain, problems };
}

/** The posted procedure form checked as the API checks its request (`type`). */
export async function checkProcedureForm<T extends object>(
  type: ClassConstructor<T>,
  posted: Record<string, string>,
  withCode: boolean,
): Promise<{ value: T; problems: FieldProblem[] }> {
  const { plain, problems } = readProcedureForm(posted, withCode);
  // A text area that is not JSON at all is the one thing to fix first.
  if (problems.length > 0) return { value: plainToInstance(type, plain), problems };
  return validateFields(type, plain);
}
