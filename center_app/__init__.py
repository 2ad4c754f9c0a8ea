"""乡村儿童之家管理系统 — desk app for rural children's activity centres."""

__version__ = "0.1.0"
