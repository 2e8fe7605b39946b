import { DEFAULT_MAX_CACHED_WORKFLOWS, workerTuningFromEnv } from '../../worker/tuning';

describe('worker tuning from the environment (worker/tuning.ts)', () => {
  it('keeps the measured default when WORKER_MAX_CACHED_WORKFLOWS is unset or empty', () => {
    expect(workerTuningFromEnv({})).toEqual({ maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS });
    expect(workerTuningFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '' })).toEqual({ maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS });
  });

  it('takes a whole number, 0 included (no cache: every task replays its history)', () => {
    expect(workerTuningFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '250' })).toEqual({ maxCachedWorkflows: 250 });
    expect(workerTuningFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '0' })).toEqual({ maxCachedWorkflows: 0 });
  });

  it.each(['-1', '1.5', 'lots', '1e3', ' '])('refuses %p with a message naming the variable', (raw) => {
    expect(() => workerTuningFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: raw })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });
});
