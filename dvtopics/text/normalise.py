"""Text normalisation for Vietnamese news.

`normalize` makes equal what readers see as equal: Unicode NFC, one tone-mark
placement ("hoà" -> "hòa", "thuỷ" -> "thủy"), one spelling where "i" and "y"
compete after "qu" and "k" ("quí" -> "quý", "kì họp" -> "kỳ họp"), plain spaces
and quotes, no zero-width characters. `nfc` does only the first, for the names a user types
and dvtopics compares (ids, labels, field names). `strip_furniture` drops page
furniture lines ("In bài này", share buttons, photo captions) from the text used
for learning.
"""
from __future__ import annotations

import re
import unicodedata

from ..arguments import check_text

# Odd spaces (NBSP, thin, ideographic ...) become a plain space; zero-width
# characters and the BOM vanish.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Unicode's own line ends (LINE SEPARATOR, PARAGRAPH SEPARATOR, NEXT LINE), which JavaScript-made exports and some
# sites' pages hold: lines as LF makes them, or the title, dateline and furniture are not found in one long line.
# So do Word's manual line break (a vertical tab, as Word's own text and macros give a paragraph's lines) and its page
# break (a form feed): read as spaces, a headline and its dateline ran into the first paragraph, untitled and undated.
_LINE_ENDS = (("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"), ("\u0085", "\n"), ("\x0b", "\n"),
              ("\x0c", "\n"))
_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": "...",
})

# Tone-mark placement. In the open syllables "oa", "oe" and "uy" two
# conventions compete: "hoà/hòa", "khoẻ/khỏe", "thuỷ/thủy". We keep the one most
# Vietnamese news and pyvi's dictionary use: the mark on the first vowel.
# After "q" the "u" belongs to the consonant ("quý"), so that case is left alone.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def _build_tone_map() -> dict[str, str]:
    mapping = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                new_style = unicodedata.normalize("NFC", f + s + tone)
                old_style = unicodedata.normalize("NFC", f + tone + s)
                mapping[new_style] = old_style
    return mapping


_TONE_MAP = _build_tone_map()
# One character class instead of an alternation of all pairs: far faster on long texts. The vowel comes
# first and the "not after q" test after it ("(?<![qQ][oOuU])", the same condition as a "(?<![qQ])" before
# it): a pattern that starts with a character class is searched for that class alone, 3-4 times faster.
_TONE_PATTERN = re.compile(
    "[oOuU](?<![qQ][oOuU])[" + "".join(sorted({pair[1] for pair in _TONE_MAP})) + r"](?![\w\u0300-\u036f])"
)
# "i" or "y" ending a syllable after "qu" or "k": older texts and some sites write "quí I", "qui định", "quĩ",
# "kì họp", "nhiệm kì", "kỉ niệm" where most news (and pyvi's dictionary) writes "quý I", "quy định", "quỹ",
# "kỳ họp", "nhiệm kỳ", "kỷ niệm"; a cue rule for "quý I" or "kỳ họp" should read both. The two spellings
# sound alike and mean the same after these consonants, so respelling loses nothing. Only there: after h,
# l, m or t the letters are not interchangeable in every word ("mí mắt", "tí", "lì"), and a bare "ki"
# ("ki-lô-mét", "ki ốt") is no variant. "kh" is another consonant ("khí"), hence no letter before the k.
_Y_FOR_I = str.maketrans("iIíÍìÌỉỈĩĨịỊ", "yYýÝỳỲỷỶỹỸỵỴ")
# The consonant comes first and the "no letter before it" test after it, as in _TONE_PATTERN: three times faster.
_I_SPELLING = re.compile(
    r"[qQkK](?<![\w\u0300-\u036f][qQkK])(?:(?<=[qQ])[uU][iIíÍìÌỉỈĩĨịỊ]|(?<=[kK])[íÍìÌỉỈĩĨịỊ])(?![\w\u0300-\u036f])"
)
# After "q" a tone mark on the "u" is misplaced, the "u" being the consonant's: older sites wrote "Qúy I", "qúa trình",
# "qủa" for "Quý I", "quá trình", "quả" (hunt 41 V: "giao ban Qúy I, triển khai nhiệm vụ Qúy II" read as no quarter).
# The mark moves to the vowel after it.
_HATTED = "âêôăơưấầẩẫậếềểễệốồổỗộắằẳẵặớờởỡợứừửữự"  # (a vowel after it with a hat or a horn: another syllable's shape)
_Q_TONE = re.compile(r"[qQ]([úùủũụÚÙỦŨỤ])([aeiouyAEIOUY])(?![\u0300-\u036f" + _HATTED + _HATTED.upper() + "])")


def _q_tone_moved(match: re.Match) -> str:
    u, vowel = unicodedata.normalize("NFD", match.group(1)), match.group(2)
    return match.group()[0] + u[0] + unicodedata.normalize("NFC", vowel + u[1:])


_ODD_PUNCTUATION = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")


def nfc(name: str) -> str:
    """A name a user typed or a file system gave (an id, a file name, a label, a field name) in Unicode NFC.

    macOS writes file names, and often the text saved there, decomposed (NFD: "ã" as "a" and a combining
    tilde); Windows and most keyboards write NFC. The two look the same and compare unequal, so every name
    that is compared with another goes through here. Only NFC: a name is not respelt otherwise (its tone
    marks, quotes and spaces stay as written), so an id still names its file. A byte-order mark goes: no one
    types it, it is a file's (a second export appended to a first one opens a row with it), and unseen it
    would make "x2" and "\ufeffx2" two ids, "annual_review" and "\ufeffannual_review" two labels.

    >>> nfc("Xa\u0303 ho\u0323\u0302i") == "Xã hội", nfc("\ufeffx2")
    (True, 'x2')
    """
    name = name.replace("\ufeff", "") if "\ufeff" in name else name
    return name if unicodedata.is_normalized("NFC", name) else unicodedata.normalize("NFC", name)


def normalize(text: str) -> str:
    """Return `text` in the one spelling dvtopics works with.

    >>> normalize("Hoà  bình\u00a0“thuỷ”") == normalize("Hòa  bình \\"thủy\\"")
    True
    >>> normalize("Giao ban quí I, kì họp thứ 3, khí hậu, kịp thời")
    'Giao ban quý I, kỳ họp thứ 3, khí hậu, kịp thời'
    >>> normalize("Giao ban Qúy I, qủa là qúa trình dài, qùi")
    'Giao ban Quý I, quả là quá trình dài, quỳ'
    """
    check_text("text", text, "normalize")
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))  # a zero-width space can split "A" from its accent
    text = _SPACES.sub(" ", text)
    text = _ODD_PUNCTUATION.sub(lambda m: _QUOTES[ord(m.group())], text)
    text = _TONE_PATTERN.sub(lambda m: _TONE_MAP.get(m.group(), m.group()), text)
    text = _Q_TONE.sub(_q_tone_moved, text)
    text = _I_SPELLING.sub(lambda m: m.group()[:-1] + m.group()[-1].translate(_Y_FOR_I), text)
    for line_end, newline in _LINE_ENDS:
        text = text.replace(line_end, newline)
    return text


