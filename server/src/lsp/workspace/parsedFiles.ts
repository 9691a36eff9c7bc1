// Parse results kept per path and text: a new project snapshot re-parses only the files whose text changed, and
// a changed file only around the change (core/reader reparseCfg: the blocks the edit touches; the others are
// moved into the new document). The change is the difference of the two texts, so a burst of didChange
// notifications linted once is one change, whatever the client sent.
import { type CfgDocument, parseCfg, reparseCfgText } from '../../core/reader';

export class ParsedFiles {
  private readonly docs = new Map<string, CfgDocument>();

  parse(path: string, text: string): CfgDocument {
    const known = this.docs.get(path);
    if (known && known.text === text) return known;
    // The previous document is consumed by the re-reading: only the newest one of a path is ever handed out
    // again, and every snapshot that held the old one was dropped when the text changed.
    const doc = known ? reparseCfgText(known, text) : parseCfg(text);
    this.docs.set(path, doc);
    return doc;
  }

  forget(path: string): void {
    this.docs.delete(path);
  }
}
