"""`Segmenter`: word segmentation as a scikit-learn transformer (see `dvtopics.text.segment`)."""
from __future__ import annotations

from sklearn.base import BaseEstimator, TransformerMixin

from .cache import SegmentCache
from .segment import segment_many


class Segmenter(BaseEstimator, TransformerMixin):
    """scikit-learn transformer: raw texts in, segmented texts out.

    Stateless (fit learns nothing), so it can head a `Pipeline`; put it before
    a vectorizer that splits on whitespace.
    """

    def __init__(self, lower: bool = True, n_jobs: int = 1, cache_dir: str | None = None, use_cache: bool = True):
        self.lower = lower
        self.n_jobs = n_jobs
        self.cache_dir = cache_dir
        self.use_cache = use_cache

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> list[str]:
        cache = SegmentCache(self.cache_dir) if self.use_cache else None
        try:
            return segment_many(X, n_jobs=self.n_jobs, cache=cache, lower=self.lower)
        finally:
            if cache is not None:
                cache.close()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        return tags
