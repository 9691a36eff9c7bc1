"""Times CPython's configparser on one file, in process, the way dbnd reads it: a stock ConfigParser, the private
_read, then parser.get() of every option of every section. Prints JSON with the median of several runs:
{"read_ms": ..., "read_get_ms": ..., "values": ...}.

  python3 configparser_timing.py PATH RUNS
"""
import configparser
import json
import statistics
import sys
import time


def main(path, runs):
    read_ms, read_get_ms = [], []
    values = 0
    for _ in range(runs + 1):  # the first run warms the file cache and is dropped
        t0 = time.perf_counter()
        parser = configparser.ConfigParser()
        with open(path, "r", encoding="utf-8") as fp:
            parser._read(fp, path)
        t1 = time.perf_counter()
        values = 0
        for section in parser.sections():
            for option in parser.options(section):
                parser.get(section, option)
                values += 1
        t2 = time.perf_counter()
        read_ms.append((t1 - t0) * 1000)
        read_get_ms.append((t2 - t0) * 1000)
    print(json.dumps({
        "read_ms": statistics.median(read_ms[1:]),
        "read_get_ms": statistics.median(read_get_ms[1:]),
        "values": values,
    }))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
