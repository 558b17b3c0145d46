export {
  AppConfig,
  type AccessTokenLifetimes,
  type DatabaseConfig,
  type HttpTimeouts,
  type NationalPortalConfig,
  type OidcConfig,
  type PaymentsConfig,
  type TextMessagesConfig,
} from './app-config';
export { ConfigModule } from './config.module';
export {
  ConfigError,
  DEVELOPMENT_DEMO_PASSWORD,
  loadConfig,
  SANDBOX_HASH_SECRET,
  SANDBOX_TMN_CODE,
} from './load-config';
export {
  decryptNationalId,
  decryptPersonalText,
  encryptNationalId,
  encryptPersonalText,
  hashNationalId,
  isSealedNationalId,
  nationalIdCipher,
  NationalIdCipher,
  NationalIdCipherError,
  useNationalIdKeys,
} from './national-id-cipher';
