import type { ConsultationDto } from '@onegate/applications';

/** A consultation's state on the page: waiting, overdue, answered on time, or answered late. */
export type ConsultationState = 'open' | 'overdue' | 'answered' | 'answeredLate';

/** The file's consultations as the staff pages list them (docs/portal.md, "Xin ý kiến"). */
export function consultationsView(consultations: readonly ConsultationDto[]) {
  return consultations.map((consultation) => ({
    ...consultation,
    stateKey: `consultation.state_${stateOf(consultation)}`,
    late: consultation.late,
  }));
}

function stateOf(consultation: ConsultationDto): ConsultationState {
  if (consultation.answeredAt) return consultation.late ? 'answeredLate' : 'answered';
  return consultation.late ? 'overdue' : 'open';
}
