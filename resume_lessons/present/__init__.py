"""Presentation: HTML, charts, report content and the class overview."""
