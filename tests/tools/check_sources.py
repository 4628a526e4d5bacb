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
    # (file, SQL literal's first characters, what is joined to it): why it cannot carry outside text
    ("run_store_read.cpp", "SELECT ", "kRunColumns"): "a constant column list",
    ("run_store_read.cpp", " FROM runs", "kRunColumns"): "a constant column list",
    ("run_store_read.cpp", " FROM runs", "filter_sql"): "fixed clauses with ? placeholders; --where keys checked to [A-Za-z0-9_.] and bound",
    ("run_store_read.cpp", "SELECT count(*) FROM runs", "filter_sql"): "the same fixed clauses",
    ("run_store_read.cpp", " ORDER BY (", "order"): "a column from a fixed list, or json_extract(summary, ?) with the key bound",
    ("run_store_read.cpp", "sql += order_sql", "order_sql"): "ORDER BY over `order` (above) and fixed words",
    ("run_store_read.cpp", "SELECT probe, step", "(decode ? \", data\" : \"\")"): "one of two literals",
    ("run_store_exchange.cpp", "INSERT INTO main.runs(", "run_cols"): "columns of this build's own schema (pragma_table_info on main)",
    ("run_store_exchange.cpp", ", experiment_id, status", "run_cols"): "the same columns",
    ("run_store_exchange.cpp", ", (SELECT m.id FROM", "run_cols"): "the same columns",
    ("run_store_exchange.cpp", "INSERT INTO main.", "table"): "table names from the constant kRunTables",
    ("run_store_exchange.cpp", " FROM src.", "table"): "table names from the constant kRunTables",
    ("run_store_exchange.cpp", " WHERE run_id IN", "table"): "table names from the constant kRunTables",
    ("run_store_exchange.cpp", "INSERT INTO main.benchmarks(", "cols"): "columns of this build's own schema",
    ("run_store_exchange.cpp", ") SELECT ", "cols"): "columns of this build's own schema",
    ("run_store_exchange.cpp", " FROM src.", "cols"): "columns of this build's own schema",
    ("run_store_exchange.cpp", "cols += ", "cols.empty"): "a separator chosen by position",
    ("run_store_exchange.cpp", "cols += ", "c"): "a column name read from this build's own schema, quoted",
    ("run_store.cpp", "PRAGMA application_id = ", "std::to_string"): "an integer constant",
    ("run_store.cpp", "PRAGMA user_version = ", "std::to_string"): "an integer constant",
    ("ownership.cpp", "owner_pid = ?, owner_host = ?", "allowed"): "one ? placeholder per status; the statuses are bound",
}
SHELL = re.compile(r'\b(system|popen)\s*\(|"/bin/sh"|startCommand\s*\(')
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
SQL_WORD = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|ALTER|DROP|ATTACH|DETACH|REPLACE|WHERE|ORDER BY|FROM|'
                      r'JOIN|LIMIT|VALUES|AND|OR)\b')
NAME = r'([A-Za-z_][\w:]*(?:\.\w+)*)'
JOINED_AFTER = re.compile(r'\)?\s*\+\s*(?:' + NAME + r'|(\([^;]*?\))\s*(?:\+|;|\)))')  # "SELECT " + name, "..." + (a ? b : c)
JOINED_BEFORE = re.compile(NAME + r'(?:\((?:[^()]|\([^()]*\))*\))?\s*\+\s*(?:std::string\()?$')  # name(f(x)) + " FROM"
APPENDED = re.compile(r'\b(?:sql|query|where|clause|order|cols)\s*\+=\s*([^;]*);')       # sql += <anything>
CXX_WORDS = {"std::string", "empty", "size", "c_str"}


def sql_joins(text):
    """(line, literal, joined name) for every place SQL text meets something that is not a literal.

    Shapes seen: a SQL literal followed by `+ name` or `+ (expression)`, one preceded by `name +` or
    `name(...) +`, and `sql += ...` (also query/where/clause/order/cols) with any name on its right.
    Other shapes (a SQL string built in a variable of another name and joined later, `<<`, `append`,
    std::format, lower-case SQL) are not seen: SQL in this code base is upper case in literals and the
    joins are kept to these shapes so that the check sees them."""
    for m in LITERAL.finditer(text):
        literal = m.group(0)[1:-1]
        if not SQL_WORD.search(literal):
            continue
        line = text.count("\n", 0, m.start()) + 1
        after = JOINED_AFTER.match(text, m.end())
        if after:
            yield line, literal, after.group(1) or after.group(2)
        before = JOINED_BEFORE.search(text[max(0, m.start() - 160):m.start()])
        if before:
            yield line, literal, before.group(1)
    for m in APPENDED.finditer(text):
        rhs = LITERAL.sub('""', m.group(1))
        rhs = re.sub(r'(\w)\s*\([^()]*\)', r'\1', rhs)  # a call counts as its function's name, not its arguments
        names = [n for n in re.findall(NAME, rhs) if n not in CXX_WORDS]
        for n in names:
            yield text.count("\n", 0, m.start()) + 1, m.group(0), n


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
                    if not any(f == rf and literal.startswith(rl) and joined == rj for rf, rl, rj in REVIEWED):
                        problems.append(f"{path}:{line}: SQL text joined with {joined}: "
                                        f"\"{literal[:50]}\" (bind the value, or review and list it)")
    for p in problems:
        print(p)
    print(f"{joins} SQL texts joined at run time, all reviewed" if not problems else f"{len(problems)} problems")
    print("no shell started in core/, app/, views/" if not any("shell" in p for p in problems) else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
