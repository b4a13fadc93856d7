import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../src/node/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Tree {
  version?: string;
  dependencies?: Record<string, Tree>;
}

function versions(tree: Tree, name: string, out = new Set<string>()): Set<string> {
  for (const [dep, sub] of Object.entries(tree.dependencies ?? {})) {
    if (dep === name && sub.version) out.add(sub.version);
    versions(sub, name, out);
  }
  return out;
}

describe('the dependency tree', () => {
  it('holds one asn1js, so pkijs instanceof checks hold across packages', async () => {
    const r = await run('npm', ['ls', 'asn1js', '--all', '--json'], { cwd: root });
    const found = versions(JSON.parse(r.stdout) as Tree, 'asn1js');
    expect([...found]).toHaveLength(1);
    expect([...found][0]).toMatch(/^4\./);
  });
});
