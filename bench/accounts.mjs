// Accounts for the load: citizens register through the API (each gets a token); the demo staff are
// given a known password and sign in.
import { randomBytes, randomInt } from 'node:crypto';

import { Algorithm, hash } from '@node-rs/argon2';

import { withClient } from './stack.mjs';

export const BENCH_PASSWORD = 'Ha Long bay at dawn 2026';

export async function setStaffPassword(databaseUrl) {
  const passwordHash = await hash(BENCH_PASSWORD, { algorithm: Algorithm.Argon2id });
  await withClient(databaseUrl, (client) =>
    client.query(
      `UPDATE users SET password_hash = $1, failed_sign_ins = 0, locked_until = NULL
       WHERE email LIKE '%@demo.onegate.vn' AND role <> 'citizen'`,
      [passwordHash],
    ),
  );
}

export async function signIn(apiUrl, username) {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const body = await response.json();
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${body.message}`);
  return body.accessToken;
}

/**
 * Registers `count` new citizens (a few at a time: each hashes a password) and gives their tokens. With
 * `databaseUrl`, their e-mail addresses are marked verified as the demo seed marks its accounts: only a
 * verified citizen may submit (docs/identity.md), and the bench has no mailbox to open the links of.
 */
export async function registerCitizens(apiUrl, count, { databaseUrl, parallel = 4 } = {}) {
  const accounts = await registerCitizenAccounts(apiUrl, count, parallel);
  if (databaseUrl) await markVerified(databaseUrl, accounts);
  return accounts.map((account) => account.token);
}

/** What the seed does for its demo accounts: the address counts as verified from now. */
async function markVerified(databaseUrl, accounts) {
  await withClient(databaseUrl, (client) =>
    // Timestamps are kept as milliseconds since the epoch.
    client.query(`UPDATE users SET email_verified_at = $2 WHERE email = ANY($1::text[])`, [
      accounts.map((account) => account.email),
      Date.now(),
    ]),
  );
}

/** As registerCitizens, each citizen's token with their national ID number. */
export async function registerCitizenAccounts(apiUrl, count, parallel = 4) {
  const tag = randomBytes(3).toString('hex');
  const base = randomInt(1_000_000);
  const register = async (index) => {
    // Quang Ninh (022), a man born in 1995, then a serial.
    const nationalId = `022095${String((base + index) % 1_000_000).padStart(6, '0')}`;
    const response = await fetch(`${apiUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nationalId,
        fullName: 'Công Dân Thử Tải',
        email: `bench-${tag}-${index}@example.vn`,
        phone: '0912345678',
        password: BENCH_PASSWORD,
      }),
    });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${body.message}`);
    return { token: body.accessToken, nationalId, email: `bench-${tag}-${index}@example.vn` };
  };
  const accounts = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, offset) => start + offset);
    accounts.push(...(await Promise.all(batch.map(register))));
  }
  return accounts;
}

export const bearer = (token) => ({ authorization: `Bearer ${token}` });
