"""What the code itself must keep to, beyond what pyflakes checks."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dvtopics"


def test_no_function_hides_a_name_its_module_imports():
    """Hunt 27 D, 7: a local `named` (the labels listed in a warning) hid `arguments.named` in jobs/report.py and
    types/training.py, and a local `missing` hid `arguments.missing` in io/records.py: a call of the import further
    down the function would call the list."""
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.asname or alias.name.split(".")[0] for node in tree.body
                    if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
        for function in (node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))):
            hidden += [f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.id}" for node in ast.walk(function)
                       if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id in imported]
    assert not hidden
