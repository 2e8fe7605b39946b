import fs from 'node:fs';
import path from 'node:path';
import { describeType } from '../../api/catalogue';
import { type InspectionTypeDefinition, SUPPORTED_DATE_PATTERN } from '../../machines/kit';
import { historyKey } from './historyKey';

/** Where each registered revision's golden file is kept, committed beside the code. */
export const GOLDEN_DIR = path.join(__dirname, '..', 'machines', 'goldens');

export const goldenFile = (definition: InspectionTypeDefinition) => path.join(GOLDEN_DIR, `${historyKey(definition)}.json`);

/** Stands for the dates the calendar can place wherever a payload schema gives them: the calendar's range, not the machine's. */
export const SUPPORTED_DATES_TOKEN = '<dates the calendar supports>';
const supportedDatesInJson = JSON.stringify(SUPPORTED_DATE_PATTERN).slice(1, -1);

/**
 * What a registered machine revision is, frozen: its catalogue entry (states and transitions, events with their roles
 * and payload schemas, clocks with length, unit, anchor, kind and rule text, effects, sources and readings), without
 * `latestRevision`, which changes when a later revision is registered and says nothing about this one, and with the
 * calendar's date range in its date patterns named, not spelt out: the years the calendar covers grow without any
 * machine changing.
 */
export function goldenOf(definition: InspectionTypeDefinition): Record<string, unknown> {
  const { latestRevision: _latest, ...entry } = describeType(definition);
  return JSON.parse(JSON.stringify(entry).split(supportedDatesInJson).join(SUPPORTED_DATES_TOKEN)) as Record<string, unknown>;
}

export const goldenText = (definition: InspectionTypeDefinition) => `${JSON.stringify(goldenOf(definition), null, 1)}\n`;

/** The paths (a.b[2].c) at which two goldens differ, at most `limit` of them. */
export function goldenDifferences(before: unknown, after: unknown, limit = 10, at = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) return [at || '(root)'];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const found: string[] = [];
  for (const key of keys) {
    const child = Array.isArray(before) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
    found.push(...goldenDifferences(before[key], after[key], limit - found.length, child));
    if (found.length >= limit) break;
  }
  return found;
}

export function readGolden(definition: InspectionTypeDefinition): unknown | undefined {
  const file = goldenFile(definition);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown) : undefined;
}
