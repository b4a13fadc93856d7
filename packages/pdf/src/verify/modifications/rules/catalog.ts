import type { Comparison } from '../comparison.js';
import { changedKeys } from '../same.js';

/** Catalog entries other rules judge (their values may change, within those rules). */
const DELEGATED = new Set(['AcroForm', 'DSS', 'Metadata']);
/**
 * Entries a signer may change with no effect on what is shown: /Extensions (developer extensions
 * such as ADBE or ESIC, which signers declare) and /Version (a signer may raise the header version).
 */
const DESCRIPTIVE = new Set(['Extensions', 'Version']);

/** Names for refused catalog changes that say more than "catalog". */
const KEY_KINDS: Readonly<Record<string, string>> = {
  Pages: 'page-tree',
  // a certification added (or its permissions changed) after signing: a certification must come first
  Perms: 'permissions-changed',
};

/** What changed in the catalog: the delegated keys, for the other rules. */
export interface CatalogChange {
  keys: Set<string>;
  /** Whether /Extensions or /Version changed (explained after the other rules name the change). */
  descriptive: boolean;
  /** The catalog's object number (in the revision compared). */
  root: number | undefined;
}

/**
 * The catalog may only change in /AcroForm, /DSS and /Metadata (judged by their own rules) and in
 * /Extensions and /Version; anything else — /Pages, /Names, /OpenAction, /Perms, … — is disallowed.
 * Replacing the catalog object (a new /Root) is disallowed outright.
 */
export async function judgeCatalog(cmp: Comparison): Promise<CatalogChange> {
  const oldRoot = cmp.before.rootRef;
  const newRoot = cmp.after.rootRef;
  const change: CatalogChange = { keys: new Set(), descriptive: false, root: newRoot?.num };
  if (!newRoot || !oldRoot || oldRoot.num !== newRoot.num) {
    cmp.denyTrailer('catalog');
    if (newRoot) cmp.deny(newRoot.num, 'catalog');
    return change;
  }
  if (!cmp.changed(newRoot.num)) return change;
  const [before, after] = [await cmp.before.catalog(), await cmp.after.catalog()];
  if (!before || !after) {
    cmp.deny(newRoot.num, 'catalog');
    return change;
  }
  for (const key of await changedKeys(before, after, cmp.after.store)) {
    if (DELEGATED.has(key)) change.keys.add(key);
    else if (DESCRIPTIVE.has(key)) {
      change.descriptive = true;
      await cmp.pullIn(after.get(key), 'catalog-extensions');
    } else cmp.deny(newRoot.num, KEY_KINDS[key] ?? 'catalog');
  }
  return change;
}
