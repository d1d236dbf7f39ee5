"""Sanity check: JSON parses, ids match corpus files, expected phrases occur verbatim."""

import html
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
docs = {p.stem: p.read_text(encoding="utf-8") for p in (HERE / "corpus").iterdir()}
bad = 0
truth = [json.loads(line) for line in open(HERE / "truth.jsonl", encoding="utf-8")]
assert sorted(t["id"] for t in truth) == sorted(docs), "truth ids != corpus files"
for t in truth:
    assert set(t) == {"id", "title", "outlet", "date", "author", "url"}
    text = html.unescape(docs[t["id"]])
    for k in ("title", "author", "url"):
        if t[k] and t[k] not in text:
            print("truth field not on page:", t["id"], k, t[k])
            bad += 1
qs = [json.loads(line) for line in open(HERE / "questions.jsonl", encoding="utf-8")]
for q in qs:
    assert set(q) == {"q", "doc", "expect"}
    if q["doc"] is None:
        assert q["expect"] == []
        continue
    assert q["doc"] in docs, q
    assert 1 <= len(q["expect"]) <= 3, q
    for e in q["expect"]:
        if e not in docs[q["doc"]]:
            print("NOT VERBATIM:", q["doc"], repr(e))
            bad += 1
ans = sum(q["doc"] is not None for q in qs)
print(f"{len(docs)} docs, {len(qs)} questions: {ans} answerable, {len(qs) - ans} unanswerable")
for d, t in sorted(docs.items()):
    print(f"  {d}: {len(t.split())} words, {sum(q['doc'] == d for q in qs)} answerable")
sys.exit(1 if bad else 0)
