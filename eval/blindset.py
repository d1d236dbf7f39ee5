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


def build_set(here, truth, questions, per_article=4, words=(450, 700), width=42):
    """The whole build of a blind set of 12 articles with `per_article` answerable and as many
    unanswerable questions each: titles and expected phrases found in their files (raw,
    unescaped or as plain text), word counts within `words`, then truth.jsonl and
    questions.jsonl written and the report printed."""
    errors = []
    fs = files(os.path.join(here, "corpus"))
    ids = [t[0] for t in truth]
    if sorted(ids) != sorted(fs):
        errors.append(f"truth ids {sorted(ids)} != corpus files {sorted(fs)}")
    raws = {i: open(p, encoding="utf-8").read() for i, p in fs.items()}
    plain = {i: re.sub(r"\s+", " ", text_of(p)) for i, p in fs.items()}

    def occurs(tid, s):
        s = s.lower()
        return s in raws.get(tid, "").lower() or s in html.unescape(raws.get(tid, "")).lower() \
            or s in plain.get(tid, "").lower()

    for tid, title, *_ in truth:
        if not occurs(tid, title):
            errors.append(f"{tid}: title not found in file")
        if tid in fs:
            n = len(text_of(fs[tid]).split())
            if not words[0] <= n <= words[1]:
                errors.append(f"{tid}: {n} words")
    check_questions(questions, fs, occurs, {i: per_article for i in ids}, errors)
    total = 2 * per_article * len(ids)
    if len(questions) != total or sum(1 for d, _, _ in questions if d is None) != total // 2:
        errors.append(f"question count {len(questions)}")
    write_set(here, truth, questions, errors)
    counts = [(tid, len(text_of(fs[tid]).split())) for tid in ids if tid in fs]
    finish(counts, errors, truth, questions, width)
