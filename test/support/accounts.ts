import { request } from './http';
import type { MailBox } from './mailed-links';
import { tokenMailedTo } from './mailed-links';

export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.onegate.vn',
  supervisor: 'supervisor@demo.onegate.vn',
  clerk: 'clerk@demo.onegate.vn',
  citizen: 'citizen@demo.onegate.vn',
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export async function signIn(apiUrl: string, username: string, password: string): Promise<Tokens> {
  const response = await request<Tokens & { message?: string }>(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    body: { username, password },
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${response.body.message}`);
  return response.body;
}

export const bearer = (tokens: Tokens | string) => ({
  authorization: `Bearer ${typeof tokens === 'string' ? tokens : tokens.accessToken}`,
});

let sequence = 0;

/** A new citizen's registration: a valid, unique national ID (Quang Ninh, born 1990s) and e-mail. */
export function newCitizen(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const serial = String((Date.now() * 1000 + sequence) % 1_000_000).padStart(6, '0');
  return {
    nationalId: `02209${sequence % 10}${serial}`,
    fullName: 'Trần Thị Bình',
    email: `citizen-${serial}-${sequence}@example.vn`,
    phone: '0912 345 678',
    password: 'Ha Long bay at dawn',
    ...overrides,
  };
}

/**
 * Registers a citizen and verifies their e-mail address the way they would: with the link mailed to
 * it. Only then may they submit (docs/identity.md).
 */
export async function registerVerified(
  apiUrl: string,
  mail: MailBox,
  citizen: { email: string } & Record<string, unknown>,
): Promise<Tokens> {
  const registered = await request<Tokens & { message?: string }>(`${apiUrl}/api/auth/register`, {
    method: 'POST',
    body: citizen,
  });
  if (registered.status !== 201)
    throw new Error(`registering ${citizen.email} failed: ${registered.status} ${registered.body.message}`);
  await verifyMailedAddress(apiUrl, mail, citizen.email);
  return registered.body;
}

/** Opens the newest verification link mailed to `address`. */
export async function verifyMailedAddress(apiUrl: string, mail: MailBox, address: string): Promise<void> {
  const token = await tokenMailedTo(mail, address, '/verify-email');
  const verified = await request(`${apiUrl}/api/auth/verify-email`, { method: 'POST', body: { token } });
  if (verified.status !== 204) throw new Error(`verifying ${address} failed: ${verified.status}`);
}

export interface StaffAccount {
  email: string;
  fullName: string;
  role: 'clerk' | 'supervisor' | 'admin';
  agencyCode: string;
  password: string;
}

/**
 * Has an administrator create a staff account with a first password, which its owner then changes to
 * `staff.password` as they must at the first sign-in; answers the session that did it.
 */
export async function createStaff(apiUrl: string, admin: Tokens, staff: StaffAccount): Promise<Tokens> {
  const firstPassword = `${staff.password} (first)`;
  const created = await request(`${apiUrl}/api/admin/users`, {
    method: 'POST',
    headers: bearer(admin),
    body: { ...staff, password: firstPassword },
  });
  if (created.status !== 201) throw new Error(`creating ${staff.email} failed: ${created.status}`);
  const tokens = await signIn(apiUrl, staff.email, firstPassword);
  const changed = await request(`${apiUrl}/api/me/password`, {
    method: 'POST',
    headers: bearer(tokens),
    body: { currentPassword: firstPassword, newPassword: staff.password },
  });
  if (changed.status !== 204)
    throw new Error(`${staff.email} could not change the password: ${changed.status}`);
  return tokens;
}

/** A clerk of the Department of Justice (QN-STP), outside the demo clerk's agency. */
export const JUSTICE_CLERK: StaffAccount = {
  email: 'motcua.tuphap@qn.gov.vn',
  fullName: 'Đỗ Thị Tư Pháp',
  role: 'clerk',
  agencyCode: 'QN-STP',
  password: 'Justice desk 2026',
};
