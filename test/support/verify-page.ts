/** The verification page's upload form as a browser loads it: its form cookie and its CSRF token. */
export async function loadVerifyForm(
  apiUrl: string,
  cookie = '',
): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${apiUrl}/verify`, { headers: { cookie } });
  const set = page.headers.getSetCookie().map((setCookie) => setCookie.split(';')[0]);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return { cookie: [cookie, ...set].filter(Boolean).join('; '), token };
}

/** Posts the form as the page does: the token first, then the PDF (none when `bytes` is null). */
export async function postVerifyForm(
  apiUrl: string,
  bytes: Buffer | null,
  options: { cookie?: string; token?: string; origin?: string } = {},
): Promise<{ status: number; html: string }> {
  const loaded = await loadVerifyForm(apiUrl, options.cookie);
  const form = new FormData();
  form.append('_csrf', options.token ?? loaded.token);
  if (bytes) {
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'kết-quả.pdf');
  }
  const response = await fetch(`${apiUrl}/verify`, {
    method: 'POST',
    body: form,
    headers: { cookie: loaded.cookie, origin: options.origin ?? apiUrl },
  });
  return { status: response.status, html: await response.text() };
}

/** The verdict a verification page shows: `issued`, `unknown`, `genuine`, `altered`, or null. */
export const verdictOf = (html: string) => /data-verdict="(\w+)"/.exec(html)?.[1] ?? null;
