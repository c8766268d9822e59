"""Runners: the papermill report and the class batch."""
