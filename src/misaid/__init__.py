"""misaid: a decision aid that explains minimally invasive spine surgery options."""

__version__ = "0.1.0"
