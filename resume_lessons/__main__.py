"""`python -m resume_lessons`: the same command line as `resume-lessons`."""

from .cli import main

raise SystemExit(main())
