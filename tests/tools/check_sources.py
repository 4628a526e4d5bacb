#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Two source rules behind "a database or config from someone else cannot run commands or inject SQL".

1. Nothing starts a shell: no system(), popen(), exec of /bin/sh or QProcess::startCommand in core/, app/
   or views/; child processes (the GUI's etlab-cli jobs) are given an argument list.
2. SQL text is joined from pieces only where every piece is the program's own (column lists read from this
   build's schema, the run filter's fixed clauses, integer PRAGMAs). Values always go through bound
   parameters. A new concatenation fails this check until it is reviewed and listed below with its reason.

Usage: check_sources.py REPOSITORY_ROOT
"""
import os
import re
import sys

REVIEWED = {
    # (file, SQL literal's first words, what is joined to it): why it cannot carry outside text
    ("run_store_read.cpp", "SELECT ", "kRunColumns"): "a constant column list",
    ("run_store_read.cpp", "SELECT count(*) FROM runs", "filter_sql"): "fixed clauses with ? placeholders; keys checked to [A-Za-z0-9_.]",
    ("run_store_exchange.cpp", "INSERT INTO main.runs(", "run_cols"): "columns of this build's own schema (pragma_table_info on main)",
    ("run_store_exchange.cpp", "INSERT INTO main.", "table"): "table names from the constant kRunTables",
    ("run_store_exchange.cpp", "INSERT INTO main.benchmarks(", "cols"): "columns of this build's own schema",
    ("run_store.cpp", "PRAGMA application_id = ", "std::to_string"): "an integer constant",
    ("run_store.cpp", "PRAGMA user_version = ", "std::to_string"): "an integer constant",
}
SHELL = re.compile(r'\b(system|popen)\s*\(|"/bin/sh"|startCommand\s*\(')
SQL_JOIN = re.compile(r'(?:std::string\()?"((?:SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|ALTER|DROP|ATTACH|WITH|REPLACE)'
                      r'[^"]*)"\)?\s*\+\s*([A-Za-z_][A-Za-z_:]*)')


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
                for m in SQL_JOIN.finditer(text):
                    joins += 1
                    literal, joined = m.group(1), m.group(2)
                    if not any(f == rf and literal.startswith(rl) and joined == rj for rf, rl, rj in REVIEWED):
                        problems.append(f"{path}:{text.count(chr(10), 0, m.start()) + 1}: SQL text joined with {joined}: "
                                        f"\"{literal[:50]}\" (bind the value, or review and list it)")
    for p in problems:
        print(p)
    print(f"{joins} SQL texts joined at run time, all reviewed" if not problems else f"{len(problems)} problems")
    print("no shell started in core/, app/, views/" if not any("shell" in p for p in problems) else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
