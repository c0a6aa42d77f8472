"""Hostile inputs the property tests and the CLI fuzz tests share, and the shape every refusal must have."""

from __future__ import annotations

import re

LOCATED = re.compile(r"^.+:[1-9]\d*:[1-9]\d*: \S.*\Z")  # path:line:col: message, on one line

# YAML scalars that other parsers read as numbers, booleans, objects or aliases
YAML_SCALARS = [".nan", ".inf", "-.inf", "1e12", "0x1F", "0o17", "1_000", "9" * 5000, "~", "yes", "'90'",
                "!!python/object:os.system {}", "!!binary aGVsbG8=", "*a", "&a 5", "[1, 2]", "{a: 1}",
                "'pbkdf2_sha256$1$00$00'", "'pbkdf2_sha256$2000000000$" + "ab" * 16 + "$" + "cd" * 32 + "'"]

# YAML that must be refused, or read as plain data: tags, merge keys, huge or deep values, odd characters
SNIPPETS = ["!!python/object/apply:os.system ['true']\n", "<<: *a\n", "a: &a {x: 1}\nb: {<<: *a}\n",
            "- " + "9" * 5000 + "\n", "x: " + "[" * 200 + "]" * 200 + "\n", "x: " + "{a: " * 60 + "1" + "}" * 60 + "\n",
            "? [a, b]\n: c\n", "&a [*a]\n", "x: !!binary aGk=\n", "\t- tab\n", "---\nsecond: document\n",
            "x: *undefined\n", "'\n", "x: 1e999\n", "id: \u202e\x1b[31mred\n", "\ufeff", "key: value\nkey: again\n"]
