/** The new account form as typed (shown again after a refusal, without the password). */
export function newStaffValues(posted: Record<string, string>) {
  return {
    email: posted.email ?? '',
    fullName: (posted.fullName ?? '').trim(),
    role: posted.role ?? '',
    agencyCode: posted.agencyCode ?? '',
    password: posted.password ?? '',
  };
}

/** An account's changes as posted: blank choices leave the role or the agency as they are. */
export function staffChanges(posted: Record<string, string>): Record<string, unknown> {
  const plain: Record<string, unknown> = { active: posted.active === 'true' };
  if (posted.role) plain.role = posted.role;
  if (posted.agencyCode) plain.agencyCode = posted.agencyCode;
  return plain;
}
