"""A small sentence classifier trained, when first used, on example sentences we wrote.

The rules in ``patterns.tsv`` find who did what to whom; they miss sentences whose words
the table lacks or whose parse is broken, and they cannot tell an IED from a grenade unless
a cue row says so. This classifier reads the words of a whole sentence instead: softmax
regression over word, word-pair and word-stem features, trained with Adam on the labelled
examples in ``data/`` (invented sentences written for this project; no dev gold is used).

Training takes about a second and is deterministic: same examples, same weights. There is no
model file to go stale; the examples are the model.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from newsevents.errors import DataError, Msg
from newsevents.events.codebook import ACLED_TYPES
from newsevents.tables import tsv_rows

COLUMNS = ("label", "text")
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|\d+")
#: Words too common to tell types apart; they only add noise with a few thousand examples.
_STOP = frozenset(
    "a an the of in on at to for and or by with from as is was were be been are has have had it its "
    "this that these those which who whom their his her they he she we our said says say".split()
)
#: How many leading letters a word keeps as its stem feature ("shelling" -> "shell").
STEM = 5


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled training sentence and the line it came from."""

    label: str
    text: str


def features(text: str) -> set[str]:
    """Return the features of ``text``: words, stems, and adjacent word pairs (stop words dropped)."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    out = {f"w:{w}" for w in words}
    out.update(f"s:{w[:STEM]}" for w in words if len(w) > STEM)
    out.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words))
    return out


@dataclass(frozen=True)
class TextClassifier:
    """Softmax regression over sparse binary features; ``probabilities`` sums to 1."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)

    def probabilities(self, text: str) -> dict[str, float]:
        """Return each label's probability for ``text``."""
        index = [self.vocabulary[f] for f in features(text) if f in self.vocabulary]
        scores = self.bias.copy()
        if index:
            scores += self.weights[index].sum(axis=0) / math.sqrt(len(index))
        exp = np.exp(scores - scores.max())
        probs = exp / exp.sum()
        return {label: float(p) for label, p in zip(self.labels, probs, strict=True)}

    def predict(self, text: str) -> tuple[str, float]:
        """Return the most likely label for ``text`` and its probability."""
        probs = self.probabilities(text)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]


def train(
    examples: Sequence[Example], *, epochs: int = 60, rate: float = 0.1, l2: float = 1e-4
) -> TextClassifier:
    """Return a classifier fitted to ``examples`` (full-batch Adam on the softmax loss with L2)."""
    if not examples:
        raise ValueError("no training examples")
    labels = tuple(sorted({e.label for e in examples}))
    label_index = {label: i for i, label in enumerate(labels)}
    rows = [sorted(features(e.text)) for e in examples]
    vocabulary: dict[str, int] = {}
    for row in rows:
        for feature in row:
            vocabulary.setdefault(feature, len(vocabulary))
    indices = np.array([vocabulary[f] for row in rows for f in row], dtype=np.int64)
    lengths = np.array([max(len(row), 1) for row in rows])
    starts = np.concatenate(([0], np.cumsum([len(row) for row in rows])[:-1]))
    row_of = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
    value = (1.0 / np.sqrt(lengths))[row_of]
    gold = np.zeros((len(rows), len(labels)))
    gold[np.arange(len(rows)), [label_index[e.label] for e in examples]] = 1.0
    weights = np.zeros((len(vocabulary), len(labels)))
    bias = np.zeros(len(labels))
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    nonempty = np.array([len(row) > 0 for row in rows])
    for step in range(1, epochs + 1):
        contrib = weights[indices] * value[:, None]
        scores = np.zeros((len(rows), len(labels)))
        if len(indices):
            scores[nonempty] = np.add.reduceat(contrib, starts[nonempty], axis=0)
        scores += bias
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        error = (probs - gold) / len(rows)
        columns = [
            np.bincount(indices, weights=value * error[row_of, c], minlength=len(vocabulary))
            for c in range(len(labels))
        ]
        grad_w = np.stack(columns, axis=1).astype(np.float64) + l2 * weights
        grad_b = error.sum(axis=0)
        weights, bias = _adam(weights, bias, grad_w, grad_b, moments, step, rate)
    return TextClassifier(labels, vocabulary, weights, bias)


def _adam(
    weights: np.ndarray,
    bias: np.ndarray,
    grad_w: np.ndarray,
    grad_b: np.ndarray,
    moments: list[np.ndarray],
    step: int,
    rate: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Return the weights after one Adam step (``moments`` is updated in place)."""
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    out = []
    for k, (param, grad) in enumerate(((weights, grad_w), (bias, grad_b))):
        first, second = moments[2 * k], moments[2 * k + 1]
        first *= beta1
        first += (1 - beta1) * grad
        second *= beta2
        second += (1 - beta2) * grad * grad
        corrected = first / (1 - beta1**step)
        scale = np.sqrt(second / (1 - beta2**step)) + eps
        out.append(param - rate * corrected / scale)
    return out[0], out[1]


def parse_examples(text: str, *, path: str, labels: Iterable[str] | None = None) -> list[Example]:
    """Return the examples of a ``label<TAB>text`` table; unknown labels and repeats raise DataError."""
    allowed = None if labels is None else frozenset(labels)
    out: list[Example] = []
    seen: set[str] = set()
    for number, (label, sentence) in tsv_rows(text, COLUMNS, path=path):
        if allowed is not None and label not in allowed:
            raise DataError(Msg.E501, path=path, line=number, reason=f"unknown label {label!r}")
        key = " ".join(sentence.lower().split())
        if not key or key in seen:
            raise DataError(Msg.E501, path=path, line=number, reason="empty or repeated example")
        seen.add(key)
        out.append(Example(label, sentence.strip()))
    return out


def packaged_examples(*names: str, labels: Iterable[str] | None = None) -> list[Example]:
    """Return the examples of the packaged tables ``names`` (in ``events/data``), in file order."""
    allowed = None if labels is None else tuple(labels)
    out: list[Example] = []
    for name in names:
        text = resources.files("newsevents.events").joinpath(f"data/{name}").read_text(encoding="utf-8")
        out += parse_examples(text, path=name, labels=allowed)
    return out


#: The tables the ACLED classifier learns from, and the label for "ACLED would not record this".
ACLED_TABLES = ("acled_train_violence.tsv", "acled_train_other.tsv")
NO_ACLED = "none"


@functools.cache
def acled_classifier() -> TextClassifier:
    """Return the ACLED sub-event classifier, trained once per process from the packaged examples."""
    names = {sub for subs in ACLED_TYPES.values() for sub in subs} | {NO_ACLED}
    return train(packaged_examples(*ACLED_TABLES, labels=names))


#: The table the CAMEO root classifier learns from (labels ``01``..``20`` and ``none``).
CAMEO_TABLE = "cameo_train.tsv"


@functools.cache
def cameo_classifier() -> TextClassifier:
    """Return the CAMEO root classifier, trained once per process from the packaged examples."""
    roots = [f"{n:02d}" for n in range(1, 21)]
    return train(packaged_examples(CAMEO_TABLE, labels=[*roots, NO_ACLED]))
