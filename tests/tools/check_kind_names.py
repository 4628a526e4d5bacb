#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""An attention kind's name is spelled once in core/, app/ and views/: in its own registry entry
(core/attention/kinds/<kind>.cpp), or, for the kinds other code refers to, as a constant in
core/config/attention_kind.h that the entry uses. Everything else reads the registry. Presets, docs,
tests and translations may spell names freely.

Checked: every string literal equal to a kind's name, or starting with it and ':' or '+' (a method
label such as "fixed_sparse:local"). "dense" is also an English word in labels and JSON fields of
the study; its uses as a kind go through kinds::kDense, and only names with an underscore are checked.

Usage: check_kind_names.py REPOSITORY_ROOT
"""
import os
import re
import sys


def kind_names(root):
    """{name: the files allowed to spell it}: its entry's file, and the constant's header where it has one."""
    names, constants = {}, {}
    header = "core/config/attention_kind.h"
    for const, name in re.findall(r'inline constexpr const char\* (k\w+) = "([^"]+)";',
                                  open(os.path.join(root, header), encoding="utf-8").read()):
        constants[const] = name
        names[name] = {header}
    kinds_dir = os.path.join(root, "core/attention/kinds")
    for f in sorted(os.listdir(kinds_dir)):
        rel = os.path.join("core/attention/kinds", f)
        text = open(os.path.join(kinds_dir, f), encoding="utf-8").read()
        for name in re.findall(r'k\.name = "([^"]+)";', text):
            names.setdefault(name, set()).add(rel)
        for const in re.findall(r'k\.name = kinds::(k\w+);', text):
            names.setdefault(constants[const], set()).add(rel)
    return names


def main():
    root = sys.argv[1]
    names = {n: where for n, where in kind_names(root).items() if "_" in n}
    if not names:
        print("no kind names found: the registry moved?")
        return 1
    literal = re.compile(r'"((?:[^"\\]|\\.)*)"')
    problems = []
    for top in ("core", "app", "views"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if not f.endswith((".cpp", ".h", ".inc")):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, f), root)
                for lineno, line in enumerate(open(os.path.join(dirpath, f), encoding="utf-8", errors="replace"), 1):
                    code = line.split("//")[0] if not line.lstrip().startswith("//") else ""
                    for text in literal.findall(code):
                        for name, home in names.items():
                            if (text == name or text.startswith(name + ":") or text.startswith(name + "+")) and rel not in home:
                                problems.append(f"{rel}:{lineno}: the kind name \"{name}\" (registered in {', '.join(sorted(home))})")
    for p in problems:
        print(p)
    print(f"{len(names)} kind names checked; {len(problems)} spelled outside their registry entry")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
