import type { NationalPortalConfig } from '@onegate/config';

import { ACCEPTED, PORTAL_SERVICES, SERVICE_PATH, SIGN_IN_PATH } from './national-portal';
import type { NationalPortal, PortalAnswer, PortalDossier, PortalProgress } from './national-portal';

/** The portal's JSON answer, as far as OneGate reads it. */
interface ServiceAnswer {
  error_code?: string;
  session?: string;
  data?: unknown;
}

/** Why a request to the portal did not get a usable answer (no personal data, no credentials). */
class Unanswered extends Error {
  public constructor(
    message: string,
    public readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * The national portal's adapter over HTTP (docs/integrations.md): sign in once with the configured
 * account (the session is kept and renewed when the portal no longer knows it), then POST each
 * service with the session and the province's unit code. The credentials are never logged nor put in
 * an error.
 */
export class HttpNationalPortal implements NationalPortal {
  private session: Promise<string> | null = null;

  public constructor(private readonly config: NationalPortalConfig) {}

  public syncDossier(dossier: PortalDossier, updating: boolean): Promise<PortalAnswer> {
    return this.answerOf(PORTAL_SERVICES.dossier, {
      isUpdating: updating ? 'True' : 'False',
      data: [dossier],
    });
  }

  public updateProgress(progress: PortalProgress): Promise<PortalAnswer> {
    return this.answerOf(PORTAL_SERVICES.progress, { data: [progress] });
  }

  public async lookUp(fileCode: string): Promise<Record<string, unknown> | null> {
    const answer = await this.call(PORTAL_SERVICES.lookUp, { mahoso: fileCode });
    if (answer.error_code !== ACCEPTED || !answer.data || typeof answer.data !== 'object') return null;
    return answer.data as Record<string, unknown>;
  }

  private async answerOf(service: string, fields: Record<string, unknown>): Promise<PortalAnswer> {
    try {
      const answer = await this.call(service, fields);
      const accepted = answer.error_code === ACCEPTED;
      return {
        accepted,
        status: 200,
        error: accepted ? null : `${service} answered error_code ${String(answer.error_code).slice(0, 20)}`,
      };
    } catch (error) {
      const status = error instanceof Unanswered ? error.status : null;
      const reason = error instanceof Error ? error.message : 'failed';
      return { accepted: false, status, error: `${service}: ${reason}`.slice(0, 200) };
    }
  }

  /** One service request; a session the portal no longer knows (401) is renewed once. */
  private async call(service: string, fields: Record<string, unknown>): Promise<ServiceAnswer> {
    for (let round = 0; ; round++) {
      const session = await this.signedIn();
      try {
        return await this.post(SERVICE_PATH, { session, madonvi: this.config.unitCode, service, ...fields });
      } catch (error) {
        if (!(error instanceof Unanswered) || error.status !== 401 || round > 0) throw error;
        this.session = null;
      }
    }
  }

  private signedIn(): Promise<string> {
    if (!this.session) {
      const signing = this.post(SIGN_IN_PATH, {
        username: this.config.username,
        password: this.config.password,
      }).then((answer) => {
        if (answer.error_code !== ACCEPTED || typeof answer.session !== 'string')
          throw new Unanswered('sign-in refused', 200);
        return answer.session;
      });
      // A failed sign-in is tried again by the next request.
      signing.catch(() => {
        if (this.session === signing) this.session = null;
      });
      this.session = signing;
    }
    return this.session;
  }

  private async post(path: string, body: Record<string, unknown>): Promise<ServiceAnswer> {
    if (!this.config.url) throw new Unanswered('no portal is configured', null);
    let response: Response;
    try {
      response = await fetch(`${this.config.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      throw new Unanswered(
        name === 'TimeoutError' || name === 'AbortError'
          ? `no answer within ${this.config.timeoutMs} ms`
          : 'connection failed',
        null,
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new Unanswered(`answered HTTP ${response.status}`, response.status);
    try {
      return JSON.parse(text) as ServiceAnswer;
    } catch {
      throw new Unanswered('answered something other than JSON', response.status);
    }
  }
}
