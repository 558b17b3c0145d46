import { Transform } from 'class-transformer';

/**
 * A number sent as text (a query string's value, a form field) becomes that number; anything else is
 * left as sent, for the validators to refuse by name. class-transformer's `@Type(() => Number)` calls
 * `Number()` on whatever arrives, and a JSON object such as `{"toString": 0}` cannot be converted:
 * the TypeError would answer 500.
 */
export function NumberFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value));
}
