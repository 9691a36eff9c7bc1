"""Reads .cfg text exactly as dbnd's read_from_config_stream does (stock ConfigParser, private _read, then
parser.get() for every option of every section, section names lower-cased by dbnd's _ConfigStore) and prints
the result as JSON. The oracle for the reader's differential tests.

  python3 read_like_dbnd.py file PATH            one file, opened like dbnd opens it (text mode, universal newlines)
  python3 read_like_dbnd.py batch IN.json OUT.json   IN: [{"text": ..., "source": ...}], OUT: one result per input

Results keep order as lists: {"sections": [[section, [[key, value], ...]], ...]} or {"error": {...}}.
"""
import configparser
import io
import json
import sys


def read_like_dbnd(fp, source):
    parser = configparser.ConfigParser()
    try:
        parser._read(fp, source)
        store = {}
        for section in parser.sections():
            for option in parser.options(section):
                value = parser.get(section, option)
                store.setdefault(section.lower(), {})[option] = value
    except configparser.Error as e:
        error = {"type": type(e).__name__, "line": getattr(e, "lineno", None), "message": str(e)}
        if isinstance(e, configparser.ParsingError) and hasattr(e, "errors"):
            error["errors"] = [{"line": line, "text": text} for line, text in e.errors]
            error["line"] = e.errors[0][0]
        for field in ("section", "option"):
            if hasattr(e, field):
                error[field] = getattr(e, field)
        return {"error": error}
    return {"sections": [[name, list(values.items())] for name, values in store.items()]}


def main(argv):
    if argv[1] == "file":
        with open(argv[2], "r", encoding="utf-8") as fp:
            print(json.dumps(read_like_dbnd(fp, argv[2])))
    elif argv[1] == "batch":
        with open(argv[2], "r", encoding="utf-8") as f:
            inputs = json.load(f)
        results = [read_like_dbnd(io.StringIO(i["text"], newline=None), i["source"]) for i in inputs]
        with open(argv[3], "w", encoding="utf-8") as f:
            json.dump(results, f)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
