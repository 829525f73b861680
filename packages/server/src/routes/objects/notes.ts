/** The `note` that object answers carry when the embedded sample or stale elements are used. */
import { Type } from '@sinclair/typebox';

export const NoteField = Type.Optional(Type.String({ description: 'present when the embedded sample or stale elements are used' }));

/** `{ note }` joining the notes that apply ('; '), or nothing when none does. */
export function noteFor(...notes: (string | undefined)[]): { note?: string } {
  const text = notes.filter((n): n is string => n !== undefined).join('; ');
  return text ? { note: text } : {};
}
