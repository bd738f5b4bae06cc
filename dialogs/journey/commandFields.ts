import { z } from 'zod';

import { accept, reject, type AnswerCheck } from '../../services/domain/enquiry/answerCheck';
import { caseCommandSchema, type CommandType } from '../../services/domain/workflow';
import { fieldSchema, problemFor } from '../forms/form';

/**
 * A command's own field schemas (services/domain/workflow/commands), so a typed answer is checked by
 * the same rule the workflow applies — "your answer is too long (at most 5000 characters)" —
 * before the command is ever sent.
 */
export function commandField(type: CommandType, path: string): z.ZodType {
  // Some options are unions of their own (saveApplicationSection, by section): skip those.
  const options = (caseCommandSchema.options as readonly z.ZodType[]).filter((candidate): candidate is z.ZodObject => candidate instanceof z.ZodObject);
  const option = options.find((candidate) => (candidate.shape.type as z.ZodLiteral).value === type);
  const schema = option ? fieldSchema(option, path) : undefined;
  if (!schema) throw new Error(`The ${type} command has no field ${path}`);
  return schema;
}

/** Checks typed text against a command field, naming the field when it does not fit. */
export function checkTextField(label: string, schema: z.ZodType): (text: string) => AnswerCheck<string> {
  return (text) => {
    const parsed = schema.safeParse(text.trim());
    if (parsed.success) return accept(parsed.data as string);
    return reject(problemFor(label, parsed.error.issues[0]?.message ?? 'this answer is not valid'));
  };
}
