"""Build hooks. Everything declarative lives in setup.cfg; this file only puts the shipped models in the wheel.

The default models live in `models/` at the top of the repository (a declared part of the layout, and
where `dvtopics train --out models/...` writes them). A wheel installed elsewhere has no repository
beside it, so the build copies `models/` into the package as `dvtopics/shipped_models/`, where
`dvtopics.types.model` looks first.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODELS = Path(__file__).resolve().parent / "models"


class BuildPyWithModels(build_py):
    def run(self):
        # setuptools only adds to build/lib: a module moved or deleted since the last build would
        # otherwise ship in the wheel beside its new home.
        shutil.rmtree(Path(self.build_lib, "dvtopics"), ignore_errors=True)
        super().run()
        for source in sorted(MODELS.rglob("*")):
            if source.is_file() and not source.name.startswith("."):
                target = Path(self.build_lib, "dvtopics", "shipped_models", source.relative_to(MODELS))
                self.mkpath(str(target.parent))
                self.copy_file(str(source), str(target))


setup(cmdclass={"build_py": BuildPyWithModels})
