export { BIRTH_REGISTRATION_PROVINCES } from './birth-registration-provinces';
export { COMMON_PASSWORDS } from './common-passwords';
export {
  isValidNationalId,
  maskNationalId,
  NATIONAL_ID_PATTERN,
  parseNationalId,
  type NationalIdParts,
  type Sex,
} from './national-id';
export {
  checkPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_PROBLEMS,
  type PasswordContext,
} from './password-policy';
export { isValidVietnamesePhone, normalizeVietnamesePhone } from './phone';
