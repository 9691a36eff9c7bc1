// Parse results kept per path and text: a new project snapshot re-parses only the files whose text changed.
import { type CfgDocument, parseCfg } from '../../core/reader';

export class ParsedFiles {
  private readonly docs = new Map<string, CfgDocument>();

  parse(path: string, text: string): CfgDocument {
    const known = this.docs.get(path);
    if (known && known.text === text) return known;
    const doc = parseCfg(text);
    this.docs.set(path, doc);
    return doc;
  }

  forget(path: string): void {
    this.docs.delete(path);
  }
}
