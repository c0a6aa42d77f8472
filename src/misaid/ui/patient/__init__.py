"""The patient's journey: welcome, one page per question, urgent screens and the result."""
