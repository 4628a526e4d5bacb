#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Size rules of the house style (shared/STYLE.md): no function over 150 lines, no source file over 600,
in core/, app/ and views/. Functions are found by their braces: a '{' that closes a line ending a
signature at namespace or class level opens a function body; the body's lines are counted from the
signature's first line to the closing '}'.

Usage: check_sizes.py REPOSITORY_ROOT [--list N]   (--list prints the N longest functions)
"""
import os
import re
import sys

MAX_FUNCTION = 150
MAX_FILE = 600
DIRS = ("core", "app", "views")
EXTS = (".cpp", ".h", ".inc")


def strip(text):
    """Blanks out comments, string and character literals (keeping newlines), so braces inside them don't count."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            if m:
                end = text.find(")" + m.group(1) + '"', i)
                end = n if end < 0 else end + len(m.group(1)) + 2
                out.append(re.sub(r"[^\n]", " ", text[i:end])); i = end
            else:
                out.append(c); i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else "")); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)


SIGNATURE_END = re.compile(r"\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(final\s*)?(->\s*[\w:<>,\s*&]+)?\s*(:[^;{}]*)?$", re.S)
NOT_FUNCTION = re.compile(r"\b(if|for|while|switch|catch|return|else|do)\b|=\s*$|\[[^\]]*\]\s*(\([^)]*\))?\s*(mutable\s*)?$")


def functions(text):
    """(name, first line, last line) of each function body at namespace/class level."""
    s = strip(text)
    found, depth_kinds, i = [], [], 0
    line_of = [0] * (len(s) + 1)
    ln = 1
    for k, ch in enumerate(s):
        line_of[k] = ln
        if ch == "\n":
            ln += 1
    line_of[len(s)] = ln
    stmt_start = 0
    for k, ch in enumerate(s):
        if ch in ";}":
            if ch == "}" and depth_kinds:
                kind, start, name, first = depth_kinds.pop()
                if kind == "function":
                    found.append((name, line_of[first], line_of[k]))
            stmt_start = k + 1
        elif ch == "{":
            head = s[stmt_start:k]
            inside_function = any(d[0] == "function" for d in depth_kinds)
            kind = "block"
            name = ""
            if not inside_function:
                h = head.strip()
                if SIGNATURE_END.search(h) and not NOT_FUNCTION.search(h.split("(")[0] if "(" in h else h):
                    m = re.search(r"([~\w:]+)\s*\(", h)
                    if m:
                        kind, name = "function", m.group(1)
            first = stmt_start + (len(head) - len(head.lstrip()))
            depth_kinds.append((kind, k, name, first))
            stmt_start = k + 1
    return found


def main():
    root = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 0
    problems, all_funcs = [], []
    for d in DIRS:
        for dirpath, _, files in os.walk(os.path.join(root, d)):
            for f in sorted(files):
                if not f.endswith(EXTS):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, root)
                text = open(path, encoding="utf-8", errors="replace").read()
                lines = text.count("\n")
                if lines > MAX_FILE:
                    problems.append(f"{rel}: {lines} lines (at most {MAX_FILE} per file)")
                for name, a, b in functions(text):
                    length = b - a + 1
                    all_funcs.append((length, rel, name, a))
                    if length > MAX_FUNCTION:
                        problems.append(f"{rel}:{a}: {name} is {length} lines (at most {MAX_FUNCTION} per function)")
    if top:
        for length, rel, name, a in sorted(all_funcs, reverse=True)[:top]:
            print(f"{length:5d}  {rel}:{a}  {name}")
    for p in problems:
        print(p)
    print(f"{len(all_funcs)} functions checked; {len(problems)} over the limits")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
