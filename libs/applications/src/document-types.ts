/** The words people know a document's file type by (docs/applications.md, "Upload problems"). */
const TYPE_WORDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

const typeWord = (mediaType: string) => TYPE_WORDS[mediaType] ?? mediaType.split('/').pop()!.toUpperCase();

/** "PDF, JPG or PNG" (en), "PDF, JPG hoặc PNG" (vi). */
export function typeWords(mediaTypes: readonly string[], language: 'vi' | 'en' = 'en'): string {
  return wordsOr(mediaTypes.map(typeWord), language);
}

export function wordsOr(words: readonly string[], language: 'vi' | 'en'): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : 'vi', { type: 'disjunction' }).format(words);
}

export const wholeMegabytes = (bytes: number) => Math.floor(bytes / 1024 / 1024);
