export {
  ACCESS_RULE,
  Authenticated,
  BEFORE_PASSWORD_CHANGE,
  BeforePasswordChange,
  PartnerRoute,
  Public,
  type AccessRule,
} from './access-rule';
export { CurrentPartner, type PartnerCaller } from './partner-caller';
export { emailNotVerified, PASSWORD_CHANGE_REQUIRED, passwordChangeRequired } from './account-refusals';
export { CurrentUser, type AuthenticatedUser } from './authenticated-user';
export {
  BODY_AFTER,
  BodyAfter,
  ROLE_IS_ENOUGH,
  takesBodyForResource,
  type BodyAfterCheck,
  type ResourceCheck,
} from './body-after';
export { deferBodyReading, readRequestBody } from './request-body';
export { assertEveryRouteDeclaresAccess, listRoutes, type RouteAccess } from './route-catalogue';
