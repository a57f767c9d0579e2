"""dvtopics: sort and explore Vietnamese news about "công tác dân vận".

The public API, re-exported lazily so that `import dvtopics` (and the CLI's
startup) does not pay for scikit-learn or gensim until they are used.
"""
from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "corpus", "read_articles": "corpus", "read_labels": "corpus", "FieldNames": "corpus",
    "extract_metadata": "corpus",
    "normalize": "text", "strip_furniture": "text",
    "segment_text": "segment", "segment_many": "segment", "Segmenter": "segment", "SegmentCache": "segment",
    "load_classifier": "classify", "predict_articles": "classify", "Classifier": "classify",
    "apply_rules": "rules",
    "TopicModel": "topics",
    "DvtopicsError": "errors", "InputError": "errors", "ModelError": "errors",
}


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'dvtopics' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_EXPORTS))
