/**
 * The field names a request schema accepts, through nested objects, arrays, unions, pipes,
 * defaults and optionals: what a client must be able to name in words when the API says a
 * field is at fault (the client's catalogue test reads them; the client bundle never does).
 */
import { z } from 'zod'

export function fieldNamesOf(schema: unknown, names = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [field, inner] of Object.entries(schema.shape as Record<string, unknown>)) {
      names.add(field)
      fieldNamesOf(inner, names)
    }
  } else if (schema instanceof z.ZodUnion) for (const option of schema.options as unknown[]) fieldNamesOf(option, names)
  else if (schema instanceof z.ZodPipe) {
    fieldNamesOf(schema.in, names)
    fieldNamesOf(schema.out, names)
  } else if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) fieldNamesOf(schema.unwrap(), names)
  else if (schema instanceof z.ZodArray) fieldNamesOf(schema.element, names)
  return names
}

/** Whether an export of `@copydesk/shared/api` is a request's schema (…Request, …Query; the strictness test finds them so too). */
export function isRequestSchema(name: string, value: unknown): boolean {
  return (/(Request|Query)$/.test(name) || name === 'MarkNotificationsRead') && value instanceof z.ZodType
}
