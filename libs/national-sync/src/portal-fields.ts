import type { Application, ApplicationEvent, NationalSyncEntry } from '@onegate/persistence';
import { vietnamTime } from '@onegate/platform';

import type { PortalDossier, PortalProgress } from './national-portal';
import type { PortalStatus } from './status-mapping';

const timeOf = (at: Date | null | undefined): string => (at ? vietnamTime(at) : '');

/** `HinhThuc`: how the file came in, 1 online, 0 at the counter (unconfirmed, docs/integrations.md). */
const CHANNEL_CODES = { online: '1', offline: '0' } as const;

/**
 * The file's dossier as `DongBoHoSoMC` takes it (docs/integrations.md, "The dossier's fields"): the
 * file as it is now, with the status of the entry being sent. The applicant's name, ID number, e-mail
 * and phone go only in the fields the portal asks for them.
 */
export function dossierOf(file: Application, entry: NationalSyncEntry, status: PortalStatus): PortalDossier {
  const procedure = file.procedure;
  return {
    MaHoSo: file.code ?? '',
    MaTTHC: procedure?.code ?? '',
    TenTTHC: procedure?.nameVi ?? '',
    MaLinhVuc: procedure?.field ?? '',
    TenLinhVuc: procedure?.field ?? '',
    SoBienNhan: file.code ?? '',
    ChuHoSo: file.applicantName,
    LoaiDoiTuong: '1',
    MaDoiTuong: file.applicantNationalId,
    Email: file.applicantEmail ?? '',
    SoDienThoai: file.applicantPhone ?? '',
    TrichYeuHoSo: procedure?.nameVi ?? '',
    NgayTiepNhan: timeOf(file.receivedAt),
    NgayHenTra: timeOf(file.dueAt),
    TrangThaiHoSo: status.code!,
    NgayTra: entry.toState === 'returned' ? timeOf(entry.eventAt) : '',
    HinhThuc: CHANNEL_CODES[file.submissionChannel],
    NgayKetThucXuLy: timeOf(file.decidedAt),
    DonViXuLy: file.competentAgency?.code ?? '',
    // Names the status change, so that a retry finds whether the portal already holds it.
    GhiChu: `OneGate ${entry.eventId}`,
    TaiLieuNop: [],
    DanhSachLePhi:
      file.feeVnd > 0
        ? [{ TenPhiLePhi: 'Lệ phí', Gia: file.feeVnd, DaThanhToan: file.paid ? '1' : '0' }]
        : [],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
  };
}

/** The step of the file's processing that the entry's event is, as `CapNhatTienDoHoSoMC` takes it. */
export function progressOf(
  file: Application,
  event: Pick<ApplicationEvent, 'at' | 'actorRole'>,
  status: PortalStatus,
): PortalProgress {
  return {
    MaHoSo: file.code ?? '',
    // The office's role, not a person's name: the portal needs who acted, not their identity.
    NguoiXuLy: event.actorRole,
    ChucDanh: event.actorRole,
    ThoiDiemXuLy: vietnamTime(event.at),
    PhongBanXuLy: file.competentAgency?.code ?? '',
    NoiDungXuLy: status.wording,
    TrangThai: status.code!,
    NgayBatDau: timeOf(file.receivedAt),
    NgayKetThucTheoQuyDinh: timeOf(file.dueAt),
  };
}

/** Whether the file as the portal holds it (`TraCuuHoSo`) is this dossier, status change included. */
export function portalHoldsDossier(held: Record<string, unknown>, dossier: PortalDossier): boolean {
  return held.GhiChu === dossier.GhiChu && held.TrangThaiHoSo === dossier.TrangThaiHoSo;
}

/** Whether the portal's progress of the file (`TienDo` of `TraCuuHoSo`) already has this step. */
export function portalHoldsProgress(held: Record<string, unknown>, progress: PortalProgress): boolean {
  const steps = Array.isArray(held.TienDo) ? (held.TienDo as Record<string, unknown>[]) : [];
  return steps.some(
    (step) => step.ThoiDiemXuLy === progress.ThoiDiemXuLy && step.TrangThai === progress.TrangThai,
  );
}
