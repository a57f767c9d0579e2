"""Stage 3, themes: topic models over segmented articles, their engines, measures, sweeps and summaries."""


def __getattr__(name):
    # Topic models saved before #19 name their classes dvtopics.topics.X (see dvtopics.persist.MOVED_MODULES).
    from ..persist import moved
    return moved(__name__, name)
