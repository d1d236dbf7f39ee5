"""A deterministic synthetic news corpus for `make bench`, at any size.

Sentences are recombined from the seed corpus (a clause of one sentence joined to a clause
of another) and every proper name is replaced by an invented one, cast per article, so that
neither BM25 nor the dense index can find an answer by matching one rare word. The same
seed and size always give the same corpus.

Two outputs:
- `write_corpus(...)`: article files (front matter + paragraphs) for a real `citebot index`.
- `build_snapshot(...)`: a published snapshot of N chunks written through the real publishing
  path (`index.publish.publish`), streamed article by article, with cheap vectors:
  each clause is embedded once by the real encoder and synthetic sentences get the
  normalised sum of their clauses' vectors plus noise. Embedding cost is linear and is
  measured separately, so a 100,000-chunk snapshot builds in a minute instead of hours.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
SYLLABLES = (
    "ka lo ver min tas ro zel an bri dov ek fa gun hal ir jen ku lem nor osk pel quin rad sil "
    "tor ul vin wex yar zu mar bel cor dun el fen gor hes ist jor kel lun mor nes ol pra"
).split()
OUTLETS = ("Northgate Ledger", "The Daily Quill", "Harbor Times", "Meridian Post", "Kestrel News")
# Capitalised words that are not names: keep them as they are.
KEEP = frozenset(
    "The A An In On At He She It They We I His Her Their But And Or So As If When While After "
    "Before During Just Then This That These Those There What Who Why How Exclusive Capping "
    "Instead Meanwhile Still Since Also According Sources Source Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Twitter TMZ".split()
)


@dataclass
class Seed:
    clauses: list[str]
    names: list[str]
    vectors: np.ndarray | None = None  # one per clause, filled by embed()


@dataclass
class SynthArticle:
    id: str
    title: str
    outlet: str
    author: str
    date: str
    url: str
    paragraphs: list[list[str]]
    clause_ids: list[tuple[int, ...]] = field(default_factory=list)  # per sentence

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    @property
    def text(self) -> str:
        return "\n\n".join([self.title, *(" ".join(p) for p in self.paragraphs)])

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()[:16]

    def file_text(self) -> str:
        front = f"title: {self.title}\noutlet: {self.outlet}\nauthor: {self.author}\n"
        front += f"date: {self.date}\nurl: {self.url}\n"
        body = "\n\n".join(" ".join(p) for p in self.paragraphs)
        return f"---\n{front}---\n{self.title}\n\n{body}\n"


def load_seed(corpus: Path = SEED_CORPUS) -> Seed:
    from index.articles import find_article_files, read_article
    from index.chunking import split_sentences

    clauses: list[str] = []
    names: set[str] = set()
    for path in find_article_files(corpus):
        art = read_article(path)
        for span in split_sentences(art.text):
            sentence = art.text[span.start : span.end]
            for word in re.findall(r"(?<=[\w,’”] )[A-Z][a-z]+", sentence):
                if word not in KEEP:
                    names.add(word)
            # Clause boundaries: commas, semicolons and the conjunctions that join clauses.
            for piece in re.split(r"(?:, |; | but | and | while )", sentence):
                piece = piece.strip(' .,;“”"')
                if len(piece.split()) >= 4:
                    clauses.append(piece)
    return Seed(sorted(set(clauses)), sorted(names))


def embed(seed: Seed, encoder) -> None:  # type: ignore[no-untyped-def]
    seed.vectors = encoder.encode(seed.clauses)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def articles(seed: Seed, rng: random.Random, start: int = 0) -> Iterator[SynthArticle]:
    """An endless, deterministic stream of articles."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, seed.names)) + r")\b")
    n = start
    while True:
        cast: dict[str, str] = {}  # cast as names appear: most of the seed's never do

        def role(m: re.Match[str], cast: dict[str, str] = cast) -> str:
            name = m.group(1)
            if name not in cast:
                cast[name] = _name(rng)
            return cast[name]

        def recast(text: str) -> str:
            return pattern.sub(role, text)

        paragraphs: list[list[str]] = []
        clause_ids: list[tuple[int, ...]] = []
        for _ in range(rng.randint(3, 6)):
            para = []
            for _ in range(rng.randint(2, 5)):
                a = rng.randrange(len(seed.clauses))
                ids: tuple[int, ...] = (a,)
                text = seed.clauses[a]
                if rng.random() < 0.6:
                    b = rng.randrange(len(seed.clauses))
                    ids = (a, b)
                    text = f"{text}, {seed.clauses[b][0].lower()}{seed.clauses[b][1:]}"
                para.append(recast(text[0].upper() + text[1:]) + ".")
                clause_ids.append(ids)
            paragraphs.append(para)
        title = recast(seed.clauses[rng.randrange(len(seed.clauses))]).title()
        author = f"{_name(rng)} {_name(rng)}"
        date = f"20{rng.randint(18, 21)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        outlet = rng.choice(OUTLETS)
        url = f"https://{outlet.lower().replace(' ', '')}.example/{n}/{slug}"
        aid = f"synth_{n:06d}"
        yield SynthArticle(aid, title, outlet, author, date, url, paragraphs, clause_ids)
        n += 1


def write_corpus(out: Path, count: int, seed_value: int = 4) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    stream = articles(load_seed(), random.Random(seed_value))
    paths = []
    for _ in range(count):
        art = next(stream)
        path = out / f"{art.id}.txt"
        path.write_text(art.file_text(), encoding="utf-8")
        paths.append(path)
    return paths


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-9)).astype(np.float32)


def article_data(art: SynthArticle, seed: Seed, lens: list[int], noise, settings):  # type: ignore[no-untyped-def]
    """One synthetic article as a segment stores it (index.segments.ArticleData)."""
    from index.segments import ArticleData
    from index.shared.article import Article

    assert seed.vectors is not None, "embed(seed, encoder) first"
    text, h = art.text, art.hash
    spans, pos = [], 0
    for s in [art.title, *art.sentences]:
        start = text.index(s, pos)
        spans.append((start, start + len(s)))
        pos = start + len(s)
    title_vec = seed.vectors[art.clause_ids[0][0]]
    vecs = np.stack([title_vec] + [seed.vectors[list(ids)].sum(axis=0) for ids in art.clause_ids])
    vecs = _unit(vecs + 0.25 * noise.standard_normal(vecs.shape).astype(np.float32))
    budget, overlap = settings.chunk_tokens - 2, settings.overlap_sentences
    chunks, chunk_vecs, ids = [], [], []
    first = 0
    while first < len(spans):  # the same greedy packing as index/chunking.py
        last, used = first, 0
        while last < len(spans) and (last == first or used + lens[last] <= budget):
            used, last = used + lens[last], last + 1
        chunks.append((spans[first][0], spans[last - 1][1], first, last))
        chunk_vecs.append(_unit(vecs[first:last].mean(axis=0)))
        ids.append(f"{art.id}:{h}:c{first}")
        if last >= len(spans):
            break
        first = max(first + 1, last - overlap)
    article = Article(
        id=art.id,
        title=art.title,
        outlet=art.outlet,
        date=art.date,
        url=art.url,
        author=art.author,
        text=text,
        content_hash=h,
    )
    return ArticleData(
        article,
        ids,
        np.asarray(chunks, np.int64),
        np.asarray(spans, np.int64),
        np.stack(chunk_vecs),
        vecs,
    )


def stream(seed: Seed, counter, settings, target_chunks: int, seed_value: int = 4, start: int = 0):  # type: ignore[no-untyped-def]
    """ArticleData for synthetic articles until about `target_chunks` chunks (streamed:
    a million chunks never sit in memory at once)."""
    rng = random.Random(seed_value + start)
    noise = np.random.default_rng(seed_value + start)
    source = articles(seed, rng, start=start)
    clause_tokens = counter(seed.clauses)
    n_chunks = 0
    while n_chunks < target_chunks:
        batch = [next(source) for _ in range(min(200, max(1, target_chunks - n_chunks)))]
        for art in batch:
            # Word pieces estimated from the clauses (counted once): tokenizing millions of
            # synthetic sentences would dominate the build; packing only needs ~160 tokens.
            lens = [clause_tokens[art.clause_ids[0][0]]] + [
                sum(clause_tokens[i] for i in ids) + len(ids) for ids in art.clause_ids
            ]
            data = article_data(art, seed, lens, noise, settings)
            n_chunks += len(data.chunk_ids)
            yield data
            if n_chunks >= target_chunks:
                return


def build_snapshot(
    settings, seed: Seed, counter, target_chunks: int, seed_value: int = 4
) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Publish a snapshot of about `target_chunks` chunks into settings.home, through the
    real publishing path (index.publish): one segment, with its ANN index when large."""
    from index.publish import publish

    counts = {"articles": 0, "chunks": 0, "sentences": 0}

    def counted():  # type: ignore[no-untyped-def]
        for data in stream(seed, counter, settings, target_chunks, seed_value):
            counts["articles"] += 1
            counts["chunks"] += len(data.chunk_ids)
            counts["sentences"] += len(data.sentences)
            yield data

    publish(settings.snapshots_dir, settings.signature, counted(), set(), full=True)
    return counts


def questions(seed: Seed, count: int, seed_value: int = 4, start: int = 0) -> list[str]:
    """Questions about synthetic articles: names and content words of a real sentence."""
    rng = random.Random(seed_value + 1)
    stream = articles(seed, random.Random(seed_value))
    pool = [next(stream) for _ in range(max(50, count))]
    out = []
    templates = (
        "What did {name} say about {words}?",
        "Why {words}?",
        "When did {name} {words}?",
        "Who {words}?",
        "What happened with {words} according to {outlet}?",
    )
    for _ in range(count):
        art = rng.choice(pool)
        sent = rng.choice(art.sentences)
        words = [w for w in re.findall(r"[A-Za-z’']+", sent) if len(w) > 3]
        names = [w for w in words if w[0].isupper()] or [art.author.split()[0]]
        picked = " ".join(rng.sample(words, min(len(words), rng.randint(3, 6)))).lower()
        tpl = rng.choice(templates)
        out.append(tpl.format(name=rng.choice(names), words=picked, outlet=art.outlet))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of article files.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
