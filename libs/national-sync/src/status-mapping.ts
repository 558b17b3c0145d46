import type { ApplicationState } from '@onegate/domain';

/** How a OneGate state is told to the national portal: its status code and the progress's wording. */
export interface PortalStatus {
  readonly state: ApplicationState;
  /** `TrangThaiHoSo` and the progress's `TrangThai`; null: a change to this state is not sent. */
  readonly code: string | null;
  /** `NoiDungXuLy`, in Vietnamese as the portal shows it. */
  readonly wording: string;
}

/**
 * The mapping of OneGate's states to the portal's status codes. The codes are unconfirmed: this is the
 * one table to edit, and docs/integrations.md ("The status mapping") shows the same table (a unit test
 * checks that the two agree).
 */
export const PORTAL_STATUSES: readonly PortalStatus[] = [
  { state: 'draft', code: null, wording: 'Hồ sơ nháp' },
  { state: 'submitted', code: null, wording: 'Nộp hồ sơ trực tuyến' },
  { state: 'received', code: '1', wording: 'Tiếp nhận hồ sơ' },
  { state: 'in_progress', code: '2', wording: 'Đang giải quyết' },
  { state: 'supplement_requested', code: '5', wording: 'Yêu cầu bổ sung hồ sơ' },
  { state: 'decided', code: '8', wording: 'Đã có kết quả giải quyết' },
  { state: 'returned', code: '10', wording: 'Đã trả kết quả' },
  { state: 'refused', code: '3', wording: 'Từ chối giải quyết' },
  { state: 'withdrawn', code: '6', wording: 'Công dân rút hồ sơ' },
];

const BY_STATE = new Map(PORTAL_STATUSES.map((status) => [status.state, status]));

/** The portal's status of a state; null when a change to it is not sent. */
export function portalStatusOf(state: ApplicationState): PortalStatus | null {
  const status = BY_STATE.get(state);
  return status && status.code !== null ? status : null;
}
