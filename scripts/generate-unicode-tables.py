#!/usr/bin/env python3
"""Generates the Unicode tables the `lookalike-domain` rule needs (Swift has neither the
Unicode Script property nor the UTS #39 confusables data):

  Sources/Rules/Destinations/Data/UnicodeScriptTable.swift
      runs of code points and their Script (sc) value, for the scripts listed in SCRIPTS
      (UTS #39 "Recommended" scripts plus Cherokee, Common and Inherited); every other code
      point is `.other`.
  Sources/Rules/Destinations/Data/ConfusableSkeletonTable.swift
      for every code point that can appear in a host name and whose skeleton is not itself,
      its skeleton (a short sequence of scalars, possibly empty).

Where the data comes from
-------------------------
* Scripts: the PyPI package `regex` (its `\\p{Script=...}` classes), run over every code point.
* Confusables: Unicode's confusables.txt (UTS #39) is not on the build machines. The PyPI package
  `confusable_homoglyphs` (MIT, version 3.3.1) ships it as `confusables.json`, an undirected
  graph (each line `source -> prototype` is stored in both directions, and right-to-left
  characters are wrapped in U+200E marks, which we strip). Every class is a star around its
  prototype, so the prototype is recovered as the centre; for two-member classes the direction
  is lost and we take the multi-character member, else the ASCII one, else the lower code point.
  Which member represents a class does not change which strings have equal skeletons.
* Two ASCII look-alikes that confusables.txt does not list are added by hand (Chrome's IDN
  spoof checker has the same extras): `w` -> `vv` and `d` -> `cl` (`rn` -> `m`, `0` -> `O`,
  `1`/`I` -> `l` are in the Unicode data).
* Canonical decomposition: Python's `unicodedata` (NFD).

The skeleton of one character
-----------------------------
UTS #39 defines skeleton(X) = NFD(map(NFD(X))). Host names are case-insensitive and people
do not see accents on a phone screen, so we also lower-case and drop combining diacritics
(Inherited nonspacing marks), repeating until nothing changes. Upper-case characters are not
in the table (the Swift side lower-cases first), nor are Inherited nonspacing marks (the Swift
side drops them using the script table), nor Hangul syllables (they decompose to conjoining
jamo algorithmically and look like no Latin letter), nor the two Arabic phrase ligatures
U+FDFA and U+FDFB (their skeletons hold spaces; they are not valid in host names).

Usage
-----
    python3 -m pip install regex confusable_homoglyphs==3.3.1   # or: pip download + unzip
    python3 scripts/generate-unicode-tables.py [--confusables PATH/confusables.json]

The output is deterministic; commit the regenerated Swift files with the script change.
"""

import argparse
import collections
import json
import os
import sys
import unicodedata

import regex

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "Sources", "Rules", "Destinations", "Data")

# (Swift case name, Unicode Script value). Order is the Swift enum's order; `other` is 0.
SCRIPTS = [
    ("common", "Common"), ("inherited", "Inherited"),
    ("latin", "Latin"), ("greek", "Greek"), ("cyrillic", "Cyrillic"), ("armenian", "Armenian"),
    ("hebrew", "Hebrew"), ("arabic", "Arabic"), ("thaana", "Thaana"), ("devanagari", "Devanagari"),
    ("bengali", "Bengali"), ("gurmukhi", "Gurmukhi"), ("gujarati", "Gujarati"), ("oriya", "Oriya"),
    ("tamil", "Tamil"), ("telugu", "Telugu"), ("kannada", "Kannada"), ("malayalam", "Malayalam"),
    ("sinhala", "Sinhala"), ("thai", "Thai"), ("lao", "Lao"), ("tibetan", "Tibetan"),
    ("myanmar", "Myanmar"), ("georgian", "Georgian"), ("hangul", "Hangul"), ("ethiopic", "Ethiopic"),
    ("khmer", "Khmer"), ("hiragana", "Hiragana"), ("katakana", "Katakana"), ("bopomofo", "Bopomofo"),
    ("han", "Han"), ("cherokee", "Cherokee"),
]

EXTRA_CONFUSABLES = {"w": "vv", "d": "cl"}
BIDI_MARKS = "\u200e\u200f"
HANGUL_SYLLABLES = range(0xAC00, 0xD7A4)


def all_code_points():
    return [cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]


def script_runs():
    """Sorted (start, script index) runs covering every code point (index 0 = other)."""
    points = all_code_points()
    text = "".join(chr(cp) for cp in points)
    owner = [0] * 0x110000
    for index, (_, name) in enumerate(SCRIPTS, start=1):
        for match in regex.finditer(r"\p{Script=%s}+" % name, text):
            for position in range(match.start(), match.end()):
                owner[points[position]] = index
    runs = []
    for cp in range(0x110000):
        if not runs or runs[-1][1] != owner[cp]:
            runs.append((cp, owner[cp]))
    return runs, owner


def load_prototypes(path):
    """Maps each character of confusables.txt to its class representative."""
    with open(path, encoding="utf-8") as handle:
        graph = json.load(handle)
    clean = lambda text: "".join(ch for ch in text if ch not in BIDI_MARKS)
    neighbours = collections.defaultdict(set)
    for key, entries in graph.items():
        for entry in entries:
            a, b = clean(key), clean(entry["c"])
            if a and b and a != b:
                neighbours[a].add(b)
                neighbours[b].add(a)
    representative = {}
    seen = set()
    for start in sorted(neighbours):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in component:
                component.add(node)
                stack.extend(neighbours[node])
        seen |= component
        centres = [node for node in component if len(neighbours[node]) > 1]
        if len(component) > 2 and len(centres) != 1:
            sys.exit("confusables: a class is not a star: %r" % sorted(component))
        if centres:
            centre = centres[0]
        else:
            centre = min(component, key=lambda n: (len(n) == 1, not n.isascii(), [ord(c) for c in n]))
        for node in component:
            if len(node) == 1 and node != centre:
                representative[node] = centre
    representative.update(EXTRA_CONFUSABLES)
    return representative


INHERITED = [index for index, (_, name) in enumerate(SCRIPTS, start=1) if name == "Inherited"][0]


def is_diacritic(ch, owner):
    """Inherited nonspacing marks: dropped from skeletons (the Swift side checks this itself)."""
    return unicodedata.category(ch) == "Mn" and owner[ord(ch)] == INHERITED


def skeleton(text, representative, owner):
    for _ in range(10):
        step = unicodedata.normalize("NFD", text)
        step = "".join(representative.get(ch, ch) for ch in step)
        step = unicodedata.normalize("NFD", step.lower())
        step = "".join(ch for ch in step if not is_diacritic(ch, owner))
        if step == text:
            return text
        text = step
    sys.exit("skeleton does not converge for %r" % text)


def may_appear_in_host(ch):
    category = unicodedata.category(ch)
    return category[0] in "LN" or category in ("Mn", "Mc")


def skeleton_entries(representative, owner):
    entries = []
    for cp in all_code_points():
        ch = chr(cp)
        if cp in HANGUL_SYLLABLES or not may_appear_in_host(ch) or ch.lower() != ch or is_diacritic(ch, owner):
            continue
        result = skeleton(ch, representative, owner)
        if " " in result or len(result) > 15:
            continue  # Arabic ligatures of whole phrases (U+FDFA, U+FDFB): not valid in host names
        if result != ch:
            entries.append((cp, result))
    return entries


def swift_scalar(ch):
    return "\\u{%X}" % ord(ch)


HEADER = "// Generated by scripts/generate-unicode-tables.py. Do not edit: change the script and rerun it.\n"


def write_scripts(runs):
    cases = ["other"] + [case for case, _ in SCRIPTS]
    lines = [HEADER, "/// Unicode Script values the destination rules tell apart (`other`: any script not listed).",
             "enum UnicodeScript: UInt8, Sendable, CaseIterable {"]
    for index, case in enumerate(cases):
        lines.append("    case %s = %d" % (case, index))
    lines += ["}", "",
              "/// Runs of code points with one Script value: `start << 8 | script`, sorted by start;",
              "/// a run lasts until the next one starts. Source: the PyPI `regex` package's `\\p{Script=...}`.",
              "enum UnicodeScriptTable {",
              "    static let runs: [UInt32] = ["]
    row = []
    for start, index in runs:
        row.append("0x%08X" % (start << 8 | index))
        if len(row) == 8:
            lines.append("        " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("        " + ", ".join(row) + ",")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def write_skeletons(entries):
    pool = []
    offsets = {}
    packed = []
    for cp, result in entries:
        if result not in offsets:
            offsets[result] = len(pool)
            pool.extend(result)
        offset = offsets[result]
        if offset >= 1 << 20:
            sys.exit("skeleton table: entry too large for the packing")
        packed.append(cp << 24 | offset << 4 | len(result))
    lines = [HEADER,
             "/// Confusable skeletons of single characters (UTS #39 confusables.txt as shipped by the PyPI",
             "/// package `confusable_homoglyphs` 3.3.1, lower-cased, NFD, without combining diacritics).",
             "/// `entries`: `scalar << 24 | offset << 4 | length`, sorted by scalar; the skeleton is",
             "/// `pool[offset ..< offset + length]` (an empty skeleton means: drop the character).",
             "enum ConfusableSkeletonTable {",
             "    static let entries: [UInt64] = ["]
    row = []
    for value in packed:
        row.append("0x%011X" % value)
        if len(row) == 6:
            lines.append("        " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("        " + ", ".join(row) + ",")
    lines += ["    ]", "", "    static let pool: String = \"\"\""]
    tokens = [ch if ch.isascii() and ch.isalnum() else swift_scalar(ch) for ch in pool]
    chunk = ""
    for token in tokens:
        if len(chunk) + len(token) > 96:
            lines.append("        " + chunk + "\\")
            chunk = ""
        chunk += token
    lines.append("        " + chunk)
    lines += ["        \"\"\"", "}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--confusables", help="path to confusable_homoglyphs' confusables.json")
    args = parser.parse_args()
    path = args.confusables
    if path is None:
        try:
            import confusable_homoglyphs
        except ImportError:
            sys.exit("install confusable_homoglyphs==3.3.1 or pass --confusables PATH")
        path = os.path.join(os.path.dirname(confusable_homoglyphs.__file__), "confusables.json")
    runs, owner = script_runs()
    entries = skeleton_entries(load_prototypes(path), owner)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "UnicodeScriptTable.swift"), "w", encoding="utf-8") as handle:
        handle.write(write_scripts(runs))
    with open(os.path.join(OUT_DIR, "ConfusableSkeletonTable.swift"), "w", encoding="utf-8") as handle:
        handle.write(write_skeletons(entries))
    print("scripts: %d runs; skeletons: %d entries" % (len(runs), len(entries)))


if __name__ == "__main__":
    main()
