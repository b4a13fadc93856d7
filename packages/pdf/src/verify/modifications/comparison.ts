import type { DocMdpPermission } from '../../signing/certification.js';
import type { PdfObject } from '../../syntax/objects.js';
import type { RevisionHistory } from './history.js';
import type { FieldLocks } from './locks.js';
import { referencesIn } from './references.js';
import type { Modification } from './types.js';
import type { RevisionView } from './view.js';

/**
 * The lowest DocMDP permission under which each allowed kind of change stays allowed (ISO 32000-2
 * §12.8.2.2: 1 no changes, 2 form filling and signing, 3 also annotations; PAdES (ETSI EN 319 142-1
 * §5.4) exempts the DSS and document time-stamps). Kinds not listed are never allowed.
 */
const MINIMUM_PERMISSION: Readonly<Record<string, DocMdpPermission>> = {
  dss: 1,
  'document-timestamp': 1,
  metadata: 1,
  'catalog-extensions': 1,
  'unused-object': 1,
  'page-resources-copied': 1,
  'signature-added': 2,
  'signature-field-added': 2,
  'form-field-filled': 2,
  'field-flags': 2,
  'structure-tree': 2,
  'annotation-added': 3,
  'annotation-order': 3,
};

/** Kinds that may ride along with an LTV update under P=1, but not on their own. */
const LTV_COMPANIONS = new Set(['metadata', 'catalog-extensions']);

interface Verdict {
  kind: string;
  allowed: boolean;
}

/**
 * One comparison: revision `n` against the signed revision `r`. Rules explain the objects `n`
 * (re)defines; whatever no rule explains is disallowed (deny by default). Object numbers are judged
 * once, the first verdict standing unless a later one denies.
 */
export class Comparison {
  readonly before: RevisionView;
  readonly after: RevisionView;
  /** Objects revision `n` really changes (no-op rewrites and file structure left out). */
  readonly pending = new Set<number>();
  readonly #verdicts = new Map<number, Verdict>();
  readonly #keys = new Map<number, string>();
  readonly #trailer: Verdict[] = [];
  readonly #warnings: { nums: number[]; code: string; detail: string }[] = [];

  constructor(
    readonly history: RevisionHistory,
    readonly signed: number,
    readonly revision: number,
    /** The DocMDP permission in force for this revision (3 when no certification precedes it). */
    readonly permission: DocMdpPermission,
    /** Whether a certification signature precedes this revision. */
    readonly certified: boolean,
    readonly locks: FieldLocks,
  ) {
    this.before = history.view(signed);
    this.after = history.view(revision);
  }

  /** Whether the object did not exist in the signed revision. */
  isNew(num: number): boolean {
    return !this.before.has(num);
  }

  changed(num: number): boolean {
    return this.pending.has(num);
  }

  /** Records the object under `key` ("num gen") for the report. */
  track(num: number, key: string): void {
    this.#keys.set(num, key);
  }

  /** An allowed change of `kind` (ignored for objects this revision does not change). */
  explain(num: number, kind: string): void {
    if (!this.pending.has(num) || this.#verdicts.has(num)) return;
    this.#verdicts.set(num, { kind, allowed: true });
  }

  /** A disallowed change; it overrides an earlier allowed verdict on the same object. */
  deny(num: number, kind: string): void {
    if (!this.pending.has(num) && !this.#keys.has(num)) return;
    const v = this.#verdicts.get(num);
    if (v && !v.allowed) return;
    this.#verdicts.set(num, { kind, allowed: false });
  }

  /** A change to the trailer itself (its /Root, /Encrypt). */
  denyTrailer(kind: string): void {
    this.#trailer.push({ kind, allowed: false });
  }

  verdict(num: number): Verdict | undefined {
    return this.#verdicts.get(num);
  }

  /** A warning that stands if the change to any of `nums` ends up allowed. */
  warn(nums: number | number[], code: string, detail: string): void {
    this.#warnings.push({ nums: Array.isArray(nums) ? nums : [nums], code, detail });
  }

  /**
   * Explains (or denies) every object reachable from `value` through objects that are new since
   * the signed revision: the appearance streams of a new annotation, the streams of a DSS. Objects
   * that existed are not entered: each must be explained by a rule of its own.
   */
  async pullIn(value: PdfObject | undefined, kind: string, allowed = true): Promise<void> {
    if (value === undefined) return;
    const seen = new Set<number>();
    const stack = referencesIn(value).map((r) => r.num);
    while (stack.length > 0) {
      const num = stack.pop()!;
      if (seen.has(num) || !this.isNew(num) || !this.after.has(num)) continue;
      seen.add(num);
      if (allowed) this.explain(num, kind);
      else this.deny(num, kind);
      let inner: PdfObject;
      try {
        inner = await this.after.get(num);
      } catch {
        continue;
      }
      for (const r of referencesIn(inner)) stack.push(r.num);
    }
  }

  /**
   * Whether, in the signed revision, nothing but `expected` referred to `num` (-1 is the trailer):
   * an object may only be rewritten in the one role a rule approves, never where it is shared with
   * content (a shadow attack plants such sharing before signing).
   */
  async onlyUsedBy(num: number, expected: ReadonlySet<number>): Promise<boolean> {
    const refs = await this.history.referrers(num, this.signed);
    return refs.every((r) => expected.has(r.from));
  }

  /** The grouped result, with DocMDP applied to the allowed kinds. */
  result(): { modifications: Modification[]; warnings: { code: string; detail: string }[] } {
    const gate = (v: Verdict, hasLtv: boolean): Verdict => {
      if (!v.allowed) return v;
      const min = MINIMUM_PERMISSION[v.kind];
      if (min === undefined || this.permission < min) return { ...v, allowed: false };
      if (this.permission === 1 && LTV_COMPANIONS.has(v.kind) && !hasLtv) return { ...v, allowed: false };
      return v;
    };
    const verdicts = [...this.#verdicts.values()];
    const hasLtv = verdicts.some((v) => v.allowed && (v.kind === 'dss' || v.kind === 'document-timestamp'));
    const groups = new Map<string, Modification>();
    const add = (v: Verdict, object: string | undefined) => {
      const g = gate(v, hasLtv);
      const id = `${g.kind}\u0000${g.allowed}`;
      let m = groups.get(id);
      if (!m) {
        m = { revision: this.revision, kind: g.kind, objects: [], allowed: g.allowed };
        groups.set(id, m);
      }
      if (object !== undefined) m.objects.push(object);
    };
    const allowedNums = new Set<number>();
    for (const [num, v] of [...this.#verdicts].sort((a, b) => a[0] - b[0])) {
      add(v, this.#keys.get(num) ?? this.after.key(num));
      if (gate(v, hasLtv).allowed) allowedNums.add(num);
    }
    for (const v of this.#trailer) add(v, 'trailer');
    const warnings = this.#warnings
      .filter((w) => w.nums.some((n) => allowedNums.has(n)))
      .map(({ code, detail }) => ({ code, detail: `revision ${this.revision}: ${detail}` }));
    return { modifications: [...groups.values()], warnings };
  }
}
