"""`python -m resume_lessons.cli`."""

from . import main

raise SystemExit(main())
