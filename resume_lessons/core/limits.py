"""How much input the kit reads, in one place. docs/limits.md lists each with its reason.

Every reader stops at these bounds with the kit's own error (file, place, what to do), so a
hostile or unlucky file costs seconds and megabytes, never minutes and gigabytes. A test keeps
docs/limits.md in step with the values here.
"""

from __future__ import annotations

# Bytes read from one file. Sizes are checked on what is actually read, not on what stat says.
MAX_TEXT_BYTES = 2_000_000  # a YAML, JSON, Markdown or text resume; a long one is ~20 KB
MAX_DOCUMENT_BYTES = 20_000_000  # a PDF or DOCX, which carry fonts and images
MAX_POSTING_BYTES = 100_000  # a job posting (YAML, JSON, text); a long one is ~10 KB
MAX_DRAFTS_BYTES = 5_000_000  # a drafts file: every draft with up to MAX_HISTORY versions
MAX_MANIFEST_BYTES = 20_000_000  # a batch's manifest.json: one entry per learner

# Structure of one YAML or JSON document.
MAX_DEPTH = 50  # nesting of lists and mappings; a resume needs 5
MAX_NODES = 100_000  # values after expanding aliases; 20,000 bullets need about 40,000
MAX_NUMBER_DIGITS = 100  # digits in one number; a longer one is not a resume's number

# Imported documents (PDF, DOCX, Markdown, text).
MAX_PDF_PAGES = 10  # pages read from a PDF; the rest are skipped with a warning
MAX_PDF_STREAM_BYTES = 10_000_000  # one compressed PDF stream, unpacked
MAX_PDF_WORDS = 10_000  # words on the pages read from a PDF; a resume has 500 to 1,500
MAX_UNZIPPED_BYTES = 100_000_000  # all the parts of a DOCX, unpacked
MAX_LINE_CHARS = 5_000  # characters in one line or paragraph; a long bullet has 300

# Messages.
MAX_PROBLEMS_SHOWN = 20  # problems listed in one error; the rest are counted

ALL = {
    name: value
    for name, value in dict(globals()).items()
    if name.startswith("MAX_") and isinstance(value, int)
}
