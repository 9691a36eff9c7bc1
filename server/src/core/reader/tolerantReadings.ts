// The tolerant readings made so far (tolerantDocument.ts), per document, and the one each new version of a
// document starts from. While a line stays half-typed, every keystroke makes a document that does not load; its
// tolerant reading was a full parse of the whole text, so each keystroke cost the whole file and every section
// came back as a new node (the lint's section memo then answered none of them). The incremental reader hands a
// document's tolerant reading to the document it makes from it (`handOverTolerantReading`), and the next tolerant
// reading re-reads only the blocks the keystroke touched from it (`takeTolerantBasis`). A handed-over reading is
// consumed by that re-reading, as the strict document it belonged to was consumed by the edit.
// The first broken version has no previous tolerant reading (its previous version loaded): its reading starts
// from the version itself, whose blocks it takes, and the next version is read from that reading
// (incremental.ts). A reading whose blocks were taken so is not handed over.
import { hasReaderState } from './assemble';
import type { CfgDocument } from './model';
import type { TolerantDocument } from './tolerantDocument';

/** Each document's tolerant reading, once made (a document that loads is its own and is not listed). */
export const tolerantReadings = new WeakMap<CfgDocument, TolerantDocument>();

/** The tolerant document a document's reading may start from: its previous version's. */
const bases = new WeakMap<CfgDocument, CfgDocument>();

/** `next` was read from `previous` by the incremental reader: it may start its tolerant reading from previous's,
 *  or, when nobody asked for previous's (versions typed faster than the lint's debounce), from the one previous
 *  was handed and did not use. */
export function handOverTolerantReading(previous: CfgDocument, next: CfgDocument): void {
  const basis = tolerantReadings.get(previous)?.doc ?? takeTolerantBasis(previous);
  if (basis && hasReaderState(basis)) bases.set(next, basis);
}

/** The tolerant document `doc`'s reading may start from (handed out once), or undefined. */
export function takeTolerantBasis(doc: CfgDocument): CfgDocument | undefined {
  const basis = bases.get(doc);
  if (basis) bases.delete(doc);
  return basis;
}
