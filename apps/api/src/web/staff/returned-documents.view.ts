import type { ApplicationDto } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import type { AgencyNames } from '../core/process-view';
import { PREVIEWED } from './document-checklist';

/**
 * The documents agencies holding transferred steps returned with the file ("Kết quả phối hợp",
 * docs/applications.md, "Transfers"): each with its agency, step and time, opened or previewed like the
 * file's other documents. Only staff read them: the file as the applicant sees it has none.
 */
export function returnedDocumentsOf(
  lang: Language,
  application: ApplicationDto,
  agencies: AgencyNames,
  preview: string | null,
) {
  return (application.attachments ?? [])
    .filter((file) => file.returnedBy !== null)
    .map((file) => ({
      id: file.id,
      name: file.originalName,
      agencyName: agencies.get(file.returnedBy!.agencyId)?.[lang] ?? null,
      step: file.returnedBy!.step,
      stepName: file.returnedBy!.stepName,
      uploadedAt: file.uploadedAt,
      href: `/applications/${application.id}/documents/${file.id}`,
      previewHref: PREVIEWED.has(file.mediaType)
        ? `/staff/applications/${application.id}?preview=${file.id}#preview`
        : null,
      previewed: file.id === preview,
    }));
}
