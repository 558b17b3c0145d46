import type { Action, ActorRole, Channel, FieldProblem } from '@onegate/domain';

/**
 * The channel an action is recorded with (docs/lifecycle.md, "Fields of an action"): citizens and OneGate act
 * online; register_counter is always offline; a clerk's supplement handed in at the counter, cash
 * payment and paper signature are offline; anything else a clerk does is online unless they say so.
 */
export function resolveChannel(
  action: Action,
  role: ActorRole,
  requested: Channel | undefined,
): { channel: Channel } | { problem: FieldProblem } {
  const forced = forcedChannel(action, role);
  if (forced && requested && requested !== forced) {
    return { problem: { field: 'channel', problems: [`a ${role} records ${action} ${forced}`] } };
  }
  return { channel: forced ?? requested ?? 'online' };
}

function forcedChannel(action: Action, role: ActorRole): Channel | null {
  if (action === 'register_counter') return 'offline';
  if (role === 'citizen' || role === 'system') return 'online';
  if (role === 'clerk' && (action === 'supplement' || action === 'pay' || action === 'sign'))
    return 'offline';
  return null;
}
