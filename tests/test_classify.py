import logging
from pathlib import Path

import numpy as np
import pytest

from dvtopics.types.features import documents_of, event_sentences, rule_says, words_years_masked
from dvtopics.types.model import Classifier, below, load_classifier, make_pipeline
from dvtopics.errors import DvtopicsError
from dvtopics.io.read import Article, read_articles
from dvtopics.io.labels import read_labels
from dvtopics.types.evaluate import format_scores, scores
from dvtopics.persist import save_model
from dvtopics.types.training import collect, train

from articles import made_up_articles


@pytest.fixture(scope="module")
def trained():
    data = collect(made_up_articles(6))
    return train(data, classifiers=("logreg", "svm"), n_folds=2, n_jobs=1)


def test_training_scores_every_candidate_and_keeps_the_best(trained):
    model, card = trained
    candidates = card["metrics"]["candidates"]
    assert set(candidates) == {"logreg", "svm"}
    assert card["classifier"] == max(candidates, key=lambda k: candidates[k]["macro_f1"])
    assert card["metrics"]["cross_validated"]["macro_f1"] > 0.8
    assert "rules_only" in card["metrics"] and card["parameters"]["use_rules"] is True
    assert card["training_data"]["counts"]["hand"]["quarterly_briefing"] == 6


def test_predictions_have_labels_confidences_and_cues(trained):
    model, _ = trained
    (record,) = model.predict([made_up_articles(1)[1]])  # a quarterly briefing
    assert record["label"] == "quarterly_briefing"
    assert 0.0 <= record["confidence"] <= 1.0
    assert any(cue.startswith("rule quarter_meeting") for cue in record["cues"])
    assert any("quý" in cue for cue in record["cues"])


def test_a_cue_names_words_once_without_the_punctuation_of_its_word_pair():
    """Hunt 37 A (1): 89 of 3,000 baomoi articles had a cue that opened with punctuation (", có", "& đt", ") và"), and
    some one word twice ("thanh_niên; huyện; , huyện"): the text view's word pairs hold the punctuation between words.
    A cue is the words of its feature, once; a feature of no word (", .", "/ 7") or of characters is none."""
    from dvtopics.types.model import _word_cues

    features = ["text: thanh_niên", "text: huyện", "text: , huyện", "text: , có", "head: & đt", "text: ) và",
                "text: , .", "text: / 7", "chars: ộ", "text: __rule_x", "event: - vũng_tàu"]
    assert _word_cues(features, 8) == ["thanh_niên", "huyện", "có", "đt", "và"]
    assert _word_cues(features, 3) == ["thanh_niên", "huyện"]  # (the first three features that name words)


def test_top_features_name_what_each_type_looks_for(trained):
    model, _ = trained
    top = model.top_features(5)
    assert set(top) == set(model.labels)
    assert any("quý" in name or "period_quarter" in name for name, _ in top["quarterly_briefing"])


def test_min_confidence_abstains(trained):
    model, _ = trained
    records = model.predict(made_up_articles(1), min_confidence=1, abstain="uncertain")
    assert {r["label"] for r in records} == {"uncertain"}
    # the guess it abstained from stays readable, first among the cues
    guessed = model.predict(made_up_articles(1))
    for record, guess in zip(records, guessed):
        assert record["cues"][0] == (f"guess: {guess['label']} at {below(guess['confidence'], 1)}, below the "
                                     "minimum confidence 1")
        assert record["cues"][1:] == guess["cues"] and record["confidence"] == guess["confidence"]
    assert all(not c.startswith("guess:") for r in guessed for c in r["cues"])


def test_a_guess_below_a_minimum_reads_below_it():
    """label --min-confidence 0.9999 said "guess: semi_annual_review at 1.00, below the minimum confidence 0.9999"
    of a guess at 0.9989, and the 0.8 gate "at 0.80 (… a type needs 0.8)" of one at 0.7996: each read above."""
    assert below(0.9989, 0.9999) == "0.999" and below(0.7996, 0.8) == "0.7996" and below(0.6543, 0.8) == "0.65"
    assert below(0.99996, 0.99999) == "0.9999" and below(0.9995, 1) == "0.9995"


def test_an_answer_below_the_minimum_that_is_a_label_gets_that_labels_probability(trained):
    """Hunt 24 B: `label --min-confidence 0.995` (abstain `other`) wrote "other, 0.9708" for a seed the model
    called annual_review at 0.97: a reader of the table took it for a model sure of `other`. The answer `other` now
    has `other`'s probability, as the rule-silent gate gives it; the guess's stays in the first cue."""
    model, _ = trained
    articles = [a for a in made_up_articles(1) if a.label != "other"]
    guessed = model.predict(articles)
    records = model.predict(articles, min_confidence=1, abstain="other")
    for record, guess in zip(records, guessed):
        assert record["label"] == "other" and record["confidence"] < 0.5 < guess["confidence"]
        assert record["cues"][0].startswith(f"guess: {guess['label']} at {below(guess['confidence'], 1)}")
    together = model.predict(articles + [a for a in made_up_articles(1) if a.label == "other"], min_confidence=1)
    assert together[-1]["confidence"] == model.predict(made_up_articles(1))[-1]["confidence"]  # `other`'s own


def test_the_answer_other_is_the_models_own_other_however_spelt():
    """Hunt 25 B: a model of one's own whose labels hold "Khác" answered `other` below --min-confidence (the default
    --abstain), with the guess's probability: its table held "other" beside "Khác", one answer as two labels."""
    own = {"other": "Khác"}
    articles = made_up_articles(6)
    for article in articles:
        article.label = own.get(article.label, "Hội nghị")
    model, _ = train(collect(articles), ["logreg"], n_folds=2)
    guessed = model.predict(articles[:2])
    records = model.predict(articles[:2], min_confidence=1, abstain="other")
    for record, guess in zip(records, guessed):
        assert record["label"] == "Khác" and record["confidence"] < 0.5 < guess["confidence"]  # Khác's own
        assert record["cues"][0].startswith(f"guess: {guess['label']} at ")
    assert model.predict(articles[:1], min_confidence=1, abstain="uncertain")[0]["label"] == "uncertain"


def test_failed_articles_keep_their_error(trained):
    model, _ = trained
    records = model.predict([Article(id="bad", error="empty file"), made_up_articles(1)[0]])
    assert records[0]["label"] is None and records[0]["error"] == "empty file"
    assert records[1]["label"] == "semi_annual_review"


def test_saved_model_loads_and_predicts_the_same(trained, tmp_path):
    model, card = trained
    save_model(model.pipeline, tmp_path, card)
    loaded = load_classifier(tmp_path)
    articles = made_up_articles(2)
    assert [r["label"] for r in loaded.predict(articles)] == [r["label"] for r in model.predict(articles)]


def test_generic_label_sets_train_without_rules():
    articles = made_up_articles(6)
    for article in articles:
        article.label = "meeting" if article.label != "other" else "news"
    model, card = train(collect(articles), classifiers=("cnb",), n_folds=2)
    assert card["task"] == "text-classification" and card["parameters"]["use_rules"] is False
    assert set(model.labels) == {"meeting", "news"}


def test_article_types_without_other_are_said_to_leave_the_model_no_other(caplog):
    """Hunt 27 B: trained on meetings alone (no article labelled `other`), the model named a meeting type for every
    article, a clean-up day included, at 0.25, and nothing said so."""
    meetings = [article for article in made_up_articles(6) if article.label != "other"]
    with caplog.at_level(logging.WARNING):
        train(collect(meetings), classifiers=("cnb",), n_folds=2)
    assert "no training article is labelled `other`: the model will name one of annual_review" in caplog.text
    # hunt 37 B (7): it named data/train/written_S1.jsonl to a wheel's user, whose wheel holds none of it
    assert "(in a clone of dvtopics, data/train/written_S1.jsonl: a wheel holds no training data)" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        train(collect(made_up_articles(6)), classifiers=("cnb",), n_folds=2)
    assert "labelled `other`" not in caplog.text


def test_collect_keeps_duplicates_once():
    articles = made_up_articles(2)
    data = collect(articles + articles)
    assert len(data.articles) == len(articles)


def test_a_hand_labelled_article_repeated_with_its_label_is_said_to_be_learnt_once(caplog):
    """A user labelled 3 briefings, two of them the same title and text under two ids: `train` said "the smallest
    hand label, 'quarterly_briefing', has 2 articles" and 13 hand labels of 14, with no word of the third (hunt 22
    C, 7)."""
    from dataclasses import replace

    articles = made_up_articles(1)
    again = replace(articles[0], id="again")
    with caplog.at_level(logging.WARNING):
        data = collect([*articles, again])
    assert len(data.articles) == len(articles)
    said = [r.getMessage() for r in caplog.records if "repeat the title and text" in r.getMessage()]
    assert said and said[0].startswith("1 hand-labelled") and "'again'" in said[0] and repr(articles[0].id) in said[0]


def test_a_label_outranks_the_same_text_read_without_one():
    """A user's correction (an extra article) wins over a hand label and a rule's weak label of the same text, and
    a hand label over a weak one, wherever in the input each comes."""
    from dataclasses import replace

    head, *others = made_up_articles(1)  # one per type, the first a six-month review (a rule's semi_annual_review)
    unlabelled = replace(head, id="seen-first", label=None)
    labelled = replace(head, id="labelled-later", label="annual_review")
    data = collect([unlabelled, *others, labelled], weak_rules=True)
    assert (data.labels[0], data.kinds[0], data.articles[0].id) == ("annual_review", "hand", "labelled-later")
    assert sum(a.text == head.text for a in data.articles) == 1
    mine = replace(head, id="mine", label="Other")
    corrected = collect([unlabelled, *others, labelled], weak_rules=True, extra=[mine])
    assert [(a.id, label, kind) for a, label, kind in zip(corrected.articles, corrected.labels, corrected.kinds)
            if a.text == head.text] == [("mine", "other", "extra")]


def test_an_extra_article_of_an_inputs_id_but_not_its_text_is_said_to_be_learnt_apart(caplog):
    """Trial 33: corrections keyed by the ids of articles among the inputs, each its title and lead only (a sheet made
    from `label --out`'s rows): the input article kept its label (a hand label, or a cue rule's), the correction was
    learnt beside it as another article, and nothing said that nothing had been corrected. A warning says so."""
    from dataclasses import replace

    head, *others = made_up_articles(1)  # the first a six-month review (a rule's semi_annual_review)
    short = replace(head, text=head.text[:120], label="annual_review")  # the same id, its text cut
    with caplog.at_level("WARNING"):
        data = collect([head, *others], extra=[short])
    assert sum(a.id == head.id for a in data.articles) == 2  # both learnt, as before
    said = [r.getMessage() for r in caplog.records if "share their id" in r.getMessage()]
    assert len(said) == 1 and f"{head.id!r}: annual_review in extra_paths (--extra), {head.label} among the inputs" \
        in said[0], said
    caplog.clear()
    with caplog.at_level("WARNING"):  # by a cue rule's weak label too
        collect([replace(head, label=None), *others], weak_rules=True, extra=[short])
    assert any("share their id" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level("WARNING"):  # the same label, or the same text (a correction that wins): nothing to say
        collect([head, *others], extra=[replace(short, label=head.label)])
        collect([head, *others], extra=[replace(head, label="annual_review")])
    assert not any("share their id" in r.getMessage() for r in caplog.records)


def test_no_labelled_article_without_a_labels_file_says_where_labels_come_from():
    """`train folder/` of .txt files and no --labels said "check --labels (ids must match) or --label-field", naming
    an option not given (hunt 23 B, 17); with a labels file the line is as before."""
    from dataclasses import replace

    unlabelled = [replace(a, label=None) for a in made_up_articles(1)]
    with pytest.raises(DvtopicsError, match=r"no article has a label in its 'label' field \(give the column with "
                                            r"fields\['label'\] \(--label-field\)\), and no label_files \(--labels\) "
                                            r"file was given"):
        collect(unlabelled)
    # hunt 27 D, 13: named as a notebook gives them, with an id of each, not "check --labels (ids must match)"
    with pytest.raises(DvtopicsError, match=r"the one id of the hand labels \(gold_labels, --labels\) is not an "
                                            r"article's \(such as 'elsewhere'; the articles' ids are such as '"):
        collect(unlabelled, {"elsewhere": "other"})
    # the review of hunt 27: labels whose article could not be read, or none at all, are said so ("none of the ids is
    # an article's" followed a warning that one was)
    from dvtopics.io.article import Article

    broken = Article(id="a1", error="a1.txt: empty file")
    with pytest.raises(DvtopicsError, match=r"the labelled articles of the input could not be read \(such as 'a1': "
                                            r"a1.txt: empty file\)"):
        collect([broken, *unlabelled], {"a1": "other", "zz": "other"})
    with pytest.raises(DvtopicsError, match=r"the hand labels \(gold_labels, --labels\) hold none"):
        collect(unlabelled, {})


def test_weak_labels_asked_for_and_not_found_are_said_to_be_missing(caplog):
    """Hunt 25 B: `train written.jsonl --weak-rules --weak-other 100`, every article labelled, added no weak label and
    said nothing: the model was trained without what the options asked for."""
    with caplog.at_level(logging.WARNING):
        data = collect(made_up_articles(2), weak_rules=True, weak_other=100)
    assert "weak" not in data.summary()
    assert "weak_rules (--weak-rules): no unlabelled article of the inputs fires a cue rule" in caplog.text
    assert "weak_other (--weak-other) 100: 0 unlabelled article(s)" in caplog.text
    caplog.clear()
    unlabelled = [Article(id=f"u{i}", text=f"Người dân xã {i} thu hoạch lúa.") for i in range(3)]
    collect([*made_up_articles(2), *unlabelled], weak_other=3)
    assert "weak_other" not in caplog.text


def test_weak_labels_beside_a_label_set_of_ones_own_are_refused_naming_the_option():
    """Hand labels of one's own (topics) with --weak-rules were refused as the user's mistake ("label(s) 'Kinh tế' …
    are not article types, while others are: correct the labels"), and with --weak-other, `other` became a class of
    their set, learnt from unlabelled articles in silence (hunt 23 B, 10). Beside article types they are learnt."""
    from dataclasses import replace

    topics = {"semi_annual_review": "Xã hội", "quarterly_briefing": "Kinh tế", "steering_committee": "Chính trị",
              "annual_review": "Văn hóa", "other": "Môi trường"}
    own = [replace(a, label=topics[a.label]) for a in made_up_articles(2)]
    unlabelled = [replace(a, id="u" + a.id, text=a.text + " Bài chưa gán nhãn.", label=None) for a in made_up_articles(1)]
    with pytest.raises(DvtopicsError, match=r"^weak_rules \(--weak-rules\) gives unlabelled articles the cue rules' "
                                            r"article types, and the hand labels are a set of your own \('Chính trị'"):
        collect([*own, *unlabelled], weak_rules=True)
    with pytest.raises(DvtopicsError, match=r"^weak_other \(--weak-other\) gives unlabelled articles the article "
                                            r"type `other`, and the hand labels .*: leave it out$"):
        collect([*own, *unlabelled], weak_other=3)
    assert "Môi trường" in collect([*own, *unlabelled]).labels  # without them, the set is the user's
    assert "quarterly_briefing" in collect([*made_up_articles(2), *unlabelled], weak_rules=True, weak_other=3).labels


def test_weak_other_refused_beside_ones_own_labels_is_said_once_by_its_flag(tmp_path):
    """Hunt 36 C (5): `train own.jsonl --weak-other 5` said "weak_other (--weak-other) 5: 0 unlabelled article(s) …
    give more unlabelled articles", then refused the option ("… leave it out"): two lines that say two things, each
    naming the option by its Python name. The command line says the refusal alone, by its flag."""
    import json
    from dataclasses import replace

    from click.testing import CliRunner

    from dvtopics.cli import cli

    own = [replace(a, label="Hội nghị" if a.label != "other" else "Khác") for a in made_up_articles(2)]
    (tmp_path / "own.jsonl").write_text("".join(json.dumps({"id": a.id, "text": a.raw, "label": a.label},
                                                           ensure_ascii=False) + "\n" for a in own), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(tmp_path / "own.jsonl"), "--weak-other", "5", "--out",
                                      str(tmp_path / "m")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: --weak-other gives unlabelled articles the article type `other`, and the hand labels are a set of your "
        "own ('Hội nghị'): leave it out"]


def test_a_later_copy_among_the_extra_articles_is_the_user_s_correction(caplog):
    """Hunt H3, 04: a correction appended to the --extra file (the same article again, with its new label) was
    refused as one text given two labels: within --extra the later copy wins, with a one-line note."""
    from dataclasses import replace

    head, *others = made_up_articles(1)
    wrong, fixed = replace(head, id="w-1", label="other"), replace(head, id="w-1-fixed", label="annual_review")
    with caplog.at_level(logging.WARNING):
        data = collect(others, extra=[wrong, fixed])
    assert [(a.id, label) for a, label in zip(data.articles, data.labels) if a.text == head.text] == [
        ("w-1-fixed", "annual_review")]
    assert [r.getMessage() for r in caplog.records] == [
        "extra_paths (--extra): 1 article(s) given again later with another label: the later label is learnt, as a "
        "correction (e.g. 'w-1-fixed': annual_review, over 'w-1': other)"]


def test_a_corrected_copy_appended_under_its_id_is_no_repeated_id(tmp_path, caplog):
    """Hunt 37 B (6): docs/labelling.md says to append the corrected copy, with its new label, to the file; reading it
    warned "1 article repeats the id of an earlier article ...: give each article its own id", the advice's opposite.
    A copy of the article its id names is that article; another article under the same id is still said."""
    import json

    from dvtopics.io.read import read_articles

    record = {"id": "h10", "title": "Giáo viên vùng cao bám bản", "lead": "Tại hội nghị tổng kết năm học, cô giáo "
              "Lò Thị Xuân được biểu dương.", "label": "annual_review"}
    lines = [record, {**record, "label": "other"}]
    (tmp_path / "corr.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    with caplog.at_level(logging.WARNING):
        assert [a.label for a in read_articles(tmp_path / "corr.jsonl")] == ["annual_review", "other"]
    assert "repeats the id" not in caplog.text
    lines.append({**record, "title": "Another article under its id"})
    (tmp_path / "corr.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    with caplog.at_level(logging.WARNING):
        list(read_articles(tmp_path / "corr.jsonl"))
    assert "1 article repeats the id of an earlier article (e.g. 'h10')" in caplog.text


def test_extra_labels_against_a_fired_rule_are_said_with_the_gate_that_keeps_the_rule(caplog):
    """Hunt 37 B (2): 30 corrections of a kind of report a rule misreads fixed 2 of 12 new ones: the rule's label
    stands unless the model is 0.9 sure, and nothing said so. `train` counts them, names the rules and the option."""
    from dvtopics.io.read import make_article

    extra = [make_article(f"c{i}", f"Hội nghị giao ban công tác dân vận quý {i} năm 2023 của huyện", {"label": "other"})
             for i in (1, 2, 3)]
    with caplog.at_level(logging.WARNING):
        train(collect(made_up_articles(4), extra=extra), classifiers=("logreg",), n_folds=2)
    assert ("extra_paths (--extra): 3 of the 3 articles carry a label against the cue rule that fires on them "
            "(quarter_meeting: 3): learnt, but on new articles a rule's label stands unless the model is 0.9 sure; "
            "override_min_confidence (--override-min-confidence) lower") in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        train(collect(made_up_articles(4), extra=extra), classifiers=("logreg",), n_folds=2, override_min_confidence=0)
    assert "against the cue rule" not in caplog.text


def test_the_articles_a_user_corrected_get_the_label_they_were_given():
    """Hunt 42 AK: a user's 57 corrections, learnt, left every article they corrected with the label they corrected
    (against a cue rule the model's label wins only at 0.9): `evaluate --compare` on them said "0 labels changed". The
    model keeps the labels it alone would not give, and gives them to those texts, saying so; another text the rule
    reads still gets the rule's label, and a label the model learnt is not kept twice."""
    from dvtopics.io.read import make_article

    # (a correction too like the hand-labelled briefings for the model to go past the rule on its own)
    extra = [make_article("c1", "Ban Dân vận Huyện ủy giao ban công tác quý I năm 2018", {"label": "other"})]
    model, card = train(collect(made_up_articles(4), extra=extra), classifiers=("logreg",), n_folds=2)
    assert card["training_data"]["labels_kept"] == len(model.labels_given) == 1
    records = model.predict(extra + [make_article("new", "Ban Dân vận Thành ủy giao ban công tác quý I năm 2019")])
    assert [(r["label"], r["confidence"]) for r in records][0] == ("other", 1.0)
    assert records[0]["cues"][0].startswith("label given in training to this text (the model alone: quarterly_briefing")
    assert records[1]["label"] == "quarterly_briefing" and not records[1]["cues"][0].startswith("label given")


def test_a_rule_that_read_a_text_typed_without_accents_keeps_its_label():
    """Hunt 42 AN: the model cannot read text typed without accents, and called such meeting reports `other` at 0.98. A
    rule that read one without accents keeps its label however sure the model is, and the cue says why."""
    from dvtopics.types.model import decide
    from dvtopics.types.rules import RuleHit

    probabilities = np.array([[0.02, 0.98]])
    hit = RuleHit("semi_annual_review", "half_year_review", "Hoi nghi so ket 6 thang dau nam", unaccented=True)
    chosen, _, aside = decide(probabilities, ["semi_annual_review", "other"], [hit], 0.8, 0.9)
    assert chosen == ["semi_annual_review"] and aside[0] == ("other", 0.98)
    accented = RuleHit("semi_annual_review", "half_year_review", "Hội nghị sơ kết 6 tháng đầu năm")
    assert decide(probabilities, ["semi_annual_review", "other"], [accented], 0.8, 0.9)[0] == ["other"]


def test_training_without_one_of_the_types_says_the_model_will_never_give_it(caplog):
    """Hunt 42 AK (4): a province's articles with no quarterly briefing among them trained a model that never gave the
    type, overruling the rule that named it, and nothing said so (only a missing `other` was warned of)."""
    articles = [a for a in made_up_articles(4) if a.label != "quarterly_briefing"]
    with caplog.at_level(logging.WARNING):
        model, _ = train(collect(articles), classifiers=("logreg",), n_folds=2)
    assert ("no training article is labelled `quarterly_briefing`: the model will never give that type, even where a "
            "cue rule names it") in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        train(collect(made_up_articles(4)), classifiers=("logreg",), n_folds=2)
    assert "no training article is labelled" not in caplog.text


def test_a_model_that_goes_past_a_fired_rule_says_so_in_its_first_cue():
    """Hunt 42 AK (4): a model that gave `other` at 0.91 where a rule said `semi_annual_review` showed the rule as its
    first cue, and nothing said the model had overruled it."""
    from dvtopics.io.read import make_article

    extra = [make_article(f"c{i}", f"Hội nghị giao ban công tác dân vận quý {i} năm 2023 của huyện", {"label": "other"})
             for i in (1, 2, 3)]
    model, _ = train(collect(made_up_articles(4), extra=extra), classifiers=("logreg",), n_folds=2,
                     override_min_confidence=0)
    record = model.predict([make_article("new", "Hội nghị giao ban công tác dân vận quý 4 năm 2023 của xã")])[0]
    assert record["label"] == "other", record
    assert record["cues"][0].startswith("model: other at ") and record["cues"][0].endswith(
        ", over the cue rule's quarterly_briefing")


def test_an_extra_article_with_its_hand_label_s_own_label_leaves_it_scored():
    from dataclasses import replace

    articles = made_up_articles(1)
    data = collect(articles, extra=[replace(articles[0], id="again", label=articles[0].label.upper())])
    assert data.kinds.count("hand") == len(articles) and "extra" not in data.kinds


def test_an_extra_article_that_relabels_a_hand_labelled_one_is_named(caplog):
    """Hunt 21 B: the warning said "1 extra article(s) give another label to a hand-labelled text" and named no
    article nor label, while the warning of a corrected --extra copy names one: the user could not find it."""
    from dataclasses import replace

    articles = made_up_articles(1)
    head = articles[0]
    other_label = "other" if head.label != "other" else "annual_review"
    with caplog.at_level(logging.WARNING):
        collect(articles, extra=[replace(head, id="mine-7", label=other_label)])
    assert [r.getMessage() for r in caplog.records] == [
        "1 extra article(s) give another label to a hand-labelled text: the extra label is learnt, and those "
        f"articles are not scored (e.g. 'mine-7': {other_label}, over {head.id!r}: {head.label})"]


def test_a_label_of_the_user_s_own_task_keeps_its_spelling():
    """'Other' beside 'Politics' is the user's class, not the article type `other` (and no mixed set)."""
    articles = made_up_articles(2)
    for article in articles:
        article.label = "Other" if article.label == "other" else "Politics"
    assert set(collect(articles).labels) == {"Other", "Politics"}
    for article in articles:
        article.label = article.label.upper()  # "OTHER", "POLITICS"
    assert set(collect(articles).labels) == {"OTHER", "POLITICS"}


def test_scores_and_report():
    result = scores(["a", "a", "b"], ["a", "b", "b"])
    assert result["confusion"] == [[1, 1], [0, 1]]
    assert "macro-F1 0.6667" in format_scores(result)


def test_confusion_matrix_heads_each_column_apart_when_labels_share_their_start():
    """Hunt 18 B: each column was headed by its label's first 10 characters, so a user's own labels "Kinh tế - Tài
    chính" and "Kinh tế - Xã hội" headed two columns "Kinh tế - " alike. Hunt 40 U: the five article types' heads were
    cut to "semi_annua", "quarterly_", though whole they fit in 120 characters; many long names are still cut."""
    labels = ["Kinh tế - Tài chính", "Kinh tế - Xã hội", "Khác"]
    header = format_scores(scores(labels, labels)).splitlines()[-4]
    assert "Kinh tế - Tài chính" in header and "Kinh tế - Xã hội" in header
    types = ["annual_review", "other", "quarterly_briefing", "semi_annual_review", "steering_committee"]
    report = format_scores(scores(types, types)).splitlines()
    assert report[-6].split() == types and max(map(len, report)) <= 120
    topics = [f"Chủ đề {n}: những việc của năm" for n in range(10)]  # 10 long names: 10 columns cut to "Chủ đề 0: "
    header = format_scores(scores(topics, topics)).splitlines()[-11]
    assert "Chủ đề 9:" in header and "Chủ đề 9: những" not in header


def test_shipped_model_labels_the_seeds(seeds_dir, seed_labels):
    model = load_classifier()
    assert model.card["task"] == "article-type"
    records = model.predict(list(read_articles(seeds_dir)))
    assert {r["id"]: r["label"] for r in records} == seed_labels


def test_macro_f1_is_scikit_learns_unless_a_label_set_is_given():
    """A class predicted but never true counts in the macro-F1, as in scikit-learn's and in the per-class table;
    a benchmark that names its label set keeps the mean over those that occur in the truth (trial 6, 05)."""
    from sklearn.metrics import f1_score

    truth, predicted = ["a", "a", "b", "b"], ["a", "c", "b", "b"]
    result = scores(truth, predicted)
    assert result["labels"] == ["a", "b", "c"] and result["per_class"]["c"]["f1"] == 0
    assert result["macro_f1"] == pytest.approx(f1_score(truth, predicted, average="macro", zero_division=0))
    fixed = scores(truth, predicted, ["a", "b", "c"])
    assert fixed["macro_f1"] == pytest.approx((result["per_class"]["a"]["f1"] + 1.0) / 2)


def test_a_label_no_word_weighs_for_still_says_why():
    """A headline whose words all weigh against "other" is "other" by the model's own weight for it: its cues
    say so and name the words against it, instead of being empty (trial 6, 07)."""
    title = "Tỷ lệ bao phủ bảo hiểm y tế đạt 92%"
    (record,) = load_classifier().predict([Article(id="r28", title=title, text=title)])
    assert record["label"] == "other"
    assert record["cues"] and record["cues"][0].startswith("no word weighs for other; the words against it")
    assert "bảo_hiểm" in record["cues"][0]
    # where a rule says why, the note is not added (the regression hunt's label comparison found it there)
    text = "Hội nghị triển khai nhiệm vụ năm 2017 của Cục Hải quan, Thứ trưởng Bộ Tài chính đánh giá cao"
    (record,) = load_classifier().predict([Article(id="r29", title="Hải quan", text=text)])
    assert record["cues"][0].startswith("rule ") and not any(c.startswith("no word weighs") for c in record["cues"])
    # hunt 26 B, 7: no word either way was "… the words against it are too weak: none"
    (record,) = load_classifier().predict([Article(id="r30", title="Qwzx", text="Qwzx vbnm plokij.")])
    assert record["cues"] == ["no word weighs for other or against it: other is the model's answer where its words say "
                              "nothing"]


def test_shipped_model_labels_the_guide_examples():
    """50 article heads written for this test from LABELS.md's cases (none from a corpus): present-day
    mass-mobilisation reports, title-silent ones, and the hard negatives the guide names."""
    examples = list(read_articles(Path(__file__).parent / "data" / "guide_examples.jsonl"))
    wrong = [(r["id"], r["label"]) for r, article in zip(load_classifier().predict(examples), examples)
             if r["label"] != article.label]
    assert len(examples) == 50 and not wrong


@pytest.mark.parametrize("name, least_macro_f1", [
    ("dev_mass_mobilisation", 0.95), ("dev_government", 0.95), ("heldout_mixed", 0.90)])
def test_shipped_model_reads_present_day_heads(name, least_macro_f1):
    """Heads written blind to the rules by helpers (tests/data/present_day/README.md); the misses left
    are listed by benchmarks/present_day_probe.py, most of them on labels the writer was unsure of."""
    articles = list(read_articles(Path(__file__).parent / "data" / "present_day" / f"{name}.jsonl"))
    predicted = [record["label"] for record in load_classifier().predict(articles, explain=False)]
    result = scores([a.label for a in articles], predicted, sorted({a.label for a in articles}))
    assert len(articles) >= 80 and result["macro_f1"] >= least_macro_f1


def test_shipped_model_labels_saved_pages():
    """Pages with menus, mastheads and related-headline lists (tests/data/saved_pages/README.md)."""
    folder = Path(__file__).parent / "data" / "saved_pages"
    expected = read_labels(folder / "labels.csv")
    records = load_classifier().predict(list(read_articles(folder)), explain=False)
    wrong = [(r["id"], r["label"]) for r in records if r["label"] != expected[r["id"]]]
    assert len(records) == 40 and len(wrong) <= 2


def test_event_view_keeps_the_early_meeting_sentences_only():
    document = ("ubnd tỉnh tổ_chức hội_nghị tổng_kết công_tác năm 2023 . giá lúa tăng mạnh . "
                + "thời_tiết đẹp . " * 200 + "hội_nghị khác cuối bài .")
    assert event_sentences(document) == "ubnd tỉnh tổ_chức hội_nghị tổng_kết công_tác năm 2023"


def test_unknown_views_are_refused():
    with pytest.raises(DvtopicsError, match="unknown view"):
        make_pipeline("svm", views=("text", "title"))


def test_the_rule_feature_is_the_label_the_rule_gives():
    assert rule_says("__rule_sc_chairs\ntin_tức") == ["__rule_says_steering_committee"]
    assert rule_says("tin_tức hôm_nay") == [] and rule_says("__rule_retired_name tin_tức") == []


def test_a_rule_never_seen_in_training_is_trusted_like_others_of_its_label():
    body = "tin_tức hôm_nay ở tỉnh"  # the same text everywhere: only the rule features differ
    documents = [f"__rule_sc_meeting\n{body}"] * 10 + [body] * 10 + [f"__rule_multi_year\n{body}"] * 5
    labels = ["steering_committee"] * 10 + ["other"] * 15
    pipeline = make_pipeline("logreg", rules=True, views=("text",)).fit(documents, labels)
    assert pipeline.predict([f"__rule_sc_chairs\n{body}"])[0] == "steering_committee"


def test_years_are_one_token_so_other_years_read_alike():
    assert words_years_masked("tổng_kết năm 2005") == words_years_masked("tổng_kết năm 2023")
    assert words_years_masked("12 dự_án 300") == ["12", "dự_án", "300"]  # other numbers stay


def test_article_type_models_mask_years(trained):
    _, card = trained
    assert card["parameters"]["mask_years"] is True
    assert "words_years_masked" in card["parameters"]["pipeline"]


def test_people_are_one_token_so_other_years_ministers_read_alike():
    """The shipped model had learnt the ministers of 2017 ("Trương Minh Tuấn") as words of a semi-annual review."""
    def document(name):
        article = Article(id="a", title="", text=f"Bộ trưởng {name} dự hội nghị của Bộ với Ban Dân vận tỉnh Hà Nam.")
        return documents_of([article], use_rules=True, mask_people=True)[0]

    assert document("Trương Minh Tuấn") == document("Lê Thị Hồng Liên")
    assert "__person" in document("Trương Minh Tuấn").split()
    assert "trương_minh_tuấn" in documents_of([Article(id="a", title="", text="Bộ trưởng Trương Minh Tuấn dự.")],
                                             use_rules=True, mask_people=False)[0]


def test_article_type_models_mask_people_and_older_models_read_names_as_before(trained):
    model, card = trained
    assert card["parameters"]["mask_people"] is True and model.mask_people
    older = Classifier(model.pipeline, {**card, "parameters": {k: v for k, v in card["parameters"].items()
                                                              if k != "mask_people"}})
    article = Article(id="a", title="", text="Bộ trưởng Trương Minh Tuấn dự hội nghị.")
    assert "trương_minh_tuấn" in older.documents([article])[0]
    assert "trương_minh_tuấn" not in model.documents([article])[0]


def test_a_model_trained_with_other_name_lists_says_so_and_an_unrecorded_one_refuses_masking(trained, tmp_path,
                                                                                                caplog):
    """Which words are people is part of what the model reads: a card records the lists' fingerprint, as its rules'."""
    import copy
    from dvtopics.types.model import TRAINED_WITH

    model, card = trained
    assert card["parameters"]["people_fingerprint"]
    pipeline = copy.deepcopy(model.pipeline)
    other = {**card, "parameters": {**card["parameters"], "people_fingerprint": "0" * 16}}
    setattr(pipeline, TRAINED_WITH, other["parameters"])
    save_model(pipeline, tmp_path / "other", other)
    with caplog.at_level(logging.WARNING):
        assert load_classifier(tmp_path / "other").mask_people
    assert "other lists of people's names" in caplog.text
    delattr(pipeline, TRAINED_WITH)  # a model file saved before models recorded their parameters
    save_model(pipeline, tmp_path / "unrecorded", card)
    with pytest.raises(DvtopicsError, match="mask_people"):
        load_classifier(tmp_path / "unrecorded")


def test_a_title_that_opens_with_a_name_keeps_its_meeting_sentence():
    """The event view dropped a document's first line when it began with "__": the title, once a name was masked."""
    document = documents_of([Article(id="a", title="Nguyễn Văn Bình chủ trì hội nghị sơ kết", text="Nội dung.")],
                            use_rules=False, mask_people=True)[0]
    assert document.startswith("__person")
    assert "hội_nghị" in event_sentences(document)


def test_two_trainings_of_the_same_data_give_one_card_and_one_model_file(trained, tmp_path):
    """Hunt 25 B: the card's pipeline was scikit-learn's repr, its functions by memory address ("<function words at
    0x7f…>") and cut at 700 characters ("<function ev..."); the SVM's solver shuffled unseeded and the vectorizers
    kept a memory address: two trainings of the same data gave two cards and two model files."""
    import numpy as np

    _, card = trained
    assert " at 0x" not in card["parameters"]["pipeline"] and "..." not in card["parameters"]["pipeline"]
    assert "preprocessor=event_sentences" in card["parameters"]["pipeline"]
    articles = made_up_articles(6)
    files = []
    for run in range(2):
        np.random.seed(run)  # what an unseeded solver draws from
        model, card = train(collect(articles), classifiers=["svm"], n_folds=2)
        files.append(save_model(model.pipeline, tmp_path / str(run), card)["sha256"])
    assert files[0] == files[1]


def _card_predictions(result):
    """(true, predicted) rebuilt from a scores() result's confusion matrix."""
    truth, predicted = [], []
    for true, row in zip(result["labels"], result["confusion"]):
        for label, n in zip(result["labels"], row):
            truth += [true] * n
            predicted += [label] * n
    return truth, predicted


def test_train_s_macro_f1_is_scikit_learns_over_the_labels_true_or_predicted():
    """Trial 8, 04: a class that only --extra articles bring in, predicted for a hand-labelled article, was listed
    with F1 0 but left out of the cross-validated macro-F1 (0.96 where scikit-learn and `evaluate` say 0.64)."""
    from dataclasses import replace

    from sklearn.metrics import f1_score

    from dvtopics.io.read import make_article

    hand = ["Hà Nội khai mạc lễ hội hoa xuân tại công viên với hàng nghìn du khách.",
            "Giá xăng dầu tăng nhẹ từ chiều nay theo quyết định của liên bộ.",
            "Đội tuyển bóng đá thắng đậm trong trận giao hữu tối qua.", "Tỉnh khánh thành cây cầu mới nối hai huyện.",
            "Ban tổ chức tổng kết lễ hội đường hoa năm 2016, rút kinh nghiệm cho năm 2017.",
            "Tổng kết giải bóng đá thanh niên năm 2016, trao cúp cho đội vô địch.",
            "Hội Cựu chiến binh tổ chức hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017."]
    reviews = ["Hội nghị sơ kết công tác dân vận 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm.",
               "Sở Y tế sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm.",
               "Huyện ủy sơ kết 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm.",
               "Hội Nông dân sơ kết công tác hội 6 tháng đầu năm, phương hướng 6 tháng cuối năm."]
    annual = ["Hội nghị tổng kết công tác dân vận năm 2016, triển khai nhiệm vụ năm 2017.",
              "Sở Tư pháp tổng kết công tác năm 2016 và triển khai phương hướng, nhiệm vụ năm 2017.",
              "Huyện ủy tổ chức hội nghị tổng kết công tác năm 2016, đề ra nhiệm vụ năm 2017.",
              "Hội Phụ nữ tỉnh tổng kết công tác hội năm 2016, triển khai nhiệm vụ năm 2017."]

    def labelled(prefix, texts, label):
        return [replace(make_article(f"{prefix}{i}", text), label=label) for i, text in enumerate(texts)]

    data = collect(labelled("o", hand, "other") + labelled("s", reviews, "semi_annual_review"),
                   extra=labelled("e", annual, "annual_review"))
    _, card = train(data, classifiers=("logreg",))
    for result in (card["metrics"]["cross_validated"], card["metrics"]["rules_only"]):
        truth, predicted = _card_predictions(result)
        assert result["labels"] == sorted(set(truth) | set(predicted))
        assert result["macro_f1"] == pytest.approx(f1_score(truth, predicted, average="macro"))
        assert result["macro_f1"] == pytest.approx(sum(row["f1"] for row in result["per_class"].values())
                                                   / len(result["per_class"]))
    assert "annual_review" in card["metrics"]["cross_validated"]["labels"]  # the case: predicted, never a hand label


def test_a_labels_file_that_respells_an_articles_own_type_replaces_nothing():
    """"Other" in a labels file over an article's own "other" is the same type: train said it replaced the
    article's label (regression hunt H4, 04)."""
    from dvtopics.io.read import Article
    from dvtopics.types.training import HandLabels

    hand = HandLabels({"1": "Other"})  # a file of "Other" alone: which label set, the articles' own fields say
    hand(Article(id="1", title="", text="x", label="other"))
    assert hand.overridden == 0
    hand = HandLabels({"2": "annual_review"})
    hand(Article(id="2", title="", text="y", label="other"))
    assert hand.overridden == 1


def test_a_lead_copy_is_the_title_and_the_text_cut_at_a_space():
    from dvtopics.io.read import make_article
    from dvtopics.types.features import lead_copy

    article = make_article("a", "Hội nghị sơ kết\nBan Dân vận tổ chức hội nghị sơ kết công tác sáu tháng đầu năm.")
    copy = lead_copy(article, 30)
    assert copy.title == article.title and copy.id == article.id and copy.label == article.label
    assert article.text.startswith(copy.text) and len(copy.text) <= 30
    assert article.text[len(copy.text)] == " "  # cut before a word, not inside it
    assert lead_copy(article, len(article.text)) is None  # no longer than the cut: the copy would be the article


class _Recorder:
    """A pipeline that records what it is fitted on and answers `other`."""
    fits: list = []

    def __init__(self, *args, **kwargs):
        pass

    def fit(self, documents, labels):
        _Recorder.fits.append((list(documents), list(labels)))
        return self

    def predict(self, documents):
        return ["other"] * len(documents)


def test_cross_validation_holds_out_an_article_s_lead_copy_with_it(monkeypatch):
    import dvtopics.types.training as training

    data = collect(made_up_articles(4))
    documents = [f"doc {i}" for i in range(len(data.articles))]
    copies = {i: f"copy {i}" for i in range(len(data.articles))}
    _Recorder.fits = []
    monkeypatch.setattr(training, "make_pipeline", _Recorder)
    predicted = training.out_of_fold(documents, data, "logreg", n_folds=2, copies=copies)
    assert len(_Recorder.fits) == 2
    for fitted, labels in _Recorder.fits:
        learnt = {int(d.split()[1]) for d in fitted if d.startswith("doc")}
        copied = {int(d.split()[1]) for d in fitted if d.startswith("copy")}
        held_out = set(range(len(data.articles))) - learnt
        assert held_out and copied == learnt  # each learnt article's copy, and no held-out one's
        assert [labels[fitted.index(f"copy {i}")] for i in copied] == [data.labels[i] for i in copied]
    assert set(predicted) == set(range(len(data.articles)))


def test_train_learns_hand_labels_twice_for_article_types_and_records_it():
    data = collect(made_up_articles(4))
    _, card = train(data, classifiers=("logreg",), n_folds=2)
    assert card["parameters"]["lead_copies"] == 500
    _, card = train(data, classifiers=("logreg",), n_folds=2, lead_copies=0)
    assert card["parameters"]["lead_copies"] == 0
    generic = made_up_articles(4)
    for article in generic:
        article.label = "meeting" if article.label != "other" else "news"
    _, card = train(collect(generic), classifiers=("logreg",), n_folds=2)
    assert card["parameters"]["lead_copies"] == 0  # other label sets: none unless asked
    assert card["parameters"]["silent_min_confidence"] == 0.0  # and no cue rules to be silent
    with pytest.raises(DvtopicsError, match="lead_copies \\(--lead-copies\\) -1"):
        train(data, classifiers=("logreg",), n_folds=2, lead_copies=-1)


def test_the_final_model_learns_each_long_hand_label_s_copy(monkeypatch):
    import dvtopics.types.training as training

    data = collect(made_up_articles(4))
    real = training.make_pipeline
    fitted = []

    def recording(*args, **kwargs):
        pipeline = real(*args, **kwargs)
        fit = pipeline.fit

        def fit_and_record(documents, labels):
            fitted.append(len(documents))
            return fit(documents, labels)
        pipeline.fit = fit_and_record
        return pipeline
    monkeypatch.setattr(training, "make_pipeline", recording)
    chars = 40
    longer = sum(len(a.text) > chars for a in data.articles)
    assert longer > 0
    train(data, classifiers=("logreg",), n_folds=2, lead_copies=chars)
    assert fitted[-1] == len(data.articles) + longer


def test_with_no_cue_rule_a_type_needs_the_least_confidence_else_other():
    import numpy as np

    from dvtopics.types.model import decide
    from dvtopics.types.rules import RuleHit

    labels = ["annual_review", "other", "semi_annual_review"]
    probabilities = np.array([[0.1, 0.3, 0.6],  # no rule, a type at 0.6: set aside
                              [0.1, 0.3, 0.6],  # a rule fired: the model's label stands
                              [0.05, 0.05, 0.9],  # no rule, a type at 0.9: it stands
                              [0.2, 0.7, 0.1]])  # other already
    hit = RuleHit("semi_annual_review", "half_year_review", "sơ kết 6 tháng")
    chosen, confidence, set_aside = decide(probabilities, labels, [None, hit, None, None], 0.8)
    assert chosen == ["other", "semi_annual_review", "semi_annual_review", "other"]
    assert list(confidence) == pytest.approx([0.3, 0.6, 0.9, 0.7])  # the probability of the label given
    assert set_aside == [("semi_annual_review", pytest.approx(0.6)), None, None, None]
    assert decide(probabilities, labels, [None] * 4, 0.0)[0] == ["semi_annual_review", "semi_annual_review",
                                                                   "semi_annual_review", "other"]
    no_other = ["a", "b", "c"]  # a label set without `other` has nothing to fall back on: plain arg-max
    assert decide(probabilities, no_other, [None] * 4, 0.8)[0] == ["c", "c", "c", "b"]


def test_with_no_cue_rule_a_steering_committee_needs_one_named_however_sure_the_model():
    """Hunt 38 J: news of one story the committee met about, naming no committee, was `steering_committee` at
    0.96 (LABELS.md rule 1: the committee itself meets)."""
    import numpy as np

    from dvtopics.types.model import _set_aside, decide
    from dvtopics.types.rules import RuleHit, names_committee

    labels = ["other", "steering_committee"]
    probabilities = np.array([[0.04, 0.96]] * 3)
    hit = RuleHit("steering_committee", "sc_holds", "Ban Chỉ đạo họp")
    chosen, confidence, set_aside = decide(probabilities, labels, [None, None, hit], 0.8, 0.9, [False, True, False])
    assert chosen == ["other", "steering_committee", "steering_committee"]  # a rule's word is a committee's
    assert list(confidence) == pytest.approx([0.04, 0.96, 0.96])
    assert _set_aside(set_aside[0], None, 0.8, 0.9) == "steering_committee at 0.96 (no steering committee is named)"
    assert decide(probabilities, labels, [None] * 3, 0.8, 0.9)[0] == ["steering_committee"] * 3  # not asked
    assert names_committee("Xử lý dự án chậm tiến độ", "Ban Chỉ đạo tỉnh yêu cầu các sở báo cáo.")
    assert names_committee("BCĐ phòng, chống dịch họp", "")
    assert not names_committee("Bộ họp xử lý 12 dự án thua lỗ", "Lãnh đạo Bộ yêu cầu các tập đoàn báo cáo.")
    # as far as the event reader reads, and no further
    assert not names_committee("Xử lý dự án", "Các dự án chậm tiến độ. " * 120 + "Ban Chỉ đạo tỉnh họp.")


def test_labelling_names_no_steering_committee_where_the_text_names_none(trained, monkeypatch):
    import numpy as np

    from dvtopics.io.read import make_article

    model, _ = trained
    classifier = model.pipeline.named_steps["classifier"]
    sure = np.array([[0.99 if label == "steering_committee" else 0.01 / 4 for label in model.labels]])
    monkeypatch.setattr(classifier, "predict_proba", lambda matrix: np.repeat(sure, matrix.shape[0], axis=0))
    named = make_article("a", "Ban Chỉ đạo tỉnh yêu cầu các sở đôn đốc các dự án chậm tiến độ.")
    unnamed = make_article("b", "Sở Xây dựng đôn đốc các dự án chậm tiến độ.")
    first, second = model.predict([named, unnamed])
    assert first["label"] == "steering_committee"
    assert second["label"] == "other" and "no steering committee is named" in second["cues"][0]


def test_against_a_fired_cue_rule_a_label_needs_the_least_confidence_else_the_rules():
    import numpy as np

    from dvtopics.types.model import _set_aside, decide
    from dvtopics.types.rules import RuleHit

    labels = ["annual_review", "other", "semi_annual_review"]
    probabilities = np.array([[0.1, 0.6, 0.3],  # the rule says semi-annual, the model other at 0.6: set aside
                              [0.05, 0.92, 0.03],  # the same at 0.92: it stands
                              [0.1, 0.3, 0.6],  # the model agrees with the rule
                              [0.1, 0.6, 0.3]])  # no rule fired: `other` stands, whatever the bound
    hit = RuleHit("semi_annual_review", "half_year_review", "sơ kết 6 tháng")
    hits = [hit, hit, hit, None]
    chosen, confidence, set_aside = decide(probabilities, labels, hits, 0.8, 0.9)
    assert chosen == ["semi_annual_review", "other", "semi_annual_review", "other"]
    assert list(confidence) == pytest.approx([0.3, 0.92, 0.6, 0.6])  # the probability of the label given
    assert set_aside == [("other", pytest.approx(0.6)), None, None, None]
    assert decide(probabilities, labels, hits, 0.8, 0.0)[0] == ["other", "other", "semi_annual_review", "other"]
    # a rule's label the model does not know (trained on other types) cannot be given: its own label stands
    assert decide(probabilities[:, :2], labels[:2], hits, 0.8, 0.9)[0] == ["other"] * 4
    cue = _set_aside(set_aside[0], hit, 0.8, 0.9)
    assert cue == "other at 0.60 (against the cue rule's semi_annual_review, a label needs 0.9)"
    assert "; " not in cue  # a table joins the cues with "; "


def test_the_override_min_confidence_is_on_the_card_and_only_for_article_types():
    data = collect(made_up_articles(4))
    _, card = train(data, classifiers=("logreg",), n_folds=2)
    assert card["parameters"]["override_min_confidence"] == 0.9  # article types: on by default
    with pytest.raises(DvtopicsError, match="override_min_confidence \\(--override-min-confidence\\) 1.5"):
        train(data, classifiers=("logreg",), n_folds=2, override_min_confidence=1.5)
    _, card = train(data, classifiers=("logreg",), n_folds=2, override_min_confidence=0)
    assert card["parameters"]["override_min_confidence"] == 0.0
    for article in data.articles:
        article.label = "Giáo dục" if article.label == "annual_review" else "Y tế"
    own = collect(data.articles)
    with pytest.raises(DvtopicsError, match="these labels are not the article types"):
        train(own, classifiers=("logreg",), n_folds=2, override_min_confidence=0.9)
    _, card = train(own, classifiers=("logreg",), n_folds=2)
    assert card["parameters"]["override_min_confidence"] == 0.0  # no cue rules to override


def test_labelling_sets_aside_a_rule_silent_guess_and_says_so(trained):
    from dvtopics.io.read import make_article
    from dvtopics.types.model import Classifier
    from dvtopics.types.rules import apply_rules

    model, card = trained
    assert card["parameters"]["silent_min_confidence"] == 0.8  # article types: on by default, on the card

    def with_gate(value):
        parameters = {k: v for k, v in card["parameters"].items() if k != "silent_min_confidence"}
        return Classifier(model.pipeline, {**card, "parameters": {**parameters, **value}})

    # words of two types' templates and no cue rule's: the toy model guesses a type, unsure
    article = make_article("x", "Hội nghị trực báo tình hình cơ sở. Các đại biểu đánh giá kết quả nửa đầu năm.")
    assert apply_rules(article.title, article.text) is None
    (guess,) = with_gate({"silent_min_confidence": 0.0}).predict([article])
    assert guess["label"] != "other" and guess["confidence"] < 0.9
    (record,) = with_gate({"silent_min_confidence": 0.9}).predict([article])
    assert record["label"] == "other"
    assert record["cues"][0] == (f"guess: {guess['label']} at {below(guess['confidence'], 0.9)} (with no cue rule, "
                                 "a type needs 0.9)")
    assert all("; " not in cue for cue in record["cues"])  # a table joins the cues with "; "
    assert record["confidence"] < guess["confidence"]  # other's own probability, not the guess's
    # hunt 37 B (5): abstaining too, it named two guesses, "guess: other at 0.19, below the minimum confidence 0.6"
    # over "guess: semi_annual_review at 0.79 (…)": one guess, and what it was set to other from
    (unsure,) = with_gate({"silent_min_confidence": 0.9}).predict([article], min_confidence=0.99, abstain="uncertain")
    assert unsure["label"] == "uncertain" and [c for c in unsure["cues"] if c.startswith("guess")] == [
        f"guess: other at {below(record['confidence'], 0.99)}, below the minimum confidence 0.99, over the model's "
        f"{guess['label']} at {below(guess['confidence'], 0.9)} (with no cue rule, a type needs 0.9)"]
    (kept,) = with_gate({"silent_min_confidence": round(guess["confidence"] - 0.01, 2)}).predict([article])
    assert kept["label"] == guess["label"]
    assert with_gate({}).silent_min_confidence == 0.0  # a model trained before the gate labels as it did
    before_gates = {k: v for k, v in card["parameters"].items() if not k.endswith("_min_confidence")}
    older = Classifier(model.pipeline, {**card, "parameters": before_gates})
    assert older.override_min_confidence == 0.0  # and overrides its rules as it did


def test_the_silent_min_confidence_is_recorded_and_refused_outside_0_to_1():
    data = collect(made_up_articles(4))
    with pytest.raises(DvtopicsError, match="silent_min_confidence \\(--silent-min-confidence\\) 1.5"):
        train(data, classifiers=("logreg",), n_folds=2, silent_min_confidence=1.5)
    _, card = train(data, classifiers=("logreg",), n_folds=2, silent_min_confidence=0.5)
    assert card["parameters"]["silent_min_confidence"] == 0.5  # off for other label sets: the lead copies' test


def test_training_on_articles_that_share_no_word_says_so_in_its_own_words(tmp_path):
    """Hunt 21 B: a few labelled articles that share no word (within each fold's training articles) stopped with
    scikit-learn's "After pruning, no terms remain. Try a lower min_df or a higher max_df.", and texts of numbers
    only with "empty vocabulary; perhaps the documents only contain stop words": options train has none of."""
    few = [Article(id="a1", text="Hội nghị sơ kết 6 tháng đầu năm huyện A", label="semi_annual_review"),
           Article(id="a2", text="Hội nghị sơ kết 6 tháng đầu năm huyện B", label="semi_annual_review"),
           Article(id="b1", text="Khánh thành cầu mới ở xã C", label="other"),
           Article(id="b2", text="Khánh thành trường học ở xã D", label="other")]
    with pytest.raises(DvtopicsError, match="no word is in two or more of the articles") as refused:
        train(collect(few), ["logreg"], n_folds=2)
    assert "min_df" not in str(refused.value)
    numbers = [Article(id=f"x{i}", text=f"{i * 7} , . {i * 13}", label="semi_annual_review" if i % 2 else "other")
               for i in range(8)]
    with pytest.raises(DvtopicsError, match="no words left to learn from"):
        train(collect(numbers), ["logreg"], n_folds=2)


def test_article_types_none_of_which_fires_a_rule_are_said_to_be_so(tmp_path):
    """Hunt 25 B: a user's corrections of title-silent articles, none of which fires a cue rule or names a meeting,
    were refused as texts that "hold only numbers, punctuation or nothing": the rule and event views were empty."""
    silent = [Article(id=f"x{i}", text=f"Người dân xã {i} thu hoạch lúa và trồng rau trên cánh đồng mẫu.",
                      label="annual_review" if i % 2 else "other") for i in range(8)]
    with pytest.raises(DvtopicsError, match="no cue rule fires on any of them.*none names a meeting") as refused:
        train(collect(silent), ["logreg"], n_folds=2)
    assert "numbers, punctuation" not in str(refused.value)


def test_an_event_view_for_labels_of_ones_own_is_said_to_need_meetings():
    """Hunt 26 B, 9: a task of one's own (not the article types) trained with `--views text,event`, its articles naming
    no meeting, was refused as texts that "hold only numbers, punctuation or nothing"; it says what the event view
    reads and to leave it out."""
    own = [Article(id=f"x{i}", text=f"Bệnh viện tỉnh {i} khám chữa bệnh cho bệnh nhân." if i % 2 else
                   f"Trường học xã {i} khai giảng năm học mới cho học sinh.", label="Y tế" if i % 2 else "Giáo dục")
           for i in range(8)]
    for views, said in ((["text", "event"], "the view event of views \\(--views\\) reads only the sentences that "
                                            "name a meeting"),
                        (["text", "event", "event_chars"], "the views event and event_chars of views \\(--views\\) "
                                                           "read only")):
        with pytest.raises(DvtopicsError, match=said) as refused:
            train(collect(own), ["logreg"], n_folds=2, views=views)
        assert "numbers, punctuation" not in str(refused.value) and "out of views (--views) (text alone" in str(
            refused.value)
    train(collect(own), ["logreg"], n_folds=2)  # the default view, text, learns


def test_the_cards_data_hash_changes_with_the_texts_not_only_the_labels():
    """The card's data hash covered ids and labels only: reading the same corpus another way (HTML entities decoded,
    page furniture dropped) changed what the model learnt and left the hash as it was."""
    from dataclasses import replace

    articles = made_up_articles(3)
    _, card = train(collect(articles), classifiers=("logreg",), n_folds=2)
    _, again = train(collect(articles), classifiers=("logreg",), n_folds=2)
    edited = [replace(a, text=a.text + " Ảnh minh họa.") if n == 0 else a for n, a in enumerate(articles)]
    _, other = train(collect(edited), classifiers=("logreg",), n_folds=2)
    assert card["training_data"]["hash"] == again["training_data"]["hash"]
    assert card["training_data"]["hash"] != other["training_data"]["hash"]


def test_labelling_keeps_a_fired_rules_label_against_an_unsure_model_and_says_so(trained, monkeypatch):
    """`predict` takes the override gate from the card and names the label it set aside (`_set_aside`)."""
    import numpy as np

    from dvtopics.io.read import make_article
    from dvtopics.types.model import Classifier
    from dvtopics.types.rules import apply_rules

    model, card = trained
    article = make_article("x", "Huyện sơ kết công tác dân vận 6 tháng đầu năm\nSáng 5/7, Ban Dân vận huyện tổ chức "
                                "hội nghị sơ kết công tác dân vận 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối "
                                "năm.")
    assert apply_rules(article.title, article.text).label == "semi_annual_review"
    labels = list(model.labels)
    unsure = np.array([[0.85 if label == "other" else 0.15 / (len(labels) - 1) for label in labels]])
    monkeypatch.setattr(model.pipeline.named_steps["classifier"], "predict_proba", lambda matrix: unsure)

    def with_gate(value):
        return Classifier(model.pipeline, {**card, "parameters": {**card["parameters"], **value}})

    (kept,) = with_gate({"override_min_confidence": 0.9}).predict([article])
    assert kept["label"] == "semi_annual_review" and kept["confidence"] == pytest.approx(0.15 / (len(labels) - 1),
                                                                                          abs=1e-4)
    assert kept["cues"][0] == "guess: other at 0.85 (against the cue rule's semi_annual_review, a label needs 0.9)"
    assert all("; " not in cue for cue in kept["cues"])
    (overridden,) = with_gate({"override_min_confidence": 0.0}).predict([article])
    assert overridden["label"] == "other" and not overridden["cues"][0].startswith("guess")
