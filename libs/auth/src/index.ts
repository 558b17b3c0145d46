export { AuthModule } from './auth.module';

// Sessions and their cookies
export { SessionService, type IssuedSession } from './session.service';
export {
  CSRF_COOKIE,
  CSRF_FORM_FIELD,
  csrfTokenFor,
  isSameToken,
  maskedToken,
  unmaskedToken,
  isCsrfTokenValid,
  SESSION_COOKIE,
} from './session-cookies';
export { FOREIGN_ORIGIN, isSameOriginRequest } from './same-origin';
export { leadingFormField } from './leading-form-field';
export { OIDC_STATE_COOKIE } from './oidc/oidc.strategy';

// Passwords
export { PasswordHasher } from './password-hasher';

// Partner clients (docs/partner-clients.md)
export { newPartnerSecret, partnerSecretHash } from './partner-secret';
export { OAuthError, PartnerTokens } from './partner-tokens';
export { PartnerCalls } from './partner-calls';
