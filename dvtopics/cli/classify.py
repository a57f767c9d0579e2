"""`dvtopics train`, `evaluate`, `label` and `rules`: the article-type classifier."""
from __future__ import annotations

import json
import sys
from collections import Counter

import click

from ..arguments import ABSTAIN, MIN_FOLDS
from ..persist import MODEL_FILES
from ..wording import plural, word_for
from .options import (BATCH, MODEL_DIR, SEED, SHARE, Command, InputPath, ModelArgument, OutputPath, WholeNumber,
                      checked, engine_options, one_of, paths_argument, reading_options, terminal_text, typed_command)


labels_option = click.option(
    "--labels", "label_files", multiple=True, type=InputPath(exists=True, dir_okay=False),
    help="Labels file: CSV, .xlsx, JSONL or JSON of id (or file) and label (or the columns --id-field and "
         "--label-field name), "
         "such as `label --out` writes; may repeat, or be a pattern in quotes (\"labels/*.csv\"). "
         "It gives the label of the ids it names; the other articles keep their --label-field of the same label "
         "set.")


def _views(value: str) -> list[str]:
    """--views as a list, checked before any article is read."""
    from ..types.model import check_views

    views = [view.strip().lower() for view in value.split(",")]  # "TEXT", as --classifier SVM is read
    check_views(views)
    return views


@click.command(cls=Command)
@paths_argument
@labels_option
@click.option("--out", type=OutputPath(folder=True, files=lambda: MODEL_FILES), required=True,
              help="Model directory to write (not one named `shipped`, nor the shipped model's folder in an installed "
                   "package); use it with --model.")
@click.option("--classifier", "classifiers", multiple=True, type=one_of(["svm", "logreg", "cnb"]),
              help="Candidates to cross-validate (default: all three); the best macro-F1 is kept. svm needs 3 "
                   "articles of each label in each fold's training articles: it is left out, with a warning, where "
                   "a label has fewer.")
@click.option("--extra", "extra_paths", multiple=True, type=InputPath(exists=True),
              help="More labelled articles to learn from (JSONL, CSV, JSON or .xlsx), each with its text and its "
                   "own label field (--label-field): a written training set, or your corrections (a later copy of an "
                   "article among them wins). Learnt from, never scored; may repeat.")
@click.option("--weak-rules/--no-weak-rules", default=False, show_default=True,
              help="Also learn from unlabelled articles on which a cue rule fires (article types only).")
@click.option("--weak-other", default=0, show_default=True, type=WholeNumber(0, 10_000_000),
              help="Also learn from this many unlabelled articles with no cue word, as 'other' (article types "
                   "only).")
@click.option("--head-chars", default=4000, show_default=True, type=WholeNumber(0, 10_000_000),
              help="Characters of each article read (0: all).")
@click.option("--folds", default=5, show_default=True, type=WholeNumber(MIN_FOLDS, 100),
              help="Cross-validation folds: no more are made than the smallest hand label has articles.")
@click.option("--max-features", default=30000, show_default=True, type=WholeNumber(0, 10_000_000),
              help="TF-IDF terms kept per view, the most frequent (0: all terms seen in 2+ articles).")
@click.option("--views", default=None, metavar="VIEW,...", callback=checked(_views),
              help="TF-IDF views, from text (whole document), head (first words), event (early meeting "
                   "sentences), event_chars (their character 2-4-grams). Default: text,event for article types, text "
                   "for other label sets.")
@click.option("--lead-copies", default=None, metavar="N", type=WholeNumber(0, 10_000_000),
              help="Article types: learn each hand-labelled article a second time, cut to its title and the first N "
                   "characters of its text, the shape of a title and lead (default 500; 0: no copies). Other label "
                   "sets: none unless given.")
@click.option("--silent-min-confidence", default=None, metavar="P", type=SHARE,
              help="Article types: where no cue rule fires, the least probability at which the model names a type; "
                   "under it the article is 'other' and its first cue names the guess (default 0.8; 0: the model's "
                   "most probable type, always).")
@click.option("--override-min-confidence", default=None, metavar="P", type=SHARE,
              help="Article types: where a cue rule fires, the least probability at which the model gives another "
                   "label than the rule's; under it the rule's label stands and the first cue names the guess "
                   "(default 0.9; 0: the model's most probable label, always).")
@click.option("--seed", default=0, show_default=True, type=SEED)
@reading_options()
def train(paths, label_files, out, classifiers, extra_paths, weak_rules, weak_other, head_chars, folds, max_features,
          views, lead_copies, silent_min_confidence, override_min_confidence, seed, reading):
    """Train a classifier on labelled articles and save it with its model card."""
    from ..jobs import train as train_job
    from ..types.evaluate import format_scores

    trained = train_job(reading, out,
                        label_files, classifiers or ("svm", "logreg", "cnb"), extra_paths, weak_rules, weak_other,
                        head_chars, folds, max_features, views, seed,
                        description=typed_command(click.get_current_context()), on_data=_echo_training_data,
                        lead_copies=lead_copies, silent_min_confidence=silent_min_confidence,
                        override_min_confidence=override_min_confidence)
    card = trained.card
    for kind, result in card["metrics"]["candidates"].items():
        click.echo(f"{kind:<7} cross-validated macro-F1 {result['macro_f1']:.4f}  accuracy {result['accuracy']:.4f}")
    click.echo(f"\nchosen: {card['classifier']} (cross-validated on the hand labels)\n")
    click.echo(format_scores(card["metrics"]["cross_validated"]))
    if "rules_only" in card["metrics"]:
        click.echo(f"\nrules alone: macro-F1 {card['metrics']['rules_only']['macro_f1']:.4f}")
    click.echo(f"\nsaved to {terminal_text(out)}", err=True)
    sys.exit(_echo_failed(trained.failed))


def _echo_training_data(data) -> None:
    """What train learns from, by kind and label, and where its hand labels came from."""
    click.echo(f"training data: {json.dumps(data.summary(), ensure_ascii=False)}", err=True)
    hand = data.hand_labels
    overridden = f" ({hand.overridden} of them replacing the article's own label)" if hand.overridden else ""
    said = [f"{n} from --labels{overridden}" if source == "labels file" else f"{n} from the articles' label field"
            for source, n in hand.sources.items()]
    click.echo(f"hand labels: {', '.join(said)}", err=True)


def _echo_failed(failed) -> int:
    """The exit code, 1 when some articles could not be read (each was named in an error line as it was read),
    and a line that says how many."""
    if failed:
        click.echo(f"{plural(len(failed), 'article')} could not be read and {'was' if len(failed) == 1 else 'were'} "
                   "left out", err=True)
    return 1 if failed else 0


@click.command(cls=Command)
@click.argument("model", type=MODEL_DIR, cls=ModelArgument)
@paths_argument
@labels_option
@click.option("--format", "fmt", type=one_of(["text", "json"]), default="text", show_default=True)
@click.option("--plot", type=OutputPath(),
              help="Write the confusion matrix as a figure: .png, .jpg, .svg or .pdf.")
@click.option("--errors", "show_errors", default=20, show_default=True, type=WholeNumber(0, 1_000_000),
              help="Misclassified articles to list (in the JSON too, under \"errors\").")
@click.option("--compare", "baseline", type=MODEL_DIR,
              help="Another model (`shipped`: the shipped one) to score beside MODEL, listing every "
                   "article whose label changed: what your retraining fixed and what it broke.")
@reading_options()
def evaluate(model, paths, label_files, fmt, plot, show_errors, baseline, reading):
    """Score MODEL on labelled articles: per-class precision/recall/F1, macro-F1, confusion matrix."""
    from ..jobs import NoLabelledArticles, evaluate as evaluate_job
    from ..jobs.classify import FigureNotWritten
    from ..types.evaluate import format_scores
    from ..types.model import model_name

    unwritten = None  # the figure's error, said after the scores it would have drawn
    try:
        evaluation = evaluate_job(reading, model, label_files, baseline, plot)
    except NoLabelledArticles as exc:
        raise click.UsageError(str(exc)) from None
    except FigureNotWritten as exc:
        evaluation, unwritten = exc.evaluation, exc
    result, compared = evaluation.scores, evaluation.compared
    listed = [{"id": article.id, "true": true, "predicted": record["label"], "confidence": record["confidence"],
               "title": article.title} for article, true, record in evaluation.errors[:show_errors]]
    if fmt == "json":
        out = {k: result[k] for k in ("accuracy", "macro_f1", "per_class", "n", "labels", "confusion")}
        # the warning that the model learnt some of the articles scored (said on stderr too), for a script that
        # reads the scores alone
        click.echo(json.dumps({**out, "learnt_from": evaluation.learnt, "errors": listed,
                               **({"compare": compared} if compared else {})},
                              ensure_ascii=False))
        _end_evaluation(evaluation, unwritten)
    click.echo(format_scores(result))
    if compared:
        # the models' names as a terminal shows them (a folder's name may hold control characters)
        new, old = terminal_text(model_name(model)), terminal_text(model_name(baseline))
        click.echo(f"\nagainst {old}: macro-F1 {compared['macro_f1']:.4f} -> "
                   f"{result['macro_f1']:.4f}, "
                   f"accuracy {compared['accuracy']:.4f} -> {result['accuracy']:.4f}; "
                   f"{plural(len(compared['changed']), 'label')} changed: {compared['fixed']} fixed, "
                   f"{compared['broke']} broken")
        # the same, without the words of statistics, for a reader deciding whether to keep the retrained model
        right = [round(scores["accuracy"] * result["n"]) for scores in (compared, result)]
        click.echo(f"In plain words: of the {plural(result['n'], 'labelled article')}, {old} labels {right[0]} as "
                   f"they are labelled, {new} {right[1]}; {new} made {compared['fixed']} right that {old} had wrong, "
                   f"and {compared['broke']} wrong that {old} had right")
        if compared["changed"]:
            click.echo(f"Each changed: id | true: {old}'s label -> {new}'s | title")
        for change in compared["changed"]:
            click.echo(terminal_text(f"{change['id']} | true {change['true']}: {change['before']} -> "
                                     f"{change['after']} | {change['title'][:80]}"))
    if listed:
        click.echo(f"\n{plural(len(evaluation.errors), 'error')} (first {len(listed)}): id | true -> predicted | title")
        for error in listed:
            click.echo(terminal_text(f"{error['id']} | {error['true']} -> {error['predicted']} "
                                     f"({error['confidence']:.2f}) | {error['title'][:80]}"))
    _end_evaluation(evaluation, unwritten)


def _end_evaluation(evaluation, unwritten) -> None:
    """Say which articles could not be read, then the figure's error if it could not be written (exit 2), else
    exit with the reading's code."""
    code = _echo_failed(evaluation.failed)
    if unwritten is not None:
        raise unwritten
    sys.exit(code)


@click.command(cls=Command)
@paths_argument
@click.option("--model", type=MODEL_DIR, default=None,
              help="Model directory, or `shipped` [default: the shipped model].")
@click.option("--out", type=OutputPath(parts=True), default=None,
              help="Output .jsonl, .csv or .xlsx [default: JSONL on stdout]; with --engine dask, "
                   "FOLDER/ keeps the parts there.")
@click.option("--min-confidence", default=0.0, show_default=True, type=SHARE, help="Below this, answer --abstain instead.")
@click.option("--abstain", type=one_of(ABSTAIN), default="other", show_default=True)
@click.option("--resume", is_flag=True, help="Finish an interrupted run into the same --out.")
@click.option("--force", is_flag=True,
              help="Replace --out even when it is not as dvtopics wrote it (labels corrected by hand since, or a file "
                   "of your own); without it such a file is refused.")
@click.option("--batch-size", default=256, show_default=True, type=BATCH,
              help="Articles labelled and written at a time.")
@engine_options
@reading_options()
def label(paths, model, out, min_confidence, abstain, resume, force, batch_size, engine, scheduler, part_size, reading):
    """Label the type of every article; write {id, label, confidence, cues, title, date} per article."""
    from ..progress import progress_bar

    from . import RESUMABLE
    from ..jobs import label as label_job

    click.get_current_context().meta[RESUMABLE] = out  # a Ctrl-C's hint: --resume, where it can finish the run
    with progress_bar(unit="article", disable=None if out is not None else True) as bar:
        counts = label_job(reading,
                           out, model, min_confidence, abstain, resume, batch_size, engine, scheduler, part_size,
                           on_progress=bar.update,
                           on_record=lambda record: click.echo(json.dumps(record, ensure_ascii=False)), force=force,
                           on_resume=lambda kept, journal: bar.write(_resumed(kept, journal), file=sys.stderr))
    _echo_counts(counts, out)


def _resumed(kept: int, journal) -> str:
    """The line a resumed run starts with: how many labels the interrupted run left, kept, and from where (a resume
    said nothing of it, and its bar counted from 0 as if every article were labelled again)."""
    return terminal_text(f"resumed: {kept:,} {word_for(kept, 'label')} kept from {journal}; labelling the rest")


def _echo_counts(counts: Counter, out) -> None:
    """The run's summary line; exit 1 when some articles could not be read. When none was, it says so: an empty
    folder's error, or a file's that gave no article, read "1 article (error: 1)"."""
    if counts.get("error") and not counts.keys() - {"error"}:
        summary = f"no article read ({plural(counts['error'], 'error')}, each named above)"
    else:
        # (the most first, ties by name: a Dask run, counting its parts in another order, said the same counts in
        # another order than a local run, hunt 41 AG)
        each = ", ".join(f"{name}: {n}" for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        summary = f"{plural(sum(counts.values()), 'article')} ({each})"
    click.echo(summary + (f" -> {terminal_text(out)}" if out else ""), err=True)
    sys.exit(1 if counts.get("error") else 0)


@click.command(cls=Command)
@paths_argument
@click.option("--all", "show_all", is_flag=True, help="Also list articles on which no rule fired.")
@reading_options(n_jobs=False, cache=False)
def rules(paths, show_all, reading):
    """Show which cue rule fired on each article, the words it matched, and the event the article reports."""
    from ..jobs import rule_hits

    counts, failed = Counter(), 0
    for article, hit, event in rule_hits(reading,
                                         every_event=show_all):
        # an article that could not be read is an error, as label counts it, not one on which no rule fired
        counts["error" if article.error else hit.rule if hit else "(none)"] += 1
        failed += bool(article.error)
        if hit or show_all:
            where = f"{hit.label:<19} {hit.rule:<16} «{hit.evidence}»" if hit else f"{'-':<19} {'-':<16}"
            title = f"ERROR: {article.error}" if article.error else article.title[:60]  # as inspect shows it
            # the id whole (streamed: a longer one shifts its own row), as a labels file would name it
            click.echo(terminal_text(f"{article.id:<30} {where} {title}"))
            if event:
                click.echo(terminal_text(f"{'':<30} {event.cue()}"))
    click.echo(" ".join(f"{rule}: {n}" for rule, n in counts.most_common()), err=True)
    sys.exit(1 if failed else 0)  # as every command that reads articles: 1 when some could not be read


COMMANDS = [train, evaluate, label, rules]
