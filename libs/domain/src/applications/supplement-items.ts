/**
 * What a supplement request asks for, item by item (docs/lifecycle.md, "Supplements"): each text of
 * `missingDocuments` is one item, and the event also records, in `procedureDocuments`, which of them
 * are documents of the procedure. Each item is answered by a file uploaded under its name while the
 * request waited (the file keeps the sequence of the request's event).
 */
export interface SupplementItem {
  /** How the request names it; its files are uploaded under this name. */
  name: string;
  /** Whether it is one of the procedure's own documents (otherwise a document the clerk typed). */
  procedureDocument: boolean;
}

/** The items of `missingDocuments` that are the procedure's documents, by their names. */
export function procedureDocumentsAmong(
  missing: readonly string[],
  documentNames: readonly string[],
): string[] {
  return [...new Set(missing.filter((item) => documentNames.includes(item)))];
}

/**
 * The items of a `request_supplement` event's data, each once. An event recorded before
 * `procedureDocuments` existed is read by the names of the procedure's documents today.
 */
export function supplementItemsOf(
  data: { missingDocuments?: unknown; procedureDocuments?: unknown },
  documentNames: readonly string[],
): SupplementItem[] {
  const missing = textsOf(data.missingDocuments);
  const recorded = Array.isArray(data.procedureDocuments) ? textsOf(data.procedureDocuments) : null;
  const procedureDocuments = recorded ?? procedureDocumentsAmong(missing, documentNames);
  return [...new Set(missing)].map((name) => ({
    name,
    procedureDocument: procedureDocuments.includes(name),
  }));
}

/** The items without a file uploaded under their name for the request (the event's `sequence`). */
export function unansweredItems(
  items: readonly SupplementItem[],
  request: number,
  files: readonly { documentName: string | null; supplementRequest: number | null }[],
): SupplementItem[] {
  return items.filter(
    (item) => !files.some((file) => file.documentName === item.name && file.supplementRequest === request),
  );
}

const textsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
