import type { Role } from '@onegate/domain';

interface NavigationLink {
  key: string;
  href: string;
}

const LINKS: Record<Role | 'anonymous', NavigationLink[]> = {
  anonymous: [
    { key: 'nav.procedures', href: '/' },
    { key: 'nav.track', href: '/track' },
    { key: 'nav.feedback', href: '/feedback/new' },
  ],
  citizen: [
    { key: 'nav.procedures', href: '/' },
    { key: 'nav.myApplications', href: '/my/applications' },
    { key: 'nav.myDocuments', href: '/my/documents' },
    { key: 'nav.feedback', href: '/my/feedback' },
    { key: 'nav.track', href: '/track' },
  ],
  clerk: [
    { key: 'nav.queue', href: '/staff/queue' },
    { key: 'nav.counter', href: '/staff/counter' },
    { key: 'nav.feedback', href: '/staff/feedback' },
    { key: 'nav.procedures', href: '/' },
  ],
  supervisor: [
    { key: 'nav.dashboard', href: '/supervisor/dashboard' },
    { key: 'nav.queue', href: '/staff/queue' },
    { key: 'nav.feedback', href: '/staff/feedback' },
  ],
  admin: [
    { key: 'nav.adminProcedures', href: '/admin/procedures' },
    { key: 'nav.adminStaff', href: '/admin/staff' },
    { key: 'nav.adminCalendar', href: '/admin/calendar' },
    { key: 'nav.adminScoring', href: '/admin/service-index' },
    { key: 'nav.adminWebhooks', href: '/admin/webhooks' },
    { key: 'nav.adminPartners', href: '/admin/partner-clients' },
    { key: 'nav.adminQueues', href: '/admin/queues' },
    { key: 'nav.adminMail', href: '/admin/mail' },
    { key: 'nav.dashboard', href: '/supervisor/dashboard' },
    { key: 'nav.feedback', href: '/staff/feedback' },
  ],
};

/** The service navigation for a role, with the link of the current section marked. */
export function navigationFor(role: Role | null, path: string) {
  const links = LINKS[role ?? 'anonymous'];
  const current = links
    .filter((link) => path === link.href || (link.href !== '/' && path.startsWith(link.href)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return links.map((link) => ({ ...link, current: link === current }));
}
