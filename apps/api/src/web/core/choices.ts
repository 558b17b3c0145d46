import type { Language } from '@onegate/domain';

/** The options of a `<select>`, the chosen one marked. */
export function choices<T extends string>(values: readonly T[], selected: unknown) {
  return values.map((value) => ({ value, selected: value === selected }));
}

/** Agencies as options of a `<select>`, named in the reader's language. */
export function agencyChoices(
  agencies: readonly { code: string; nameVi: string; nameEn: string }[],
  language: Language,
  selected: string | null | undefined,
) {
  return agencies.map((agency) => ({
    code: agency.code,
    name: language === 'vi' ? agency.nameVi : agency.nameEn,
    selected: agency.code === selected,
  }));
}
