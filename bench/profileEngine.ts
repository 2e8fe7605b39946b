/**
 * Where the interpreter's CPU goes, without Temporal: `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profileEngine.ts`
 * runs the engine part of the benchmark many times; then `npx tsx bench/profileEngine.ts --summarise /tmp/prof/<file>`
 * prints the functions with the most self time, and the share of time under each of the engine's calls.
 */
import { readFileSync } from 'node:fs';
import { Progress } from './progress';
import { engineSuite } from './suites/pure';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function summarise(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules\/|main\/)/, '')}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName;
      if (name && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      }
    }
  }
  const total = profile.samples.length;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('self time:');
  for (const [k, v] of top(self, 15)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log('inclusive time of engine calls:');
  for (const name of ['engineSuite', 'view', 'decide', 'check', 'clocksAnswered', 'allowedEvents', 'transition', 'openClocks', 'statusOf', 'fireDueClocks', 'start']) {
    console.log(`  ${((100 * (inclusive.get(name) ?? 0)) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}

if (process.argv[2] === '--summarise') summarise(process.argv[3]!);
else engineSuite(new Progress(), 2000);
