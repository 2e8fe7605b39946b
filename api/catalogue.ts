import { z } from 'zod';
import { INSPECTION_TYPES } from '../machines/registry';
import type { InspectionTypeDefinition } from '../machines/kit';

/** The type catalogue: every inspection type with its clocks, decisions and sources, as the machines declare them. */
export function describeType(definition: InspectionTypeDefinition) {
  return {
    type: definition.type,
    version: definition.version,
    title: definition.title,
    framework: definition.framework,
    inForceFrom: definition.inForceFrom,
    input: z.toJSONSchema(definition.inputSchema, { unrepresentable: 'any' }),
    clocks: definition.clocks.map(({ id, label, runsIn, anchor, length, unit, extendedBy, kind, onExpiry, rule, source, reading }) => ({
      id, label, runsIn, anchor, length, unit, extendedBy: extendedBy ?? [], kind, onExpiry: onExpiry ?? null, rule, source, reading: reading ?? null,
    })),
    decisions: Object.entries(definition.events).map(([event, spec]) => ({
      event,
      label: spec.label,
      roles: spec.roles,
      source: spec.source,
      payload: z.toJSONSchema(spec.schema, { unrepresentable: 'any' }),
    })),
    effects: Object.entries(definition.effects).map(([effect, spec]) => ({ effect, ...spec })),
  };
}

export function catalogue() {
  return INSPECTION_TYPES.map(describeType);
}
