"""Tests mirroring src/misaid."""
