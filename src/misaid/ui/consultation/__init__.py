"""Consultation mode: every question on one screen beside the live explanation."""
