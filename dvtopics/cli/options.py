"""Options shared by several commands, declared once."""
from __future__ import annotations

import contextlib
import functools
import math
import os
import re
from pathlib import Path

import click

from ..arguments import ENGINES, MAX_BATCH, MAX_BYTES, MAX_PART, MAX_SEED
from ..errors import ArgumentError, DvtopicsError
from ..io.folders import PATTERN, not_there
from ..io.paths import home_path, matched_paths, on_disk, refuse_standard_input
from ..io.read import MAX_ARTICLE_BYTES
from ..io.records import FieldNames
from ..io.tables import COMMON_NAMES
from ..io.write import writable_text
from ..wording import plural

# C0 and C1 control characters and DEL: an article's "\x1b[2J" would clear the user's terminal, "\x1b]0;…\x07"
# retitle it, "\x9b" start a sequence on some terminals; a line end would break a table's row
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_text(text) -> str:
    """`text` (an article's id, title, source, an output's path, an error naming them) safe to print: each control
    character escaped as repr and JSON show it ("\\x1b", "\\n"), so it is seen, not run; a path's letters read
    under an ASCII locale with Python's UTF-8 mode off (`LC_ALL=C PYTHONUTF8=0`: surrogate escapes of its bytes) as
    the letters they are (`writable_text`), where click printed each byte as "?".

    >>> terminal_text("a\\x1b[2Jb\\n"), terminal_text("nh\\udcc3\\udca3n.csv")
    ('a\\\\x1b[2Jb\\\\n', 'nhãn.csv')
    """
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), writable_text(str(text)))


class InputPath(click.Path):
    """A path the command reads: articles, a labels or stopwords file, a model folder. No output of the command
    may be one of them (`Command`). "-" (standard input, piped text) is refused saying how to give it, not as a
    path that "does not exist". Articles' paths are `readable=False`: one that may not be read, or a link to
    nowhere, is an error in its place that its reader words, the other articles read; click refused the whole
    command for it ("Path 'a.csv' is not readable", "does not exist", with the usage lines), though a folder's
    walk or a pattern in quotes gives the same file its error in place."""

    def convert(self, value, param, ctx):
        try:
            refuse_standard_input(value)
        except ArgumentError as error:
            self.fail(str(error), param, ctx)
        try:
            many = param is not None and (param.multiple or param.nargs == -1)  # a pattern may name several only there
            path = on_disk(home_path(value))
            if many and matched_paths(path, say=False) != [path]:  # read (and said) once, in Command.invoke
                return path  # a pattern the shell left as typed (in quotes): the paths it names are read
            if many and PATTERN.search(os.fspath(path)) and not os.path.lexists(path):  # one that names nothing: not
                self.fail(not_there(path), param, ctx)  # "does not exist. To write it, give it with --out"
            if not self.readable and os.path.islink(path) and not os.path.exists(path):
                return path  # a link to nowhere among the articles: its reader says so in its place
            return super().convert(path, param, ctx)
        except click.BadParameter as error:
            hint = _output_meant(value, param, ctx) or self._files_in_folder(value, param)
            if hint:
                error.message = f"{error.message} {hint}"
            raise

    def _files_in_folder(self, value, param) -> str | None:
        """What to give instead of a folder where a file is read (`--labels labels/`, a folder of one labels file per
        province): its files, or all of them as a pattern where the option may repeat. None otherwise."""
        folder = home_path(value)
        suffixes = _FILES_READ.get(getattr(param, "name", None))
        if self.dir_okay or suffixes is None or not os.path.isdir(folder):
            return None
        option = param.opts[0]
        files = sorted(name for name in os.listdir(folder) if name.lower().endswith(suffixes))
        named = f"{', '.join(files[:3])}{' …' if len(files) > 3 else ''}"
        if not files:
            return f"{option} takes a file ({', '.join(suffixes)}), and this folder holds none."
        kinds = {os.path.splitext(name)[1] for name in files}  # a pattern reads one kind, in the case written
        if param.multiple and len(kinds) == 1:  # in double quotes, as every shell (cmd.exe too) passes it whole
            pattern = os.path.join(value, "*" + kinds.pop())
            return f"{option} takes files: give those in it ({named}), each with its own {option}, or all at once " \
                   f'as {option} "{pattern}".'
        if param.multiple:
            return f"{option} takes files: give those in it ({named}), each with its own {option}."
        return f"{option} takes one file: give one of those in it ({named})."


# the files an option that takes one reads (not a folder), by its parameter's name, for `InputPath._files_in_folder`
_LABELS_FILES = (".csv", ".tsv", ".xlsx", ".jsonl", ".json")
_FILES_READ = {"label_files": _LABELS_FILES, "labels_file": _LABELS_FILES, "stopwords_file": (".txt",)}


# what the commands write: a PATH that is not there but is named so was meant as the output, --out forgotten
_WRITTEN_SUFFIXES = (".csv", ".jsonl", ".xlsx", ".html", ".htm")


def _output_meant(value, param, ctx) -> str | None:
    """A hint for a PATHS argument that is not there but named as what the command writes (`label articles.csv
    labels.csv`, --out forgotten): to write it, give it with --out. None otherwise."""
    if param is None or param.name != "paths" or ctx is None or os.path.lexists(home_path(value)):
        return None
    if PATTERN.search(str(value)):  # "data/*.csv" that names no file: the articles meant, not an output
        return None
    if not str(value).lower().endswith(_WRITTEN_SUFFIXES) or ctx.params.get("out") is not None:
        return None
    if not any(getattr(option, "name", None) == "out" for option in ctx.command.params):
        return None
    return f"To write it, give it with --out: --out {value}"


class OutputPath(click.Path):
    """A file (or with `folder`, a folder) the command writes; `Command` checks it against every input before
    the command runs. With `parts`, a file output ending in "/" is a folder too (Dask's parts, `label --out
    FOLDER/`); any other file output ending in "/" is refused."""

    def __init__(self, folder: bool = False, files=lambda: (), parts: bool = False):
        super().__init__(file_okay=not folder)
        self.folder = folder
        self.files = files  # a folder's: the names the command writes in it (imported only when it runs)
        self.parts = parts

    def convert(self, value, param, ctx):
        if not str(value).strip():  # `--out "$OUT"` with OUT unset: `topics fit` wrote into the current folder
            named = "the folder to write into (. for the current one)" if self.folder else "the file to write"
            self.fail(f"it is empty (an unset variable?): give the name of {named}", param, ctx)
        if value == "-":  # standard output, as many tools take it: `topics fit --out -` made a folder named "-"
            self.fail("'-' names no file: dvtopics writes its outputs into files and folders (only `label` without "
                      "--out writes to standard output, JSON lines); give a name (./- for one named '-')", param, ctx)
        if self.folder and os.path.isfile(home_path(value)):  # click said only "Directory 'a.jsonl' is a file."
            self.fail(f"{value!r} is a file, and {param.opts[0] if param else 'the output'} names the folder this "
                      "command writes its files into: give a folder's name (models/mine, themes)", param, ctx)
        return super().convert(home_path(value), param, ctx)


ARGS = "dvtopics.args"  # ctx.meta: the command's arguments as typed (`Command.parse_args`)
NOTES = "dvtopics.notes"  # ctx.meta: the notes the options gave while they were read (`note`)


def note(ctx: click.Context | None, message: str) -> None:
    """A note on an option ("-j 64 is more than the 2 cores here"), printed once the command knows whether it
    was given -q, which may come after the option (`dvtopics label x -j 64 -q`): -q prints no notes."""
    if ctx is None:
        click.echo(f"Note: {message}", err=True)
    else:
        ctx.meta.setdefault(NOTES, []).append(message)


def typed_command(ctx: click.Context) -> str:
    """The command as typed, `dvtopics train 'bài mới.jsonl' --out m`, quoted as a shell reads it: a model card recorded
    `"dvtopics train " + " ".join(sys.argv[2:])`, which after a global option (`dvtopics -q train a.jsonl`) was
    "dvtopics train train a.jsonl", and a path with a space two words."""
    import shlex

    return shlex.join(["dvtopics", ctx.info_name, *ctx.meta.get(ARGS, [])])


class Command(click.Command):
    """A dvtopics command. Before it runs, each output it was given is checked (`run.batch.check_output`,
    `check_folder`) against everything it reads, whatever the option, and against its other outputs: the one
    place where `--out`, `--plot`, `--xlsx` … meet `--labels`, model folders and the articles.
    It takes `dvtopics`' -v and -q after its name too, as most tools do (`dvtopics label x -q`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params += [click.Option(["-v", "--verbose"], count=True, help="As `dvtopics -v`: more log output."),
                        click.Option(["-q", "--quiet"], is_flag=True, help="As `dvtopics -q`: only errors and the "
                                                                           "closing summary.")]

    def parse_args(self, ctx, args):
        ctx.meta[ARGS] = list(args)  # the command's arguments as typed, for `typed_command`
        _refuse_repeated(self, ctx, args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        try:
            return self._checked_and_run(ctx)
        except ArgumentError as refused:  # a wrong command line, found by the library: shown as click's own
            raise click.UsageError(terminal_text(str(refused)), ctx) from None

    def _checked_and_run(self, ctx):
        from . import set_verbosity
        from ..io.folders import writing
        from ..jobs.checks import file_meant, output_name
        from ..run.batch import check_folder, check_output

        verbose, quiet = ctx.params.pop("verbose", 0), ctx.params.pop("quiet", False)
        if verbose or quiet:  # given after the command: added to what `dvtopics` was given before it
            root = ctx.find_root().params
            set_verbosity(root.get("verbose", 0) + verbose, root.get("quiet", False) or quiet)
        notes = ctx.meta.pop(NOTES, [])
        if not (quiet or ctx.find_root().params.get("quiet", False)):
            for message in notes:
                click.echo(f"Note: {message}", err=True)

        for param in self.params:  # the paths a pattern names (`InputPath`), before they are checked against outputs
            if isinstance(param.type, InputPath) and isinstance(ctx.params.get(param.name), (list, tuple)):
                ctx.params[param.name] = tuple(path for given in ctx.params[param.name] for path in matched_paths(given))
        inputs = [path for param in self.params if isinstance(param.type, InputPath)
                  for path in _values(ctx.params.get(param.name))]
        outputs = [(path, param.type) for param in self.params
                   if isinstance(param.type, OutputPath) for path in _values(ctx.params.get(param.name))]
        for n, (out, kind) in enumerate(outputs):
            others = inputs + [other for m, (other, _) in enumerate(outputs) if m != n]
            if kind.folder:
                check_folder(out, others, kind.files())
            elif out.endswith(("/", os.sep)):
                if not kind.parts:  # (a slip of tab completion) it was written as a file, and refused the next time
                    raise DvtopicsError(f"{out}: a folder (it ends in '{out[-1]}'); name the file to write, "
                                        f"{file_meant(out, 'NAME')}")
                # FOLDER/ is Dask's parts folder only: on the local engine it is refused as a file meant (before the
                # folder is checked, which called an existing labels.csv "a file; name a folder")
                output_name(out, ctx.params.get("engine") or "local")
                check_folder(out, others)
            else:
                check_output(out, others)
        # an output file is never named as an input not read, in a folder it is in (an output folder may hold
        # articles of the user's: it is read as it was)
        with writing(out for out, kind in outputs if not kind.folder and not out.endswith(("/", os.sep))), \
                _one_run_at_a_time(out for out, _ in outputs):
            return super().invoke(ctx)


def _refuse_repeated(command: click.Command, ctx, args: list[str]) -> None:
    """Refuse an option that takes a list in one value given twice (`--views text --views head`): click keeps the
    last, in silence, where `--classifier` and `--labels`, which may repeat, keep each; the model was trained on
    `head` alone. (A value option of one item given again replaces the first, as in most tools: `alias
    dvl="dvtopics label --model m1"`, then `dvl x --model m2`.)"""
    single = {name: param for param in command.get_params(ctx) if isinstance(param, click.Option)
              and not (param.multiple or param.count or param.is_flag) and "," in (param.metavar or "")
              for name in param.opts}
    given: dict[str, list[str]] = {}
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            break
        name, equals, value = token.partition("=")
        if name not in single:
            continue
        value = value if equals else next(tokens, "")
        given.setdefault(single[name].name, []).append(f"{name} {value}")
    for typed in given.values():
        if len(typed) > 1:
            times = "twice" if len(typed) == 2 else f"{len(typed)} times"
            raise click.UsageError(f"{' and '.join(typed)}: given {times}, the last would replace the others; give "
                                   f"the list once ({single[typed[0].split()[0]].metavar})", ctx)


@contextlib.contextmanager
def _one_run_at_a_time(outputs):
    """Hold each output's lock (`OUT.lock`, `FOLDER.lock` beside it) while the command runs: two runs into one --out
    both said they had written it, and the one that ended last had (`report`, `topics fit`, `segment`; `label` held
    its lock already). An output whose folder is not there yet is not locked: the command makes the folder."""
    from ..run.batch import output_lock

    with contextlib.ExitStack() as held:
        for out in outputs:
            out = Path(home_path(out).rstrip("/" + os.sep) or out)
            if out.parent.is_dir():
                held.enter_context(output_lock(out))
        yield


class Group(click.Group):
    """A group of `Command`s (`dvtopics topics …`)."""

    command_class = Command


def _values(value) -> list[str]:
    """An option's paths: none, one, or several (an argument of nargs=-1, a `multiple` option)."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (tuple, list)) else [str(value)]


def force_option(what: str = "--out"):
    """--force: replace `what` when it is not as dvtopics wrote it (`run.batch.refuse_edited`)."""
    return click.option("--force", is_flag=True,
                        help=f"Replace {what} even when it is not as dvtopics wrote it (changed by hand since, or a "
                             "file of your own); without it such a file is refused.")


def checked(check):
    """An option's callback that takes its value through a check of the library (`check(value)` returns it
    parsed): the one place where the library's `ArgumentError` becomes click's usage error naming the option,
    so a value Python refuses is refused alike, with the command's usage and `Try ... --help`."""
    def callback(ctx, param, value):
        from ..errors import ArgumentError

        if value is None:
            return None
        try:
            return check(value)
        except ArgumentError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    return callback


ARTICLE_PATHS = InputPath(exists=True, readable=False)  # (a file that may not be read: an error in its place)
paths_argument = click.argument("paths", nargs=-1, required=True, type=ARTICLE_PATHS)

# Every number a user can type has a range, so a wrong one is a one-line usage error, never a traceback or
# a run that silently does nothing (a batch of 0 articles, 0 processes). The upper bounds lie far beyond any
# real use; without them a value too large for Python's C code (islice, a numpy seed) fails mid-run.
class WholeNumber(click.IntRange):
    """click's IntRange, saying plainly that a whole number is wanted: "10.0" (a config's, a script's n / 2) and "2.5"
    were "not a valid integer range", in click's words. Such a number is refused, as the library refuses 10.0
    (`arguments.meant_number`): the message names the number meant."""

    def convert(self, value, param, ctx):
        from ..arguments import whole_number_wanted

        if isinstance(value, str) and not re.fullmatch(r"\s*[-+]?\d+\s*", value):
            self.fail(f"{value!r}: {whole_number_wanted(value, self.min, self.max)}", param, ctx)
        return super().convert(value, param, ctx)

    def _describe_range(self) -> str:
        # click describes a range open at both ends as "x<=None" in the help; such an option's help says its values
        return "" if self.min is None and self.max is None else super()._describe_range()


SEED = WholeNumber(0, MAX_SEED)  # what numpy accepts as a random seed
ARTICLES = WholeNumber(1, MAX_PART)  # articles at a time (a Dask part, a report's rows per type)
BATCH = WholeNumber(1, MAX_BATCH)  # articles labelled and written at a time: a batch is held in memory


def one_of(choices) -> click.Choice:
    """An option's choices, in any case: "--classifier SVM", "--format JSON" were refused, as typed from the docs'
    tables or a capitalised habit; the value given to the command is the choice as written here."""
    return click.Choice(choices, case_sensitive=False)


class FloatRange(click.FloatRange):
    """click's FloatRange without NaN: NaN fails every comparison, so click's bounds let it through, and a
    `--min-confidence nan` would abstain on every article. The infinities fail the bounds of every range here.
    A share (0 to 1) is read as a Vietnamese user writes it too: "0,8" (a decimal comma) and "80%" are 0.8; "80",
    meant as a percentage, is refused naming the share meant ("'0,8' is not a valid float range" said neither)."""

    def convert(self, value, param, ctx):
        typed = value
        if isinstance(value, str) and self.max == 1:
            value = _as_share(value)
        try:
            number = super().convert(value, param, ctx)
        except click.BadParameter as error:
            if self.max == 1 and _is_percentage(typed):
                self.fail(f"{typed}: a share from 0 to 1 is wanted ({float(typed) / 100:g} for {typed}%)", param, ctx)
            if typed != value:  # the value as typed ("150%"), not as read ("1.5 is not in the range")
                error.message = f"{typed!r} ({value}): {error.message}"
            raise
        if math.isnan(number):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


def _as_share(text: str) -> str:
    """ "0,8", "80%" and "80,5%" as "0.8" and "0.805"; any other text as it is."""
    text = text.strip()
    if re.fullmatch(r"\d*,\d+\s*%?", text):
        text = text.replace(",", ".")
    if re.fullmatch(r"\d+(\.\d+)?\s*%", text):
        return repr(float(text.rstrip("% ")) / 100)
    return text


def _is_percentage(value) -> bool:
    """A number over 1 and up to 100, as typed: a percentage meant as a share ("80")."""
    return isinstance(value, str) and bool(re.fullmatch(r"\s*\d+(\.\d+)?\s*", value)) and 1 < float(value) <= 100


SHARE = FloatRange(0, 1)


class ModelFolder(InputPath):
    """A folder of a model of `task` (None: a classifier) that a command reads. One that does not exist is
    refused as click refuses it, naming the option (or argument), and with the command that makes such a folder
    (`persist.how_made`): `report --topics themes-typo` once said "no such model directory (train one with
    `dvtopics train`)", naming neither the option nor the command that makes topics. A folder that holds no
    model is the loader's one line (`persist.read_card`), which names that command too."""

    def __init__(self, task: str | None = None, besides: str = ""):
        super().__init__(exists=True, file_okay=False)
        self.task, self.besides = task, besides  # besides: another way to give one (`shipped`)

    def order(self, ctx, param) -> str:
        """What a command that takes a model folder, then articles, wants first: for a MODEL missing, or articles."""
        from ..persist import how_made

        return (f"{ctx.command_path} takes the model folder first ({param.human_readable_name}: "
                f"{how_made(self.task, 'DIR')}{self.besides}), then the articles")

    def convert(self, value, param, ctx):
        from ..io.folders import holds_txt
        from ..persist import CARD_FILE, how_made

        try:
            path = super().convert(value, param, ctx)
        except click.BadParameter as error:
            if os.path.exists(value):  # a file: click's reason, and the folder when it is a model's file
                folder = os.path.dirname(value) or "."
                if os.path.isfile(os.path.join(folder, CARD_FILE)):
                    self.fail(f"{error.message.rstrip('.')}: give its model folder, {folder}", param, ctx)
                if value.lower().endswith(".zip"):  # a model shared as mine.zip (an .xlsx is a zip too: not this)
                    self.fail(f"{value!r} is a zip archive: unzip it and give the model folder inside", param, ctx)
                if os.path.isfile(value):  # an article file where a model is wanted: `evaluate test.jsonl mine`
                    # said only "Directory 'test.jsonl' is a file."
                    self.fail(f"{value!r} is a file, not a model folder" + (
                        f": {self.order(ctx, param)}" if _before_articles(ctx, param)
                        else f" ({how_made(self.task, 'DIR')}{self.besides})"), param, ctx)
                raise
            self.fail(f"{error.message.rstrip('.')}: {how_made(self.task, value)}{self.besides}", param, ctx)
        if _before_articles(ctx, param) and not os.path.isfile(os.path.join(path, CARD_FILE)) and holds_txt(path):
            # `evaluate seeds --labels l.csv`, the model forgotten: "Missing argument 'PATHS...'" said nothing of it
            self.fail(f"{value!r} is a folder of articles, not a model folder (no {CARD_FILE} in it): "
                      f"{self.order(ctx, param)}", param, ctx)
        return path


def _before_articles(ctx, param) -> bool:
    """Whether `param` is an argument of a command that takes articles (PATHS) after it: `evaluate MODEL PATHS`."""
    return ctx is not None and isinstance(param, click.Argument) and any(
        isinstance(other, click.Argument) and other.name == "paths" for other in ctx.command.params)


class ModelArgument(click.Argument):
    """A model folder given before the articles (`evaluate MODEL PATHS`, `topics assign DIRECTORY PATHS`): missing,
    it says what to give first, as its type says it (`ModelFolder.order`): `dvtopics evaluate` alone said only
    "Missing argument 'MODEL'"."""

    def process_value(self, ctx, value):
        try:
            return super().process_value(ctx, value)
        except click.MissingParameter as error:
            if isinstance(self.type, ModelFolder) and _before_articles(ctx, self):
                error.message = self.type.order(ctx, self)
            raise


class ModelDir(ModelFolder):
    """A classifier's folder, or `shipped` for the model that comes with dvtopics (`types.model.model_directory`)."""

    def __init__(self):
        super().__init__(besides=", or give `shipped` for the model that comes with dvtopics")

    def convert(self, value, param, ctx):
        from ..types.model import SHIPPED, model_directory

        if value == SHIPPED:
            if os.path.isdir(SHIPPED):  # a folder of that name here (train refuses to make one) is not what is read
                note(ctx, f"'{SHIPPED}' is the model that comes with dvtopics; give the folder {SHIPPED} here as "
                          f"./{SHIPPED}.")
            return str(model_directory(SHIPPED))
        return super().convert(value, param, ctx)


class InspectPath(InputPath):
    """`inspect`'s PATHS: articles, model folders, and `shipped`, read as `ModelDir` reads it: the card of the model
    that comes with dvtopics, which an installed wheel keeps inside the package, where no user finds it."""

    def convert(self, value, param, ctx):
        from ..types.model import SHIPPED

        return ModelDir().convert(value, param, ctx) if value == SHIPPED else super().convert(value, param, ctx)


MODEL_DIR = ModelDir()
TOPICS_DIR = ModelFolder("topics")  # a topics model's folder: `topics show|assign|html DIRECTORY`, `report --topics`


def _field_name(ctx, param, value: str) -> str:
    if not value.strip():
        raise click.BadParameter("a field name cannot be empty")
    # under an ASCII locale with Python's UTF-8 mode off (LC_ALL=C PYTHONUTF8=0; in a C locale alone Python 3.7+
    # turns it on) "Bài báo" came as surrogate escapes of its UTF-8 bytes, which named no column; paths stay so
    # escaped, since the file system takes them only so there
    return writable_text(value)


FIELDS = {"text": "the text", "id": "the id", "label": "a label", "title": "the title", "date": "the date",
          "source": "the source", "lead": "the lead (read before the text)"}  # each a --NAME-field option, default NAME: a field of `FieldNames`


def input_options(func):
    """--text-field, --id-field, … --source-field and --max-bytes for reading JSONL, CSV and .xlsx."""
    for option in reversed([
        *(click.option(f"--{name}-field", f"{name}_field", default=name, show_default=True, callback=_field_name,
                       help=f"JSONL/CSV/XLSX field with {what} (by default '{name}', else '{COMMON_NAMES[name][0].capitalize()}' "
                            "or another common name).") for name, what in FIELDS.items()),
        click.option("--max-bytes", default=MAX_ARTICLE_BYTES, show_default=True, type=WholeNumber(1, MAX_BYTES),
                     help="Articles larger than this are reported as errors."),
    ]):
        func = option(func)
    return func


def field_names(**options) -> FieldNames:
    """The `FieldNames` of the --NAME-field options, given as NAME_field=..."""
    return FieldNames(**{name: options[f"{name}_field"] for name in FIELDS})


def reading_options(n_jobs: bool = True, cache: bool = True):
    """--text-field … --source-field, --max-bytes (and -j, --cache-dir/--no-cache) handed to the command as one argument,
    `reading`: the `jobs.Reading` of its PATHS, which is what every job takes."""
    def decorate(func):
        @functools.wraps(func)
        def command(*args, paths, max_bytes, n_jobs=1, cache_dir=None, no_cache=False, **kwargs):
            from ..jobs import Reading

            if no_cache and cache_dir is not None:  # the folder would be ignored: say so, as for --scheduler
                raise click.UsageError("--cache-dir names the cache that --no-cache turns off: give one of them")
            fields = field_names(**{f"{name}_field": kwargs.pop(f"{name}_field") for name in FIELDS})
            reading = Reading(paths, fields, max_bytes, n_jobs, cache_dir, not no_cache)
            return func(*args, paths=paths, reading=reading, **kwargs)

        for option in [cache_options] * cache + [n_jobs_option] * n_jobs + [input_options]:
            command = option(command)
        return command
    return decorate


def _n_jobs(ctx, param, value: int) -> int:
    """-1 (all cores) or 1 and more, as the library checks n_jobs (`check_n_jobs`); more processes than cores only
    slows the run, so it is capped."""
    from ..arguments import check_n_jobs
    from ..parallel import processes

    value = checked(functools.partial(check_n_jobs, "-j"))(ctx, param, value)
    used = processes(value)
    if value > used:  # said as a note of the command's (after -q is known), not as the library's warning
        note(ctx, f"-j {value} is more than the {plural(used, 'core')} here; using {used}.")
        return used
    return value


def n_jobs_option(func):
    return click.option("-j", "--n-jobs", default=1, show_default=True, type=WholeNumber(), callback=_n_jobs,
                        help="Processes to work in (-1: all cores; more than the cores is capped).")(func)


def cache_options(func):
    # any path: one that cannot hold the cache (a file) is skipped with a warning, as $DVTOPICS_CACHE is
    func = click.option("--cache-dir", type=click.Path(), default=None,
                        help="Segmentation cache folder [default: $DVTOPICS_CACHE, else "
                             "$XDG_CACHE_HOME/dvtopics, else ~/.cache/dvtopics].")(func)
    return click.option("--no-cache", is_flag=True,
                        help="Do not read or write the segmentation cache (so no --cache-dir).")(func)


def _scheduler(ctx, param, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"([a-z]+://)?\S+:\d+", value):
        raise click.BadParameter(f"{value!r}: an address with its port, like tcp://10.0.0.5:8786")
    return value


def engine_options(func):
    """--engine/--scheduler/--part-size: run locally, or on a Dask cluster (dvtopics.run.distributed). The Dask
    options with the local engine are refused: they would be ignored. With --engine dask, -j sizes the local
    cluster (one worker per core when it is not given); beside --scheduler it is refused, as it would be ignored."""
    run = func

    @functools.wraps(run)
    def command(*args, engine, scheduler, part_size, **kwargs):
        ctx = click.get_current_context()

        def given(name):
            return ctx.get_parameter_source(name) not in (click.core.ParameterSource.DEFAULT, None)

        if engine == "local" and (scheduler is not None or given("part_size")):
            named = " and ".join(name for name, used in (("--scheduler", scheduler is not None),
                                                         ("--part-size", given("part_size"))) if used)
            raise click.UsageError(f"{named} {'are' if ' and ' in named else 'is'} for --engine dask; the local "
                                   "engine runs on this machine")
        if engine == "dask" and given("n_jobs") and scheduler is not None:
            raise click.UsageError("-j sizes the local cluster; with --scheduler the cluster's workers are the "
                                   "parallelism (`dask worker ... --nworkers N` on each machine)")
        if engine == "dask" and "n_jobs" in kwargs and not given("n_jobs"):
            kwargs["n_jobs"] = -1  # a local cluster of one worker per core
        return run(*args, engine=engine, scheduler=scheduler, part_size=part_size, **kwargs)

    func = command
    for option in reversed([
        click.option("--engine", type=one_of(ENGINES), default="local", show_default=True,
                     help="local: stream on this machine. dask: parts of the input on a Dask cluster "
                          "(pip install 'dvtopics[dask]'; needs --out)."),
        click.option("--scheduler", default=None, metavar="ADDRESS", callback=_scheduler,
                     help="Dask scheduler (tcp://host:8786) [default: a local cluster of -j workers, one per core "
                          "without -j]."),
        click.option("--part-size", default=10_000, show_default=True, type=ARTICLES,
                     help="Dask: articles (JSONL lines, .txt files) per task."),
    ]):
        func = option(func)
    return func
