#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Two source rules behind "a database or config from someone else cannot run commands or inject SQL".

1. Nothing starts a shell: no system(), popen(), exec of /bin/sh or QProcess::startCommand in core/, app/
   or views/; child processes (the GUI's etlab-cli jobs) are given an argument list.
2. SQL text is joined from pieces only where every piece is the program's own (column lists read from this
   build's schema, the run filter's fixed clauses, integer PRAGMAs). Values always go through bound
   parameters. Every string literal that reads as SQL (an upper-case keyword) and stands on either side of
   a `+` with something that is not a literal, and every `sql += name` (or query/where/clause/order), is a
   join; a new one fails this check until it is reviewed and listed below with its reason.

Usage: check_sources.py REPOSITORY_ROOT
"""
import os
import re
import sys

REVIEWED = {
    # (file, the name joined to SQL text): why it cannot carry outside text
    ("run_store_read.cpp", "kRunColumns"): "a constant column list",
    ("run_store_read.cpp", "filter_sql"): "fixed clauses with ? placeholders; --where keys checked to [A-Za-z0-9_.] and bound",
    ("run_store_read.cpp", "order"): "a column from a fixed list, or json_extract(summary, ?) with the key bound",
    ("run_store_read.cpp", "order_sql"): "returns ORDER BY over `order` (above) and fixed words",
    ("run_store_exchange.cpp", "run_cols"): "columns of this build's own schema (pragma_table_info on main)",
    ("run_store_exchange.cpp", "cols"): "columns of this build's own schema",
    ("run_store_exchange.cpp", "table"): "table names from the constant kRunTables",
    ("run_store.cpp", "std::to_string"): "an integer constant (application_id, user_version)",
    ("run_store.cpp", "allowed"): "one ? placeholder per status; the statuses are bound",
}
SHELL = re.compile(r'\b(system|popen)\s*\(|"/bin/sh"|startCommand\s*\(')
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
SQL_WORD = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|ALTER|DROP|ATTACH|DETACH|REPLACE|WHERE|ORDER BY|FROM|'
                      r'JOIN|LIMIT|VALUES|AND|OR)\b')
NAME = r'([A-Za-z_][\w:]*(?:\.\w+)*)'
JOINED_AFTER = re.compile(r'\)?\s*\+\s*' + NAME)                               # "SELECT " + name
JOINED_BEFORE = re.compile(NAME + r'(?:\([^()]*\))?\s*\+\s*(?:std::string\()?$')  # name(...) + " FROM"
APPENDED = re.compile(r'\b(?:sql|query|where|clause|order)\s*\+=\s*' + NAME)       # sql += name


def sql_joins(text):
    """(line, literal, joined name) for every place SQL text meets something that is not a literal."""
    for m in LITERAL.finditer(text):
        literal = m.group(0)[1:-1]
        if not SQL_WORD.search(literal):
            continue
        line = text.count("\n", 0, m.start()) + 1
        after = JOINED_AFTER.match(text, m.end())
        before = JOINED_BEFORE.search(text[max(0, m.start() - 160):m.start()])
        for joined in (after, before):
            if joined:
                yield line, literal, joined.group(1)
    for m in APPENDED.finditer(text):
        yield text.count("\n", 0, m.start()) + 1, m.group(0), m.group(1)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    problems, joins = [], 0
    for top in ("core", "app", "views"):
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in files:
                if not f.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(d, f)
                text = open(path, encoding="utf-8").read()
                for m in SHELL.finditer(text):
                    problems.append(f"{path}:{text.count(chr(10), 0, m.start()) + 1}: may start a shell: {m.group(0)}")
                for line, literal, joined in sql_joins(text):
                    joins += 1
                    if (f, joined) not in REVIEWED:
                        problems.append(f"{path}:{line}: SQL text joined with {joined}: "
                                        f"\"{literal[:50]}\" (bind the value, or review and list it)")
    for p in problems:
        print(p)
    print(f"{joins} SQL texts joined at run time, all reviewed" if not problems else f"{len(problems)} problems")
    print("no shell started in core/, app/, views/" if not any("shell" in p for p in problems) else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
