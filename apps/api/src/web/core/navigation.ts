import type { Role } from '@onegate/domain';

interface NavigationLink {
  key: string;
  href: string;
}

const LINKS: Record<Role | 'anonymous', NavigationLink[]> = {
  anonymous: [
    { key: 'nav.procedures', href: '/' },
    { key: 'nav.track', href: '/track' },
  ],
  citizen: [
    { key: 'nav.procedures', href: '/' },
    { key: 'nav.myApplications', href: '/my/applications' },
    { key: 'nav.myDocuments', href: '/my/documents' },
    { key: 'nav.track', href: '/track' },
  ],
  clerk: [
    { key: 'nav.queue', href: '/staff/queue' },
    { key: 'nav.counter', href: '/staff/counter' },
    { key: 'nav.procedures', href: '/' },
  ],
  supervisor: [
    { key: 'nav.dashboard', href: '/supervisor/dashboard' },
    { key: 'nav.queue', href: '/staff/queue' },
  ],
  admin: [
    { key: 'nav.adminProcedures', href: '/admin/procedures' },
    { key: 'nav.adminStaff', href: '/admin/staff' },
    { key: 'nav.adminCalendar', href: '/admin/calendar' },
    { key: 'nav.adminScoring', href: '/admin/service-index' },
    { key: 'nav.adminQueues', href: '/admin/queues' },
    { key: 'nav.adminMail', href: '/admin/mail' },
    { key: 'nav.dashboard', href: '/supervisor/dashboard' },
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
