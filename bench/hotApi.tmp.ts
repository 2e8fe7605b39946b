import { startBenchApi } from './api';
import { openDatabase } from '../db';
import { DECISIONS } from './sides';
import { median, nowMs, percentile } from './stats';
import { InspectionRecord } from '../engine';
import { getDefinition } from '../machines/registry';

async function main() {
  const def = getDefinition('sccif-rfc-full', 1);
  const rec = InspectionRecord.start(def, { inspectionId: 'x', providerId: 'provider-1', input: {}, actor: { id: 'm', role: 'manager' }, now: Date.now() });
  const view = rec.view(Date.now());
  console.log('view bytes', JSON.stringify(view).length);
  const fake = { workflow: { getHandle: () => ({ executeUpdate: async () => view }) } } as never;
  const db = await openDatabase({ memory: true });
  const api = await startBenchApi(fake, db, 'q');
  const n = Number(process.argv[2] ?? 3000);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    await api.decide('insp-0123abcd-0000', DECISIONS[0]!);
    xs.push(nowMs() - t0);
  }
  console.log(`hot p50 ${median(xs.slice(n / 2)).toFixed(3)} p90 ${percentile(xs.slice(n / 2), 90).toFixed(3)}`);
  await api.close();
  await db.close();
}
main();
