// The floor of a queue search: the SQL that OneGate's queue sends for the same filter
// (libs/persistence/src/repositories/application.repository.ts and queue-search.ts), written out by
// hand and sent by `pg` alone, without the API, its authentication or its answer's serialisation.

/** The folded text `applicant_search_name` holds: lower case, no accents, no `đ` (docs/applications.md). */
export function foldName(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeLike = (text) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * `filter`: agencyIds, states, excludedStates, procedureId, assigneeId, unassigned, dueBefore (ms),
 * codePrefix, applicantName, nationalIdHash, limit. Gives `{ text, values }` for `client.query`.
 */
export function queueSql(filter) {
  const values = [];
  const param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  const list = (items) => items.map(param).join(', ');
  const where = [`a.state <> 'draft'`];
  const ids = list(filter.agencyIds);
  where.push(`(a.competent_agency_id IN (${ids}) OR a.receiving_agency_id IN (${ids}))`);
  if (filter.states) where.push(`a.state IN (${list(filter.states)})`);
  if (filter.procedureId) where.push(`a.procedure_id = ${param(filter.procedureId)}`);
  if (filter.assigneeId) where.push(`a.assignee_id = ${param(filter.assigneeId)}`);
  if (filter.dueBefore !== undefined) where.push(`a.due_at <= ${param(filter.dueBefore)}`);
  if (filter.unassigned) where.push('a.assignee_id IS NULL');
  if (filter.excludedStates) where.push(`a.state NOT IN (${list(filter.excludedStates)})`);
  if (filter.codePrefix !== undefined)
    where.push(`a.code LIKE ${param(`${escapeLike(filter.codePrefix)}%`)} ESCAPE '\\'`);
  for (const word of foldName(filter.applicantName ?? '')
    .split(' ')
    .filter(Boolean))
    where.push(`a.applicant_search_name LIKE ${param(`%${escapeLike(word)}%`)} ESCAPE '\\'`);
  if (filter.nationalIdHash !== undefined)
    where.push(
      `a.applicant_id IN (SELECT holder.id FROM users holder WHERE holder.national_id_hash = ${param(filter.nationalIdHash)})`,
    );
  const text = `SELECT a.*, p.id AS p_id, p.code AS p_code, p.name_vi, p.name_en,
      competent.id AS competent_id, competent.code AS competent_code,
      receiving.id AS receiving_id, receiving.code AS receiving_code
    FROM applications a
    LEFT JOIN procedures p ON p.id = a.procedure_id
    LEFT JOIN agencies competent ON competent.id = a.competent_agency_id
    LEFT JOIN agencies receiving ON receiving.id = a.receiving_agency_id
    WHERE ${where.join(' AND ')}
    ORDER BY a.due_at ASC NULLS FIRST, a.id ASC
    LIMIT ${Number(filter.limit)}`;
  return { text, values };
}
