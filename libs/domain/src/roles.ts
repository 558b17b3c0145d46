/** Who a user is to OneGate. Staff (clerk, supervisor, admin) belong to an agency; citizens do not. */
export type Role = 'citizen' | 'clerk' | 'supervisor' | 'admin';
export const ROLES: readonly Role[] = ['citizen', 'clerk', 'supervisor', 'admin'];
export const STAFF_ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
