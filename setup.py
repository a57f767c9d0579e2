"""Build hooks. Everything declarative lives in setup.cfg; this file only puts the shipped model in the wheel.

The default models live in `models/` at the top of the repository (a declared part of the layout, and
where `dvtopics train --out models/...` writes them). A wheel installed elsewhere has no repository
beside it, so the build copies the shipped model into the package as `dvtopics/shipped_models/`, where
`dvtopics.types.model` looks first.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODELS = Path(__file__).resolve().parent / "models"
# The shipped model's two files (persist.MODEL_FILES) and nothing else of models/: a clone's own models there (the
# README's `train --out models/mine`, a `topics fit --out models/themes` with its tables of the user's articles) and
# a retrain's leftovers went into every wheel built from it. MANIFEST.in names the same files for the sdist.
SHIPPED = [Path("article-type", name) for name in ("model.pickle.gz", "model_card.json")]


class BuildPyWithModels(build_py):
    def run(self):
        # setuptools only adds to build/lib: a module moved or deleted since the last build would
        # otherwise ship in the wheel beside its new home.
        shutil.rmtree(Path(self.build_lib, "dvtopics"), ignore_errors=True)
        super().run()
        for name in SHIPPED:
            target = Path(self.build_lib, "dvtopics", "shipped_models", name)
            self.mkpath(str(target.parent))
            self.copy_file(str(MODELS / name), str(target))


setup(cmdclass={"build_py": BuildPyWithModels})
