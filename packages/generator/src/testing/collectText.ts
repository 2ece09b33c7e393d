import { generateParticipations } from '../generateParticipations.js';
import type { GenerateOptions, GenerateResult } from '../types.js';

/** Generates a participation file in memory; for tests of small files. */
export async function collectText(
  options: GenerateOptions,
): Promise<{ text: string; result: GenerateResult }> {
  const csv = generateParticipations(options);
  let text = '';
  for await (const chunk of csv) text += chunk;
  return { text, result: await csv.result };
}
