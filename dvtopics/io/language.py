"""Whether an article's text is Vietnamese as it stands: mojibake, another script, or too few Vietnamese letters
(typed without accents) give a warning in its record, since its label and topics would be unreliable; so does text
segmented into words already, whose label would be."""
from __future__ import annotations

import logging
import re

from .article import Article, add_warning
from .notes import warn_once
from .vnlegacy import at_least

log = logging.getLogger(__name__)


_VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


def looks_vietnamese(text: str) -> bool:
    """False for text long enough to judge (100 characters: a title and a short lead) that carries almost no
    Vietnamese letters. In the first 100 characters of 40,000 baomoi and VNTC articles, 3% of characters or
    more are Vietnamese letters; under 2% is another language, or Vietnamese typed without accents, which the
    model and the cue rules cannot read. Shorter, from 40 characters, a text with no Vietnamese letter at all is not
    Vietnamese as it stands (a title "Hello" over an English line was read without a warning)."""
    sample = text[:5000]
    if len(sample) < 100:
        return len(sample.strip()) < 40 or _VIETNAMESE_LETTERS.search(sample) is not None
    return at_least(_VIETNAMESE_LETTERS, sample, int(0.02 * len(sample)) + 1)


# UTF-8 read as Windows-1252 and saved again: a lead byte (Ã Ä Å Æ Â for 2-byte letters, "á" then º or »
# for ạ…ỹ) followed by what a continuation byte becomes (0x80-0xBF: Latin-1's upper half, C1 codes, and
# the letters and marks Windows-1252 puts on 0x80-0x9F). Vietnamese never writes these pairs.
_MOJIBAKE = re.compile("[ÂÃÄÅÆ][\u0080-\u00bfŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™]|á[º»]")
_MOJIBAKE_MIN = 5
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")  # kana, Han, Hangul


def not_vietnamese(text: str) -> str | None:
    """Why `text` is clearly not Vietnamese as it stands, or None: mojibake ("PhÃ¡t huy" for "Phát huy"), or
    mostly Chinese, Japanese or Korean characters. Cheap, since every article goes through it: it looks at the
    first 2,000 characters for mojibake only when one of its lead letters is there, at the first 300 for
    Chinese, and stops counting once it is sure."""
    sample = text[:2000]
    if any(lead in sample for lead in "ÂÃÄÅÆ") and at_least(_MOJIBAKE, sample, _MOJIBAKE_MIN):
        return ("UTF-8 text that was read as Windows-1252 and saved again (\"Ã¡\" for \"á\", \"Ä‘\" for \"đ\"): "
                "not Vietnamese as it stands; open the original as UTF-8")
    head = text[:300]
    if at_least(_CJK, head, len(head) // 3 + 1):
        return "mostly Chinese, Japanese or Korean characters: not Vietnamese"
    return None


# a word whose syllables are joined by "_", as pyvi, VnCoreNLP and `dvtopics segment` write them ("công_tác"), letters
# only (not a file's name, "bao_cao_so_ket.docx", nor an address), a punctuation mark after it
_JOINED_WORD = re.compile(r"[^\W\d_]+(?:_[^\W\d_]+)+[.,;:!?)\"']*")


def word_segmented(text: str) -> bool:
    """Whether `text` was segmented into words already: in its first 2,000 characters, 5 words or more and a sixth of
    them joined by "_". Segmented news has 28% to 44% of its words so; of 40,000 baomoi and VNTC articles, none had
    more than 4% (a file name, an e-mail address)."""
    words = text[:2000].split()
    joined = sum(1 for word in words if _JOINED_WORD.fullmatch(word.lstrip("(\"'")))
    return joined >= 5 and joined >= len(words) / 6


def with_language_warning(article: Article, name: str) -> Article:
    """`article`, with a warning in its record when its text is clearly not Vietnamese as it stands (`not_vietnamese`)
    or carries too few Vietnamese letters to be read (`looks_vietnamese`), or was segmented already (`word_segmented`:
    so too where `topics fit --text-field tokens` reads it on purpose, since `label` with the same options labels it
    wrong): it is read all the same."""
    message = not_vietnamese(article.text)
    # the text judged alone when it is long enough (an accented headline over a body typed without accents is
    # flagged), with its title when it is short (a title and a one-line lead)
    judged = article.text if len(article.text) >= 100 else f"{article.title or ''}\n{article.text}"
    if message is None and not looks_vietnamese(judged):
        message = ("few Vietnamese diacritics: another language, or Vietnamese typed without accents (its label and "
                   "topics are unreliable)")
    if message is None and word_segmented(article.text):
        # the cue rules and the event reader read words apart: "hội_nghị sơ_kết" named no meeting, silently
        message = ("its words are joined by '_', segmented already (as `dvtopics segment` writes them): its label is "
                   "unreliable, its topics are not; give the text before segmenting to label it")
    if message:
        add_warning(article.meta, message)
        warn_once(name, message)
    return article
