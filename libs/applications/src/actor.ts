import type { AuthenticatedUser } from '@onegate/access';
import type { ActorRole } from '@onegate/domain';

/** Who takes an action: a signed-in user, or OneGate itself (digital signature, online return). */
export type Actor = { kind: 'user'; user: AuthenticatedUser } | { kind: 'system' };

export const actorRole = (actor: Actor): ActorRole => (actor.kind === 'system' ? 'system' : actor.user.role);
export const actorId = (actor: Actor): string | null => (actor.kind === 'system' ? null : actor.user.id);
