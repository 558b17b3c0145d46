import { maskNationalId } from '@onegate/domain';
import type { Agency, Application, IssuedResultKind } from '@onegate/persistence';
import { localTime } from '@onegate/platform';

import type { FileContext } from '../document-context';

/** The register letters of a result's number: KQ (kết quả) for an approval, TB (thông báo) for a denial. */
const REGISTER: Record<IssuedResultKind, string> = { result: 'KQ', decision_letter: 'TB' };

/** Words that open the locality in an agency's name ("UBND thành phố Hạ Long"). */
const LOCALITY = /(?:^|\s)(?:tỉnh|thành phố|thị xã|thị trấn|huyện|quận|phường|xã)\s+(.+)$/iu;

/** The place of the place-and-date line: the locality the agency's name ends with, or the name. */
export function placeOf(agency: Pick<Agency, 'nameVi'>): string {
  return LOCALITY.exec(agency.nameVi)?.[1]?.trim() ?? agency.nameVi;
}

/** The year of the agency's own calendar a document signed at `at` is numbered in. */
export const documentYear = (at: Date, agency: Pick<Agency, 'timeZone'>): number =>
  Number(localTime(at, agency.timeZone).date.slice(-4));

/**
 * What a result prints beyond the file (docs/documents.md, "Signed results"): the letterhead, the
 * document number, the place-and-date line, the signer block, and the applicant's national ID number
 * masked, once.
 */
export function officialLayout(
  application: Application,
  file: FileContext,
  number: { kind: IssuedResultKind; number: number; at: Date },
) {
  const agency = application.competentAgency!;
  const [day, month, year] = localTime(number.at, agency.timeZone).date.split('/');
  const nationalIdFields = new Set(
    application
      .procedure!.formSchema.filter((field) => field.type === 'nationalId')
      .map((field) => field.name),
  );
  const maskedForm = Object.fromEntries(
    Object.entries(file.form).map(([name, value]) => [
      name,
      nationalIdFields.has(name) && typeof value === 'string' ? maskNationalId(value) : value,
    ]),
  );
  return {
    ...file,
    applicant: { ...file.applicant, nationalId: maskNationalId(file.applicant.nationalId) },
    form: maskedForm,
    // The applicant's line carries the ID number: the answers do not repeat it.
    fields: file.fields.filter((field) => !nationalIdFields.has(field.name)),
    letterhead: agency.nameVi.toLocaleUpperCase('vi'),
    documentNumber: `${number.number}/${REGISTER[number.kind]}-${agency.code}`,
    placeAndDate: `${placeOf(agency)}, ngày ${day} tháng ${month} năm ${year}`,
  };
}
