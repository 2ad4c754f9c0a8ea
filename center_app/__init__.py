"""乡村儿童之家管理系统 — desk app for rural children's activity centres."""


def __getattr__(name: str) -> str:
    # ``center_app.__version__``, computed when asked (center_app/version.py: the package metadata, or the
    # bundle's baked VERSION file): reading metadata at every start would cost start-up time.
    if name == "__version__":
        from center_app.version import version

        return version()
    raise AttributeError(f"module 'center_app' has no attribute {name!r}")
