"""Fit each K with several seeds, measure, and suggest a K."""
from __future__ import annotations

import copy
import logging
import os
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..arguments import MAX_TOPICS, as_list, check_seeds, check_topic_counts, none_is_default, option
from ..errors import ArgumentError, TopicsError
from ..io.paths import home_path
from ..io.write import write_table
from .measures import NPMI_TOP_N, ReferenceTokens, check_measures, topic_measures, topic_stability
from .model import TopicModel, segmented_texts

log = logging.getLogger(__name__)


def suggest_k(rows: Sequence[dict]) -> int:
    """The K whose topic quality, NPMI × diversity (Dieng, Ruiz & Blei 2020), holds up across seeds: the
    mean over seeds less one standard deviation, times the stability of the topics between seeds
    (`topic_stability`, 1 when there is one seed). A K whose topics change with the seed is worth less
    than its mean: a reader would get other themes from the next run. Where that quality is not
    positive (negative NPMI: a handful of short texts), the product would favour the K whose topics
    repeat each other most, so those Ks are ranked by NPMI alone, after any K of positive quality.
    Rows without NPMI or diversity (a sweep that did not measure them) choose none: `TopicsError` says why.

    >>> suggest_k([{"k": 5, "npmi": 0.10, "diversity": 0.9}, {"k": 10, "npmi": 0.12, "diversity": 0.6}])
    5
    >>> suggest_k([{"k": 5, "quality": 0.10, "quality_sd": 0.01, "stability": 0.5},
    ...            {"k": 10, "quality": 0.09, "quality_sd": 0.01, "stability": 0.8}])
    10
    >>> suggest_k([{"k": 3, "npmi": -0.29, "diversity": 0.9}, {"k": 5, "npmi": -0.28, "diversity": 0.66}])
    5
    >>> suggest_k([{"k": 3, "npmi": -0.27, "diversity": 0.9}, {"k": 5, "npmi": -0.28, "diversity": 0.66}])
    3
    """
    return suggestion(rows)[0]


# Why `suggestion` chose its K, in words: by quality where some K's is positive, else by NPMI alone
CHOSEN_BY = {1: "best NPMI × diversity less its spread over seeds, times the stability of the topics between seeds",
             0: "best NPMI less its spread over seeds: NPMI × diversity less its spread is not positive for any K "
                "(negative NPMI, as on a few short texts), where it would favour the topics that repeat each other"}
# The same with one seed per K: no spread over seeds and no stability between them were measured, so neither weighed
CHOSEN_BY_ONE_SEED = {
    1: "best NPMI × diversity; one seed per K, so neither its spread over seeds nor the topics' agreement between "
       "seeds weighed in (three seeds weigh them: --seeds 3, or seeds=(0, 1, 2) in Python)",
    0: "best NPMI: NPMI × diversity is not positive for any K (negative NPMI, as on a few short texts), where it "
       "would favour the topics that repeat each other; one seed per K, so no spread over seeds weighed in "
       "(three seeds weigh it: --seeds 3, or seeds=(0, 1, 2) in Python)"}


def suggestion(rows: Sequence[dict]) -> tuple[int, str]:
    """`suggest_k`'s K, and why it was chosen, in words (`CHOSEN_BY`; `CHOSEN_BY_ONE_SEED` when each K was fitted
    with one seed, so no spread or stability weighed in), for the command to say."""
    scored = []
    for row in rows:
        quality = row.get("quality")
        if quality is None and row.get("npmi") is not None and row.get("diversity") is not None:
            quality = row["npmi"] * row["diversity"]
        if quality is None:
            continue
        lower = quality - (row.get("quality_sd") or 0.0)
        if lower > 0:
            scored.append((1, lower * (row.get("stability") or 1.0), row["k"]))
        else:
            npmi = row.get("npmi")
            scored.append((0, lower if npmi is None else npmi - (row.get("npmi_sd") or 0.0), row["k"]))
    if not scored:
        unmeasured = [name for name in ("npmi", "diversity") if not any(name in row for row in rows)]
        raise TopicsError("a K is chosen by NPMI × diversity, and " + (
            f"the sweep did not measure {' or '.join(unmeasured)}: add {' and '.join(unmeasured)} to "
            f"{option('--measures')}" if unmeasured else "no K has both"))
    tier, _, k = max(scored)
    several_seeds = any(row.get("stability") is not None or (row.get("seeds") or 1) > 1 for row in rows)
    return k, CHOSEN_BY[tier] if several_seeds else CHOSEN_BY_ONE_SEED[tier]


def seeds_note(rows: Sequence[dict], engine: str = "gensim", init: str = "nmf") -> str | None:
    """What a sweep is to say of the K at which several seeds gave the same topics (stability 1, no spread), or None:
    at every K, that the spread and stability measure nothing; at some, which K, since the suggestion weighs their
    stability of 1 as robust topics when nothing varied (hunt 40 Q, 9: 5, 10 and 15 so, 20 and 25 at 0.80 and 0.73)."""
    same = [row["k"] for row in rows if _seeds_agreed(row)]
    if not same:
        return None
    # gensim's start from NNDSVD's topics can be the same whatever the seed; NMF's own start is random but for the
    # default seed, and the --init that varies gensim's is refused beside another engine
    vary = " (--init random varies it)" if engine == "gensim" and init == "nmf" else ""
    if len(same) == len(rows):
        why = (f"the start does not depend on the seed on these articles, so the spread and the stability measure "
               f"nothing{vary}" if vary else
               "every start led to them on these articles, so the spread and the stability measure nothing")
        return f"The seeds gave the same topics at every K: {why}"
    return (f"The seeds gave the same topics at K = {', '.join(map(str, same))}: there the spread and the stability "
            f"measure nothing{vary}, and the suggestion counts their stability of 1 as if the topics were robust")


def _seeds_agreed(row: dict) -> bool:
    return ((row.get("seeds") or 1) > 1 and row.get("stability") == 1.0
            and not any(row.get(f"{name}_sd") for name in SWEEP_MEASURES))


def seeds_changed_nothing(rows: Sequence[dict]) -> bool:
    """Whether several seeds per K gave the same topics at every K (stability 1, no spread): a start that does not
    depend on the seed (`init="nmf"`, deterministic on some articles) makes "± 0.000" and stability 1.000 read as
    robust topics when nothing varied.

    >>> seeds_changed_nothing([{"seeds": 3, "stability": 1.0, "npmi_sd": 0.0}])
    True
    >>> seeds_changed_nothing([{"seeds": 3, "stability": 1.0, "npmi_sd": 0.0}, {"seeds": 3, "stability": 0.8}])
    False
    """
    return bool(rows) and all(_seeds_agreed(row) for row in rows)


def parse_k_range(spec: str, most: int = MAX_TOPICS) -> list[int]:
    """"5:50:5" -> 5, 10, ... 50 (the end included); "4,6,8" -> those; "7" -> [7]. Each K from 2 to `most`.

    >>> parse_k_range("5:20:5"), parse_k_range("3,4")
    ([5, 10, 15, 20], [3, 4])
    """
    try:
        if ":" in spec:
            parts = [int(p) for p in spec.split(":")]
            start, stop, step = (parts + [1])[:3] if len(parts) == 2 else parts
            if step < 1 or start > stop:  # range() would give START alone (4:2:-1) or nothing (5:3:1), silently
                raise ArgumentError(f"K range {spec!r}: START:STOP:STEP counts up from START to STOP by STEP "
                                    "(START at most STOP, STEP 1 or more), as 5:50:5 does")
            ks = range(start, stop + 1, step)  # a range until its bounds are checked: 2:10**11:1 is no list
        else:
            ks = [int(p) for p in spec.split(",") if p.strip()]
    except ValueError:
        ks = []
    # a range's ends are its least and largest K: min() and max() would walk through it
    least, largest = sorted((ks[0], ks[-1])) if isinstance(ks, range) and ks else (min(ks, default=0), max(ks, default=0))
    if not ks or least < 2:
        raise ArgumentError(f"K range {spec!r}: give START:STOP:STEP (5:50:5) or a list (4,6,8), each K ≥ 2, "
                            "a whole number")
    if largest > most:
        raise ArgumentError(f"K range {spec!r}: each K at most {most}")
    if isinstance(ks, range) and len(ks) == 1 and ks.start < ks.stop - 1:
        # (a STEP past STOP: "2:8:100" swept K = 2 alone and suggested it, hunt 42 AR)
        log.warning("K range %r gives one K, %d: its STEP %d passes its STOP %d; a sweep compares several",
                    spec, ks.start, ks.step, ks.stop - 1)
    return check_topic_counts(f"K range {spec!r}", list(ks), most)


def prepare(texts: Sequence[str], **params) -> tuple[TopicModel, list[list[str]]]:
    """The preprocessing several fits can share: a TopicModel with its vocabulary (phrases, dictionary)
    learned but no topics yet, and the dictionary tokens of each unit."""
    base = TopicModel(**params)
    base._check_params()
    return base, base._fit_vocabulary(segmented_texts(texts))


SWEEP_MEASURES = ("npmi", "c_v", "diversity")


def sweep_prepared(base: TopicModel, unit_tokens: list[list[str]], ks: Sequence[int],
                   measures: Sequence[str] = SWEEP_MEASURES, seeds: Sequence[int] = (0,),
                   reference: Iterable[Sequence[str]] | None = None, progress: bool = False
                   ) -> tuple[list[dict], list[TopicModel]]:
    """Fit one model per K and seed on a shared preprocessing (`prepare`); return (one row per K, the model
    of the first seed per K). `progress` shows a bar on stderr over the fits.

    Each row holds the mean over seeds of every measure and its standard deviation (`npmi_sd`, ...; None
    where fewer than two seeds gave a value: no spread was measured), `quality` (NPMI × diversity) and its
    spread, `stability` (`topic_stability` of the seeds' topics) and the mean `fit_seconds`. Measures are counted in `reference` (`ReferenceTokens` of the texts;
    the units' model tokens when not given).
    """
    import time

    from ..progress import progress_bar

    ks, seeds, measures = check_topic_counts("ks", ks), check_seeds("seeds", seeds), check_measures(measures)
    fits = []  # (k, seed, model, seconds)
    with progress_bar(total=len(ks) * len(seeds), unit="fit", desc="sweep", disable=not progress) as bar:
        for k in ks:
            for seed in seeds:
                bar.set_postfix_str(f"K={k}, seed {seed}")
                model = copy.deepcopy(base).set_params(n_topics=k, random_state=seed)
                started = time.perf_counter()
                model._fit_topics(unit_tokens)
                fits.append((k, seed, model, time.perf_counter() - started))
                log.info("K=%d seed %d fitted in %.1f s", k, seed, fits[-1][3])
                bar.update()
    measured = topic_measures([m for _, _, m, _ in fits], unit_tokens if reference is None else reference, measures,
                              progress=progress)
    rows, firsts = [], []
    for k in ks:
        runs = [(model, secs, row) for (k_, _, model, secs), row in zip(fits, measured) if k_ == k]
        row = {"k": k, "seeds": len(runs)}
        for name in [m for m in SWEEP_MEASURES if m in measures] + ["quality"]:
            if name == "quality":
                values = [r["npmi"] * r["diversity"] for _, _, r in runs
                          if r.get("npmi") is not None and r.get("diversity") is not None]
            else:
                values = [r[name] for _, _, r in runs if r.get(name) is not None]
            row[name] = round(float(np.mean(values)), 4) if values else None
            # a spread needs two seeds at least: one seed's 0.0 would read as a spread measured and found nil
            row[f"{name}_sd"] = round(float(np.std(values)), 4) if len(values) > 1 else None
        row["stability"] = topic_stability([[[w for w, _ in t] for t in model.top_words(NPMI_TOP_N)]
                                            for model, _, _ in runs])
        row["stability"] = None if row["stability"] is None else round(row["stability"], 4)
        row["fit_seconds"] = round(float(np.mean([secs for _, secs, _ in runs])), 2)
        rows.append(row)
        firsts.append(runs[0][0])
    return rows, firsts


@none_is_default
def sweep(texts: Sequence[str], ks: Sequence[int], measures: Sequence[str] = SWEEP_MEASURES,
          seeds: Sequence[int] = (0,), progress: bool = False, **params) -> tuple[list[dict], list[TopicModel]]:
    """Fit one model per K and seed on one preprocessing of `texts`; return (one row per K, models)."""
    ks, seeds = check_topic_counts("ks", ks), check_seeds("seeds", seeds)  # before any work
    texts = as_list(texts, "texts")  # read once: the fits and the measures' reference both read them; `prepare`
    # checks them (a second check warned twice of unsegmented texts)
    base, unit_tokens = prepare(texts, n_topics=max(ks), **params)  # every K checked before the first fit
    # the shared phrases (`base`) joined in the reference too: the fits' top words hold them
    return sweep_prepared(base, unit_tokens, ks, measures, seeds, ReferenceTokens(texts, base.unit, base), progress)


SWEEP_FILES = ("sweep.csv", "sweep.png")  # what `write_sweep` writes: none may be an input (`check_folder`)


def write_sweep(rows: Sequence[dict], directory: str | os.PathLike) -> list[Path]:
    """sweep.csv and sweep.png in `directory`, put in place together (`staged`): the table was written, then the
    figure, so a run stopped between them left a new table beside the figure of another sweep."""
    from ..io.write import staged
    from ..report import plots

    directory = Path(home_path(directory))  # "~/…": the home folder, as load_model and the command line read it
    directory.mkdir(parents=True, exist_ok=True)
    header = ["k", "seeds", "npmi", "npmi_sd", "c_v", "c_v_sd", "diversity", "diversity_sd", "quality", "quality_sd",
              "stability", "fit_seconds", "suggested"]
    try:  # the K the command suggests, marked in the table: a reader of the folder alone saw no K chosen (hunt 41 AC)
        suggested = suggest_k(rows)
    except TopicsError:  # (a sweep that measured no NPMI or diversity chooses none)
        suggested = None
    written = [directory / name for name in SWEEP_FILES]
    with staged(written) as [table, figure]:
        write_table(table, header, ([row.get(c) for c in header[:-1]] + ["yes" if row["k"] == suggested else ""]
                                    for row in rows))
        plots.save_figure(plots.topic_sweep_figure(rows), figure)
    return written
