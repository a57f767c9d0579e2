"""Faster pyvi word segmentation with byte-identical output.

`tokenize(text)` returns exactly `pyvi.ViTokenizer.ViTokenizer.tokenize(text)`.
It uses pyvi's own CRF model and n-gram lists, but:

- calls the pycrfsuite Tagger directly instead of going through
  sklearn_crfsuite's predict (numpy wrapping, dict-to-item conversion);
- builds each token's features once and caches them, since syllables repeat
  massively in running text;
- passes features as plain attribute names (weight 1.0) and leaves out the
  ones pyvi sets to False (weight 0.0).  CRFsuite adds weight * value per
  attribute in input order, so dropping zero terms while keeping the order
  gives the same scores, hence the same Viterbi path;
- looks n-grams up in nested dicts, without building joined strings.

The model is loaded lazily on the first call.  Not thread-safe: like pyvi,
all calls share one CRFsuite tagger.
"""

import string
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

# Bounds the per-token cache's memory on long runs over open vocabularies.
_MAX_CACHED_TOKENS = 200_000

# Context features a token contributes to its neighbours, followed by the
# n-gram flags of that side; indexed by bigram_flag + 2 * trigram_flag.
_PREV_FLAGS = ((), ("-1:word.bi_gram()",), ("-2:word.tri_gram()",),
               ("-1:word.bi_gram()", "-2:word.tri_gram()"))
_NEXT_FLAGS = ((), ("+1:word.bi_gram()",), ("+2:word.tri_gram()",),
               ("+1:word.bi_gram()", "+2:word.tri_gram()"))

# own: the token's own features; as_prev/as_next: the 4 flag variants of what
# it adds to the item after/before it; joinable/title: pyvi's joining rules.
_Token = namedtuple("_Token", "lower own as_prev as_next joinable title")

_EMPTY = frozenset()
_EMPTY_DICT = {}


class _Segmenter:
    def __init__(self):
        import re
        from pyvi.ViTokenizer import ViTokenizer

        self.syllables = re.compile(_SYLLABLE_PATTERN)
        self.tagger = ViTokenizer.model.tagger_
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
        upper, title = tok.isupper(), tok.istitle()
        own = ("bias", "word.lower():" + lower)
        own += ("word.isupper()",) * upper + ("word.istitle()",) * title
        own += ("word.isdigit()",) * tok.isdigit()
        # pyvi emits istitle before isupper for neighbours.
        prev = ("-1:word.lower():" + lower,) + ("-1:word.istitle()",) * title
        prev += ("-1:word.isupper()",) * upper
        nxt = ("+1:word.lower():" + lower,) + ("+1:word.istitle()",) * title
        nxt += ("+1:word.isupper()",) * upper
        info = _Token(
            lower, own,
            tuple(prev + flags for flags in _PREV_FLAGS),
            tuple(nxt + flags for flags in _NEXT_FLAGS),
            # pyvi's `tok not in string.punctuation` is a substring test.
            tok not in string.punctuation and not tok[0].isdigit(),
            tok[0].istitle(),
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
        bigrams, trigrams = self.bigrams, self.trigrams
        # bi[k]: tokens k, k+1 form a known bigram; tri[k]: k..k+2 a trigram.
        bi = [b in bigrams.get(a, _EMPTY) for a, b in zip(lows, lows[1:])]
        tri = [c in trigrams.get(a, _EMPTY_DICT).get(b, _EMPTY)
               for a, b, c in zip(lows, lows[1:], lows[2:])]
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

        out = [toks[0]]
        for i in range(1, len(toks)):
            cur, prev = infos[i], infos[i - 1]
            if (labels[i] == "I_W" and cur.joinable and prev.joinable
                    and not (cur.title and not prev.title)):
                out.append("_")
            else:
                out.append(" ")
            out.append(toks[i])
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
