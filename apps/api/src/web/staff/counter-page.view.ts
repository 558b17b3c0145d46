import type { CounterScan } from '@onegate/applications';
import { MAX_UPLOAD_BYTES, typeWords, wholeMegabytes } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { fieldLabels, fieldViews, formFieldOf, parseFormFields } from '../core/form-fields';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

const APPLICANT_FIELDS = ['nationalId', 'fullName', 'email', 'phone'] as const;

/** The registration a clerk posted at the desk: the applicant, the form's answers and a note. */
export function counterRegistration(procedure: ProcedureDto, posted: Record<string, string>) {
  return {
    procedureCode: procedure.code,
    applicant: {
      nationalId: (posted.applicantNationalId ?? '').replace(/\s/g, ''),
      fullName: (posted.applicantFullName ?? '').trim(),
      email: (posted.applicantEmail ?? '').trim() || undefined,
      phone: (posted.applicantPhone ?? '').trim() || undefined,
    },
    formData: parseFormFields(procedure.formSchema, posted),
    note: (posted.note ?? '').trim().slice(0, 2000) || undefined,
  };
}

/** The input of the procedure's document at `index`: a scan or photo of the paper one. */
const scanId = (index: number) => `scan-${index}`;

/** The scans posted, each for the document of its input; an input left empty sends nothing. */
export function counterScans(procedure: ProcedureDto, files: Express.Multer.File[]): CounterScan[] {
  return files.flatMap((file) => {
    const index = /^scan-(\d+)$/.exec(file.fieldname)?.[1];
    const document = index === undefined ? undefined : procedure.requiredDocuments[Number(index)];
    if (!document || file.size === 0) return [];
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return [{ originalName, path: file.path, sizeBytes: file.size, documentName: document.name }];
  });
}

/** The field a scan input's problem belongs to (`attachments.<document>`). */
export function scanField(procedure: ProcedureDto, part: string): string | undefined {
  const index = /^scan-(\d+)$/.exec(part)?.[1];
  const document = index === undefined ? undefined : procedure.requiredDocuments[Number(index)];
  return document && `attachments.${document.name}`;
}

/**
 * The desk's page: the clerk's own agency's procedures first, then every other one, which any desk
 * receives wherever the citizen lives (docs/applications.md, "Reception"); the chosen procedure's form
 * and one scan input per document.
 */
export function counterView(
  lang: Language,
  procedure: ProcedureDto | null,
  procedures: { code: string; agencyCode: string }[],
  deskAgencyCode: string | null,
  posted: Record<string, string>,
  errors: FormErrors | null,
) {
  const options = procedures.map((item) => ({ ...item, selected: item.code === procedure?.code }));
  return {
    titleKey: 'counter.title',
    procedure,
    ownProcedures: options.filter((item) => item.agencyCode === deskAgencyCode),
    otherProcedures: options.filter((item) => item.agencyCode !== deskAgencyCode),
    fields: procedure ? fieldViews(procedure.formSchema, posted, errors?.byField ?? {}, lang) : [],
    scans: (procedure?.requiredDocuments ?? []).map((document, index) => {
      const maxBytes = Math.min(document.maxSizeBytes, MAX_UPLOAD_BYTES);
      const accepted = document.acceptedTypes;
      const types = typeWords(accepted, lang);
      return {
        id: scanId(index),
        name: document.name,
        accept: accepted.join(','),
        types,
        maxBytes,
        maxMb: wholeMegabytes(maxBytes),
        tooLargeText: translate(lang, 'uploads.tooLarge', { value: wholeMegabytes(maxBytes) }),
        wrongTypeText: translate(lang, 'uploads.fileType', { types }),
        error: errors?.byField[scanId(index)] ?? null,
      };
    }),
    values: posted,
    errors,
    pageScripts: [{ src: '/assets/onegate/js/upload-checks.mjs', module: true }],
  };
}

/** Answers' problems go to their field, the applicant's (`applicant.x`) to the applicant's inputs. */
export function counterErrors(lang: Language, procedure: ProcedureDto, problems: FieldProblem[]): FormErrors {
  const labels = fieldLabels(procedure.formSchema, lang);
  return errorsOf(
    lang,
    problems,
    (path) => formFieldOf(path) ?? applicantFieldOf(path) ?? scanOf(procedure, path),
    (id) => labels.get(id) ?? scanLabel(procedure, id) ?? translate(lang, `counter.${id}`),
  );
}

function scanOf(procedure: ProcedureDto, path: string): string | null {
  const name = /^attachments\.(.+)$/.exec(path)?.[1];
  const index = procedure.requiredDocuments.findIndex((document) => document.name === name);
  return index < 0 ? null : scanId(index);
}

function scanLabel(procedure: ProcedureDto, id: string): string | undefined {
  const index = /^scan-(\d+)$/.exec(id)?.[1];
  return index === undefined ? undefined : procedure.requiredDocuments[Number(index)]?.name;
}

function applicantFieldOf(path: string): string | null {
  const match = /^applicant\.(\w+)$/.exec(path);
  const name = match?.[1] as (typeof APPLICANT_FIELDS)[number] | undefined;
  return name && APPLICANT_FIELDS.includes(name) ? `applicant${name[0].toUpperCase()}${name.slice(1)}` : null;
}
