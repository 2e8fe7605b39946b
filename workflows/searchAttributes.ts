import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import type { InspectionView } from '../engine/view';

/**
 * Search attributes for operators browsing the Temporal UI: type, public status and next deadline only.
 * No personal data: they are stored unencrypted (docs/ARCHITECTURE.md §3 decision 4). The server must have them
 * registered (the dev server started by `npm start` does; see README for a cluster).
 */
export const INSPECTION_TYPE = defineSearchAttributeKey('InspectionType', SearchAttributeType.KEYWORD);
export const INSPECTION_STATUS = defineSearchAttributeKey('InspectionStatus', SearchAttributeType.KEYWORD);
export const NEXT_DEADLINE = defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME);

export const SEARCH_ATTRIBUTE_DEFINITIONS = { InspectionType: 'Keyword', InspectionStatus: 'Keyword', NextDeadline: 'Datetime' } as const;

export function searchAttributesOf(view: InspectionView) {
  return [
    { key: INSPECTION_TYPE, value: view.type },
    { key: INSPECTION_STATUS, value: view.status },
    { key: NEXT_DEADLINE, value: view.nextDeadline ? new Date(view.nextDeadline.dueAt) : null },
  ];
}
