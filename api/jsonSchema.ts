import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12, as the OpenAPI document gives it (what a request sends, or a response holds). */
export const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io }) as JsonSchema;
  return rest;
};

/**
 * A request body documented beyond what one zod schema can say: a schema referring to named components, e.g. each
 * inspection type's decisions as a `oneOf` discriminated by `event`.
 */
export interface DocumentedBody {
  schema: JsonSchema;
  components: Record<string, JsonSchema>;
}
