"""The core: reads and analyses resumes (no notebook, plotting or report machinery)."""
