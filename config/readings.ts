import { readFile } from 'node:fs/promises';
import { type ReadingSettings, parseReadingSettings } from '../machines/readings';
import { INSPECTION_TYPES } from '../machines/registry';

/** The readings an operator set (READINGS_FILE), checked against the machines; none when unset. Throws a readable error. */
export async function loadReadings(file: string | undefined): Promise<ReadingSettings> {
  if (!file) return {};
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`READINGS_FILE ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseReadingSettings(text, INSPECTION_TYPES);
  } catch (error) {
    throw new Error(`READINGS_FILE ${file}: ${(error as Error).message}`);
  }
}
