"""JSON input: what a value is (for error messages), one object per JSONL line, and where reading a JSON
array goes on after an item that is not valid JSON."""
from __future__ import annotations

import contextlib
import json
import re

from ..errors import InputError


def json_kind(value) -> str:
    """What a JSON value is, in words for an error message."""
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", type(None): "null", str: "text"}.get(type(value), "a number")


# Raw control characters inside strings (a TAB, an ESC pasted into a title) are common in scraped text; strict
# JSON refuses them ("Invalid control character at"). Input is read as json's strict=False reads it: they are kept.
DECODER = json.JSONDecoder(strict=False)


def loads(text: str):
    """The JSON value of `text`, read as input is (`DECODER`): `json.loads` with raw control characters in strings."""
    return DECODER.decode(text)


def line_value(text: str):
    """The JSON value of a JSON line, a comma after it aside (records written `json.dumps(record) + ","`, or an array's
    items with its brackets taken off): each line was "not valid JSON (Extra data …)", and every article lost."""
    try:
        return loads(text)
    except ValueError:
        stripped = text.rstrip()
        if stripped.endswith(","):
            with contextlib.suppress(ValueError):
                return loads(stripped[:-1])
        raise


def json_error(exc: ValueError, whole: bool = False) -> str:
    """Why a JSON text was refused, with where in it: "Expecting value at column 1" in a line, "… at line 4,
    column 2" in a `whole` file (json's own message stops short: "Unterminated string starting at"). A huge
    number's ValueError says itself."""
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)
    column = exc.colno
    if not whole and exc.lineno > 1 and not exc.doc[exc.doc.find("\n"):].strip():
        # a line that stops short (`{"id": "a", "title": "x"`): json went on past its end ("line 2, column 1"), and
        # the place is the end of the line, as json.loads of the line alone says it
        column = len(exc.doc[:exc.doc.find("\n")].rstrip("\r")) + 1
    return f"{exc.msg.removesuffix(' at')} at " + (f"line {exc.lineno}, " if whole else "") + f"column {column}"


def json_records(text: str, where: str) -> dict | list[dict]:
    """The JSON object of a JSON line, or the objects of an array of them (a batch of articles written as one
    line, as `jq -c '.items'` writes it); `InputError` naming `where` and the cause for anything else."""
    try:
        value = line_value(text)
    except ValueError as exc:
        # a Python dict printed (`f.write(str(record))`): its quotes are single, and json's message does not say so
        python = "; single quotes: a Python dict printed, not JSON (write each record with json.dumps)" if (
            text.lstrip("\ufeff \t").startswith("{'")) else ""
        raise InputError(f"{where}: not valid JSON ({json_error(exc)}){python}") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deep to read") from None
    if isinstance(value, str) and value.lstrip().startswith("{"):
        # an object written as a JSON string, encoded twice (json.dumps of json.dumps, as a scraper's pipeline that
        # dumps its items before an exporter that dumps them again writes them): the object it holds
        try:
            value = loads(value)
        except (ValueError, RecursionError):
            pass
    if isinstance(value, dict):
        return value
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return value
    raise InputError(f"{where}: a JSON object per line is expected (or an array of objects), not {json_kind(value)}")


# what says where a JSON value nests: strings (whole, so that their brackets do not count), brackets, commas
_JSON_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[][{},]')
_COMMA_THEN_OBJECT = re.compile(r",[ \t\r\n]*\{")


def next_array_item(text: str, start: int, decoder: json.JSONDecoder) -> int | None:
    """Where reading a JSON array goes on after the item at `start` that is not valid JSON (or not JSON at
    all): the next "{" at the array's own level (after a "," or "}"), or its closing "]"; None when there is
    none. The brackets are counted outside strings, so an object nested in the broken item is not taken for
    the next article. When they never balance (a "}" left out), the first "{" after a "," where an object can
    be read that a "," or "]" follows."""
    depth, previous = 0, ""
    for token in _JSON_STRUCTURE.finditer(text, start):
        mark = token.group()
        if depth == 0 and token.start() > start and (mark == "]" or mark == "{" and previous in (",", "}")):
            return token.start()
        if mark in "{[":
            depth += 1
        elif mark in "}]":
            depth = max(depth - 1, 0)
        previous = mark[0]
    for match in _COMMA_THEN_OBJECT.finditer(text, start):
        at = match.end() - 1
        try:
            value, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):
            continue
        if isinstance(value, dict) and re.match(r"[ \t\r\n]*[,\]]", text[end:end + 1000]):
            return at
    return None
