import type { Language, Role } from '@onegate/domain';
import { ROLES, STAFF_ROLES } from '@onegate/domain';

import type { UserDto } from '../../identity/user.dto';
import { agencyChoices, choices } from '../core/choices';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

type Agencies = Parameters<typeof agencyChoices>[0];

/** The staff list's filters as asked: a role the portal knows and at most 100 characters of text. */
export function staffFilters(filters: Record<string, string>) {
  const role = (ROLES as readonly string[]).includes(filters.role ?? '') ? (filters.role as Role) : undefined;
  const q = (filters.q ?? '').trim().slice(0, 100) || undefined;
  return { role, q };
}

export function staffListView(
  lang: Language,
  filters: ReturnType<typeof staffFilters>,
  page: { items: UserDto[]; total: number },
  agencies: Agencies,
  values: Record<string, string>,
  errors: FormErrors | null,
) {
  return {
    titleKey: 'adminStaff.title',
    accounts: page.items,
    total: page.total,
    filters: { q: filters.q ?? '', role: filters.role ?? '' },
    roleFilters: choices(ROLES, filters.role),
    roles: choices(STAFF_ROLES, values.role),
    agencies: agencyChoices(agencies, lang, values.agencyCode ?? null),
    values,
    errors,
  };
}

export function staffAccountView(
  lang: Language,
  account: UserDto,
  agencies: Agencies,
  errors: FormErrors | null,
) {
  return {
    titleText: account.fullName,
    account,
    isStaff: account.role !== 'citizen',
    roles: choices(STAFF_ROLES, account.role),
    agencies: agencyChoices(agencies, lang, account.agencyCode),
    errors,
    breadcrumbs: [{ key: 'nav.adminStaff', href: '/admin/staff' }, { text: account.fullName }],
  };
}

export function staffErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    lang,
    problems,
    (field) => field,
    (id) => translate(lang, `adminStaff.${id}`),
  );
}
