"""pyvi's word segmentation, scored straight from its CRF model with numpy.

`tokenize(text)` returns exactly `pyvi.ViTokenizer.ViTokenizer.tokenize(text)`,
and `tokenize_many(texts)` does so for a batch, many times faster than pyvi.

pyvi's model is a linear-chain CRF (python-crfsuite) with two labels, B_W
(a word starts) and I_W (the syllable continues the word before it), and about
6,300 weighted attributes. Tagging a sentence is: for each syllable, add up the
weights of its attributes (its own lower-cased form and shape, its neighbours',
and whether it starts or ends a bigram or trigram of pyvi's word list), then
run a two-state Viterbi. Here:

- the weights are read once from the model file inside pyvi's pickle (the
  CRFsuite binary format, parsed below), without importing pyvi or
  scikit-learn;
- each distinct syllable is looked up once: the sums of its attributes as the
  syllable itself, as the left and as the right neighbour are kept in a table;
- a whole batch of sentences is scored at once: a table gather and a few
  array additions give every syllable's scores, and the Viterbi runs over all
  sentences together, one array operation per position.

The results are bit for bit CRFsuite's: its scores are sums of float64
weights in the order pyvi lists the attributes, and its Viterbi keeps the
first of equal scores; the code below adds the same numbers in the same order
and breaks ties the same way (a test compares with pyvi, and the benchmark did
on all of VNTC train). If pyvi's files are not laid out as expected, pyvi
itself is called instead, with a warning.

Not thread-safe: all calls share one table of syllables.
"""

import codecs
import importlib.util
import pickle
import re
import string
import struct
import threading
import unicodedata
import warnings
from itertools import repeat
from pathlib import Path

import numpy as np

# pyvi's sylabelize() pattern, same alternatives in the same order; the
# groups are non-capturing so findall() returns the tokens themselves.
_SYLLABLE_PATTERN = "|".join([
    r"[A-ZĐ]+\.", r"Tp\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"ThS\.",
    r"==>", r"->", r"\.\.\.", r">>", "\n",
    r"\w+://[^\s]+",
    r"[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+",
    r"\d+(?:[\.,_]\d+)+",
    r"[^\w\s]",
    r"\w+",
])
# Marks where each text's syllables start and end in a batch: a whitespace
# character, so never part of a syllable.
_SEP = "\x1f"

# Bounds the syllable table on long runs over open vocabularies (all of VNTC
# train has about 90,000 distinct syllables).
_MAX_SYLLABLES = 200_000
_INITIAL_ROWS = 4096  # the table doubles when full

# Columns of the syllable table: the summed weights of what a syllable adds to
# its own item, then to the item after it (as "-1:"), then to the one before
# it (as "+1:"), kept apart so they are added one by one as CRFsuite does.
_OWN, _AS_PREV, _AS_NEXT = 0, (1, 2, 3), (4, 5, 6)
_COLUMNS = 7
_BOUNDARY = 0  # the syllable id of _SEP: no weights, in no n-gram, never joined


class ModelLayoutError(Exception):
    """pyvi's model files are not what this module knows how to read."""


# ---------------------------------------------------------------- the model

def _pyvi_models_dir() -> Path:
    spec = importlib.util.find_spec("pyvi")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModelLayoutError("pyvi is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "models"


class _Kept:
    """Stands in for every class in pyvi's pickle; keeps its state as attributes."""

    def __init__(self, *args):
        pass

    def __setstate__(self, state):
        if isinstance(state, dict):
            self.__dict__.update(state)


class _ModelUnpickler(pickle.Unpickler):
    """Reads pyvi's pickled sklearn_crfsuite.CRF without importing (or running) anything."""

    def find_class(self, module, name):
        if (module, name) == ("_codecs", "encode"):  # how pickle stores bytes written by Python 2
            return codecs.encode
        if module.split(".")[0] in ("sklearn_crfsuite", "pycrfsuite", "numpy"):
            return _Kept
        raise ModelLayoutError(f"unexpected {module}.{name} in pyvi's model pickle")


def _crfsuite_model_bytes(pickle_path: Path) -> bytes:
    """The CRFsuite model file that sklearn_crfsuite keeps inside its pickle."""
    with open(pickle_path, "rb") as handle:
        try:
            crf = _ModelUnpickler(handle).load()
        except ModelLayoutError:
            raise
        except Exception as error:  # a damaged pickle fails in many ways; all mean "not the layout we know"
            raise ModelLayoutError(f"pyvi's model pickle cannot be read ({type(error).__name__}: {error})") from None
    try:
        return crf.modelfile.__dict__["__FILE_RESOURCE_DATA__"]
    except (AttributeError, KeyError):
        raise ModelLayoutError("pyvi's pickle holds no CRFsuite model file") from None


def _cqdb_strings(data: bytes, offset: int) -> list[bytes]:
    """The strings of a CRFsuite string table (CQDB chunk), by id."""
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4s5I", data, offset)
    if magic != b"CQDB":
        raise ModelLayoutError("CRFsuite string table not found")
    strings = []
    for expected, where in enumerate(struct.unpack_from(f"<{count}I", data, offset + backward)):
        key_id, size = struct.unpack_from("<2I", data, offset + where)
        if key_id != expected or size == 0:
            raise ModelLayoutError("CRFsuite string table out of order")
        start = offset + where + 8
        strings.append(data[start:start + size - 1])  # size counts the closing NUL
    return strings


def _read_crfsuite(data: bytes):
    """(attribute name -> id, state weights [attribute, label], transition weights [from, to])."""
    try:
        magic, _size, kind, version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs = \
            struct.unpack_from("<4sI4s7I", data, 0)
        if (magic, kind, version, n_labels) != (b"lCRF", b"FOMC", 100, 2):
            raise ModelLayoutError(f"not a 2-label CRFsuite model ({magic}, {kind}, {version}, {n_labels})")
        if _cqdb_strings(data, off_labels) != [b"B_W", b"I_W"]:
            raise ModelLayoutError("the model's labels are not B_W, I_W")
        names = _cqdb_strings(data, off_attrs)
        chunk, _chunk_size, n_features = struct.unpack_from("<4s2I", data, off_features)
        if chunk != b"FEAT" or len(names) != n_attrs:
            raise ModelLayoutError("CRFsuite feature table not found")
        features = np.frombuffer(data, np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                                 n_features, off_features + 12)
    except (struct.error, ValueError) as error:
        raise ModelLayoutError(f"truncated CRFsuite model: {error}") from None
    state, trans = features[features["type"] == 0], features[features["type"] == 1]
    if (len(state) + len(trans) != n_features or len(trans) != 4 or state["src"].max(initial=0) >= n_attrs
            or state["dst"].max(initial=0) > 1 or np.unique(state[["src", "dst"]]).size != len(state)):
        raise ModelLayoutError("unexpected CRFsuite features")
    weights = np.zeros((n_attrs, 2))
    weights[state["src"], state["dst"]] = state["w"]
    transitions = np.zeros((2, 2))
    transitions[trans["src"], trans["dst"]] = trans["w"]
    return {name: i for i, name in enumerate(names)}, weights, transitions


class _Model:
    """pyvi's CRF weights and n-gram lists, in the shapes the scorer needs."""

    def __init__(self, models_dir: Path):
        self.attributes, self.weights, self.transitions = _read_crfsuite(
            _crfsuite_model_bytes(models_dir / "pyvi3.pkl"))
        # pyvi tests ' '.join(syllables).lower() against the lines of words.txt
        # with two and three parts. Lower-cased syllables hold no space, so that
        # is matching each one against a part; with the parts numbered, an
        # n-gram is one integer (base: the number of parts + 1, for "none").
        lines = (models_dir / "words.txt").read_bytes().decode("utf-8").split("\n")
        ngrams = [line.split(" ") for line in lines if len(line.split(" ")) in (2, 3)]
        self.part_ids = {part: i for i, part in enumerate(sorted({p for parts in ngrams for p in parts}))}
        self.no_part = len(self.part_ids)
        self.bigrams = np.unique([self.ngram_key(p) for p in ngrams if len(p) == 2])
        self.trigrams = np.unique([self.ngram_key(p) for p in ngrams if len(p) == 3])
        self.flags = [self.weight(name) for name in (b"-1:word.bi_gram()", b"-2:word.tri_gram()",
                                                     b"+1:word.bi_gram()", b"+2:word.tri_gram()")]

    def ngram_key(self, parts) -> int:
        key = 0
        for part in parts:
            key = key * (self.no_part + 1) + self.part_ids[part]
        return key

    def weight(self, name: bytes):
        """The (B_W, I_W) weights of an attribute; (0, 0) for one the model does not know."""
        i = self.attributes.get(name)
        return (0.0, 0.0) if i is None else tuple(self.weights[i].tolist())

    def summed(self, names):
        """Weights of attributes added one after the other from 0, as CRFsuite does for an item."""
        b = i = 0.0
        for name in names:
            wb, wi = self.weight(name)
            b, i = b + wb, i + wi
        return b, i


def _in_sorted(keys, table):
    """Which of `keys` are in the sorted array `table`."""
    where = np.searchsorted(table, keys)
    return table[np.minimum(where, len(table) - 1)] == keys


# --------------------------------------------------------------- the scorer

class _Segmenter:
    def __init__(self, model: _Model):
        self.model = model
        self.findall = re.compile(_SYLLABLE_PATTERN).findall
        self._reset()

    def _reset(self):
        self.ids = {_SEP: _BOUNDARY}
        capacity = _INITIAL_ROWS
        self.table = np.zeros((capacity, _COLUMNS, 2))
        self.part = np.full(capacity, self.model.no_part, dtype=np.int64)
        self.joinable = np.zeros(capacity, dtype=bool)
        self.title = np.zeros(capacity, dtype=bool)

    def _add(self, tok: str) -> int:
        """A new syllable's id; its row of the table holds what pyvi's features for it weigh."""
        i = len(self.ids)
        if i == len(self.table):
            self.table, self.part, self.joinable, self.title = (
                np.concatenate([a, np.full_like(a, a[_BOUNDARY])])
                for a in (self.table, self.part, self.joinable, self.title))
        lower = tok.lower()
        # CRFsuite reads attribute names as C strings, so a NUL ends them; strict
        # encoding fails on lone surrogates just as pyvi does.
        key = lower.encode().split(b"\0", 1)[0]
        upper, title = tok.isupper(), tok.istitle()
        own = [b"bias", b"word.lower():" + key] + [b"word.isupper()"] * upper + [b"word.istitle()"] * title
        own += [b"word.isdigit()"] * tok.isdigit()
        weight = self.model.weight
        row = self.table[i]
        row[_OWN] = self.model.summed(own)
        # pyvi lists istitle before isupper for neighbours
        row[_AS_PREV[0]] = weight(b"-1:word.lower():" + key)
        row[_AS_PREV[1]] = weight(b"-1:word.istitle()") if title else (0.0, 0.0)
        row[_AS_PREV[2]] = weight(b"-1:word.isupper()") if upper else (0.0, 0.0)
        row[_AS_NEXT[0]] = weight(b"+1:word.lower():" + key)
        row[_AS_NEXT[1]] = weight(b"+1:word.istitle()") if title else (0.0, 0.0)
        row[_AS_NEXT[2]] = weight(b"+1:word.isupper()") if upper else (0.0, 0.0)
        self.part[i] = self.model.part_ids.get(lower, self.model.no_part)
        # pyvi's joining rule: `tok not in string.punctuation` is a substring test
        self.joinable[i] = tok not in string.punctuation and not tok[0].isdigit()
        self.title[i] = tok[0].istitle()
        self.ids[tok] = i
        return i

    def tokenize_many(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        if len(self.ids) > _MAX_SYLLABLES:
            self._reset()
        toks = [_SEP]
        for text in texts:
            self._syllables(unicodedata.normalize("NFC", text), toks)
            toks.append(_SEP)
        ids = np.fromiter(map(self.ids.get, toks, repeat(-1)), dtype=np.int64, count=len(toks))
        for position in np.flatnonzero(ids < 0).tolist():
            ids[position] = self.ids.get(toks[position]) or self._add(toks[position])

        boundaries = np.flatnonzero(ids == _BOUNDARY)
        lengths = np.diff(boundaries) - 1
        labels = self._viterbi(self._scores(ids), boundaries[:-1], lengths)

        # pyvi's joining rule between each syllable and the one before it
        joinable, title = self.joinable[ids], self.title[ids]
        inside = ~((ids == _BOUNDARY)[1:] | (ids == _BOUNDARY)[:-1])
        underscore = labels[1:] & joinable[1:] & joinable[:-1] & (title[:-1] | ~title[1:])
        pieces = [""] * (2 * len(toks) - 1)
        pieces[::2] = toks
        pieces[1::2] = _SEPARATORS[inside * (1 + underscore)].tolist()
        out = "".join(pieces).split(_SEP)[1:-1]
        # pyvi returns a text without syllables unchanged, not normalised
        for k in np.flatnonzero(lengths == 0).tolist():
            out[k] = texts[k]
        return out

    def _syllables(self, text: str, out: list) -> None:
        """Append pyvi's syllables of `text` to `out`.

        No syllable spans whitespace but the newline, which is one of its own,
        so a text without newlines splits at whitespace first; a chunk of
        letters and digits is then one syllable (no alternative of the pattern
        before `\\w+` can match it), and only the others need the pattern.
        This does the regular expression's work about twice as fast.
        """
        if "\n" in text:
            out += self.findall(text)
            return
        append, findall = out.append, self.findall
        for chunk in text.split():
            if chunk.isalnum():
                append(chunk)
            else:
                out += findall(chunk)

    def _scores(self, ids):
        """Each syllable's (B_W, I_W) scores: its attributes' weights added in pyvi's order."""
        model, rows = self.model, self.table[ids]
        parts = self.part[ids]
        base = model.no_part + 1
        pairs = parts[:-1] * base + parts[1:]  # pairs[k]: syllables k, k+1
        bigram = _in_sorted(pairs, model.bigrams)
        trigram = np.concatenate([[False], _in_sorted(pairs[:-1] * base + parts[2:], model.trigrams), [False]])
        bi_prev, tri_prev, bi_next, tri_next = (np.asarray(w) for w in model.flags)
        # Position k + 1 of the batch, for k in 0..n-3 (the first and last are
        # separators): [k] is its left neighbour, [k + 2] its right one.
        here, left, right = rows[1:-1], rows[:-2], rows[2:]
        scores = here[:, _OWN] + left[:, _AS_PREV[0]] + left[:, _AS_PREV[1]] + left[:, _AS_PREV[2]]
        scores += bigram[:-1, None] * bi_prev
        scores += trigram[:-2, None] * tri_prev
        scores += right[:, _AS_NEXT[0]]
        scores += right[:, _AS_NEXT[1]]
        scores += right[:, _AS_NEXT[2]]
        scores += bigram[1:, None] * bi_next
        scores += trigram[2:, None] * tri_next
        # back to batch positions (the separators' scores are never read)
        return np.concatenate([np.zeros((1, 2)), scores, np.zeros((1, 2))])

    def _viterbi(self, scores, boundaries, lengths):
        """The best label path of every sentence (True: I_W), as CRFsuite's Viterbi finds it.

        Sentence k holds batch positions boundaries[k] + 1 .. boundaries[k] + lengths[k].
        All sentences advance together, one position per step, the longest first.
        """
        order = np.argsort(-lengths, kind="stable")
        lengths = lengths[order]
        lengths = lengths[lengths > 0]
        starts = boundaries[order][:len(lengths)] + 1
        labels = np.zeros(len(scores), dtype=bool)
        if not len(lengths):
            return labels
        active = np.searchsorted(-lengths, -np.arange(lengths[0]), side="left")  # sentences longer than t
        transitions = self.model.transitions[None]  # [1, from, to]
        back = np.zeros((len(scores), 2), dtype=bool)  # back[p, j]: the best path into label j at p comes from I_W
        best = scores[starts]  # [sentence, label]: the best path's score so far
        for t in range(1, int(lengths[0])):
            n = active[t]
            at = starts[:n] + t
            # CRFsuite: prev[i] + trans[i][j]; the first of equal maxima wins; then + state[j]
            into = best[:n, :, None] + transitions  # [sentence, from, to]
            back[at] = took = into[:, 0] < into[:, 1]
            best[:n] = np.where(took, into[:, 1], into[:, 0]) + scores[at]
        labels[starts + lengths - 1] = best[:, 0] < best[:, 1]
        for t in range(int(lengths[0]) - 1, 0, -1):
            at = starts[:active[t]] + t
            labels[at - 1] = back[at, labels[at].view(np.int8)]
        return labels


_SEPARATORS = np.array(["", " ", "_"], dtype=object)  # between texts, between words, inside a word


class _Pyvi:
    """pyvi itself, when its model cannot be read here."""

    def __init__(self):
        from pyvi.ViTokenizer import ViTokenizer
        self.tokenize = ViTokenizer.tokenize

    def tokenize_many(self, texts):
        return [self.tokenize(text) for text in texts]


_segmenter = None
# One segmenter per process, made on first use. It grows its table of syllables as it reads, so threads take
# turns: the lock guards both its making and its use (processes, not threads, are how dvtopics goes parallel).
_lock = threading.Lock()


def _get():
    global _segmenter
    if _segmenter is None:
        try:
            _segmenter = _Segmenter(_Model(_pyvi_models_dir()))
        except (ModelLayoutError, OSError) as error:
            warnings.warn(f"pyvi's model could not be read directly ({error}); segmenting with pyvi itself, "
                          "which is several times slower", RuntimeWarning, stacklevel=3)
            _segmenter = _Pyvi()
    return _segmenter


def tokenize(text: str) -> str:
    """Segment Vietnamese text into words joined by '_', exactly like pyvi."""
    with _lock:
        return _get().tokenize_many([text])[0]


def tokenize_many(texts: list[str]) -> list[str]:
    """tokenize() over a batch: many short texts (sentences) at once is where it is fast."""
    with _lock:
        return _get().tokenize_many(list(texts))
