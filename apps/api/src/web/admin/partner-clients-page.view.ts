import type { Language } from '@onegate/domain';
import { PARTNER_SCOPES } from '@onegate/domain';

import type { PartnerCallPage, PartnerClientDto } from '../../partners/partner-clients.service';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { formatDateTime } from '../core/formatters';
import { translate } from '../core/messages';
import type { PartnerClientFormValues } from './partner-client.form';

/** A scope's name in the catalogue: `files:read` is `adminPartners.scope_files_read`. */
const scopeLabelKey = (scope: string) => `adminPartners.scope_${scope.replace(/:/g, '_')}`;

const BLANK: PartnerClientFormValues = { name: '', scopes: [], agencies: '' };

/** The list of partner clients and the form that registers one. */
export function partnerClientsView(
  language: Language,
  clients: PartnerClientDto[],
  values: PartnerClientFormValues | null,
  errors: FormErrors | null,
) {
  const form = values ?? BLANK;
  return {
    titleKey: 'adminPartners.title',
    clients: clients.map((client) => ({
      ...client,
      scopes: client.scopes.map((scope) => ({ value: scope, labelKey: scopeLabelKey(scope) })),
      agencies: client.agencies.join(', '),
      createdAt: formatDateTime(language, client.createdAt),
    })),
    total: clients.length,
    values: form,
    scopes: PARTNER_SCOPES.map((scope) => ({
      value: scope,
      labelKey: scopeLabelKey(scope),
      checked: form.scopes.includes(scope),
    })),
    errors,
  };
}

/** One client: its settings, its secret when just made, and its latest calls. */
export function partnerClientView(
  language: Language,
  client: PartnerClientDto,
  calls: PartnerCallPage,
  secret: string | null,
) {
  const at = (value: string | null) => (value ? formatDateTime(language, value) : '');
  return {
    titleText: client.name,
    client: {
      ...client,
      scopes: client.scopes.map((scope) => ({ value: scope, labelKey: scopeLabelKey(scope) })),
      agencies: client.agencies.join(', '),
      disabledAt: at(client.disabledAt),
      previousSecretUntil: at(client.previousSecretUntil),
    },
    secret,
    calls: calls.items.map((call) => ({ ...call, at: at(call.at), refused: call.status >= 400 })),
    total: calls.total,
    breadcrumbs: [{ key: 'nav.adminPartners', href: '/admin/partner-clients' }, { text: client.name }],
  };
}

export function partnerClientErrors(language: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    language,
    problems,
    (field) => field.split('.')[0],
    (id) => translate(language, `adminPartners.${id}`),
  );
}
