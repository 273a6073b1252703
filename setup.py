"""Only what pyproject.toml cannot say: the top-level `resources/` folder (icons, demo
sources) ships inside the package as `casefile._resources`, so every build carries it
(docs/architecture.md, "Resources"). Everything else is in pyproject.toml."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

RESOURCES = Path(__file__).parent / "resources"
resource_packages = [
    ".".join(("casefile._resources", *d.relative_to(RESOURCES).parts))
    for d in [RESOURCES, *sorted(RESOURCES.rglob("*"))]
    if d.is_dir() and "__pycache__" not in d.parts
]

setup(
    packages=[
        *find_namespace_packages(include=["casefile", "casefile.*"], exclude=["*__pycache__"]),
        *resource_packages,
    ],
    package_dir={"casefile._resources": "resources"},
)
