import type { Tokens } from './accounts';
import { bearer } from './accounts';
import { request } from './http';
import type { JsonResponse } from './http';

export interface RegisteredClient {
  id: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  agencies: string[];
  enabled: boolean;
}

export const ALL_PARTNER_SCOPES = ['files:read', 'steps:act', 'reports:read'];

/** Has an administrator register a partner client (docs/partner-clients.md); answers it with its secret. */
export async function registerPartnerClient(
  apiUrl: string,
  admin: Tokens,
  client: { name?: string; scopes?: string[]; agencies: string[] },
): Promise<RegisteredClient> {
  const created = await request<RegisteredClient>(`${apiUrl}/api/admin/partner-clients`, {
    method: 'POST',
    headers: bearer(admin),
    body: {
      name: client.name ?? 'Partner system',
      scopes: client.scopes ?? ALL_PARTNER_SCOPES,
      agencies: client.agencies,
    },
  });
  if (created.status !== 201)
    throw new Error(`partner client not registered: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** Asks for a token with the client credentials grant, the id and secret in the form body. */
export function askPartnerToken(
  apiUrl: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<JsonResponse<{ access_token?: string; error?: string; error_description?: string }>> {
  return fetch(`${apiUrl}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  }).then(async (response) => ({
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { access_token?: string; error?: string; error_description?: string },
  }));
}

/** The client's access token; throws when it is refused. */
export async function partnerToken(apiUrl: string, clientId: string, secret: string): Promise<string> {
  const answer = await askPartnerToken(apiUrl, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
  });
  if (answer.status !== 200) throw new Error(`no token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.access_token!;
}
