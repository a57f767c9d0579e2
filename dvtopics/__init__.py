"""dvtopics: sort and explore Vietnamese news about "công tác dân vận".

The public API, re-exported lazily so that `import dvtopics` (and the CLI's
startup) does not pay for scikit-learn or gensim until they are used.
"""
from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "io.article", "make_article": "io.article", "read_articles": "io.read", "read_labels": "io.labels",
    "FieldNames": "io.records",
    "extract_metadata": "io.metadata",
    "normalize": "text.normalise", "strip_furniture": "text.furniture",
    "segment_text": "text.segment", "segment_many": "text.segment", "Segmenter": "text.segmenter",
    "SegmentCache": "text.cache",
    "load_classifier": "types.model", "predict_articles": "types.model", "Classifier": "types.model",
    "apply_rules": "types.rules",
    "TopicModel": "topics.model",
    "DvtopicsError": "errors", "InputError": "errors", "ModelError": "errors",
}


# The packages a user reaches through `dvtopics.` (the README's `dvtopics.jobs`), imported when first named:
# `import dvtopics; dvtopics.jobs.label(...)` raised "module 'dvtopics' has no attribute 'jobs'"
_SUBPACKAGES = ("jobs", "io", "text", "types", "topics", "report", "run", "errors", "arguments", "parallel", "persist")

# `from dvtopics import *` in a notebook: the public API (it imported `import_module` alone, since the names are lazy)
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    if name in _SUBPACKAGES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'dvtopics' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS) | set(_SUBPACKAGES))
