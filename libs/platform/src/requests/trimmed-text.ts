import { Transform } from 'class-transformer';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** Text is kept without its surrounding spaces; anything else is left as sent, for the validators. */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => trimmed(value));
}

/** Text is kept trimmed and in lower case (e-mail addresses); anything else is left as sent. */
export function TrimmedLowercase(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    const text = trimmed(value);
    return typeof text === 'string' ? text.toLowerCase() : text;
  });
}
