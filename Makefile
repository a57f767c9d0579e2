# The README's two commands: `make run` (set up and run the main job on seeds/) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run test test-slow test-browser test-install install clean

$(BIN)/dvtopics: setup.cfg setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/dvtopics

# The main job: inspect and label the seeds with the shipped model, show their themes, write the report.
# (--force: its labels table and report workbook are the demo's own, remade on every run, even where an older
# dvtopics wrote them)
run: install
	$(BIN)/dvtopics inspect seeds/
	$(BIN)/dvtopics label seeds/ --out $(OUT)/seeds-labels.csv --force
# K=4 on the seeds' 35 paragraphs; --no-above 0.3 because in five reports on one subject the subject's own
# words ("hội nghị", "ban", "nhiệm vụ") fill a third of all paragraphs and would be every topic's top words;
# --period year because their dates span 2016 to 2023: by month, 83 of the 88 months would hold no article
	$(BIN)/dvtopics topics fit seeds/ --unit paragraph --k 4 --no-above 0.3 --period year --labels $(OUT)/seeds-labels.csv --out $(OUT)/seeds-topics
	$(BIN)/dvtopics topics show $(OUT)/seeds-topics
	$(BIN)/dvtopics report seeds/ --topics $(OUT)/seeds-topics --out $(OUT)/seeds-report.html --xlsx $(OUT)/seeds-report.xlsx --force
	@echo "Report of the seeds: $(OUT)/seeds-report.html (tables: $(OUT)/seeds-report.xlsx)"

test: install
	$(BIN)/python -m pytest -q

test-slow: install
	$(BIN)/python -m pytest -q -m slow

test-browser: install
	$(BIN)/python -m pytest -q -m browser

# Builds the wheel, installs it in a fresh venv and runs label and report outside the repository.
test-install: install
	$(BIN)/python -m pytest -q -m install

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info dvtopics/shipped_models
