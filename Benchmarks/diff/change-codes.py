#!/usr/bin/env python3
"""Re-point N codes of a generated portfolio, as a pull request would (for Benchmarks/diff/run.sh).

Picks N code files spread evenly over the portfolio (sorted paths, deterministic) and, in each,
re-points the first code: its `target:` gets a `/v2` suffix and its `change-reason:` is set (the
base rule `destination-change-needs-reason` wants a new one). Prints the ids it changed.

    python3 Benchmarks/diff/change-codes.py --count 10 PORTFOLIO
"""

import argparse
import os
import sys


def code_files(root):
    found = []
    for folder, _, names in os.walk(os.path.join(root, "codes")):
        for name in names:
            if name.endswith(".yaml") and name != "_defaults.yaml":
                found.append(os.path.join(folder, name))
    return sorted(found)


def repoint_first_code(path, number):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("  - id: "))
    end = next((i for i in range(start + 1, len(lines)) if lines[i] == "" or lines[i].startswith("  - id: ")), len(lines))
    block = lines[start:end]
    reason = f"    change-reason: Benchmark re-point {number} (the page moved)."
    target = next(i for i, line in enumerate(block) if line.startswith("    target: "))
    block[target] = block[target] + "/v2"
    existing = next((i for i, line in enumerate(block) if line.startswith("    change-reason: ")), None)
    if existing is None:
        block.insert(target + 1, reason)
    else:
        block[existing] = reason
    lines[start:end] = block
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    return lines[start].split(": ", 1)[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("portfolio")
    args = parser.parse_args()
    files = code_files(args.portfolio)
    if len(files) < args.count:
        sys.exit(f"change-codes.py: only {len(files)} code files")
    step = len(files) // args.count
    for number in range(args.count):
        print(repoint_first_code(files[number * step], number + 1))


if __name__ == "__main__":
    main()
