/** People who act on an inspection. `system` is the workflow itself (clocks running out). */
export const ROLES = ['manager', 'inspector', 'provider', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export type ActorRole = Role | 'system';

export interface Actor {
  id: string;
  role: ActorRole;
  /** Set for provider users: the provider they act for. */
  providerId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };
