"""The app's version, from one source: ``pyproject.toml``'s ``version``.

From a checkout or a pip install it is read from the package's metadata (``importlib.metadata``); the bundle built
by ``installer.spec`` has no metadata, so the spec bakes the version into a ``VERSION`` file beside the app's files
at build time. Asked lazily (``--version``, 关于, the settings page): reading metadata costs start-up time.
"""

from __future__ import annotations

from functools import lru_cache

DIST_NAME = "center-app"
UNKNOWN = "0+unknown"


@lru_cache(maxsize=1)
def version() -> str:
    from center_app.config import app_path, frozen

    if frozen():
        try:
            return app_path("VERSION").read_text("utf-8").strip() or UNKNOWN
        except OSError:
            return UNKNOWN
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(DIST_NAME)
    except PackageNotFoundError:  # a checkout run without ``pip install -e .``: what pyproject.toml says
        return _pyproject_version() or UNKNOWN


def _pyproject_version() -> str | None:
    import tomllib

    from center_app.config import app_path

    try:
        project = tomllib.loads(app_path("pyproject.toml").read_text("utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    value = project.get("version")
    return value if isinstance(value, str) else None
