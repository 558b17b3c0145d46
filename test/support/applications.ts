import { bearer } from './accounts';
import type { Tokens } from './accounts';
import { request } from './http';

export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** The first bytes of a Windows executable: what a renamed .exe really is. */
export const EXECUTABLE_BYTES = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);

export interface ApplicationBody {
  id: string;
  code: string | null;
  state: string;
  dueAt: string | null;
  version: number;
  signed: boolean;
  pausedHours: number;
  allowedActions: string[];
  events?: {
    sequence: number;
    type: string;
    channel: string;
    actorRole: string;
    fromState: string | null;
    toState: string;
    data: Record<string, unknown>;
  }[];
  attachments?: {
    id: string;
    documentName: string | null;
    mediaType: string;
    sha256: string;
    supplementRequest: number | null;
  }[];
  formData: Record<string, unknown>;
  message?: string;
  details?: unknown;
}

export class ApplicationsClient {
  public constructor(private readonly apiUrl: string) {}

  public create(tokens: Tokens, procedureCode: string, formData: Record<string, unknown>) {
    return request<ApplicationBody>(`${this.apiUrl}/api/applications`, {
      method: 'POST',
      headers: bearer(tokens),
      body: { procedureCode, formData },
    });
  }

  public act(tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) {
    return request<ApplicationBody>(`${this.apiUrl}/api/applications/${id}/actions`, {
      method: 'POST',
      headers: bearer(tokens),
      body: { action, ...fields },
    });
  }

  public get(tokens: Tokens, id: string) {
    return request<ApplicationBody>(`${this.apiUrl}/api/applications/${id}`, { headers: bearer(tokens) });
  }

  public async upload(
    tokens: Tokens,
    id: string,
    documentName: string,
    bytes: Buffer,
    fileName = 'document.pdf',
  ) {
    const form = new FormData();
    form.append('documentName', documentName);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
    const response = await fetch(`${this.apiUrl}/api/applications/${id}/attachments`, {
      method: 'POST',
      headers: bearer(tokens),
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}
