"""Record the text rules' golden digests (tests/golden/text_rules.json), or show one case's output.

    python -m tests.golden.record            # record every case with the code as it is now
    python -m tests.golden.record --show "generated report 17"   # print what the rules make of one case

Re-record only when a change to the rules' output is intended (a rule reads more, a message is reworded),
or when tests/test_text_golden.py says the corpus moved (tests/data, tests/factories.py, tests/narratives.py or
model.drafting, whose paragraphs the narratives hold, changed) and the rules did not change in the same commit.
phrases.txt, the text tests' phrasings the narratives borrow, is frozen; add to it by hand if wanted, then
re-record.
Before re-recording an intended change, look at what changed: `--show` a failing case here and on the
commit before, and compare.  The first recording was made with the text rules as they were before issue 14
made them fast (a copy of them then kept in tests/oracle/text, since removed).
"""
from __future__ import annotations

import argparse
import json
import pprint
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.golden import corpus  # noqa: E402


def record_group(group: str) -> dict[str, list[str]]:
    return {c.name: [corpus.digest(c.input), corpus.digest(c.output())] for c in corpus.GROUPS[group]()}


def write(recorded: dict[str, dict[str, list[str]]], path: Path = corpus.RECORD) -> None:
    """One case a line, so a re-recording's diff names the cases whose output changed."""
    lines = ["{"]
    for g, (group, cases) in enumerate(recorded.items()):
        lines.append(f"  {json.dumps(group, ensure_ascii=False)}: {{")
        rows = [f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(d)}" for name, d in cases.items()]
        lines.append(",\n".join(rows))
        lines.append("  }" + ("," if g < len(recorded) - 1 else ""))
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: Path = corpus.RECORD) -> dict[str, dict[str, list[str]]]:
    return json.loads(path.read_text(encoding="utf-8"))


def show(name: str) -> None:
    for make in corpus.GROUPS.values():
        for case in make():
            if case.name == name:
                pprint.pprint(case.output(), width=120)
                return
    sys.exit(f"no case named {name!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", metavar="CASE", help="print the output of one case instead of recording")
    args = ap.parse_args()
    if args.show:
        show(args.show)
        return
    write({group: record_group(group) for group in corpus.GROUPS})
    print(f"recorded {corpus.RECORD}")


if __name__ == "__main__":
    main()
