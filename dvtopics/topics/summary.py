"""What a user looks at: a `TopicReport` of a model and some articles, and its files (JSON, CSV, PNG)."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np
from sklearn.utils.validation import check_is_fitted

from ..arguments import PERIODS, as_list, check_at_least, check_choice, none_is_default
from ..article_types import as_article_types
from ..errors import DvtopicsError, InputError, ModelError, TopicsError
from ..wording import brief_repr
from ..io.article import ARTICLES_HINT
from ..io.labels import by_id, indexed_by_position, labels_given, labels_in_order
from ..io.metadata import MAX_PERIODS_CHARTED, period_of, period_range, stretched_span
from ..io.paths import home_path
from ..io.sidefiles import read_side_file

from ..io.write import json_default, write_table
from ..persist import CARD_FILE, MODEL_FILES
from .engines import ENGINE_NAMES, MIX_OF
from .measures import NPMI_TOP_N
from .model import TopicModel, has_mix, topic_shares

log = logging.getLogger(__name__)

REPRESENTATIVE_MIN_SHARE = 0.1  # an article where a topic is under 10% does not represent it


@dataclass
class TopicReport:
    """What a user looks at: topics, each article's main topic, shares over time and by type."""

    __repr__ = brief_repr  # a notebook shows a few lines, not every text (wording.brief_repr)

    labels: list[str]
    top_words: list[list[tuple[str, float]]]
    shares: list[float]
    documents: list[dict]  # id, title, date, type, main_topic, main_share, mix
    representatives: list[list[dict]]  # per topic: id, title, share
    periods: list[str] = field(default_factory=list)
    over_time: list[list[float]] = field(default_factory=list)  # periods × K
    period_counts: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    by_type: list[list[float]] = field(default_factory=list)  # types × K
    type_counts: list[int] = field(default_factory=list)
    engine: str = ""  # what made the themes, in words (ENGINE_NAMES)
    mix_of: str = ""  # what an article's mix is a share of, in words (MIX_OF)
    titles: list[str] = field(default_factory=list)  # per topic: its most representative article's title, or ""
    without_mix: int = 0  # articles with no word the model knows: no main topic, left out of the shares
    # the shares over time span mostly empty periods (a mistyped date?): `stretched_span`'s note, for a job that
    # writes them to warn of (`topics assign` writes none: nothing to warn of there)
    stretched_span: str | None = None
    # the least share an article needs to represent a topic: a page says why a topic lists none
    representative_min_share: float = REPRESENTATIVE_MIN_SHARE

    def topics_json(self) -> list[dict]:
        titles = self.titles or [""] * len(self.labels)
        return [{"topic": k, "label": label, "title": title, "share": round(share, 4),
                 "words": [[w, round(p, 5)] for w, p in words], "representatives": reps}
                for k, (label, title, words, share, reps) in enumerate(
                    zip(self.labels, titles, self.top_words, self.shares, self.representatives))]


def mean_mix_by_group(groups: Sequence[str | None], mixes: np.ndarray,
                      names: Sequence[str] | None = None) -> tuple[list[str], np.ndarray, list[int]]:
    """(sorted groups, or `names` when given, groups × K mean mixes, article counts); articles without a group
    are left out, a named group without an article has shares and a count of 0."""
    names = list(names) if names is not None else sorted({g for g in groups if g})
    index = {name: i for i, name in enumerate(names)}
    sums = np.zeros((len(names), mixes.shape[1]))
    counts = np.zeros(len(names), dtype=int)
    for group, mix in zip(groups, mixes):
        if group:
            sums[index[group]] += mix
            counts[index[group]] += 1
    return names, sums / np.maximum(counts, 1)[:, None], counts.tolist()


def representative_documents(mixes: np.ndarray, n: int = 3, min_share: float = REPRESENTATIVE_MIN_SHARE,
                             keys: Sequence | None = None) -> list[list[int]]:
    """Per topic, the indexes of the `n` texts where it has the largest share (at least `min_share`); with `keys`
    (one per text), one text per key: an article scraped twice was listed twice, as if two articles said it.

    >>> representative_documents(np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]), n=2)
    [[0, 2], [1, 2]]
    >>> representative_documents(np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4]]), n=2, keys=["a", "a", "b"])
    [[0, 2], [2, 0]]
    """
    keys = range(len(mixes)) if keys is None else keys
    order = np.argsort(-mixes, axis=0, kind="stable")
    chosen = []
    for k in range(mixes.shape[1]):
        seen, rows = set(), []
        for i in order[:, k]:
            if len(rows) == n or mixes[i, k] < min_share:
                break
            if keys[i] not in seen:
                seen.add(keys[i])
                rows.append(int(i))
        chosen.append(rows)
    return chosen


TITLE_FROM = 3  # a topic's title is one of its 3 most representative articles' (`representative_title`)
# ... that holds at least this share of the topic: a report of 12 articles under a model fitted on others titled a
# film topic by an article on coffee prices, its most representative of the 12 at 17% (hunt 42 AR)
TITLE_MIN_SHARE = 0.25


# A headline of this many words is one story's wherever it is printed; a shorter one ("Thông báo", "Tin vắn") may head
# many
STORY_TITLE_WORDS = 6


def _story(article) -> tuple:
    """What tells one story from another among a topic's representatives: a long headline, as written but for case
    and spaces; else the title and text."""
    title = " ".join(str(article.title or "").lower().split())
    return ("headline", title) if len(title.split()) >= STORY_TITLE_WORDS else (article.title, article.text)


def representative_title(representatives: Sequence[dict], words: Sequence[str]) -> str:
    """The title that names a topic best: among its representative articles (by share), the title holding
    most of its top words; the first one on a tie. "" when none has a title.

    >>> representative_title([{"title": "Bão đổ bộ"}, {"title": "Mưa lớn, bão số 2 đổ bộ"}], ["bão", "mưa"])
    'Mưa lớn, bão số 2 đổ bộ'
    """
    def named(title: str) -> int:
        title = " " + " ".join(re.findall(r"\w+", title.lower())) + " "
        return sum(f" {w.replace('_', ' ')} " in title for w in words)

    titled = [r["title"] for r in representatives if r.get("title")]
    return max(titled, key=named) if titled else ""


def text_digest(text: str) -> str:
    """All `summarize` asks of an article's text, in 32 characters: whether another article has the same text, and
    whether there is one ("" for none). A job holding thousands of articles puts it in the texts' place."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest() if text else ""


@none_is_default
def summarize(model: TopicModel, articles: Sequence, mixes: np.ndarray, types=None,
              period: str = "month", n_words: int = 10, n_representatives: int = 3) -> TopicReport:
    """A `TopicReport` of `articles` (objects with id, title, date, label) and their `mixes`.

    The article type is its type in `types` when given (the classifier's labels: a dict or a pandas Series of types
    by id, or a list of one per article, in order), else the article's own label.
    The topics' shares are these articles' mean mix (`topic_shares`), not the corpus' the model was fitted
    on. An article without a mix (no word the model knows) has no main topic and is left out of every share.
    """
    check_is_fitted(model, "topic_word_")  # a model not fitted yet, as its transform says it: not an AttributeError
    check_choice("period", period, PERIODS)
    n_words, n_representatives = check_at_least("n_words", n_words, 1), check_at_least("n_representatives",
                                                                                        n_representatives, 0)
    # read more than once below; a dict of the fields is refused saying so, not with a raw AttributeError after the
    # mixes were checked
    articles = as_list(articles, "articles", like=("id", "title", "date", "label"), hint=ARTICLES_HINT)
    mixes = _check_mixes(mixes, len(articles), len(model.topic_word_))
    article_types = _article_types(articles, types)
    labels = model.topic_labels()
    mixed = has_mix(mixes) if len(articles) else np.zeros(0, dtype=bool)
    documents = [_document(a, t, mix if ok else None, labels)
                 for a, t, mix, ok in zip(articles, article_types, mixes, mixed)]
    # an article given twice (scraped twice) represents a topic once; so does one that papers reprinted under its
    # headline, their texts apart by a byline (hunt 40 Q, 8: two of a topic's five were one story); an article made
    # without a text is its own
    same = [_story(a) if getattr(a, "text", "") else i for i, a in enumerate(articles)]
    representatives = [[{"id": articles[i].id, "title": articles[i].title, "date": articles[i].date,
                         "type": article_types[i], "share": round(float(mixes[i, k]), 4)} for i in idx]
                        for k, idx in enumerate(representative_documents(mixes, n_representatives, keys=same))]
    dated = [period_of(a.date, period) if ok else None for a, ok in zip(articles, mixed)]
    # every period of the span, an empty one at 0: a time axis without a gap closed
    periods, over_time, period_counts = mean_mix_by_group(dated, mixes, period_range(dated, period))
    type_names, by_type, type_counts = mean_mix_by_group(
        [t if ok else None for t, ok in zip(article_types, mixed)], mixes)
    # (among the same first few however many are listed: the report lists 5, a fit 3, and each named another title)
    titles = [representative_title([r for r in reps[:TITLE_FROM] if r["share"] >= TITLE_MIN_SHARE],
                                   [w for w, _ in words]) for reps, words in
              zip(representatives, model.top_words(NPMI_TOP_N))]
    # (a topic that learnt no words lists none: its "top words" would be the vocabulary's first, alphabetically)
    top_words = [[] if empty else words for words, empty in zip(model.top_words(n_words), model.empty_topics())]
    return TopicReport(labels=labels, top_words=top_words,
                       shares=[float(s) for s in topic_shares(mixes)], documents=documents,
                       representatives=representatives, periods=periods, over_time=over_time.tolist(),
                       period_counts=period_counts, types=type_names, by_type=by_type.tolist(),
                       type_counts=type_counts, engine=ENGINE_NAMES[model.engine], mix_of=MIX_OF[model.engine],
                       titles=titles, without_mix=int((~mixed).sum()),
                       # (read again only where the time axis is longer than a chart shows: 35k dates take 0.4 s)
                       stretched_span=stretched_span(((a.id, a.date) for a, ok in zip(articles, mixed) if ok), period)
                       if len(periods) > MAX_PERIODS_CHARTED else None)


def _article_types(articles: Sequence, types) -> list[str | None]:
    """Each article's type: its type in `types` (by id, or one per article in order), else its own label; read as the
    article types however spelt when they are ("Annual review" beside `other` is annual_review, `as_article_types`),
    as `topics fit --labels` reads them: a notebook's by-type view had "Other" and "other" as two types. A Series
    with pandas' own index (0, 1, …: df["type"]) is one per article, in order: read by id, articles of ids 1, 2, …
    each took the next row's type, in silence. Types by id none of which is an article's are refused; some that are
    none are counted in a warning, as the command line does (a typo in an id left that article with its own label)."""
    if types is None:
        return as_article_types([a.label for a in articles])
    if not by_id(types) or indexed_by_position(types):  # df["type"]: one per article, in the rows' order
        given = labels_in_order(types, len(articles), "types")
        return as_article_types([type_ or a.label for a, type_ in zip(articles, given)])
    types = labels_given(types, "types")
    if types and articles and not {a.id for a in articles} & set(types):
        raise DvtopicsError(f"types: none of its {len(types)} ids is one of the articles' (such as "
                            f"{next(iter(types))!r}): give the types by article id (a Series indexed by id), or "
                            "one per article in their order (a list)")
    missing = set(types) - {a.id for a in articles}
    if missing:
        log.warning("types: %d of its %d ids %s no article's: left out (such as %r); the articles not named keep their "
                    "own label", len(missing), len(types), "is" if len(missing) == 1 else "are", sorted(missing)[0])
    return as_article_types([types.get(a.id, a.label) for a in articles])


def _check_mixes(mixes, n_articles: int, n_topics: int) -> np.ndarray:
    """`mixes` as an array of one mix per article, each of the model's `n_topics`: articles and mixes are paired
    by position, so one mix too few would give every later article the next one's mix, silently."""
    mixes = np.asarray(mixes, dtype=float)
    if mixes.ndim != 2 or len(mixes) != n_articles:
        count = len(mixes) if mixes.ndim == 2 else f"an array of shape {mixes.shape} for"
        raise TopicsError(f"{n_articles} article{'s' if n_articles != 1 else ''} but {count} topic mixes: give one "
                          "mix per article, in the same order (the model's transform of these articles' segmented "
                          "texts; leave out the articles read with an error)")
    if mixes.shape[1] != n_topics:
        raise TopicsError(f"topic mixes of {mixes.shape[1]} topics for a model of {n_topics}: give the mixes this "
                          "model's transform gives")
    return mixes


def _document(article, article_type, mix, labels: Sequence[str]) -> dict:
    """An article's row of documents.csv: its main topic and mix, or none (`mix` None: no word the model knows)."""
    main = None if mix is None else int(np.argmax(mix))
    return {"id": article.id, "title": article.title, "date": article.date, "type": article_type,
            "main_topic": main, "main_label": None if main is None else labels[main],
            "main_share": None if main is None else round(float(mix[main]), 4),
            "mix": None if mix is None else [round(float(v), 4) for v in mix],
            "warning": _warning(article, NO_KNOWN_WORD if mix is None else None)}


# An article's warning when it has no mix: its row's blank topic columns would otherwise look like a lost article
NO_KNOWN_WORD = "no word the topic model knows: no main topic"


def _warning(article, also: str | None = None) -> str | None:
    """How the article was read (HTML, an old font encoding, a field not used), as `label`'s records say it,
    and `also`, a warning of its topics."""
    return "; ".join(w for w in (getattr(article, "meta", {}).get("warning"), also) if w) or None


def in_input_order(articles: Sequence, documents: Iterable[dict]) -> Iterator[dict]:
    """The `documents` of the readable `articles` (as `summarize` gives them, in order) with each unreadable
    article in its place as {"id", "error"}: a table of every article given, as `label` writes."""
    documents = iter(documents)
    for article in articles:
        yield {"id": article.id, "error": article.error, "warning": _warning(article)} if article.error \
            else next(documents)


def write_documents(documents: Sequence[dict], path: str | os.PathLike, n_topics: int, errors: bool = False) -> Path:
    """Each article's main topic and mix: JSONL when the name ends in .jsonl, else a table (CSV, or .xlsx)
    with one column per each of the model's `n_topics`, empty for an article without a mix. `errors` adds an
    "error" column, for the unreadable articles `in_input_order` keeps in their place; the last column is the
    article's "warning", as in `label`'s tables."""
    from ..io.write import write_rows

    path = Path(home_path(path))  # "~/…": the home folder, as load_model and the command line read it
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".jsonl":  # as `write_rows` reads it: TOPICS.JSONL is JSON lines of the same shape
        return write_rows(documents, path)
    k = n_topics  # from the model: articles none of which has a mix still get the model's columns
    header = ["id", "title", "date", "type", "main_topic", "main_label", "main_share"] + [f"topic_{i}" for i in range(k)]
    header += ["error", "warning"] if errors else ["warning"]
    return write_rows(({c: d.get(c) for c in header} | dict(zip(header[7:7 + k], d.get("mix") or []))
                       for d in documents), path, columns=header)


# What `write_report` may write. over_time.* and by_type.* only when the articles have dates and types: a refit
# into the folder removes the previous fit's it does not write, or they would stand beside the new model.
REPORT_FILES = ("topics.json", "documents.csv", "topic_words.png", "over_time.csv", "over_time.png",
                "by_type.csv", "by_type.png")
# Every name `topics fit` writes in its folder: none may be a file the fit reads (`run.batch.check_folder`).
FIT_FILES = (*MODEL_FILES, *REPORT_FILES)


def report_files(report: TopicReport) -> list[str]:
    """The names `write_report` writes for `report`; the topic card records them (`outputs`), so that a refit
    removes only files a fit wrote."""
    names = ["topics.json", "documents.csv", "topic_words.png"]
    names += ["over_time.csv", "over_time.png"] if report.periods else []
    return names + (["by_type.csv", "by_type.png"] if report.types else [])


def previous_outputs(directory: str | os.PathLike) -> list[str]:
    """The tables and figures of the fit already in `directory` (read before a refit replaces its card): the
    names its card records; every name a fit may write for a card from before cards recorded them; none
    when the folder holds no topic model (a user's own over_time.csv is not a fit's)."""
    try:
        card = json.loads(read_side_file(Path(home_path(directory)) / CARD_FILE))
    except (OSError, ValueError, InputError):
        return []
    if not isinstance(card, dict) or card.get("task") != "topics":
        return []
    outputs = card.get("outputs", REPORT_FILES)
    return [name for name in outputs if name in REPORT_FILES] if isinstance(outputs, (list, tuple)) else []


def write_report(report: TopicReport, directory: str | os.PathLike, previous: Sequence[str] = ()) -> list[Path]:
    """Write topics.json, documents.csv, over_time.csv, by_type.csv and their PNG figures, and remove the files
    of the previous fit (`previous`, from `previous_outputs`) this one does not write; return the paths.
    Whole or not at all: written into a hidden folder in `directory`, then put in place together
    (`files_replaced_together`), so that a run stopped midway leaves the previous tables and figures as they were,
    never a cut topics.json or new tables beside old figures (they were written in place, one by one)."""
    from ..io.write import files_replaced_together

    directory = Path(home_path(directory))  # "~/…": the home folder, as load_model and the command line read it
    with files_replaced_together(directory, set(previous) & set(REPORT_FILES),
                                 then="; the tables and figures there before are kept as they were") as (stage, new):
        new += [path.name for path in write_report_files(report, stage)]
    return [directory / name for name in new]


def write_report_files(report: TopicReport, directory: Path) -> list[Path]:
    """`write_report`'s files, each written into `directory` as it comes (a folder of the caller's that is put in
    place whole afterwards: `write_report`, `jobs.fit_topics`' with the model and its card)."""
    from ..report import plots

    topic_columns = [f"topic_{k}" for k in range(len(report.labels))]
    names = plots.numbered_labels(report.labels)  # a figure's topic beside its table's column
    written = [directory / "topics.json"]
    written[0].write_text(json.dumps(report.topics_json(), ensure_ascii=False, indent=1, default=json_default) + "\n",
                          encoding="utf-8")
    written.append(write_documents(report.documents, directory / "documents.csv", len(report.labels)))
    written.append(plots.save_figure(plots.topic_words_figure(report.top_words, names, shares=report.shares),
                                     directory / "topic_words.png"))
    if report.periods:
        fig = plots.topic_shares_over_time_figure(report.periods, report.over_time, names,
                                                  dated=(sum(report.period_counts), len(report.documents)))
        written += [_write_shares(directory / "over_time.csv", "period", report.periods, report.period_counts,
                                  report.over_time, topic_columns),
                    plots.save_figure(fig, directory / "over_time.png")]
    if report.types:
        fig = plots.topic_by_type_heatmap(report.by_type, report.types, names, counts=report.type_counts)
        written += [_write_shares(directory / "by_type.csv", "type", report.types, report.type_counts,
                                  report.by_type, topic_columns),
                    plots.save_figure(fig, directory / "by_type.png")]
    return written


def _write_shares(path: Path, key: str, keys: Sequence, counts: Sequence[int], shares, topic_columns) -> Path:
    """One row per period or type: its article count and mean topic shares."""
    write_table(path, [key, "articles"] + topic_columns,
                 ([k, n] + [round(v, 4) for v in row] for k, n, row in zip(keys, counts, shares)))
    return path


def read_topics(directory: str | os.PathLike, n_words: int | None = None) -> tuple[list[dict], dict]:
    """(topics.json of a fitted model folder, its card); raises `ModelError` when either is missing or wrong.
    With `n_words`, each topic's `n_words` most probable words: topics.json keeps 10, so more are the
    model's (loaded only then)."""
    from ..persist import kind_of_model, read_card

    card = read_card(directory, "topics")
    if card.get("task") != "topics":
        raise ModelError(f"{directory}: {kind_of_model(card.get('task'))}, not a topics model")
    path = Path(home_path(directory)) / "topics.json"
    if not path.exists():
        raise ModelError(f"{path}: missing; rerun `dvtopics topics fit ... --out {directory}`")
    try:
        topics_list = json.loads(read_side_file(path))
    except (ValueError, InputError) as exc:
        raise ModelError(f"{path}: not valid JSON ({getattr(exc, 'msg', exc)}); "
                         f"rerun `dvtopics topics fit ... --out {directory}`") from None
    problem = topics_json_problem(topics_list)
    if not problem and isinstance(card.get("k"), int) and len(topics_list) != card["k"]:
        problem = f"{len(topics_list)} topics, but the model card says {card['k']}"
    if problem:
        raise ModelError(f"{path}: {problem}; rerun `dvtopics topics fit ... --out {directory}`")
    if n_words is not None:
        _set_words(topics_list, directory, check_at_least("n_words", n_words, 1))  # as `topics show --words`
    from .model import given_name, load_topic_model

    names = [given_name(topic["label"]) for topic in topics_list]  # a name its user gave, spaced as typed
    if not all(names):  # one left blank is its words, as `assign` and the report give them (`topic_labels`)
        names = load_topic_model(directory)[0].topic_labels()
    for topic, name in zip(topics_list, names):
        topic["label"] = name
    return topics_list, card


def _set_words(topics_list: list[dict], directory, n_words: int) -> None:
    """Each topic's `n_words` first words: those of topics.json, or the model's when it keeps fewer (and the
    model's vocabulary has more)."""
    if any(len(topic["words"]) < n_words for topic in topics_list):
        from .model import load_topic_model

        model, _ = load_topic_model(directory)
        if len(topics_list) != model.n_topics:
            raise ModelError(f"{Path(directory) / 'topics.json'}: {len(topics_list)} topics, but the model has "
                             f"{model.n_topics}; rerun `dvtopics topics fit ... --out {directory}`")
        for topic, words, empty in zip(topics_list, model.top_words(n_words), model.empty_topics()):
            topic["words"] = [] if empty else [[w, round(p, 5)] for w, p in words]
    for topic in topics_list:
        topic["words"] = topic["words"][:n_words]


def topics_json_problem(topics_list) -> str | None:
    """What is wrong with a topics.json someone edited, in words, or None: each topic must have what
    `show` and `assign` print."""
    if not isinstance(topics_list, list):
        return "a list of topics is expected"
    for number, topic in enumerate(topics_list):
        if not isinstance(topic, dict):
            return f"topic {number} is not a JSON object"
        checks = [("topic", isinstance(topic.get("topic"), int) and not isinstance(topic.get("topic"), bool)),
                  ("label", isinstance(topic.get("label"), str)),
                  ("share", isinstance(topic.get("share"), (int, float)) and not isinstance(topic.get("share"), bool)),
                  ("words", isinstance(topic.get("words"), list) and all(
                      isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) for pair in topic["words"])),
                  ("representatives", all(isinstance(rep, dict) and isinstance(rep.get("title"), str)
                                          and isinstance(rep.get("share"), (int, float))
                                          for rep in topic.get("representatives") or []))]
        wrong = [name for name, ok in checks if not ok]
        if wrong:
            return f"topic {number} has no valid {', '.join(wrong)}"
    return None
