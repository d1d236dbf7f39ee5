"""The one function every front end calls: a question in, a cited `Answer` out. No LLM.

The pipeline, each stage adding to what the last produced:
clean the question → `gather_evidence` (hybrid chunk retrieval, sentences scored) →
`compose` (refuse, or pick the best non-redundant sentences with their passages) →
`metadata_stage` (questions about an article itself) → news desk `annotate` (dates,
attributions, quote links, date order, "Sources differ") → `finalize` (numbering, text).
"""

from __future__ import annotations

import threading
import time

import numpy as np

from index.encoder import Encoder, OnnxEncoder
from index.replica import Refresher, open_snapshot
from index.shared.settings import Settings, get_settings
from index.snapshot import Snapshot, current_generation, load_snapshot

from .core.compose import Gate, compose, finalize
from .core.headline import headline_restated
from .core.kept_tables import keep_in
from .core.metadata import metadata_stage
from .core.models import Answer, Draft
from .core.questions import clean_question
from .core.scoring import Reader, Weights, gather_evidence
from .newsdesk.annotate import annotate
from .newsdesk.present import present_stage

# Query vectors kept by word pieces (index/encoder.py): 1.5 KB each.
QUERY_VECTORS = 1024


class Engine:
    def __init__(
        self,
        settings: Settings | None = None,
        snapshot: Snapshot | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        self.gate = Gate()
        self.weights = Weights()
        # A replica (CITEBOT_CHROMA_URL, no corpus) pulls from its server first.
        snapshot = snapshot or open_snapshot(self.settings)
        # The word tables a first answer reads, kept beside the model export once made.
        keep_in(self.settings.onnx_path.parent)
        self._refresher = Refresher(self.settings)
        self.encoder = encoder or OnnxEncoder(
            self.settings.onnx_path, self.settings.model_dir, remember=QUERY_VECTORS
        )
        self._reader = Reader(
            snapshot, self.encoder, self.settings.passage_chars, self.settings.word_vectors_path
        )
        self._reload_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max(1, self.settings.answer_threads))
        self._checked = time.monotonic()
        self.questions_answered = 0

    @property
    def snapshot(self) -> Snapshot:
        return self._reader.snapshot

    @property
    def reader(self) -> Reader:
        """The current generation as answering reads it (the timeline reads it too)."""
        return self._reader

    def reload_if_changed(self, min_interval: float = 1.0) -> bool:
        """Pick up a newly published index generation (cheap: one small file read).

        In server mode this also starts, now and then, a background refresh from the
        server (index/replica.py), which publishes a generation this picks up later.
        """
        self._refresher.poke()
        now = time.monotonic()
        if now - self._checked < min_interval:
            return False
        with self._reload_lock:
            self._checked = now
            gen = current_generation(self.settings.snapshots_dir)
            if gen is None or gen == self.snapshot.generation:
                return False
            snap = load_snapshot(self.settings.snapshots_dir)
            snap.bm25  # noqa: B018 - warm it before readers see the new generation
            self._reader = Reader(
                snap, self.encoder, self.settings.passage_chars, self.settings.word_vectors_path
            )
            return True

    def answer(
        self,
        question: str,
        k: int | None = None,
        context: str | None = None,
        mask: np.ndarray | None = None,
    ) -> Answer:
        """Safe from any number of threads; at most `answer_threads` compute at once.

        Scoring is Python that holds the GIL: answers running side by side starve the
        caller's event loop (measured on 2 busy cores: 100-400 ms stalls with 14 threads,
        under 40 ms one at a time) to gain about 1.5x throughput, so extra callers wait here.
        Raise CITEBOT_ANSWER_THREADS for a batch job with no event loop to keep alive.
        """
        with self._slots:
            started = time.perf_counter()
            draft = self.draft(question, k, context, mask)
            self.questions_answered += 1
            return finalize(draft, (time.perf_counter() - started) * 1000)

    def draft(
        self,
        question: str,
        k: int | None = None,
        context: str | None = None,
        mask: np.ndarray | None = None,
    ) -> Draft:
        """The answer before numbering: every stage's additions, for callers that look inside."""
        q = clean_question(question, self.settings.max_question_chars)
        k = max(1, min(k or self.settings.top_k, 10))
        reader = self._reader  # one generation for the whole answer
        evidence = gather_evidence(reader, q, context, mask, self.weights)
        evidence = headline_restated(evidence, reader)  # a headline's fact, cited in the body
        draft = compose(evidence, k, self.gate, self.settings.passage_chars)
        draft = present_stage(draft)  # "is … still", "now": the newest dated evidence leads
        draft = metadata_stage(draft)
        return annotate(draft, self.settings.passage_chars)
