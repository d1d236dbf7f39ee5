"""Text → normalised 384-d vectors. Two encoders that must agree:

- `TorchEncoder`: sentence-transformers on torch, the reference the export is checked against.
- `OnnxEncoder`: the same weights exported to ONNX, run by onnxruntime: queries (importing
  torch costs seconds and hundreds of MB) and, one batch per core, the indexer (index/bulk.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

MAX_TOKENS = 256


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@functools.lru_cache(maxsize=8)
def load_tokenizer(model_dir: Path, max_tokens: int = MAX_TOKENS) -> Any:
    """One tokenizer per model and length, shared: parsing tokenizer.json costs 60-75 ms,
    and the query encoder and the word vectors (bot/core/word_vectors.py) read the same
    one. Sharing is safe as nothing changes it after this: encoding only reads it, from
    any number of threads (checked with batches and single words side by side)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.no_padding()  # the shipped tokenizer.json pads to 128; we pad per batch instead
    tok.enable_truncation(max_length=max_tokens)
    return tok


class TokenCounter:
    """Word pieces per text, without special tokens (for chunk budgets and throughput)."""

    def __init__(self, model_dir: Path) -> None:
        self._tok = load_tokenizer(model_dir, max_tokens=100_000)

    def __call__(self, texts: Sequence[str]) -> list[int]:
        if not texts:
            return []
        return [len(e.ids) for e in self._tok.encode_batch(list(texts), add_special_tokens=False)]


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


class TorchEncoder:
    def __init__(self, model_dir: Path, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()

        self.model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class OnnxEncoder:
    """Mean pooling + L2 normalisation over the exported transformer, in numpy."""

    def __init__(
        self, onnx_path: Path, model_dir: Path, threads: int | None = None, remember: int = 0
    ) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        opts.inter_op_num_threads = 1
        # Idle workers spinning between ops cost a one-question-at-a-time bot twice the CPU
        # and, on a busy 2-core machine, twice the latency (measured: 42 ms → 20 ms).
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = _open_session(ort, onnx_path, opts)
        self.tokenizer = load_tokenizer(model_dir)
        self.input_names = {i.name for i in self.session.get_inputs()}
        # One batch tokenised at a time per encoder: a batch already runs on every core.
        self._lock = threading.Lock()
        # Queries: the vectors of the last `remember` word-piece sequences. The tokenizer
        # folds case, so a question searched again in the case its articles write it
        # (bot/core/truecase.py) has the vector it had, and so has a question asked again.
        self._remember = remember
        self._memo: dict[tuple[int, ...], np.ndarray] = {}

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            encodings = self.tokenizer.encode_batch(list(texts))
        if not self._remember:
            return self._encode_all(encodings, batch_size)
        keys = [tuple(e.ids) for e in encodings]
        memo = self._memo  # another thread may start a new dict; this one stays whole
        found = {k: memo[k] for k in keys if k in memo}
        first: dict[tuple[int, ...], int] = {}  # each new sequence, encoded once
        for i, k in enumerate(keys):
            if k not in found:
                first.setdefault(k, i)
        if first:
            vectors = self._encode_all([encodings[i] for i in first.values()], batch_size)
            if len(memo) + len(first) > self._remember:
                memo = self._memo = {}
            fresh = dict(zip(first, vectors, strict=True))
            memo.update(fresh)
            found.update(fresh)
        return np.stack([found[k] for k in keys])

    def _encode_all(self, encodings: list[Any], batch_size: int) -> np.ndarray:
        order = np.argsort([len(e.ids) for e in encodings])  # similar lengths → little padding
        out = np.zeros((len(encodings), 384), dtype=np.float32)
        for lo in range(0, len(encodings), batch_size):
            idx = order[lo : lo + batch_size]
            out[idx] = self._encode_batch([encodings[i] for i in idx])
        return out

    def _encode_batch(self, encodings: list[Any]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return _normalise(pooled)


def optimized_path(onnx_path: Path) -> Path:
    """Where the export's graph is kept as onnxruntime optimizes it. The name carries the
    export's sizes and times and onnxruntime's version: a re-export (`index --rebuild`, a
    broken file replaced) or an upgrade never loads a graph optimized from another one."""
    import onnxruntime as ort

    data = onnx_path.with_name(onnx_path.name + ".data")
    stats = [f.stat() for f in (onnx_path, data) if f.exists()]
    key = "|".join([ort.__version__, *(f"{st.st_size}:{st.st_mtime_ns}" for st in stats)])
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]
    return onnx_path.with_name(f"{onnx_path.stem}.opt-{digest}.onnx")


def _open_session(ort: Any, onnx_path: Path, opts: Any) -> Any:
    """The session over the optimized graph when one is kept, else over the export, keeping
    its optimized graph for the next start: graph optimization is most of a session's start
    (measured: 150 ms CPU from the export, 85 ms from the kept graph; outputs identical).

    The graph is kept at the extended level: the full level adds layout changes specific to
    this CPU, which the session still applies when it loads the kept graph. It is written
    by whichever process loads the export first (the indexer's embedder, else the first
    question) under a temporary name and renamed, so a reader never sees half a file; a
    home it cannot write to only starts slower."""
    try:
        cached = optimized_path(onnx_path)
        if cached.is_file():
            with contextlib.suppress(Exception):  # unreadable: the export below still loads
                return ort.InferenceSession(
                    str(cached), sess_options=opts, providers=["CPUExecutionProvider"]
                )
        tmp = cached.with_name(f"{cached.stem}.{os.getpid()}.{threading.get_ident()}.tmp.onnx")
        level = opts.graph_optimization_level
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        opts.optimized_model_filepath = str(tmp)
        try:
            session = ort.InferenceSession(
                str(onnx_path), sess_options=opts, providers=["CPUExecutionProvider"]
            )
        except Exception:  # the kept graph cannot be written here (or the export is bad)
            opts.graph_optimization_level, opts.optimized_model_filepath = level, ""
            session = ort.InferenceSession(
                str(onnx_path), sess_options=opts, providers=["CPUExecutionProvider"]
            )
    except Exception as exc:  # onnxruntime's Fail/NoSuchFile: a missing or partial export
        from .shared.errors import StoreError

        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
        raise StoreError(
            f"the query model {onnx_path} cannot be loaded ({reason}); "
            "run `citebot index --rebuild`"
        ) from exc
    with contextlib.suppress(OSError):
        os.replace(tmp, cached)
        for old in onnx_path.parent.glob(f"{onnx_path.stem}.opt-*.onnx"):
            if old != cached and not old.name.endswith(".tmp.onnx"):
                old.unlink(missing_ok=True)  # kept for an export that is gone
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)  # not renamed: nothing half-written stays behind
    return session


def export_onnx(model_dir: Path, out_path: Path) -> Path:
    """Export the packaged transformer to ONNX (offline, once per data directory)."""
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True)
    bert.eval()

    class _Wrapped(torch.nn.Module):
        # transformers 5 changed forward()'s positional order; keywords pin it down.
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    model = _Wrapped().eval()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".tmp")
    ids = torch.ones((2, 16), dtype=torch.long)
    args = (ids, torch.ones_like(ids), torch.zeros_like(ids))
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings():
        # The tracer warns about shape-dependent branches that are constant for BERT.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            args,
            str(tmp),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "last_hidden_state": axes,
            },
            opset_version=17,
            dynamo=False,
        )
    _externalise_weights(tmp, data_name=out_path.name + ".data")
    os.replace(tmp, out_path)
    return out_path


def _externalise_weights(model_path: Path, data_name: str) -> None:
    """Move the weights into a side file next to the graph.

    onnxruntime then maps the weights instead of parsing a 90 MB protobuf: session start-up,
    the largest single cost of a cold `citebot ask`, drops by about half.
    """
    import onnx

    proto = onnx.load(str(model_path))
    # onnx appends to an existing data file; start from nothing after an interrupted export.
    (model_path.parent / data_name).unlink(missing_ok=True)
    onnx.save_model(
        proto,
        str(model_path),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=data_name,
        size_threshold=1024,
    )
