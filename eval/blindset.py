"""What every blind set's build.py shares: its corpus files and their text, writing
truth.jsonl and questions.jsonl from the data in the script, and the closing report.
Each build.py keeps its own checks (how phrases must occur, word ranges, counts)."""

import html
import json
import os
import re
import sys


def files(corpus):
    """Article id (file name without extension) -> path, sorted by name."""
    return {os.path.splitext(n)[0]: os.path.join(corpus, n) for n in sorted(os.listdir(corpus))}


def text_of(path):
    """The file's text; an HTML page's without tags and scripts."""
    t = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        t = re.sub(r"<script.*?</script>", " ", t, flags=re.S)
        t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    return t


def verbatim_in(texts):
    """`occurs(doc, phrase)` for phrases that must stand in the file as written (its HTML
    entities read as their characters)."""
    def occurs(doc, phrase):
        raw = texts.get(doc, "")
        return phrase in raw or phrase in html.unescape(raw)

    return occurs


def write_set(here, truth, questions, errors):
    """truth.jsonl and questions.jsonl from (id, title, outlet, date, author, url) rows and
    (doc, q, expect) rows; a date that is not ISO and a line that does not parse are errors."""
    with open(os.path.join(here, "truth.jsonl"), "w", encoding="utf-8") as f:
        for tid, title, outlet, date, author, url in truth:
            if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                errors.append(f"{tid}: bad date {date}")
            f.write(json.dumps({"id": tid, "title": title, "outlet": outlet, "date": date,
                                "author": author, "url": url}, ensure_ascii=False) + "\n")
    with open(os.path.join(here, "questions.jsonl"), "w", encoding="utf-8") as f:
        for doc, q, exp in questions:
            f.write(json.dumps({"q": q, "doc": doc, "expect": exp}, ensure_ascii=False) + "\n")
    for name in ("truth.jsonl", "questions.jsonl"):
        for k, line in enumerate(open(os.path.join(here, name), encoding="utf-8"), 1):
            try:
                json.loads(line)
            except ValueError as e:
                errors.append(f"{name}:{k}: {e}")


def finish(word_counts, errors, truth, questions, width):
    """Each article's word count, then the errors (exit 1) or the OK line."""
    for tid, n in word_counts:
        print(f"{tid:{width}s} {n:4d} words")
    if errors:
        print("\n".join("ERROR: " + e for e in errors))
        sys.exit(1)
    answerable = sum(1 for d, _, _ in questions if d)
    print(f"OK: {len(truth)} articles, {len(questions)} questions "
          f"({answerable} answerable, {len(questions) - answerable} unanswerable)")


def check_questions(questions, docs, occurs, planned, errors):
    """(doc, q, expect) rows, unanswerables (doc None) following their article's answerable
    ones: 1-3 expected phrases, each occurring in its article (`occurs(doc, phrase)`), none
    for an unanswerable, `planned[doc]` of each kind per article, no question twice."""
    per, unans, cur = {}, {}, None
    for doc, q, exp in questions:
        if doc is None:
            if exp:
                errors.append(f"unanswerable with expect: {q}")
            unans[cur] = unans.get(cur, 0) + 1
            continue
        cur = doc
        per[doc] = per.get(doc, 0) + 1
        if doc not in docs:
            errors.append(f"unknown doc {doc}")
            continue
        if not 1 <= len(exp) <= 3:
            errors.append(f"{doc}: expect count {len(exp)}: {q}")
        for e in exp:
            if not occurs(doc, e):
                errors.append(f"{doc}: expect {e!r} not in file")
    for i, n in planned.items():
        if per.get(i) != n or unans.get(i) != n:
            errors.append(f"{i}: {per.get(i)} answerable, {unans.get(i)} unanswerable")
    if len({q for _, q, _ in questions}) != len(questions):
        errors.append("duplicate question text")
