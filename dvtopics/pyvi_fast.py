"""Faster pyvi word segmentation with byte-identical output.

`tokenize(text)` returns exactly `pyvi.ViTokenizer.ViTokenizer.tokenize(text)`.
It uses pyvi's own CRF model and n-gram lists, but:

- calls the pycrfsuite Tagger directly instead of going through
  sklearn_crfsuite's predict (numpy wrapping, dict-to-item conversion);
- builds each token's features once and caches them, since syllables repeat
  massively in running text;
- passes features as plain attribute names (weight 1.0) and leaves out the
  ones CRFsuite would ignore: those pyvi sets to False (weight 0.0) and those
  the model does not know.  CRFsuite adds weight * value per attribute in
  input order, so dropping zero terms while keeping the order gives the same
  scores, hence the same Viterbi path;
- looks n-grams up in nested dicts, without building joined strings.

The model is loaded lazily on the first call.  Not thread-safe: like pyvi,
all calls share one CRFsuite tagger.
"""

import os
import re
import string
import tempfile
import unicodedata
from collections import namedtuple

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

# Bounds the per-token cache (about 1 KB a token; all of VNTC train has
# 90,000 distinct tokens) on long runs over open vocabularies.
_MAX_CACHED_TOKENS = 100_000

# The n-gram flags a side of the context can add, in pyvi's feature order;
# indexed by bigram_flag + 2 * trigram_flag.
_PREV_FLAGS = ((), (b"-1:word.bi_gram()",), (b"-2:word.tri_gram()",),
               (b"-1:word.bi_gram()", b"-2:word.tri_gram()"))
_NEXT_FLAGS = ((), (b"+1:word.bi_gram()",), (b"+2:word.tri_gram()",),
               (b"+1:word.bi_gram()", b"+2:word.tri_gram()"))

# own: the token's own features; as_prev/as_next: the 4 flag variants of what
# it adds to the item after/before it; joinable/title: pyvi's joining rules;
# bigram_next/trigram_next: lowered syllables that follow it in words.txt.
_Token = namedtuple("_Token", "lower own as_prev as_next joinable title "
                              "bigram_next trigram_next")

_EMPTY = frozenset()
_EMPTY_DICT = {}


def _model_attributes(tagger):
    """The attribute names the CRF model knows, read from CRFsuite's dump."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.txt")
        tagger.dump(path)
        with open(path, "rb") as f:
            dump = f.read()
    count = int(re.search(rb"\n  num_attrs: (\d+)\n", dump).group(1))
    start = dump.index(b"\nATTRIBUTES = {\n") + len(b"\nATTRIBUTES = {\n")
    end = dump.index(b"\n}\n\nTRANSITIONS = {\n", start)
    # One "   <id>: <name>" line each; a name can end in a newline (the "\n"
    # token) but never holds one elsewhere.
    names = re.split(rb"(?:^|\n) *\d+: ", dump[start:end])[1:]
    if len(names) != count:
        raise RuntimeError("unexpected CRFsuite model dump format")
    return frozenset(names)


class _Segmenter:
    def __init__(self):
        # Imported here: pyvi unpickles its model and word list on import.
        from pyvi.ViTokenizer import ViTokenizer

        self.syllables = re.compile(_SYLLABLE_PATTERN)
        self.tagger = ViTokenizer.model.tagger_
        self.known = _model_attributes(self.tagger)
        # pyvi tests ' '.join(words).lower() against words.txt entries.  The
        # lowered syllables contain no space, so that is the same as matching
        # each lowered syllable against the entry's parts.  (str.lower() is
        # context-free except for Greek final sigma, absent from words.txt.)
        self.bigrams = {}
        for entry in ViTokenizer.bi_grams:
            a, b = entry.split(" ")
            self.bigrams.setdefault(a, set()).add(b)
        self.trigrams = {}
        for entry in ViTokenizer.tri_grams:
            a, b, c = entry.split(" ")
            self.trigrams.setdefault(a, {}).setdefault(b, set()).add(c)
        self.tokens = {}

    def _token(self, tok):
        lower = tok.lower()
        # Attribute names as UTF-8 bytes spare pycrfsuite an encode per call;
        # strict encoding fails on lone surrogates just as pycrfsuite does.
        # CRFsuite reads names as C strings, so a NUL ends them.
        key = lower.encode().split(b"\0", 1)[0]
        upper, title = tok.isupper(), tok.istitle()
        own = (b"bias", b"word.lower():" + key)
        own += (b"word.isupper()",) * upper + (b"word.istitle()",) * title
        own += (b"word.isdigit()",) * tok.isdigit()
        # pyvi emits istitle before isupper for neighbours.
        prev = (b"-1:word.lower():" + key,) + (b"-1:word.istitle()",) * title
        prev += (b"-1:word.isupper()",) * upper
        nxt = (b"+1:word.lower():" + key,) + (b"+1:word.istitle()",) * title
        nxt += (b"+1:word.isupper()",) * upper

        def known(attributes):
            return tuple(a for a in attributes if a in self.known)

        info = _Token(
            lower, known(own),
            tuple(known(prev + flags) for flags in _PREV_FLAGS),
            tuple(known(nxt + flags) for flags in _NEXT_FLAGS),
            # pyvi's `tok not in string.punctuation` is a substring test.
            tok not in string.punctuation and not tok[0].isdigit(),
            tok[0].istitle(),
            self.bigrams.get(lower, _EMPTY),
            self.trigrams.get(lower, _EMPTY_DICT),
        )
        if len(self.tokens) >= _MAX_CACHED_TOKENS:
            self.tokens.clear()
        self.tokens[tok] = info
        return info

    def tokenize(self, text):
        toks = self.syllables.findall(unicodedata.normalize("NFC", text))
        if not toks:
            return text
        cache, new = self.tokens, self._token
        infos = [cache.get(t) or new(t) for t in toks]
        lows = [x.lower for x in infos]
        # bi[k]: tokens k, k+1 form a known bigram; tri[k]: k..k+2 a trigram.
        bi = [b in x.bigram_next for x, b in zip(infos, lows[1:])]
        tri = [c in x.trigram_next.get(b, _EMPTY)
               for x, b, c in zip(infos, lows[1:], lows[2:])]
        prev_side = [()] + [
            x.as_prev[b + 2 * t]
            for x, b, t in zip(infos, bi, [False] + tri)]
        next_side = [
            x.as_next[b + 2 * t]
            for x, b, t in zip(infos[1:], bi, tri + [False, False])
        ] + [()]
        items = [[*x.own, *p, *n]
                 for x, p, n in zip(infos, prev_side, next_side)]
        labels = self.tagger.tag(items)

        # pyvi's joining rule, applied to each pair of neighbouring tokens.
        seps = ["_" if label == "I_W" and cur.joinable and prev.joinable
                and (prev.title or not cur.title) else " "
                for label, prev, cur in zip(labels[1:], infos, infos[1:])]
        out = [" "] * (2 * len(toks) - 1)
        out[::2] = toks
        out[1::2] = seps
        return "".join(out)


_segmenter = None


def _get():
    global _segmenter
    if _segmenter is None:
        _segmenter = _Segmenter()
    return _segmenter


def tokenize(text: str) -> str:
    """Segment Vietnamese text into words joined by '_', exactly like pyvi."""
    return _get().tokenize(text)


def tokenize_many(texts: list[str]) -> list[str]:
    """tokenize() over a batch; repeated texts (bylines, blanks) run once."""
    seg = _get()
    done = {text: seg.tokenize(text) for text in dict.fromkeys(texts)}
    return [done[text] for text in texts]
