import { request } from './http';

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
