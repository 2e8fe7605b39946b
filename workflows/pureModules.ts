/**
 * Everything pure the workflows run: the interpreter, every registered machine (with XState and zod), the calendar.
 * Loaded once per worker through `pureModules()` (./pureRuntime.ts), never imported directly by workflow code.
 */
export { InspectionRecord } from '../engine/inspectionRecord';
export { CURRENT_ENGINE_REVISION } from '../engine/fold';
export { definitionOf, revisionsOf } from '../machines/registry';
export { revisionForNewInspection } from '../machines/revisionChoice';
export { SCCIF_GRADES } from '../machines/kit/grades';
export { boundaryProblem } from '../machines/kit/boundary';
export { broughtForwardWindow, nextWindow } from '../machines/sccif-rfc/cycle';
export { combineFollowUps } from '../machines/sccif-rfc/followUps';
export { assessManagerChange, managerChange, positionAfter } from '../machines/sccif-rfc/managerChange';
export { recommendationsToCheckNext } from '../machines/sccif-rfc/previousRecommendations';
export { SHIPPED_CALENDAR, extendsCalendar, holidayCalendarOf, sameCalendar, londonDateOf, startOfLondonDay } from '../calendar';
